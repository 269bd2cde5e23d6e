"""The optional second factor: a time-based one-time code (TOTP, django-otp) from an
authenticator app.

A user who has set one up, or whom an Administrator requires to have one, must enter a
code after their password before any page but this one opens. Codes are throttled by
django-otp (each failure doubles the wait) and a code is accepted once only.

Setting one up: a user may turn it on for themselves once signed in. But while a second
factor is *required* and none is set up, the password alone must not be enough to enrol
an authenticator (whoever holds the password would own the account): the Administrator
who requires it (or resets a lost one) is given a one-time setup link, valid for
SETUP_LINK_HOURS, to pass to the user; only a session that has opened that link, signed
in as that user, may set one up, and setting one up uses the link.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from base64 import b32encode
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

# The only pages a signed-in user who still owes a code may open.
OPEN_BEFORE_CODE = {
    "accounts:second_factor",
    "accounts:second_factor_setup",
    "accounts:logout",
    "accounts:login",
}
SETUP_LINK_HOURS = 72
SESSION_SETUP = "csc_totp_setup"  # the setup link's hash, once this session has opened it


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_setup_link(user: Any) -> tuple[str, datetime]:
    """A new one-time setup token for the user (any earlier one stops working), and when
    it expires; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    until = timezone.now() + timedelta(hours=SETUP_LINK_HOURS)
    user.totp_setup_hash, user.totp_setup_until = _digest(token), until
    user.save(update_fields=["totp_setup_hash", "totp_setup_until"])
    return token, until


def _link_in_force(user: Any, digest: str) -> bool:
    return bool(
        user.totp_setup_hash
        and user.totp_setup_until
        and user.totp_setup_until > timezone.now()
        and hmac.compare_digest(user.totp_setup_hash, digest)
    )


def open_setup_link(request: HttpRequest, token: str) -> bool:
    """Whether the token is the signed-in user's setup link in force; if so this session
    may now set up an authenticator."""
    digest = _digest(token)
    if not _link_in_force(request.user, digest):
        return False
    request.session[SESSION_SETUP] = digest
    return True


def may_set_up(request: HttpRequest) -> bool:
    """Whether this session may set up an authenticator now: none is set up, and either
    none is required (the user turns it on for themselves) or the session opened the
    Administrator's setup link."""
    user = request.user
    if device_of(user) is not None:
        return False
    if not user.totp_required:  # type: ignore[union-attr]
        return True
    return _link_in_force(user, request.session.get(SESSION_SETUP, ""))


def _use_setup_link(request: HttpRequest) -> None:
    user = request.user
    user.totp_setup_hash, user.totp_setup_until = "", None  # type: ignore[union-attr]
    user.save(update_fields=["totp_setup_hash", "totp_setup_until"])  # type: ignore[union-attr]
    request.session.pop(SESSION_SETUP, None)


def device_of(user: Any) -> TOTPDevice | None:
    """The user's confirmed authenticator, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def owes_code(request: HttpRequest) -> bool:
    """Signed in by password, but a second factor is set up or required and not yet given."""
    user = request.user
    if not user.is_authenticated or user.is_verified():  # type: ignore[union-attr]
        return False
    return bool(user.totp_required) or device_of(user) is not None  # type: ignore[union-attr]


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed authenticator being set up (one per user; made if need be)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> SafeString:
    """The otpauth:// address as an inline SVG QR code (no image request, no script)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg = image.to_string(encoding="unicode").replace(' id="qr-path"', "")
    svg = svg.replace(
        "<svg ",
        '<svg role="img" aria-label="QR code for your authenticator app" class="csc-qr" ',
        1,
    )
    return mark_safe(svg)  # noqa: S308 - generated by qrcode from our own URL, no user text


def check_code(request: HttpRequest, code: str) -> bool:
    """Accept a code from the user's confirmed device, or confirm the one being set up;
    on success the session is marked as having passed the second factor."""
    user = request.user
    device = device_of(user)
    if device is None:
        if not may_set_up(request):
            return False
        device = pending_device(user)
    if not device.verify_token(code.replace(" ", "")):
        return False
    if not device.confirmed:
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _use_setup_link(request)
    otp_login(request, device)
    return True


def forget(user: Any) -> None:
    """Remove a user's authenticators (a lost phone): they set up a new one at next sign-in
    if a second factor is required of them."""
    TOTPDevice.objects.filter(user=user).delete()


class SecondFactorMiddleware:
    """Send a user who owes a code to the code page, whatever they asked for."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match and match.view_name in OPEN_BEFORE_CODE:
            return None
        if owes_code(request):
            return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))
        return None
