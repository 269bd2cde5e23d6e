"""The Virtual School Headteacher's annual report (seed 003 item 8): `csc-insight committee
virtual-school-annual --year 2019-20 --meeting DATE`, for the school year (September to
August; to today while it is still going on).

What it says, each against the year before: the children on the Virtual School's roll by
key stage (and how many came as unaccompanied asylum seekers); their schools by Ofsted
grade; PEPs held in time and graded good or better (the Headteacher's goal: none below
good); attendance and persistent absence; suspensions and permanent exclusions; results by
key stage; young people aged 16-18 not in education, employment or training, checked
against the SSDA903 OC3. Figures are from virtual_school_figures.py.

Public: counts of 1 to 5 are "fewer than 6" in sentences and 'c' in tables, each table with
secondary suppression (reports/disclosure.py), and a share is not shown when its part, its
whole or the rest is small. What was not recorded reads "no data", never 0.
"""

from __future__ import annotations

from datetime import date

from csc_insight.registers import virtual_school as vs
from csc_insight.registers.public_paper import compared, meta_paper, part_of, said
from csc_insight.registers.virtual_school_figures import (
    PEP_GRADES,
    RESULT_STAGES,
    SCHOOL_BANDS,
    YearFigures,
    year_figures,
)
from csc_insight.registers.virtual_school_services import records_by_child
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, Table, count_cell, protect
from csc_insight.reports.disclosure import count_text as n
from csc_insight.reports.paper import Block, Grid, Heading, Narrative, Paper, Para
from csc_insight.store import snapshots

SUBJECT = "Virtual School Headteacher's Annual Report"
NO_DATA = "No data"


def _column(
    caption: str, header: str, labels: list[str], counts: list[int], rule: Rule, what: str
) -> tuple[Grid, Table]:
    """A one-column table of counts with its total, protected."""
    table = protect(labels, [what], [[c] for c in counts], rule)
    rows = [[label, table.cell(i, 0)] for i, label in enumerate(labels)]
    rows.append(["Total", table.column_total(0)])
    return Grid(
        caption, [header, what], rows, note=rule.note if table.any_suppressed else ""
    ), table


def _share(part: int, whole: int, rule: Rule) -> str:
    """'80%', or 'c' when the part, the whole or the rest is small; no data for none."""
    if whole == 0:
        return NO_DATA
    if any(rule.small(x) for x in (part, whole, whole - part)):
        return SYMBOL
    return f"{round(100 * part / whole)}%"


def _average(values: tuple[float, ...], rule: Rule, suffix: str = "%") -> str:
    if not values:
        return NO_DATA
    if rule.small(len(values)):
        return SYMBOL
    return f"{sum(values) / len(values):.1f}{suffix}"


def _average_said(values: tuple[float, ...], rule: Rule, noun: str, suffix: str = "%") -> str:
    """An average for a sentence: not shown, saying why, when it is over few."""
    if rule.small(len(values)):
        return f"not shown (fewer than {rule.threshold + 1} {noun})"
    return _average(values, rule, suffix)


def _during(f: YearFigures) -> str:
    if f.as_at < f.year.end:
        return f"{f.year.label} (to {f.as_at:%-d %B %Y})"
    return f.year.label


def _children(this: YearFigures, before: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("The Virtual School's children", 3)]
    if not this.known:
        body.append(
            Para(
                "No data: no returns are loaded, so which children were looked after, and "
                "their ages, are not known. The figures below are from the Virtual School "
                "register alone, for every child in it."
            )
        )
        return body
    if not this.children:
        body.append(
            Para(
                f"No looked-after children of Nursery to Year 13 age were on the Virtual "
                f"School's roll in {_during(this)}, compared to {n(before.children, rule)} in "
                f"{before.year.label}."
            )
        )
        return body
    labels = list(vs.KEY_STAGES.values())
    grid, table = _column(
        f"Children on the Virtual School's roll in {this.year.label}, by key stage",
        "Key stage",
        labels,
        [this.by_stage[s] for s in vs.KEY_STAGES],
        rule,
        "Children",
    )
    total = said(table.column_total(0), this.children or 0, rule)
    hidden = table.column_total(0) == SYMBOL
    prev = n(before.children, rule) if before.known else NO_DATA.lower()
    text = (
        f"During {_during(this)}, {total} looked-after children of Nursery to Year 13 age "
        "were on the Virtual School's roll (each child counted once, at the year group of "
        "their age)"
    )
    if before.known:
        text += compared(
            (this.children or 0, hidden),
            (before.children or 0, False),
            prev,
            "children",
            before.year,
            rule,
        )
    else:
        text += f", compared to no data for {before.year.label}"
    body.append(Para(text + "."))
    body.append(
        Para(
            f"On {this.as_at:%-d %B %Y}, {n(this.at_end, rule)} were looked after. "
            f"{n(this.uasc, rule).capitalize()} of the year's children came to the City as "
            "unaccompanied asylum-seeking children."
        )
    )
    body.append(grid)
    return body


def _schools(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Schools and their Ofsted grades", 3)]
    if not f.known:
        body.append(Para("No data: who was looked after at the year's end is not known."))
        return body
    if not f.at_end:
        body.append(Para(f"No children were looked after on {f.as_at:%-d %B %Y}."))
        return body
    grid, _ = _column(
        f"Children looked after on {f.as_at:%-d %B %Y}, by the Ofsted grade of their school",
        "Ofsted grade of the school",
        list(SCHOOL_BANDS.values()),
        [f.schools[b] for b in SCHOOL_BANDS],
        rule,
        "Children",
    )
    below = f.schools["requires_improvement"] + f.schools["inadequate"]
    body.append(
        Para(
            "Children at a school graded Requires improvement or Inadequate: "
            f"{n(below, rule)}. Each is an alert on the register, for the Virtual School to "
            "check the placement meets the child's needs."
        )
    )
    body.append(grid)
    return body


def _peps(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Personal Education Plans", 3)]
    if f.known and f.peps_due:
        body.append(
            Para(
                "Every child of school age has a PEP each term (three a year). PEPs held in "
                f"the term they were due, in the terms of {f.year.label} that had ended by "
                f"{f.as_at:%-d %B %Y}: {part_of(f.peps_in_time, f.peps_due, 'PEPs due', rule)}."
            )
        )
    elif f.known:
        body.append(Para(f"No PEPs were due in the terms of {f.year.label} that had ended."))
    else:
        body.append(Para("PEPs due: no data (who was looked after is not known)."))
    if not f.peps_held:
        body.append(Para(f"No PEPs were recorded in {_during(f)}."))
        return body
    grid, table = _column(
        f"PEPs held in {f.year.label}, by the Headteacher's quality grade",
        "Quality grade",
        list(PEP_GRADES.values()),
        [f.pep_grades[g] for g in PEP_GRADES],
        rule,
        "PEPs",
    )
    below = f.pep_grades["requires_improvement"] + f.pep_grades["inadequate"]
    good = part_of(f.good_or_better, f.graded, "PEPs graded", rule) if f.graded else NO_DATA
    body.append(
        Para(
            f"{said(table.column_total(0), f.peps_held, rule).capitalize()} PEPs were held. "
            "The Headteacher quality-assures each one, with the aim that none is graded less "
            f"than good. Graded good or outstanding: {good}. Graded below good: "
            f"{n(below, rule)}."
        )
    )
    body.append(grid)
    return body


def _attendance(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Attendance", 3)]
    if not f.attendance:
        body.append(Para(f"No attendance was recorded for {f.year.label}: no data."))
        return body
    count = len(f.attendance)
    body.append(
        Para(
            f"Attendance was recorded for {n(count, rule)} children in {f.year.label}. "
            f"Average attendance: {_average_said(f.attendance, rule, 'children')}. "
            "Persistently absent (missing 10% or more of possible sessions): "
            f"{part_of(f.persistent_absence, count, 'children with attendance recorded', rule)}."
        )
    )
    return body


def _exclusions(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Suspensions and exclusions", 3)]
    if not f.suspensions and not f.permanent:
        body.append(Para(f"No suspensions or permanent exclusions were recorded in {_during(f)}."))
        return body
    days = (
        f", {f.suspension_days:g} school days in all"
        if not rule.small(f.suspended_children)
        else ""
    )
    body.append(
        Para(
            f"Children suspended (fixed-term exclusion) at least once: "
            f"{n(f.suspended_children, rule)}, with {n(f.suspensions, rule)} suspensions"
            f"{days}. Children permanently excluded: {n(f.permanent, rule)}. The Virtual "
            "School is consulted when a school considers excluding a child in care."
        )
    )
    return body


def _results(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Attainment by key stage", 3)]
    if not any(r.with_result or r.attainment8 for r in f.results.values()):
        body.append(Para(f"No results were recorded for {f.year.label}: no data."))
        return body
    rows = []
    for stage, label in RESULT_STAGES.items():
        r = f.results[stage]
        if not r.with_result:
            rows.append([label, "0", NO_DATA, NO_DATA])
            continue
        small = any(rule.small(x) for x in (r.reached, r.with_result - r.reached))
        rows.append(
            [
                label,
                count_cell(r.with_result, rule),
                SYMBOL if small or rule.small(r.with_result) else f"{r.reached:,}",
                _share(r.reached, r.with_result, rule),
            ]
        )
    body.append(
        Grid(
            f"Results in {f.year.label}",
            ["Key stage and measure", "Children with a result", "Reached it", "Share"],
            rows,
            note=rule.note,
        )
    )
    scores = f.results["ks4"].attainment8
    if scores:
        body.append(
            Para(
                "Average Attainment 8 score at key stage 4: "
                + (
                    _average_said(scores, rule, "young people had a score", "")
                    if rule.small(len(scores))
                    else f"{_average(scores, rule, '')} ({len(scores)} young people with a score)"
                )
                + "."
            )
        )
    return body


def _post16(f: YearFigures, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Post-16: education, employment or training", 3)]
    if not f.post16:
        body.append(
            Para(
                f"No post-16 activity was recorded for young people aged 16-18 in "
                f"{_during(f)}: no data."
            )
        )
        return body
    body.append(
        Para(
            "Young people aged 16-18 not in education, employment or training (NEET), as "
            "last recorded in the year: "
            f"{part_of(f.neet, f.post16, 'young people with their activity recorded', rule)}"
            + (" (none)" if f.neet == 0 else "")
            + "."
        )
    )
    if f.oc3_checked:
        body.append(
            Para(
                "Checked against the SSDA903 care leavers' return (OC3) for the same year: "
                f"{n(f.oc3_checked, rule)} of them have an OC3 activity, and it agrees with "
                f"the register for {n(f.oc3_agree, rule)}."
            )
        )
    return body


def _compare(this: YearFigures, before: YearFigures, rule: Rule) -> Grid:
    def children(f: YearFigures) -> str:
        return count_cell(f.children, rule) if f.known else NO_DATA

    def pa(f: YearFigures) -> str:
        return count_cell(f.persistent_absence, rule) if f.attendance else NO_DATA

    def neet(f: YearFigures) -> str:
        return count_cell(f.neet, rule) if f.post16 else NO_DATA

    rows = [
        ("Children on the roll", children),
        (
            "PEPs held in the term (of those due)",
            lambda f: _share(f.peps_in_time, f.peps_due, rule),
        ),
        ("PEPs graded good or better", lambda f: _share(f.good_or_better, f.graded, rule)),
        ("Average attendance", lambda f: _average(f.attendance, rule)),
        ("Children persistently absent", pa),
        ("Children suspended", lambda f: count_cell(f.suspended_children, rule)),
        ("Children permanently excluded", lambda f: count_cell(f.permanent, rule)),
        ("Young people aged 16-18 NEET", neet),
    ]
    return Grid(
        f"{this.year.label} compared with {before.year.label}",
        ["Measure", _during(before), _during(this)],
        [[label, get(before), get(this)] for label, get in rows],
        note="No data: nothing recorded, or no returns loaded. " + rule.note,
    )


def _snapshot_id(snapshot_id: str | None) -> str | None:
    try:
        return snapshot_id or snapshots.current().id
    except snapshots.SnapshotError:
        return None


def virtual_school_paper(
    year: vs.SchoolYear,
    meeting: date,
    rule: Rule = DEFAULT,
    on: date | None = None,
    snapshot_id: str | None = None,
) -> Paper:
    """The annual report for the school year `year`, as known on `on` (default today)."""
    from csc_insight.registers.services import today

    on = on or today()
    records = records_by_child()
    this = year_figures(year, records, on, snapshot_id)
    before = year_figures(year.before(), records, on, snapshot_id)
    body: list[Block] = [
        Heading("The year at a glance", 3),
        _compare(this, before, rule),
        *_children(this, before, rule),
        *_schools(this, rule),
        *_peps(this, rule),
        *_attendance(this, rule),
        *_exclusions(this, rule),
        *_results(this, rule),
        *_post16(this, rule),
    ]
    narrative = Narrative(
        summary=(
            "This report sets out the achievement of the Virtual School for looked-after "
            f"children in the school year {_during(this)}: its children, their schools, "
            "Personal Education Plans, attendance, exclusions, results and what young people "
            "do after 16, from the Virtual School register and the SSDA903 return."
        ),
        recommendations="Note the report.",
        background=(
            "The Virtual School Headteacher promotes the educational achievement of every "
            "child looked after by the City, wherever they live or go to school. Each child "
            "has a Personal Education Plan (PEP), reviewed every term, which the Headteacher "
            "quality-assures with the aim that none is graded less than good. The Virtual "
            "School monitors attendance, exclusions and attainment, and supports young people "
            "to stay in education, employment or training after 16."
        ),
        current_position="The year's figures, compared with the year before, are set out below.",
        conclusion="Members are asked to note the report.",
    )
    paper = meta_paper("virtual-school-annual", SUBJECT, year, meeting, rule)
    paper.narrative, paper.body = narrative, body
    paper.snapshot = _snapshot_id(snapshot_id) if this.known else None
    return paper
