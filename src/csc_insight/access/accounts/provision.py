"""Creating users and the demo logins, for the CLI and the Users page."""

from __future__ import annotations

import re
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from csc_insight.access.roles import Role

# Letters, numbers and . @ + - _, starting with a letter or number (so that no username is
# markup, or a formula when the access log or grant review is opened in a spreadsheet).
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9.@+_-]{1,149}")
USERNAME_MESSAGE = (
    "Enter a username of 2 to 150 letters, numbers and . @ + - _, starting with a letter or number"
)


def validate_username(username: str) -> str:
    """The one check of a username, for the Users page and `createuser` alike."""
    if not USERNAME.fullmatch(username):
        raise ValidationError(USERNAME_MESSAGE, code="invalid")
    return username


def create_user(username: str, role: Role | str, password: str | None = None) -> tuple[str, str]:
    """Create (or reset) a user with `role`; returns (username, password).

    Without a password a random one is generated. The username must pass
    `validate_username` and a given password the password validators
    (django.core.exceptions.ValidationError otherwise).
    """
    validate_username(username)
    role = Role(role)
    User = get_user_model()
    if password is None:
        password = secrets.token_urlsafe(15)
    with transaction.atomic():
        user, _ = User.objects.get_or_create(username=username)
        validate_password(password, user)
        user.role = role
        user.is_active = True
        user.set_password(password)
        user.save()
    end_sessions(user.pk)
    return username, password


def demo_users() -> dict[Role, tuple[str, str]]:
    """One demo login per role (`demo-<role>`), each with a fresh random password."""
    return {role: create_user(f"demo-{role.value}", role) for role in Role}


def disable_user(user_id: int) -> None:
    """Stop a user logging in and end every session they have now."""
    get_user_model().objects.filter(pk=user_id).update(is_active=False)
    end_sessions(user_id)


def end_sessions(user_id: int) -> int:
    """Delete every live session of one user; returns how many were ended."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            session.delete()
            ended += 1
    return ended
