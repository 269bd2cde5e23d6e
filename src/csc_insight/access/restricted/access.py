"""Who may open a restricted record, and the flags, grants and review report behind it.

The one question the rest of the app asks is `may_see(user, child_id)` (or, for a list,
`hidden_from(user, child_ids)`): an unrestricted child is governed by the role alone; a
restricted one opens only for the named roles (settings.RESTRICTED_ROLES) or a grant in
force today.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.accesslog.search import csv_safe
from csc_insight.access.restricted.models import Grant, RestrictedRecord
from csc_insight.common.child_ids import canonical_child_id, normalise_child_id

MAX_GRANT_DAYS = 90  # a grant is time-limited: at most this long from the day it is made
MASK = "Restricted record"


def today() -> date:
    return timezone.localdate()


def restricted_ids() -> frozenset[str]:
    """The children whose restriction is in force."""
    return frozenset(
        RestrictedRecord.objects.filter(lifted_at__isnull=True).values_list("child_id", flat=True)
    )


def _named_role(user: Any) -> bool:
    return user.role in settings.RESTRICTED_ROLES


def _granted(user: Any, child_ids: Iterable[str]) -> set[str]:
    return set(
        Grant.objects.filter(
            user=user,
            record__child_id__in=list(child_ids),
            revoked_at__isnull=True,
            until__gte=today(),
        ).values_list("record__child_id", flat=True)
    )


def hidden_from(user: Any, child_ids: Iterable[str]) -> frozenset[str]:
    """Those of these children whose restricted record this user may not open."""
    wanted = set(child_ids)
    restricted = set(
        RestrictedRecord.objects.filter(child_id__in=wanted, lifted_at__isnull=True).values_list(
            "child_id", flat=True
        )
    )
    if not restricted or _named_role(user):
        return frozenset()
    return frozenset(restricted - _granted(user, restricted))


def may_see(user: Any, child_id: str) -> bool:
    key = normalise_child_id(child_id)
    return key not in hidden_from(user, [key])


def flag(child_id: str, category: str, reason: str, by: Any) -> RestrictedRecord:
    """Restrict a child's record (again, if an earlier restriction was lifted); the id is
    stored in its canonical form, as the data holds it (ChildIdError if it is not an id)."""
    record, _ = RestrictedRecord.objects.update_or_create(
        child_id=canonical_child_id(child_id),
        defaults={
            "category": category,
            "reason": reason,
            "flagged_by": by,
            "flagged_at": timezone.now(),
            "lifted_by": None,
            "lifted_at": None,
        },
    )
    return record


def lift(record: RestrictedRecord, by: Any) -> None:
    with transaction.atomic():
        record.lifted_by, record.lifted_at = by, timezone.now()
        record.save(update_fields=["lifted_by", "lifted_at"])
        for held in record.grants.filter(revoked_at__isnull=True):
            revoke(held, by)


def grant(record: RestrictedRecord, user: Any, until: date, reason: str, by: Any) -> Grant:
    if not today() <= until <= today() + timedelta(days=MAX_GRANT_DAYS):
        raise ValueError(f"A grant ends between today and {MAX_GRANT_DAYS} days from today")
    return Grant.objects.create(record=record, user=user, until=until, reason=reason, granted_by=by)


def revoke(held: Grant, by: Any) -> None:
    if held.revoked_at is None:
        held.revoked_by, held.revoked_at = by, timezone.now()
        held.save(update_fields=["revoked_by", "revoked_at"])


@dataclass(frozen=True)
class ReviewRow:
    """One grant as the review report shows it, with how often it was used."""

    child_id: str
    category: str
    restriction: str
    user: str
    role: str
    reason: str
    granted_by: str
    granted_on: date
    until: date
    status: str
    views: int


def review(on: date | None = None) -> list[ReviewRow]:
    """Every grant ever made, newest first, with the grantee's views of the child while
    the grant was open."""
    on = on or today()
    rows = []
    for held in Grant.objects.select_related("record", "user", "granted_by"):
        ended = held.revoked_at or timezone.make_aware(
            datetime.combine(held.until + timedelta(days=1), time.min)
        )
        views = AccessEvent.objects.filter(
            user_id=held.user_id,
            child_id=held.record.child_id,
            at__gte=held.granted_at,
            at__lt=ended,
        ).count()
        rows.append(
            ReviewRow(
                child_id=held.record.child_id,
                category=held.record.get_category_display(),
                restriction="In force" if held.record.in_force else "Lifted",
                user=held.user.get_username(),
                role=held.user.get_role_display(),
                reason=held.reason,
                granted_by=held.granted_by.get_username(),
                granted_on=timezone.localdate(held.granted_at),
                until=held.until,
                status=held.status(on),
                views=views,
            )
        )
    return rows


REVIEW_COLUMNS = [
    "child_id",
    "category",
    "restriction",
    "user",
    "role",
    "reason",
    "granted_by",
    "granted_on",
    "until",
    "status",
    "views",
]


def review_csv(rows: Iterable[ReviewRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(REVIEW_COLUMNS)
    for row in rows:
        writer.writerow([csv_safe(str(getattr(row, column))) for column in REVIEW_COLUMNS])
    return out.getvalue()
