"""The record-keeping fields every register's entries share: when an entry was made and
last changed, and (for entries a person types in) who made it. Abstract: each register's
table has the columns itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Timestamped(models.Model):
    """When a register entry was made and last changed (every register keeps both)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Recorded(Timestamped):
    """A register entry a person types in: who made it, as well as when."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True
