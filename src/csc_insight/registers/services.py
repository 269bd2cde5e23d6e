"""What the register pages and the command line do, in one place: the missing register
with the loaded episodes and alerts, for everyone or for one child."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from csc_insight.registers import champions, cme, missing, providers
from csc_insight.registers.models import (
    CmeEntry,
    Department,
    MissingEpisode,
    Provider,
    QuarantinedRow,
    TrainingRecord,
)

KINDS = {
    "missing": "Children missing from home and care",
    "cme": "Children missing education and at risk of it",
    "lado": "Allegations about adults who work with children (LADO)",
    "private-fostering": "Private fostering",
    "providers": "Providers: fostering agencies, supported accommodation, children's homes",
    "champions": "Safeguarding champions",
    "iro": "IRO service: disputes raised by IROs and their contacts with children",
}


def today() -> date:
    """Today, or CSC_INSIGHT_TODAY when set (the demo runs as at its data's last day), as
    for plans and audits: alerts, terms and years agree with the data."""
    from csc_insight.settings import fixed_today

    return fixed_today() or timezone.localdate()


@dataclass(frozen=True)
class MissingView:
    episodes: list[missing.Episode]  # merged, newest first, with alerts
    register_count: int
    loaded_count: int | None  # None: no data loaded
    alert_counts: dict[str, int]
    on: date

    @property
    def child_ids(self) -> list[str]:
        return list(dict.fromkeys(ep.child_id for ep in self.episodes))

    @property
    def alerted(self) -> list[missing.Episode]:
        return [ep for ep in self.episodes if ep.alerts]


def missing_view(
    child_id: str | None = None, on: date | None = None, snapshot_id: str | None = None
) -> MissingView:
    """The register (for one child, or all) merged with the loaded episodes, with alerts."""
    on = on or today()
    rows = MissingEpisode.objects.all()
    if child_id is not None:
        rows = rows.filter(child_id=child_id)
    register = [missing.from_model(r) for r in rows]
    loaded = missing.loaded_episodes(child_id, snapshot_id)
    episodes = missing.with_alerts(missing.merged(register, loaded or []), on)
    return MissingView(
        episodes=episodes,
        register_count=len(register),
        loaded_count=None if loaded is None else len(loaded),
        alert_counts=missing.alert_counts(episodes),
        on=on,
    )


def quarantined(register: str) -> list[QuarantinedRow]:
    return list(QuarantinedRow.objects.filter(register=register)[:200])


def missing_for_command(
    username: str, include_restricted: bool = False, on: date | None = None
) -> tuple[MissingView, frozenset[str]]:
    """The register for `registers list missing`: (the view, the restricted ids to mask),
    with one access-log event holding every id shown, as a list page writes.

    The access log and restricted records are csc_insight.access's; the registers' pages and
    commands both come through here."""
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command
    from csc_insight.access.restricted.access import restricted_ids

    view = missing_view(on=on)
    masked = frozenset() if include_restricted else restricted_ids()
    shown = [c for c in view.child_ids if c not in masked]
    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(
        username,
        known.pk if known else None,
        "registers list missing",
        shown,
        reason=f"missing register: {len(shown)} of {len(view.child_ids)} children "
        "shown" + (", restricted records included" if include_restricted else ""),
    )
    return view, masked


@dataclass(frozen=True)
class CmeView:
    counts: cme.TermCounts
    entries: list[tuple[CmeEntry, str | None]]  # in the term, with CP/CIN/EH or None
    services_known: bool

    @property
    def child_ids(self) -> list[str]:
        return list(self.counts.monitored)


def cme_view(term: cme.Term, snapshot_id: str | None = None) -> CmeView:
    """The register's entries in the term, the termly counts and each child's involvement
    with social care or early help from the snapshot."""
    rows = [
        r
        for r in CmeEntry.objects.all()
        if cme.Entry(r.child_id, r.category, r.start, r.end).in_term(term)
    ]
    entries = [cme.Entry(r.child_id, r.category, r.start, r.end) for r in rows]
    services = cme.involvement((e.child_id for e in entries), term, snapshot_id)
    return CmeView(
        counts=cme.term_counts(entries, term, services),
        entries=[(r, services.get(r.child_id) if services else None) for r in rows],
        services_known=services is not None,
    )


def current_term(on: date | None = None) -> cme.Term:
    """The school term holding `on`: autumn September-December, spring January-March
    (April before Easter counts with summer), summer April-August."""
    on = on or today()
    if on.month >= 9:
        return cme.Term(date(on.year, 9, 1), date(on.year, 12, 31))
    if on.month <= 3:
        return cme.Term(date(on.year, 1, 1), date(on.year, 3, 31))
    return cme.Term(date(on.year, 4, 1), date(on.year, 8, 31))


def cme_for_command(
    username: str,
    term: cme.Term,
    include_restricted: bool = False,
) -> tuple[CmeView, frozenset[str]]:
    """`registers list cme`: the view and the restricted ids to mask; one access-log event."""
    from django.contrib.auth import get_user_model

    from csc_insight.access.accesslog.record import record_command
    from csc_insight.access.restricted.access import restricted_ids

    view = cme_view(term)
    masked = frozenset() if include_restricted else restricted_ids()
    shown = [c for c in view.child_ids if c not in masked]
    known = get_user_model().objects.filter(username__iexact=username).first()
    record_command(
        username,
        known.pk if known else None,
        "registers list cme",
        shown,
        reason=f"missing education register {term.start}:{term.end}: "
        f"{len(shown)} of {len(view.child_ids)} children shown",
    )
    return view, masked


# Providers and safeguarding champions: counts of children only, and staff; no child id is
# shown, so nothing here is written to the access log.


@dataclass(frozen=True)
class ProvidersView:
    providers: list[providers.ProviderState]  # by name, with alerts as at `on`
    placed_known: bool  # False: no data loaded, so where children live is not known
    alert_counts: dict[str, int]
    on: date

    @property
    def children_now(self) -> int | None:
        """Looked-after children placed now with a provider on the register."""
        if not self.placed_known:
            return None
        return sum(p.children_now or 0 for p in self.providers)


def provider_state(row: Provider, children: int | None) -> providers.ProviderState:
    return providers.ProviderState(
        urn=row.urn,
        name=row.name,
        kind=row.kind,
        ratings=tuple(providers.Judgement(j.inspected_on, j.rating) for j in row.inspections.all()),
        visits=tuple(providers.Visit(v.visited_on, v.result) for v in row.visits.all()),
        children_now=children,
        provider_id=row.pk,
    )


def providers_view(on: date | None = None, snapshot_id: str | None = None) -> ProvidersView:
    """Every provider with its ratings, visits, the looked-after children placed there now
    (open SSDA903 episodes at its URN in the snapshot) and its alerts as at `on`."""
    on = on or today()
    rows = list(Provider.objects.prefetch_related("inspections", "visits"))
    placed = providers.placements((r.urn for r in rows), snapshot_id=snapshot_id)
    states = [
        providers.with_alerts(
            provider_state(r, None if placed is None else len(placed.get(r.urn, ()))), on
        )
        for r in rows
    ]
    return ProvidersView(states, placed is not None, providers.alert_counts(states), on)


@dataclass(frozen=True)
class ChampionsView:
    departments: list[champions.DepartmentState]  # by name, with alerts as at `on`
    last_due: champions.HalfYear  # the half-year whose returns the alert checks
    alert_counts: dict[str, int]
    on: date
    training: list[TrainingRecord]  # newest first


def department_state(row: Department) -> champions.DepartmentState:
    return champions.DepartmentState(
        name=row.name,
        chief_officer=row.chief_officer,
        champions=tuple(
            champions.Appointment(c.name, c.role, c.appointed_on, c.ended_on, c.pk)
            for c in row.champions.all()
        ),
        returns=tuple(
            champions.Return(r.half_year, r.received_on, r.assurance, r.actions)
            for r in row.returns.all()
        ),
        department_id=row.pk,
    )


def champions_view(on: date | None = None, training: int = 200) -> ChampionsView:
    """Every department with its champions, returns and alerts as at `on`, and the latest
    training records."""
    on = on or today()
    rows = Department.objects.prefetch_related("champions", "returns")
    states = [champions.with_alerts(department_state(r), on) for r in rows]
    return ChampionsView(
        departments=states,
        last_due=champions.last_due(on),
        alert_counts=champions.alert_counts(states),
        on=on,
        training=list(TrainingRecord.objects.select_related("department")[:training]),
    )
