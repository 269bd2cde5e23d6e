"""Creating users and the demo logins, for the CLI and the Users page."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from csc_insight.web.roles import Role
from csc_insight.web.sessions import end_sessions


def create_user(username: str, role: Role | str, password: str | None = None) -> tuple[str, str]:
    """Create (or reset) a user with `role`; returns (username, password).

    Without a password a random one is generated. A given password must pass the
    password validators (django.core.exceptions.ValidationError otherwise).
    """
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
