"""The five roles and what each is for; a user has exactly one."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    ANALYST = "analyst", "Performance analyst"
    MANAGER = "manager", "Manager"
    AUDITOR = "auditor", "Auditor"
    MEMBER = "member", "Member"


# Roles that may see child-level lists and journeys without a per-child grant.
CHILD_LEVEL = frozenset({Role.MANAGER, Role.ANALYST, Role.ADMINISTRATOR})
# Roles that load data and switch snapshots.
DATA = frozenset({Role.ANALYST, Role.ADMINISTRATOR})
ADMIN = frozenset({Role.ADMINISTRATOR})
EVERYONE = frozenset(Role)
# Staff: everyone but Members (pages of unsuppressed counts, e.g. the registers' figures).
STAFF = EVERYONE - {Role.MEMBER}
