"""Creating users, for the CLI and the Users page alike: usernames that cannot be markup or
a spreadsheet formula, generated passwords, resetting, disabling and ending sessions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ValidationError

from csc_insight.access.accounts.provision import (
    create_user,
    disable_user,
    end_sessions,
    validate_username,
)
from csc_insight.access.roles import Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["jo.smith@council.gov.uk", "a1", "B-2_c+d"])
def test_usernames_accepted(name: str) -> None:
    assert validate_username(name) == name


@pytest.mark.parametrize("name", ["a", "=SUM(A1)", "-x", "<b>", "jo smith", "x" * 151])
def test_usernames_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        validate_username(name)


def test_a_generated_password_then_a_reset_and_disable() -> None:
    name, password = create_user("new.analyst", "analyst")
    assert name == "new.analyst"
    assert len(password) == 20  # secrets.token_urlsafe(15)
    user = get_user_model().objects.get(username="new.analyst")
    assert user.role == Role.ANALYST and user.is_active and user.check_password(password)

    disable_user(user.pk)
    user.refresh_from_db()
    assert not user.is_active

    _, again = create_user("new.analyst", Role.MANAGER, "a long passphrase 4 tests")
    user.refresh_from_db()
    assert user.is_active and user.role == Role.MANAGER
    assert again == "a long passphrase 4 tests" and user.check_password(again)


def test_a_weak_password_is_refused_and_no_user_is_made() -> None:
    with pytest.raises(ValidationError):
        create_user("weak.one", "member", "password")
    assert not get_user_model().objects.filter(username="weak.one").exists()


def test_end_sessions_ends_only_that_users_sessions(users: dict[str, object]) -> None:
    mine, theirs = users["analyst"], users["manager"]
    for user in (mine, mine, theirs):
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session.create()
    assert end_sessions(mine.pk) == 2
    assert end_sessions(mine.pk) == 0
    assert end_sessions(theirs.pk) == 1
