"""The user: Django's own, plus the one role that decides what they may open."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from csc_insight.access.roles import Role


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    # An Administrator may require a second factor (web/accounts/second_factor.py).
    totp_required = models.BooleanField(default=False)
    # While a second factor is required and none is set up, only the holder of the
    # Administrator's one-time setup link may set one up: its SHA-256, and when it expires.
    totp_setup_hash = models.CharField(max_length=64, blank=True, default="")
    totp_setup_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.username
