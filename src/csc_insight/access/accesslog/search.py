"""Finding access events by user, by child and by date, and writing them out as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from django import forms
from django.db.models import Q, QuerySet

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.common.child_ids import normalise_child_id

CSV_COLUMNS = ["at_utc", "username", "child_id", "route", "path", "reason", "children_shown"]
# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class SearchForm(forms.Form):
    user = forms.CharField(required=False, max_length=150, label="User")
    child = forms.CharField(required=False, max_length=64, label="Child ID")
    date_from = forms.DateField(required=False, label="From (inclusive)")
    date_to = forms.DateField(required=False, label="To (inclusive)")


def find(
    user: str = "", child: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet[AccessEvent]:
    events = AccessEvent.objects.all()
    if user:
        events = events.filter(username__iexact=user.strip())
    if child:
        wanted = normalise_child_id(child)
        events = events.filter(Q(child_id=wanted) | Q(child_ids__contains=f" {wanted} "))
    if date_from:
        events = events.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=UTC))
    if date_to:
        end = datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=UTC)
        events = events.filter(at__lt=end)
    return events


def csv_safe(value: str) -> str:
    """Escape a cell a spreadsheet would run as a formula (OWASP: prefix with ')."""
    return "'" + value if value.startswith(FORMULA_START) else value


def to_csv(events: Iterable[AccessEvent]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        at = e.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        row = [at, e.username, e.child_id, e.route, e.path, e.reason, " ".join(e.children_shown)]
        writer.writerow([csv_safe(str(v)) for v in row])
    return out.getvalue()
