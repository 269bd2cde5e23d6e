"""Session limits beyond Django's own: an absolute lifetime, and ending a user's sessions.

Inactivity is Django's: SESSION_COOKIE_AGE renewed on every request. The absolute limit
counts from login (stamped by the `user_logged_in` signal in accounts.apps).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

LOGIN_AT = "csc_login_at"


def stamp_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    request.session[LOGIN_AT] = int(time.time())


class AbsoluteTimeoutMiddleware:
    """Log out a session older than SESSION_ABSOLUTE_AGE, however active it has been."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            started = request.session.get(LOGIN_AT)
            if started is None or time.time() - started > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
        return self.get_response(request)


def end_sessions(user_id: int) -> int:
    """Delete every live session of one user; returns how many were ended."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            session.delete()
            ended += 1
    return ended
