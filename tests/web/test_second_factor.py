"""The optional second factor (TOTP): required by an Administrator or set up by the user,
then asked for after the password before any page opens; codes are single-use and
throttled; an Administrator can reset a lost authenticator."""

from __future__ import annotations

import time

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .pages import check_page

PASSWORD = "correct horse battery staple"
CODE_PAGE = reverse("accounts:second_factor")


def _code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app would show now (or that many 30-second steps on)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def _wrong(device: TOTPDevice) -> str:
    """A code no step near now accepts."""
    near = {_code(device, step) for step in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in near)


def _signed_in(user) -> Client:
    user.refresh_from_db()  # keep what the Users page changed since the fixture made it
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def _setup_link(clients, user) -> str:
    """Require a second factor for the user from the Users page: the path of the one-time
    setup link the page shows the Administrator."""
    page = clients["administrator"].post(
        reverse("accounts:user_second_factor", args=[user.pk]), {"action": "require"}
    )
    assert page.status_code == 200
    link = check_page(page.content).xpath("//*[@id='setup-link']/text()")[0]
    return link.removeprefix("http://testserver")


def test_a_required_user_sets_up_a_code_before_anything_opens(clients, users, snapshot) -> None:
    manager = users["manager"]
    link = _setup_link(clients, manager)
    client = _signed_in(manager)
    journey = reverse("children:journey", args=["C1"])
    refused = client.get(journey)
    assert refused.status_code == 302
    assert refused["Location"] == f"{CODE_PAGE}?next=/children/C1/"
    # the password alone does not enrol an authenticator: the setup link is needed
    assert client.get(link).status_code == 302
    page = client.get(refused["Location"])
    doc = check_page(page.content)
    assert doc.xpath("//h1/text()") == ["Set up two-factor authentication"]
    assert doc.xpath("//svg[@role='img']/@aria-label") == ["QR code for your authenticator app"]
    device = TOTPDevice.objects.get(user=manager, confirmed=False)
    wrong = client.post(CODE_PAGE, {"code": _wrong(device), "next": "/children/C1/"})
    assert wrong.status_code == 400
    assert "That code is wrong or has expired" in check_page(wrong.content).text_content()
    time.sleep(1.1)  # one failure: django-otp refuses any code for 1 second
    right = client.post(CODE_PAGE, {"code": _code(device), "next": "/children/C1/"})
    assert (right.status_code, right["Location"]) == (302, "/children/C1/")
    assert client.get(journey).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_the_next_sign_in_asks_for_a_fresh_code(users) -> None:
    analyst = users["analyst"]
    device = TOTPDevice.objects.create(user=analyst, name="app", confirmed=True)
    first = _signed_in(analyst)
    assert first.get("/")["Location"].startswith(CODE_PAGE)
    doc = check_page(first.get(CODE_PAGE).content)
    assert doc.xpath("//h1/text()") == ["Enter your code"]
    used = _code(device)
    assert first.post(CODE_PAGE, {"code": used}).status_code == 302
    assert first.get("/").status_code == 200
    second = _signed_in(analyst)
    assert second.post(CODE_PAGE, {"code": used}).status_code == 400  # a code works once
    time.sleep(1.1)
    assert second.post(CODE_PAGE, {"code": _code(device, 1)}).status_code == 302
    assert second.get("/").status_code == 200


def test_repeated_wrong_codes_are_throttled(users) -> None:
    member = users["member"]
    device = TOTPDevice.objects.create(user=member, name="app", confirmed=True)
    client = _signed_in(member)
    for _ in range(5):
        client.post(CODE_PAGE, {"code": _wrong(device)})
    # five failures: django-otp refuses every code for 16 seconds, the right one included
    assert client.post(CODE_PAGE, {"code": _code(device)}).status_code == 400
    assert client.get("/").status_code == 302


def test_a_user_may_turn_it_on_without_being_required(users) -> None:
    member = users["member"]
    client = _signed_in(member)
    assert client.get("/").status_code == 200  # not required, none set up: no code asked
    client.get(CODE_PAGE)
    device = TOTPDevice.objects.get(user=member)
    assert client.post(CODE_PAGE, {"code": _code(device)}).status_code == 302
    on = check_page(client.get(CODE_PAGE).content)
    assert on.xpath("//h1/text()") == ["Two-factor authentication"]
    assert _signed_in(member).get("/").status_code == 302


def test_next_never_leaves_the_site(users) -> None:
    member = users["member"]
    device = TOTPDevice.objects.create(user=member, name="app", confirmed=True)
    client = _signed_in(member)
    response = client.post(CODE_PAGE, {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("dashboard:start")


def test_administrator_requires_and_resets(clients, users) -> None:
    admin = clients["administrator"]
    member = users["member"]
    url = reverse("accounts:user_second_factor", args=[member.pk])
    assert "setup-link" in admin.post(url, {"action": "require"}).content.decode()
    member.refresh_from_db()
    assert member.totp_required is True
    TOTPDevice.objects.create(user=member, name="app", confirmed=True)
    page = check_page(admin.get(reverse("accounts:users")).content)
    row = page.xpath(f"//tr[td[1]='{member.username}']/td[4]")[0]
    assert " ".join(row.text_content().split()).startswith("Set up (required)")
    admin.post(url, {"action": "reset"})
    assert not TOTPDevice.objects.filter(user=member).exists()
    admin.post(url, {"action": "optional"})
    member.refresh_from_db()
    assert member.totp_required is False
