"""An access event: who looked at which child, where, when (UTC) and why; never the data.

Rows are append-only: database triggers (migration 0002) refuse UPDATE and DELETE.
The username is copied, not a foreign key, so the record survives the user's removal.
A list of children (drill-down, audit round, sampler, `csc-insight children`) is one event
with child_id LIST_CHILD_ID and every id it showed in `child_ids` (space-separated, with a
space at either end so that a search for one child matches whole ids only).
"""

from __future__ import annotations

from django.db import models

LIST_CHILD_ID = "*list*"  # the child_id of an event for a list of children


class AccessEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user_id = models.BigIntegerField(null=True)
    username = models.CharField(max_length=150, db_index=True)
    child_id = models.CharField(max_length=64, db_index=True)
    route = models.CharField(max_length=100)
    path = models.CharField(max_length=300)
    reason = models.CharField(max_length=300, blank=True)
    # null, not "": adding a nullable column keeps the append-only triggers on SQLite
    child_ids = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    @property
    def children_shown(self) -> list[str]:
        return (self.child_ids or "").split()

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.child_id}"
