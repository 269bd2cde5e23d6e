"""Login throttling beyond django-axes' per-username limit: where a login comes from, and a
limit on failed logins per address (so that one address cannot try a few passwords on
many usernames: password spraying).

django-axes counts failures per (username, address) and locks that pair after
AXES_FAILURE_LIMIT (5) within AXES_COOLOFF_TIME (15 minutes). `AddressLimitedHandler`
also refuses every login from an address that has failed LOGIN_FAILURES_PER_ADDRESS times
(default 20, `CSC_INSIGHT_LOGIN_FAILURES_PER_ADDRESS`) in that window, whatever the
usernames. The address is `client_address`: REMOTE_ADDR, or behind
`CSC_INSIGHT_PROXY_COUNT` reverse proxies the entry that many places from the end of
X-Forwarded-For (the one the outermost proxy appended; entries before it are the client's
own and are ignored).
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address a login came from (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote


def address_failures(request: HttpRequest) -> int:
    """Failed logins from this request's address, any username, in the cool-off window."""
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    total = AccessAttempt.objects.filter(
        ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return total or 0


class AddressLimitedHandler(AxesDatabaseHandler):
    """Axes' database handler, also locked per address at LOGIN_FAILURES_PER_ADDRESS."""

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        return super().is_locked(request, credentials) or _address_locked(request)

    def user_login_failed(
        self,
        sender: Any,
        credentials: dict[str, Any],
        request: HttpRequest | None = None,
        **kwargs: Any,
    ) -> None:
        """Record the failure (axes); the one that reaches the address limit locks it, as
        the fifth for one username does."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if (
            request is not None
            and not getattr(request, "axes_locked_out", False)
            and _address_locked(request)
        ):
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.axes_credentials = credentials  # type: ignore[attr-defined]


def _address_locked(request: HttpRequest) -> bool:
    limit = settings.LOGIN_FAILURES_PER_ADDRESS
    return bool(
        settings.AXES_LOCK_OUT_AT_FAILURE and limit > 0 and address_failures(request) >= limit
    )
