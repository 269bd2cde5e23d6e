"""What the LADO and private fostering pages and commands do, in one place: each register
with its alerts as on a day and the current year's figures, and the command-line lists
with their one access-log event (the LADO's by case reference, private fostering's by
child)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from csc_insight.indicators.periods import Period, financial_year, fy_start_year
from csc_insight.registers import lado, private_fostering
from csc_insight.registers.models import (
    AwarenessActivity,
    LadoContact,
    PrivateFostering,
    PrivateFosteringVisit,
)
from csc_insight.registers.services import today


def year_of(on: date) -> Period:
    """The financial year holding `on`."""
    return financial_year(fy_start_year(on))


@dataclass(frozen=True)
class LadoView:
    entries: list[tuple[LadoContact, lado.Contact]]  # newest first, each with its alerts
    alert_counts: dict[str, int]
    figures: lado.YearFigures  # the year holding `on`
    on: date

    @property
    def references(self) -> list[str]:
        return [row.reference for row, _ in self.entries]


def lado_contacts() -> list[lado.Contact]:
    return [lado.from_model(r) for r in LadoContact.objects.all()]


def lado_view(on: date | None = None) -> LadoView:
    on = on or today()
    rows = list(LadoContact.objects.all())
    contacts = lado.with_alerts([lado.from_model(r) for r in rows], on)
    return LadoView(
        entries=list(zip(rows, contacts, strict=True)),
        alert_counts=lado.alert_counts(contacts),
        figures=lado.year_figures(contacts, year_of(on)),
        on=on,
    )


@dataclass(frozen=True)
class FosteringView:
    entries: list[tuple[PrivateFostering, private_fostering.Arrangement]]
    alert_counts: dict[str, int]
    figures: private_fostering.YearFigures  # the year holding `on`
    awareness: list[AwarenessActivity]  # in that year, newest first
    on: date

    @property
    def child_ids(self) -> list[str]:
        return list(dict.fromkeys(row.child_id for row, _ in self.entries))


def arrangements() -> list[tuple[PrivateFostering, private_fostering.Arrangement]]:
    """Every arrangement with its visits, newest notification first."""
    rows = list(PrivateFostering.objects.all())
    visits: dict[int, list[date]] = {}
    for v in PrivateFosteringVisit.objects.all():
        visits.setdefault(v.arrangement_id, []).append(v.visited_on)  # type: ignore[attr-defined]
    return [(r, private_fostering.from_model(r, visits.get(r.pk, []))) for r in rows]


def awareness_in(year: Period) -> list[AwarenessActivity]:
    return list(AwarenessActivity.objects.filter(held_on__range=(year.start, year.end)))


def fostering_view(on: date | None = None) -> FosteringView:
    on = on or today()
    pairs = arrangements()
    found = private_fostering.with_alerts([a for _, a in pairs], on)
    year = year_of(on)
    return FosteringView(
        entries=[(row, a) for (row, _), a in zip(pairs, found, strict=True)],
        alert_counts=private_fostering.alert_counts(found),
        figures=private_fostering.year_figures(found, year),
        awareness=awareness_in(year),
        on=on,
    )


def _log(username: str, command: str, ids: Iterable[str], reason: str) -> None:
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command

    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(username, known.pk if known else None, command, ids, reason=reason)


def lado_for_command(username: str, on: date | None = None) -> LadoView:
    """`registers list lado`: the register, with one access-log event holding every case
    reference printed (the entries are about people, though not children)."""
    view = lado_view(on)
    _log(
        username,
        "registers list lado",
        view.references,
        f"LADO register: {len(view.references)} case references shown",
    )
    return view


def fostering_for_command(
    username: str, include_restricted: bool = False, on: date | None = None
) -> tuple[FosteringView, frozenset[str]]:
    """`registers list private-fostering`: the view and the restricted ids to mask; one
    access-log event with every child id printed."""
    from csc_insight.access.restricted.access import restricted_ids

    view = fostering_view(on)
    masked = frozenset() if include_restricted else restricted_ids()
    shown = [c for c in view.child_ids if c not in masked]
    _log(
        username,
        "registers list private-fostering",
        shown,
        f"private fostering register: {len(shown)} of {len(view.child_ids)} children shown"
        + (", restricted records included" if include_restricted else ""),
    )
    return view, masked
