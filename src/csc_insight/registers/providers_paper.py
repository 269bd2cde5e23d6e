"""The annual public paper on the providers our looked-after children live with (seed 000,
"Independent Fostering Agencies"): `csc-insight committee providers-annual --year 2019-20
--meeting DATE`.

What it says, for the financial year: the providers on the register and their Ofsted
ratings at the year's end; every change of rating in the year (and whether our children
were placed there); the annual monitoring visits held and their results against the
national minimum standards, and the providers with none in the 12 months to the year's end;
where our children lived, from the SSDA903 episodes' URNs. Providers are organisations and
are named; children are only counted, through the disclosure policy (1 to 5 never shown;
the table by type and rating with secondary suppression, reports/disclosure.py). With no
providers, or no data loaded, it says so in words.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from csc_insight.indicators.periods import Period
from csc_insight.registers import providers, services
from csc_insight.registers.models import ProviderKind, VisitResult
from csc_insight.reports.disclosure import DEFAULT, Rule, count_text, protect
from csc_insight.reports.paper import Block, Bullets, Grid, Heading, Narrative, Paper, Para
from csc_insight.store import snapshots

SUBJECT = "Independent Fostering Agencies and Other Providers: Annual Report"
KINDS = dict(ProviderKind.choices)
# (one, many) as a sentence names them
NOUNS = {
    "ifa": ("independent fostering agency", "independent fostering agencies"),
    "supported": (
        "semi-independent or supported accommodation provider",
        "semi-independent or supported accommodation providers",
    ),
    "home": ("children's home", "children's homes"),
}


def _some(n: int, kind: str) -> str:
    return f"{n} {NOUNS[kind][0 if n == 1 else 1]}"


BANDS = {
    "good": "Good or Outstanding",
    "below": "Requires improvement or Inadequate",
    "none": providers.NOT_INSPECTED,
}


def _band(state: providers.ProviderState) -> str:
    if state.current is None:
        return "none"
    return "good" if state.current.rating in ("good", "outstanding") else "below"


def _ratings(states: list[providers.ProviderState], end: date) -> Grid:
    labels = [*providers.RATINGS.values(), providers.NOT_INSPECTED]
    rows = []
    for kind, name in KINDS.items():
        counts = Counter(s.rating_label for s in states if s.kind == kind)
        rows.append([name, *(str(counts[label]) for label in labels), str(sum(counts.values()))])
    totals = Counter(s.rating_label for s in states)
    rows.append(["All providers", *(str(totals[label]) for label in labels), str(len(states))])
    return Grid(f"Providers by Ofsted rating at {end:%-d %B %Y}", ["Type", *labels, "Total"], rows)


def _changes(
    states: list[providers.ProviderState], year: Period, lived: dict[str, set[str]] | None
) -> list[Block]:
    rows = []
    down = 0
    for s in states:
        history = sorted(s.ratings, key=lambda j: j.inspected_on)
        for before, now in zip(history, history[1:], strict=False):
            if not year.start <= now.inspected_on <= year.end or before.rating == now.rating:
                continue
            down += providers.RANK[now.rating] < providers.RANK[before.rating]
            placed = "No data" if lived is None else ("Yes" if lived.get(s.urn) else "No")
            rows.append(
                [s.name, s.urn, KINDS[s.kind], f"{now.inspected_on:%d/%m/%Y}", before.label]
                + [now.label, placed]
            )
    if not rows:
        return [Para(f"No provider's Ofsted rating changed in {year.label}.")]
    return [
        Para(
            f"{len(rows)} Ofsted judgement{'s' if len(rows) != 1 else ''} in {year.label} "
            f"changed a provider's rating: {down} down and {len(rows) - down} up. Each change "
            "for a provider where our children live is an alert on the register."
        ),
        Grid(
            f"Changes of Ofsted rating, {year.label}",
            ["Provider", "URN", "Type", "Inspected", "Was", "Now", "Our children placed"],
            rows,
            note="Our children placed: a looked-after child placed there at some time in the "
            "year (SSDA903 episodes).",
        ),
    ]


def _visits(states: list[providers.ProviderState], year: Period) -> list[Block]:
    held = [
        v for s in states for v in s.visits if year.start <= v.visited_on <= year.end
    ]  # every visit in the year
    visited = {s.urn for s in states for v in s.visits if year.start <= v.visited_on <= year.end}
    results = Counter(v.result for v in held)
    text = (
        f"{len(visited)} of the {len(states)} providers had an annual monitoring visit in "
        f"{year.label}, assessing the provider against the national minimum standards"
    )
    if held:
        met, partly, not_met = (results[code] for code in VisitResult.values)
        text += (
            f": the standards were met at {met} visit{'s' if met != 1 else ''}, partly met "
            f"at {partly} and not met at {not_met}"
        )
    blocks: list[Block] = [Para(text + ".")]
    overdue = [s for s in states if "visit_overdue" in s.alerts]
    if overdue:
        blocks.append(
            Para(
                f"At {year.end:%-d %B %Y}, {len(overdue)} provider"
                f"{'s' if len(overdue) != 1 else ''} had had no monitoring visit in the "
                "previous 12 months:"
            )
        )
        blocks.append(Bullets([f"{s.name} ({s.urn})" for s in overdue]))
    else:
        blocks.append(
            Para(f"Every provider had a monitoring visit in the 12 months to {year.end:%-d %B %Y}.")
        )
    return blocks


def _children(
    states: list[providers.ProviderState],
    year: Period,
    lived: dict[str, set[str]] | None,
    at_end: dict[str, set[str]] | None,
    rule: Rule,
) -> list[Block]:
    if lived is None or at_end is None:
        return [
            Para(
                "No data: no returns are loaded, so the looked-after children placed with each "
                "provider are not known."
            )
        ]
    during = set().union(*lived.values()) if lived else set()
    blocks: list[Block] = [
        Para(
            f"During {year.label}, {count_text(len(during), rule)} looked-after children were "
            "placed at some time with providers on the register (each child counted once), "
            "matched by the provider's Ofsted URN in the SSDA903 return."
        )
    ]
    kinds = list(KINDS)
    counts = [[0] * len(BANDS) for _ in kinds]
    for s in states:
        counts[kinds.index(s.kind)][list(BANDS).index(_band(s))] += len(at_end.get(s.urn, ()))
    table = protect([KINDS[k] for k in kinds], list(BANDS.values()), counts, rule)
    rows = [
        [table.rows[i], *(table.cell(i, j) for j in range(len(BANDS))), table.row_total(i)]
        for i in range(len(kinds))
    ]
    rows.append(
        ["All providers", *(table.column_total(j) for j in range(len(BANDS))), table.grand()]
    )
    blocks.append(
        Grid(
            f"Looked-after children placed at {year.end:%-d %B %Y}, by the provider's type and "
            "Ofsted rating",
            ["Type", *BANDS.values(), "Total"],
            rows,
            note=rule.note if table.any_suppressed else "",
        )
    )
    return blocks


def _snapshot_id(snapshot_id: str | None) -> str | None:
    try:
        return snapshot_id or snapshots.current().id
    except snapshots.SnapshotError:
        return None


def providers_paper(
    year: Period, meeting: date, rule: Rule = DEFAULT, snapshot_id: str | None = None
) -> Paper:
    """The annual paper for the financial year `year` (a Period of kind 'year')."""
    view = services.providers_view(on=year.end, snapshot_id=snapshot_id)
    states = view.providers
    urns = [s.urn for s in states]
    lived = providers.placements(urns, year.start, year.end, snapshot_id)
    at_end = providers.placements(urns, year.end, year.end, snapshot_id)
    body: list[Block] = [Heading("The providers on the register", 3)]
    if not states:
        body.append(
            Para(
                "The register holds no providers, so there are no Ofsted ratings, changes "
                f"of rating or monitoring visits to report for {year.label}."
            )
        )
    else:
        kinds = Counter(s.kind for s in states)
        body.append(
            Para(
                f"The register holds {len(states)} provider{'s' if len(states) != 1 else ''}: "
                + ", ".join(_some(kinds[k], k) for k in KINDS)
                + "."
            )
        )
        body.append(_ratings(states, year.end))
        body.append(Heading("Changes of Ofsted rating", 3))
        body += _changes(states, year, lived)
        body.append(Heading("Annual monitoring visits", 3))
        body += _visits(states, year)
    body.append(Heading("Where our children live", 3))
    body += _children(states, year, lived, at_end, rule)
    narrative = Narrative(
        summary=(
            "This report sets out the Ofsted ratings of the independent fostering agencies, "
            "semi-independent and supported accommodation providers and children's homes "
            f"where the City's looked-after children live, and the City's monitoring of them "
            f"in {year.label}."
        ),
        recommendations="Note the report.",
        background=(
            "The City closely monitors the performance of the providers where our children "
            "looked after are placed. The performance team records Ofsted inspection ratings "
            "for every provider and feeds back to the Children and Families Team when a "
            "provider's rating changes. The Safeguarding and Quality Assurance Service "
            "Manager holds an annual monitoring meeting with each provider, assessing it "
            "against the national minimum standards."
        ),
        current_position="The register's figures for the year are set out below.",
        conclusion="Members are asked to note the report.",
    )
    return Paper(
        kind="providers-annual",
        subject=f"{SUBJECT} {year.label}",
        meeting=meeting,
        public=True,
        narrative=narrative,
        body=body,
        period=year.label,
        snapshot=None if lived is None else _snapshot_id(snapshot_id),
        notes=[f"Counts of 1 to {rule.threshold} children are not shown."]
        if rule.threshold
        else [],
    )
