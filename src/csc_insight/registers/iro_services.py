"""What the IRO service's pages and commands do, in one place: the register (escalations and
contacts) with the looked-after children's reviews from the current snapshot, the alerts
and caseloads as at a day, one child's record, and the command-line list with its one
access-log event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from csc_insight.indicators.periods import Period
from csc_insight.registers import iro, iro_returns
from csc_insight.registers.annual_services import year_of
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.registers.services import today


@dataclass(frozen=True)
class IroView:
    escalations: list[tuple[IroEscalation, iro.Escalation]]  # newest first, with alerts
    states: list[iro.ChildState]  # children looked after on `as_at`, with alerts
    caseloads: list[iro.Caseload]
    contacts: list[IroContact]  # newest first
    alert_counts: dict[str, int]
    returns: iro_returns.Returns | None  # None: no data loaded
    register: iro.RegisterYear  # the year holding `on`
    year: iro_returns.ReturnsYear | None  # the same year from the returns; None: no data
    on: date
    as_at: date  # `on`, or the data's last day when that is earlier (children's alerts)

    @property
    def alerted(self) -> list[iro.ChildState]:
        return [s for s in self.states if s.alerts]

    @property
    def child_ids(self) -> list[str]:
        """Every child the page shows: alerted children, escalations, contacts."""
        ids = [s.child_id for s in self.alerted]
        ids += [row.child_id for row, _ in self.escalations]
        ids += [c.child_id for c in self.contacts]
        return list(dict.fromkeys(ids))


def escalations() -> list[iro.Escalation]:
    return [iro.escalation_from_model(r) for r in IroEscalation.objects.all()]


def contacts() -> list[iro.Contact]:
    return [iro.contact_from_model(r) for r in IroContact.objects.all()]


def iro_view(
    on: date | None = None, snapshot_id: str | None = None, contacts_shown: int = 25
) -> IroView:
    on = on or today()
    rows = list(IroEscalation.objects.all())
    raised = iro.escalations_with_alerts([iro.escalation_from_model(r) for r in rows], on)
    made = contacts()
    returns = iro_returns.read(snapshot_id)
    as_at = min(on, returns.last_day) if returns else on
    states = iro.child_states(returns, raised, made, as_at) if returns else []
    year: Period = year_of(on)
    return IroView(
        escalations=list(zip(rows, raised, strict=True)),
        states=states,
        caseloads=iro.caseloads(states, raised, made, as_at),
        contacts=list(IroContact.objects.all()[:contacts_shown]),
        alert_counts=iro.alert_counts(raised, states),
        returns=returns,
        register=iro.register_year(raised, made, year),
        year=iro_returns.year_of(returns, year) if returns else None,
        on=on,
        as_at=as_at,
    )


@dataclass(frozen=True)
class ChildRecord:
    child_id: str
    state: iro.ChildState | None  # None: not looked after on the day (or no data)
    due: list[iro_returns.ReviewDue]  # every review due on file, newest first
    codes: dict[date, str | None]  # review day -> participation code
    escalations: list[tuple[IroEscalation, iro.Escalation]]
    contacts: list[IroContact]
    known: bool  # in the register or the data
    as_at: date  # the day the reviews are judged on (the data's last day at the latest)


def child_record(child_id: str, on: date | None = None) -> ChildRecord:
    on = on or today()
    rows = list(IroEscalation.objects.filter(child_id=child_id))
    raised = iro.escalations_with_alerts([iro.escalation_from_model(r) for r in rows], on)
    mine = list(IroContact.objects.filter(child_id=child_id))
    returns = iro_returns.read()
    state = None
    due: list[iro_returns.ReviewDue] = []
    codes: dict[date, str | None] = {}
    in_data = False
    as_at = min(on, returns.last_day) if returns else on
    if returns:
        found = iro.child_states(
            _only(returns, child_id), raised, [iro.contact_from_model(c) for c in mine], as_at
        )
        state = found[0] if found else None
        due = sorted(
            (d for d in returns.due or () if d.child_id == child_id),
            key=lambda d: (d.care_start, d.number),
            reverse=True,
        )
        codes = {r.held_on: r.code for r in returns.reviews if r.child_id == child_id}
        in_data = any(p.child_id == child_id for p in returns.care)
    return ChildRecord(
        child_id=child_id,
        state=state,
        due=due,
        codes=codes,
        escalations=list(zip(rows, raised, strict=True)),
        contacts=mine,
        known=bool(rows or mine or in_data) or iro_returns.child_in_data(child_id),
        as_at=as_at,
    )


def _only(returns: iro_returns.Returns, child_id: str) -> iro_returns.Returns:
    return iro_returns.Returns(
        returns.snapshot_id,
        returns.first_day,
        returns.last_day,
        tuple(p for p in returns.care if p.child_id == child_id),
        tuple(r for r in returns.reviews if r.child_id == child_id),
        None if returns.due is None else tuple(d for d in returns.due if d.child_id == child_id),
        (),
    )


def iro_for_command(
    username: str, include_restricted: bool = False, on: date | None = None
) -> tuple[IroView, frozenset[str]]:
    """`registers list iro`: the view and the restricted ids to mask; one access-log event
    with every child id printed."""
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command
    from csc_insight.access.restricted.access import restricted_ids

    view = iro_view(on, contacts_shown=0)
    masked = frozenset() if include_restricted else restricted_ids()
    ids = [s.child_id for s in view.alerted] + [row.child_id for row, _ in view.escalations]
    ids = list(dict.fromkeys(ids))
    shown = [c for c in ids if c not in masked]
    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(
        username,
        known.pk if known else None,
        "registers list iro",
        shown,
        reason=f"IRO register: {len(shown)} of {len(ids)} children shown"
        + (", restricted records included" if include_restricted else ""),
    )
    return view, masked
