"""A form's period as a list of the data's periods to choose from (the quarters and years of
the current snapshot, newest first, the latest complete quarter chosen to start with), so
nobody has to type '2019-20-Q3'. A period asked for that is not in the list (by a link, or
the data changed) is kept as asked, for the form to accept or say what is wrong with it."""

from __future__ import annotations

from django import forms

from csc_insight.indicators import parse_period
from csc_insight.store import snapshots
from csc_insight.web.dashboard.figures import period_choices, read_period


def offer_periods(
    form: forms.Form, name: str, *, empty: str | None = None, quarters_only: bool = False
) -> None:
    """Make `form`'s field `name` (a Select) list the data's periods; `empty` labels a first
    choice of none; `quarters_only` leaves out the years and years to date."""
    field = form.fields[name]
    try:
        snapshot_id = snapshots.current().id
    except snapshots.SnapshotError:
        choices: list[tuple[str, str]] = []
    else:
        choices = period_choices(snapshot_id)
        if quarters_only:
            choices = [(label, words) for label, words in choices if is_quarter(label)]
        field.initial = read_period(None, snapshot_id).label
    listed = ([("", empty)] if empty is not None else []) + choices
    asked = form.data.get(name) if form.is_bound else None
    if asked and asked not in dict(listed):
        listed.append((asked, asked))
    field.widget.choices = listed


def is_quarter(label: str) -> bool:
    return parse_period(label).kind == "quarter"
