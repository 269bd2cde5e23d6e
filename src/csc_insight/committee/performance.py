"""The Children and Families Performance Report (Public) and its non-public appendix, from
the indicator engine's results for a period on one snapshot.

The public report is built from `compute()` alone: aggregates, passed through disclosure
control (`figures.Policy(public=True)`). Only the non-public appendix reads child-level rows
(`children()`), for its exception lists.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from csc_insight.committee import figures
from csc_insight.indicators import Result, children, compute, parse_period
from csc_insight.indicators.catalogue import AREAS
from csc_insight.indicators.coverage import NOT_KEPT
from csc_insight.reports import charts
from csc_insight.reports.disclosure import (
    NOT_SHOWN,
    SYMBOL,
    Audience,
    Rule,
    configured_rule,
    disclose,
    is_suppressed,
    policy_for,
    protect,
)
from csc_insight.reports.paper import (
    Appendix,
    Block,
    Chart,
    Grid,
    Heading,
    Meta,
    Narrative,
    Paper,
    Para,
)

SUBJECT = "Children and Families Performance Report"
APPENDIX_SUBJECT = "Non-public appendix: Children and Families Performance Report"
EXEMPT = (1, 2)

# The headline sentences per area, in the order of seed 002's Q3 table.
HEADLINES: dict[str, list[str]] = {
    "Contacts and referrals": [
        "contacts",
        "contacts_decided_1wd_pct",
        "referrals",
        "contact_conversion_pct",
    ],
    "Early help": ["eh_referrals", "short_break_children"],
    "Assessments": ["assessments_started", "assessments_45wd_pct"],
    "Children in need": ["cin_open"],
    "Child protection": ["cp_open", "icpc_15wd_pct"],
    "Children in care": ["cla_open", "cla_3plus_placements", "cla_visits_in_time_pct"],
    "Missing": ["missing_children_at_end", "missing_episodes", "rhi_accepted"],
    "Care leavers": ["care_leavers", "care_leavers_eet_pct", "care_leavers_suitable_accom_pct"],
    "Workforce": ["caseload_per_worker"],
    "Registers": [
        "register_missing_episodes",
        "register_lado_referrals",
        "register_pf_notifications",
    ],
}
# Headlines told for the year to date with the forecast against last year, as seed 002
# tells its early help rows (a quarter's few referrals or children would be suppressed).
YEAR_TO_DATE = {"eh_referrals", "short_break_children"}
# Each area's trend chart: the first of its headlines.
CHARTED = {area: ids[0] for area, ids in HEADLINES.items()}
# Banded counts shown as one-row tables (bands x number of children) with disclosure control.
BANDED = ["cin_duration_bands", "cp_duration_bands", "register_cme_monitored"]
# Child-level exceptions in the non-public appendix: the children counted in the
# denominator but not the numerator of these indicators.
EXCEPTIONS: dict[str, str] = {
    "assessments_45wd_pct": "Assessments not authorised within 45 working days",
    "icpc_15wd_pct": "Initial conferences not held within 15 working days",
    "cp_visits_in_time_pct": "Child protection visits not in time",
    "cla_visits_in_time_pct": "Looked-after visits not in time",
    "rhi_offered_pct": "Missing episodes without a return home interview offered",
    "rhi_72h_pct": "Missing episodes without a return home interview within 72 hours",
    "cla_reviews_in_time_pct": "Looked-after reviews not in time",
}
# The exception lists' column headings in words; a heading not named here is the column
# name with its underscores as spaces.
EVIDENCE = {
    "team": "Team",
    "worker": "Worker",
    "assessment_id": "Assessment ref",
    "referral_date": "Referral date",
    "start_date": "Started",
    "authorised_date": "Authorised",
    "clock_start": "Clock started from",
    "working_days": "Working days taken",
    "s47_id": "Section 47 enquiry ref",
    "icpc_date": "Initial conference held",
    "visit_date": "Visit date",
    "previous_date": "Previous visit or plan start",
    "first_in_placement": "First visit in the placement",
    "days": "Days since previous visit",
    "end_date": "Ended",
    "rhi_offered": "Offered a return interview",
    "rhi_date": "Return interview held",
    "care_start": "Came into care",
    "reviews": "Reviews held",
    "late_reviews": "Reviews late",
    "last_review": "Last review",
}
# Headings that read differently for one list (a missing episode starts when the child
# goes missing).
EVIDENCE_FOR = {
    "rhi_offered_pct": {"start_date": "Went missing", "end_date": "Returned"},
    "rhi_72h_pct": {"start_date": "Went missing", "end_date": "Returned"},
    "icpc_15wd_pct": {"start_date": "Section 47 enquiry started"},
    "cla_visits_in_time_pct": {"previous_date": "Previous visit or placement start"},
}
MASK = "Restricted record"
TABLE_HEADER = [
    "Indicator",
    "This period",
    "Previous quarter",
    "Same quarter last year",
    "Year-end forecast",
    "England",
    "London",
]
# The regional pool's median, a column of its own once a pool's table is loaded for the year.
REGION_HEADER = "Region, quarterly"


def default_narrative(period: str, public: bool = True, region: bool = False) -> Narrative:
    """The narrative a paper starts from; `region`: a regional pool's table is loaded, and
    the figures are compared with the region's quarterly median too."""
    name = parse_period(period).short_name()
    compared = (
        "England, London and the region's quarterly median" if region else ("England and London")
    )
    if not public:
        return Narrative(
            summary=(
                f"This appendix gives the figures behind the public performance report "
                f"for {name} without small numbers suppressed, and the children behind "
                "the exceptions, for Members' consideration in the non-public part of "
                "the meeting."
            ),
            recommendations="Note the information in this appendix.",
            background="This appendix is to be read with the public performance report.",
            current_position="The figures and exception lists follow.",
            implications="",
            conclusion=(
                f"The figures for {name} are shown here in full, with the children "
                "behind each exception, so that Members can see where the service "
                "was late or short and for whom."
            ),
        )
    return Narrative(
        summary=(
            f"This report sets out headline performance information for Children and "
            f"Families Services for {name}, compared with previous quarters, the same "
            f"quarter last year, {compared}, with a year-end forecast."
        ),
        recommendations="Note the headline performance information contained in this report.",
        background=(
            "The figures are calculated from the service's statutory returns, on the "
            "same definitions and data as the performance dashboards."
        ),
        current_position=f"The table below sets out headline data for {name}.",
        implications=(
            "The delivery of Children and Families Services supports the Corporate "
            "Objective that people are safe and feel safe."
        ),
        conclusion=(
            f"This report sets out headline performance for {name}, with each "
            "figure compared with the previous quarter, the same quarter last year "
            f"and, where published, {compared}."
        ),
    )


def _by_id(results: list[Result]) -> dict[str, Result]:
    return {r.id: r for r in results if r.status == "ok"}


def _row(result: Result, policy: figures.Policy, region: bool = False) -> list[str]:
    previous = result.previous_quarters[-1] if result.previous_quarters else None
    return [
        result.title,
        figures.shown(result.unit, result, policy),
        figures.shown(result.unit, previous, policy),
        figures.shown(result.unit, result.same_period_last_year, policy),
        figures.forecast_shown(result, policy),
        figures.comparator(result, "england"),
        figures.comparator(result, "london"),
        *([figures.region_comparator(result)] if region else []),
    ]


def _chart(result: Result, policy: figures.Policy) -> Chart | Grid:
    """The last five quarters as a line with its table; the table alone when no quarter
    has a figure to draw (an empty chart would look like a line of zeros)."""
    quarters = [*result.previous_quarters[-4:], result]
    labels = [parse_period(q.period).short_name() for q in quarters]
    cells = [figures.shown(result.unit, q, policy) for q in quarters]
    points: list[charts.Point] = [
        (
            label,
            NOT_SHOWN if cell == SYMBOL else None if cell in ("-", figures.NO_DATA) else q.value,
        )
        for label, cell, q in zip(labels, cells, quarters, strict=True)
    ]
    title = f"{result.title}, last five quarters"
    table = Grid(
        title,
        ["Quarter", result.title],
        [[label, cell] for label, cell in zip(labels, cells, strict=True)],
    )
    if not charts.has_values(points):
        return table
    svg = charts.line_chart(
        points,
        title=title,
        chart_id=f"chart-{result.id}",
        fmt=lambda v: figures.number(v, result.unit),
    )
    return Chart(svg, table)


def _bands(result: Result, policy: figures.Policy) -> Grid | None:
    if not result.bands:
        return None
    names = list(result.bands)
    counts = [[result.bands[b] for b in names]]
    if policy.public and any(is_suppressed(c) for c in counts[0]):
        # disclose() has protected the bands with their total (the figure itself)
        row = [SYMBOL if is_suppressed(c) else f"{c:,}" for c in counts[0]] + [
            figures.shown(result.unit, result, policy)
        ]
    elif policy.public:
        table = protect(["Children"], names, counts, policy.rule)
        row = [table.cell(0, j) for j in range(len(names))] + [table.row_total(0)]
    else:
        row = [f"{c:,}" for c in counts[0]] + [f"{sum(counts[0]):,}"]
    return Grid(result.title, ["", *names, "Total"], [["Children", *row]])


def _headline(result: Result, name: str, policy: figures.Policy) -> str:
    if result.id in YEAR_TO_DATE:
        return figures.year_to_date_sentence(result, name, policy)
    return figures.sentence(result, name, policy)


def figures_body(results: list[Result], period: str, policy: figures.Policy) -> list[Block]:
    """The generated part of the report: headline table by area, then per area a trend chart
    and the table of its indicators. Uses aggregates only. The indicators of a register not
    kept are not reported (the registers that are kept say so in one sentence)."""
    not_kept = [r for r in results if r.no_data == NOT_KEPT]
    results = [r for r in results if r.no_data != NOT_KEPT]
    found = _by_id(results)
    name = parse_period(period).short_name()
    region = figures.region_loaded(results)
    header = [*TABLE_HEADER, REGION_HEADER] if region else TABLE_HEADER
    blocks: list[Block] = [
        Heading("Performance data", 3),
        Grid(
            f"Area headlines, {name}",
            ["Area", "Headlines"],
            [
                [area, "\n".join(_headline(found[i], name, policy) for i in ids if i in found)]
                for area, ids in HEADLINES.items()
                if any(i in found for i in ids)
            ],
        ),
    ]
    for area in AREAS:
        in_area = [r for r in results if r.area == area and r.status == "ok" and r.id not in BANDED]
        if not in_area:
            continue
        blocks.append(Heading(area, 3))
        if (charted := found.get(CHARTED.get(area, ""))) is not None:
            blocks.append(_chart(charted, policy))
        rows = [_row(r, policy, region) for r in in_area]
        blocks.append(Grid(f"{area}: {name}", header, rows))
        for banded in BANDED:
            if banded in found and found[banded].area == area:
                grid = _bands(found[banded], policy)
                if grid is not None:
                    blocks.append(grid)
    no_data = [
        f"{r.title} ({r.no_data})"
        for r in results
        if r.status == "ok" and r.no_data and r.id not in BANDED
    ]
    if no_data:
        blocks.append(
            Para(
                f"No data for {name}, so no figure, forecast or comparison: "
                + "; ".join(no_data)
                + "."
            )
        )
    if not_kept and any(r.area == not_kept[0].area for r in results):
        blocks.append(
            Para(
                "Not reported, as the registers they come from are not kept: "
                + "; ".join(r.title for r in not_kept)
                + "."
            )
        )
    unavailable = [r.title for r in results if r.status != "ok"]
    if unavailable:
        blocks.append(Para("Not available from the data loaded: " + "; ".join(unavailable) + "."))
    return blocks


def _figures_index(results: list[Result], policy: figures.Policy) -> dict[str, str]:
    return {r.id: figures.shown(r.unit, r, policy) for r in results if r.status == "ok"}


def performance_report(
    con: Any,
    period: str,
    meeting: date,
    narrative: Narrative | None = None,
    meta: Meta | None = None,
    rule: Rule | None = None,
    results: list[Result] | None = None,
) -> Paper:
    """The Public report. `results` (from `compute(con, period)`) may be passed in; `rule`
    defaults to the install's setting (CSC_INSIGHT_SUPPRESS_BELOW)."""
    rule = rule if rule is not None else configured_rule()
    period = parse_period(period).label
    results = results if results is not None else compute(con, period)
    policy = figures.Policy(public=True, rule=rule)
    results = shown_results(results, rule)
    paper = Paper(
        kind="performance",
        subject=SUBJECT,
        meeting=meeting,
        public=True,
        meta=meta or Meta(),
        narrative=narrative or default_narrative(period, region=figures.region_loaded(results)),
        period=period,
        snapshot=next((r.snapshot for r in results), None),
    )
    paper.body = figures_body(results, period, policy)
    paper.figures = _figures_index(results, policy)
    paper.disclosure = rule
    paper.appendices = [
        Appendix(
            "Appendix 1: Non-public appendix (Part 2 of the agenda, "
            "Schedule 12A paragraphs 1 and 2)",
            [],
        )
    ]
    return paper


def shown_results(results: list[Result], rule: Rule) -> list[Result]:
    """The results as the public paper may show them: primary and secondary suppression
    over every figure the paper prints together (reports.disclosure.disclose), so that,
    e.g., the year-end forecast cannot give back a quarter shown as 'c' in the chart."""
    shown, _, _ = disclose({r.id: r for r in results}, {}, None, policy_for(Audience.PUBLIC, rule))

    def primary(unit: str, original: Any, masked: Any) -> Any:
        """A figure small in itself stays as it was: the paper writes it 'c' or "fewer
        than 6" by the same rule (figures.hidden); only secondary hiding is carried."""
        if original is None or not rule.hides(
            unit, original.value, original.numerator, original.denominator
        ):
            return masked
        return original

    found = []
    for r in results:
        new = shown[r.id]
        if new is not r:
            u = r.unit
            new = dataclasses.replace(
                primary(u, r, new),
                bands=new.bands,
                forecast=new.forecast,
                year_to_date=new.year_to_date,
                previous_quarters=[
                    primary(u, a, b)
                    for a, b in zip(r.previous_quarters, new.previous_quarters, strict=True)
                ],
                same_period_last_year=primary(
                    u, r.same_period_last_year, new.same_period_last_year
                ),
                last_year_outturn=primary(u, r.last_year_outturn, new.last_year_outturn),
            )
        found.append(new)
    return found


def exceptions(con: Any, period: str, masked: frozenset[str] = frozenset()) -> list[Block]:
    """The children behind each exception, with the dates that decided it; a child in
    `masked` (a restricted record) is counted but shown without id or dates."""
    blocks: list[Block] = []
    for indicator_id, title in EXCEPTIONS.items():
        try:
            rows = [
                r
                for r in children(con, indicator_id, period)
                if r.in_denominator and not r.in_numerator
            ]
        except LookupError:
            continue
        if not rows:
            blocks += [Heading(title, 3), Para("None in the period.")]
            continue
        # The table's caption carries the title and the count (no second title above it).
        keys = list(dict.fromkeys(k for r in rows for k in r.evidence))
        blocks.append(
            Grid(
                f"{title}: {len(rows)}",
                ["Child", *(evidence_heading(indicator_id, k) for k in keys)],
                [
                    [MASK, *("" for _ in keys)]
                    if r.child_id in masked
                    else [r.child_id, *(_text(r.evidence.get(k)) for k in keys)]
                    for r in rows
                ],
            )
        )
    return blocks


def evidence_heading(indicator_id: str, key: str) -> str:
    """An exception list's column heading in words: 'rhi_offered' -> 'Offered a return
    interview'."""
    found = EVIDENCE_FOR.get(indicator_id, {}).get(key) or EVIDENCE.get(key)
    return found or key.replace("_", " ").capitalize()


def _text(value: object) -> str:
    """A value as the list shows it: dates as 22/10/2019, yes/no for flags, 'Not recorded'
    where the record holds nothing."""
    if value is None:
        return "Not recorded"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return str(value)


def appendix(
    con: Any,
    period: str,
    meeting: date,
    narrative: Narrative | None = None,
    meta: Meta | None = None,
    results: list[Result] | None = None,
    masked: frozenset[str] = frozenset(),
) -> Paper:
    """The non-public appendix: the same figures unsuppressed, and the exceptions (restricted
    records in `masked` shown without id or dates)."""
    period = parse_period(period).label
    results = results if results is not None else compute(con, period)
    policy = figures.Policy(public=False)
    paper = Paper(
        kind="appendix",
        subject=APPENDIX_SUBJECT,
        meeting=meeting,
        public=False,
        exempt_paragraphs=EXEMPT,
        meta=meta or Meta(),
        narrative=narrative or default_narrative(period, public=False),
        period=period,
        snapshot=next((r.snapshot for r in results), None),
    )
    paper.body = [
        *figures_body(results, period, policy),
        Heading("Exceptions: the children behind the figures", 3),
        *exceptions(con, period, masked),
    ]
    paper.figures = _figures_index(results, policy)
    return paper
