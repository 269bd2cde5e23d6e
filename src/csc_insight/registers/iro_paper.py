"""The IRO Annual Report (seed 003 item 7), a public paper: `csc-insight committee
iro-annual --year 2019-20 --meeting DATE`.

What it says, for the financial year and compared with the year before:
- looked-after reviews held by their due date, and when a review was last out of
  timescale (the SSDA903, judged as the dashboard's "Looked-after reviews in time", and
  published as the performance report publishes it: a percentage, hidden when the reviews
  due or held in time are small);
- children's participation in their reviews (REVIEW_CODE PN1-PN7; under-4s apart);
- placement moves, by why the placement ended (planned, or an unplanned ending: the carer
  or provider, the child, an allegation or concern; REASON_PLACE_CHANGE);
- the disputes IROs raised, by issue and outcome at the year's end, the stage they reached
  and whether they were resolved within 20 working days (the register);
- IROs' contacts with children between reviews and the children looked after who had one.

Public, so every count goes through the disclosure policy (reports/disclosure.py: 1 to 5
is "fewer than 6", 'c' in a table, with secondary suppression), as the LADO paper does
(annual_papers.py). Where no returns are loaded the returns' sections say "No data", never
zero; a year the data do not reach is no data too. A register with no contacts at all
says contacts are not recorded, not that there were none. No child id or IRO is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from csc_insight.formats.code_words import REVIEW_PARTICIPATION
from csc_insight.indicators.periods import Period
from csc_insight.registers import iro, iro_returns, iro_services
from csc_insight.registers.iro_models import (
    ContactKind,
    EscalationCategory,
    EscalationOutcome,
    EscalationStage,
)
from csc_insight.registers.iro_returns import Returns, ReturnsYear
from csc_insight.registers.public_paper import HIDDEN, compared, grid, meta_paper, part_of, said
from csc_insight.registers.years import year_before
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, percent_hidden, protect
from csc_insight.reports.disclosure import count_text as n
from csc_insight.reports.paper import Block, Heading, Narrative, Paper, Para

SUBJECT = "Independent Reviewing Officer (IRO) Annual Report"
NO_RETURNS = "No data: no SSDA903 returns are loaded"
PARTICIPATION_CODES: list[str | None] = ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7", None]
# Why a placement ended (REASON_PLACE_CHANGE), grouped: the planned moves first, then the
# unplanned endings (breakdowns), then the rest.
MOVE_GROUPS: dict[str, tuple[str, tuple[str | None, ...], bool]] = {
    "planned": (
        "Planned: carrying out the care plan, or the placement's status only",
        ("CARPL", "PLACE"),
        False,
    ),
    "carer": (
        "Unplanned: the carer or provider ended it (including closing, or approval removed)",
        ("CREQB", "CREQO", "CLOSE", "APPRR"),
        True,
    ),
    "child": ("Unplanned: the child asked to end it", ("CHILD",), True),
    "concern": (
        "Unplanned: an allegation or a concern about standards of care",
        ("ALLEG", "STAND"),
        True,
    ),
    "authority": ("The local authority asked to end it", ("LAREQ",), False),
    "other": ("Custody, another reason, or not recorded", ("CUSTOD", "OTHER", None), False),
}
IRO_HANDBOOK_CASELOAD = "50 to 70"


def _returns_state(returns: Returns | None, y: ReturnsYear | None) -> str | None:
    """Why the returns give no figures for the year, or None when they do."""
    if returns is None or y is None:
        return NO_RETURNS + "."
    if not y.covered:
        return (
            f"No data: the loaded returns run from {returns.first_day:%-d %B %Y} to "
            f"{returns.last_day:%-d %B %Y} and do not reach {y.year.label}."
        )
    return None


def share(part: int, whole: int, rule: Rule) -> str:
    """'95%', or HIDDEN when the part or the whole is small (the rule for a percentage, as
    the performance report publishes "Looked-after reviews in time")."""
    if not whole:
        return "none"
    return HIDDEN if percent_hidden(part, whole, rule) else f"{round(100 * part / whole)}%"


def _rate(part: int, whole: int, noun: str, rule: Rule) -> str:
    return part_of(part, whole, noun, rule) if whole else f"no {noun}"


def _reviews_body(
    returns: Returns | None, this: ReturnsYear | None, prev: ReturnsYear | None, rule: Rule
) -> list[Block]:
    body: list[Block] = [Heading("Reviews held in time", 3)]
    why = _returns_state(returns, this)
    if why is None and this is not None and this.due is None:
        why = "No data: the loaded returns hold no looked-after reviews."
    if why is not None or this is None or returns is None:
        return [*body, Para(why or NO_RETURNS)]
    year, due = this.year, this.due or ()
    if not due:
        body.append(Para(f"No reviews of looked-after children were due in {year.describe()}."))
    else:
        before = prev.year if prev else year_before(year)
        if prev is None or not prev.covered or prev.due is None:
            then = f"no data for {before.label}"
        elif not prev.due:
            then = f"no reviews due in {before.label}"
        else:
            then = (
                f"{share(prev.in_time or 0, len(prev.due), rule)} of the "
                f"{n(len(prev.due), rule)} due in {before.label}"
            )
        body.append(
            Para(
                f"In {year.describe()}, {n(len(due), rule)} reviews of looked-after children "
                f"were due, and {share(this.in_time or 0, len(due), rule)} of them were held "
                f"by their due date, compared to {then}."
            )
        )
        reviewed = len({r.child_id for r in this.reviews})
        body.append(
            Para(
                f"Children whose review was held in the year: {n(reviewed, rule)}. A review "
                "due and not held by the last day of the loaded data counts as not in time."
            )
        )
    if this.last_late is None:
        body.append(
            Para(
                "No review has been out of timescale since the loaded data start "
                f"({returns.first_day:%B %Y})."
            )
        )
    else:
        body.append(Para(f"The last review out of timescale was due in {this.last_late:%B %Y}."))
    return body


def _participation_body(
    returns: Returns | None, this: ReturnsYear | None, prev: ReturnsYear | None, rule: Rule
) -> list[Block]:
    body: list[Block] = [Heading("Children's participation in their reviews", 3)]
    why = _returns_state(returns, this)
    if why is not None or this is None:
        return [*body, Para(why or NO_RETURNS)]
    year = this.year
    older = this.aged_four_plus
    if not this.reviews:
        return [*body, Para(f"No reviews of looked-after children were held in {year.label}.")]
    under = len(this.reviews) - len(older)
    then = (
        "no data"
        if prev is None or not prev.covered
        else _rate(prev.participated, len(prev.aged_four_plus), "reviews", rule)
    )
    body.append(
        Para(
            f"Reviews of children aged 4 or over held in {year.label}: {n(len(older), rule)} "
            f"(and of children under 4, not counted here: {n(under, rule)}). Reviews in which "
            "the child took part (attended and spoke, or made their views known through an "
            f"advocate or another way): {_rate(this.participated, len(older), 'reviews', rule)}; "
            f"in {(prev.year if prev else year_before(year)).label}: {then}."
        )
    )
    if older:
        labels = [REVIEW_PARTICIPATION[c] if c else "Not recorded" for c in PARTICIPATION_CODES]
        table = protect(labels, ["Reviews"], [[c] for c in this.by_code(PARTICIPATION_CODES)], rule)
        body.append(
            grid(
                f"Reviews of children aged 4 or over held in {year.label}, by how the child took "
                "part",
                ["How the child took part", "Reviews"],
                labels,
                table,
            )
        )
    return body


def _group(reason: str | None) -> str:
    for key, (_, codes, _) in MOVE_GROUPS.items():
        if reason in codes:
            return key
    return "other"


def _moves_body(
    returns: Returns | None, this: ReturnsYear | None, prev: ReturnsYear | None, rule: Rule
) -> list[Block]:
    body: list[Block] = [Heading("Placement moves", 3)]
    why = _returns_state(returns, this)
    if why is not None or this is None:
        return [*body, Para(why or NO_RETURNS)]
    year, moves = this.year, this.moves
    before = prev.year if prev else year_before(year)
    then = n(len(prev.moves), rule) if prev and prev.covered else "no data"
    if not moves:
        body.append(
            Para(
                f"No looked-after child moved placement in {year.label} ({then} in {before.label})."
            )
        )
        return body
    unplanned = sum(1 for m in moves if MOVE_GROUPS[_group(m.reason)][2])
    text = (
        f"There were {n(len(moves), rule)} placement moves in {year.label}, by "
        f"{n(this.children_moved, rule)} children"
    )
    if prev and prev.covered:
        text += compared((len(moves), False), (len(prev.moves), False), then, "moves", before, rule)
    else:
        text += f" ({before.label}: no data)"
    body.append(
        Para(
            text + ". Unplanned endings (the carer or provider, or the child, ended the "
            "placement, or an allegation or a concern about standards of care): "
            f"{part_of(unplanned, len(moves), 'moves', rule)}."
        )
    )
    labels = [label for label, _, _ in MOVE_GROUPS.values()]
    counts = [[sum(1 for m in moves if _group(m.reason) == key)] for key in MOVE_GROUPS]
    body.append(
        grid(
            f"Placement moves in {year.label}, by why the placement ended",
            ["Why the placement ended", "Moves"],
            labels,
            protect(labels, ["Moves"], counts, rule),
        )
    )
    return body


def _escalations_body(this: iro.RegisterYear, prev: iro.RegisterYear, rule: Rule) -> list[Block]:
    body: list[Block] = [Heading("Disputes raised by IROs", 3)]
    year, before = this.year, prev.year
    raised = this.raised
    if not raised:
        body.append(
            Para(
                f"No disputes raised by IROs are recorded for {year.describe()} "
                f"({n(len(prev.raised), rule)} in {before.label})."
            )
        )
    else:
        outcomes = [*EscalationOutcome.values, "open"]
        headers = [str(o.label) for o in EscalationOutcome] + [f"Open at {year.end:%-d %B %Y}"]
        categories = [c for c in EscalationCategory.values if any(e.category == c for e in raised)]
        labels = [str(EscalationCategory(c).label) for c in categories]
        counts = [
            [
                sum(1 for e in raised if e.category == c and this.outcome_at_end(e) == o)
                for o in outcomes
            ]
            for c in categories
        ]
        table = protect(labels, headers, counts, rule)
        hidden = table.grand() == SYMBOL
        total = said(table.grand(), len(raised), rule)
        prev_text = n(len(prev.raised), rule)
        body.append(
            Para(
                f"IROs raised {total} disputes about children's plans in {year.describe()}"
                + compared(
                    (len(raised), hidden),
                    (len(prev.raised), False),
                    prev_text,
                    "disputes",
                    before,
                    rule,
                )
                + ". An IRO first tries to resolve a concern informally with the social worker "
                "and their manager, then through the formal stages of the dispute resolution "
                "protocol."
            )
        )
        body.append(
            grid(
                f"Disputes raised in {year.label}, by issue and outcome at {year.end:%-d %B %Y}",
                ["Issue", *headers],
                labels,
                table,
            )
        )
        stages = [str(s.label) for s in EscalationStage]
        by_stage = protect(
            stages,
            ["Disputes"],
            [[sum(1 for e in raised if e.stage == s)] for s in EscalationStage.values],
            rule,
        )
        body.append(
            grid(
                f"Disputes raised in {year.label}, by the furthest stage reached",
                ["Stage", "Disputes"],
                stages,
                by_stage,
            )
        )
        # closed = all raised less those open: shown only when the table shows both
        still = table.column_total(len(outcomes) - 1)
        closed_hidden = hidden or still == SYMBOL
        closed = (
            n(len(this.closed), rule)
            if rule.small(len(this.closed)) or not closed_hidden
            else HIDDEN
        )
        body.append(
            Para(
                f"Of the disputes raised in {year.label}, resolved or closed by "
                f"{year.end:%-d %B %Y}: {closed}; of those, closed within 20 working days of "
                "reaching their last stage: "
                + part_of(this.resolved_in_time, len(this.closed), "disputes", rule, closed_hidden)
                + "."
            )
        )
    body.append(
        Para(
            "Disputes still open on "
            f"{year.end:%-d %B %Y}, whenever they were raised: {n(this.open_at_end, rule)}."
        )
    )
    return body


def _contacts_body(
    this: iro.RegisterYear,
    prev: iro.RegisterYear,
    returns_year: ReturnsYear | None,
    any_contacts: bool,
    rule: Rule,
) -> list[Block]:
    body: list[Block] = [Heading("IRO contact with children between reviews", 3)]
    year, before = this.year, prev.year
    if not any_contacts:
        return [
            *body,
            Para(
                "No data: the register holds no IRO contacts with children between reviews, "
                "so this report cannot say how often IROs were in touch with children between "
                "their reviews."
            ),
        ]
    contacts = this.contacts
    if not contacts:
        body.append(
            Para(
                f"No IRO contacts with children between reviews are recorded for {year.label} "
                f"({n(len(prev.contacts), rule)} in {before.label})."
            )
        )
    else:
        kinds = [str(k.label) for k in ContactKind]
        table = protect(
            kinds,
            ["Contacts"],
            [[sum(1 for c in contacts if c.kind == k)] for k in ContactKind.values],
            rule,
        )
        total = said(table.grand(), len(contacts), rule)
        body.append(
            Para(
                f"IROs recorded {total} contacts with children between reviews in {year.label}"
                + compared(
                    (len(contacts), table.grand() == SYMBOL),
                    (len(prev.contacts), False),
                    n(len(prev.contacts), rule),
                    "contacts",
                    before,
                    rule,
                )
                + "."
            )
        )
        body.append(
            grid(f"IRO contacts in {year.label}, by type", ["Type", "Contacts"], kinds, table)
        )
    if returns_year is None or not returns_year.covered:
        body.append(
            Para(
                "Children looked after in the year who had an IRO contact: no data (no returns "
                "for the year are loaded)."
            )
        )
    elif contacts and returns_year.looked_after:
        seen = {c.child_id for c in contacts} & returns_year.looked_after
        whole = len(returns_year.looked_after)
        body.append(
            Para(
                "Children looked after at some time in the year who had at least one IRO "
                "contact between reviews: "
                f"{part_of(len(seen), whole, 'children looked after', rule)}."
            )
        )
    return body


def _caseload_body(
    returns: Returns | None,
    states_at_end: Sequence[iro.ChildState],
    this: iro.RegisterYear,
    year: Period,
    rule: Rule,
) -> list[Block]:
    body: list[Block] = [Heading("The IRO service", 3)]
    iros = {c.iro for c in this.contacts} | {e.iro for e in this.raised}
    day = min(year.end, returns.last_day) if returns else year.end
    looked_after = (
        "no data (no returns are loaded)" if returns is None else n(len(states_at_end), rule)
    )
    text = (
        f"Children looked after on {day:%-d %B %Y}: {looked_after}. IROs who recorded "
        f"contacts or disputes in {year.label}: {len(iros)}"
    )
    if returns is not None and iros and not rule.small(len(states_at_end)):
        text += f", an average of {round(len(states_at_end) / len(iros))} children per IRO"
    body.append(
        Para(
            text + f" (the IRO Handbook suggests {IRO_HANDBOOK_CASELOAD} children for a "
            "full-time IRO)."
        )
    )
    return body


def iro_paper(
    year: Period, meeting: date, rule: Rule = DEFAULT, snapshot_id: str | None = None
) -> Paper:
    """The annual paper for the financial year `year` (a Period of kind 'year')."""
    before = year_before(year)
    returns = iro_returns.read(snapshot_id)
    escalations, contacts = iro_services.escalations(), iro_services.contacts()
    this_r = iro.register_year(escalations, contacts, year)
    prev_r = iro.register_year(escalations, contacts, before)
    this_y = iro_returns.year_of(returns, year) if returns else None
    prev_y = iro_returns.year_of(returns, before) if returns else None
    at_end = (
        iro.child_states(returns, escalations, contacts, min(year.end, returns.last_day))
        if returns
        else []
    )
    body = (
        _caseload_body(returns, at_end, this_r, year, rule)
        + _reviews_body(returns, this_y, prev_y, rule)
        + _participation_body(returns, this_y, prev_y, rule)
        + _moves_body(returns, this_y, prev_y, rule)
        + _escalations_body(this_r, prev_r, rule)
        + _contacts_body(this_r, prev_r, this_y, bool(contacts), rule)
    )
    paper = meta_paper("iro-annual", SUBJECT, year, meeting, rule)
    paper.snapshot = returns.snapshot_id if returns else None
    paper.body = body
    in_time = (
        "reviews held in time: no data"
        if this_y is None or not this_y.covered or this_y.due is None
        else f"reviews held in time ({share(this_y.in_time or 0, len(this_y.due), rule)} of "
        f"the {n(len(this_y.due), rule)} due)"
    )
    paper.narrative = Narrative(
        summary=(
            "This report sets out the work of the Independent Reviewing Officer (IRO) service "
            f"in {year.describe()}: {in_time}; children's participation in their reviews; "
            "placement moves; and the disputes IROs raised about children's plans and how "
            "they were resolved."
        ),
        recommendations="Note the report.",
        background=(
            "Every looked-after child has an Independent Reviewing Officer, who chairs the "
            "child's reviews and monitors the local authority's care plan for them (Children "
            "Act 1989 section 25B; the IRO Handbook 2010). A child's first review is due "
            "within 20 working days of coming into care, the second within 3 months of the "
            "first and later ones every 6 months (the Care Planning, Placement and Case "
            "Review (England) Regulations 2010). Where the IRO has a concern about a child's "
            "plan they raise it, informally first and then through the formal stages of the "
            "dispute resolution protocol, and may refer the case to Cafcass."
        ),
        current_position=(
            "The year's figures are set out below: reviews, participation and placement "
            "moves from the SSDA903 return; disputes and IRO contacts from the IRO service "
            "register."
        ),
        conclusion="Members are asked to note the report.",
    )
    return paper
