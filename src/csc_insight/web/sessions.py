"""Session limits beyond Django's own: an absolute lifetime (ending a user's sessions is
`csc_insight.access.accounts.provision.end_sessions`).

Inactivity is Django's: SESSION_COOKIE_AGE renewed on every request. The absolute limit
counts from login (stamped by the `user_logged_in` signal connected in web/apps.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

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
