"""The annual public papers from the LADO and private fostering registers (seed 003 items 5
and 6, seed 002 items 7 and 8): `csc-insight committee lado-annual|private-fostering-annual
--year 2019-20 --meeting DATE`.

Public, so every count of people goes through the disclosure policy (reports/disclosure.py:
1 to 5 is written "fewer than 6", 'c' in a table), tables get secondary suppression
(`protect`), and a count that with another shown would give a small one away ("M of N
within the timescale" when N - M is small) is not shown. Each year is compared with the one
before ("6 referrals, compared to fewer than 6 in 2018-19: an increase"); a percentage
change is given only when neither count is small. Both papers read sensibly with no
records: the private fostering paper then says for how many of the last three years none
were notified and lists what was done to find arrangements.
"""

from __future__ import annotations

from datetime import date

from csc_insight.indicators.periods import Period
from csc_insight.registers import annual_services, lado, private_fostering
from csc_insight.registers.models import AwarenessKind, LadoOutcome, LadoSector
from csc_insight.registers.public_paper import compared, grid, meta_paper, part_of, said
from csc_insight.registers.years import year_before
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, count_cell, protect
from csc_insight.reports.disclosure import count_text as n
from csc_insight.reports.paper import Block, Grid, Heading, Narrative, Paper, Para

# --- LADO ------------------------------------------------------------------------------


class LadoCounts:
    """A year's contacts by sector and kind, protected, and its totals as sentences say
    them: every sentence takes its figures from here, so a figure the table hides to
    protect another is hidden in the sentences too."""

    def __init__(self, figures: lado.YearFigures, rule: Rule) -> None:
        self.figures, self.rule = figures, rule
        self.sectors = [
            s for s in LadoSector.values if any(c.sector == s for c in figures.received)
        ]
        self.labels = [str(LadoSector(s).label) for s in self.sectors]
        # With no contacts there is no table (and nothing to protect).
        self.table = protect(
            self.labels or ["None"],
            figures.kinds,
            figures.by_sector(self.sectors) or [[0] * len(figures.kinds)],
            rule,
        )

    def _column(self, kind: str) -> tuple[str, bool]:
        if kind not in self.figures.kinds or not self.figures.received:
            return "0", False
        shown = self.table.column_total(self.figures.kinds.index(kind))
        return said(shown, len(self.figures.of_kind(kind)), self.rule), shown == SYMBOL

    def kind(self, kind: str) -> str:
        return self._column(kind)[0]

    @property
    def referrals_hidden(self) -> bool:
        return self._column(lado.REFERRAL)[1]

    @property
    def contacts(self) -> str:
        if not self.figures.received:
            return "0"
        return said(self.table.grand(), len(self.figures.received), self.rule)

    @property
    def contacts_hidden(self) -> bool:
        return bool(self.figures.received) and self.table.grand() == SYMBOL


def _lado_contacts_body(this: LadoCounts, prev: LadoCounts) -> list[Block]:
    year, before, rule = this.figures.year, prev.figures.year, this.rule
    received = this.figures.received
    body: list[Block] = [Heading("Contacts and referrals", 3)]
    if not received:
        body.append(
            Para(
                f"The LADO received no contacts or referrals about adults who work with "
                f"children in {year.describe()}, compared to {prev.kind(lado.REFERRAL)} "
                f"referrals and {prev.contacts} contacts in all in {before.label}."
            )
        )
        return body
    undecided = (
        f", and {this.kind(lado.UNDECIDED)} awaiting a decision on the threshold"
        if lado.UNDECIDED in this.figures.kinds
        else ""
    )
    body.append(
        Para(
            f"In {year.describe()} the LADO received {this.contacts} contacts about adults "
            f"who work with children. {this.kind(lado.REFERRAL).capitalize()} met the "
            f"threshold for a referral and {this.kind(lado.CONSULTATION)} were consultations "
            f"(advice given, no further LADO process){undecided}."
        )
    )
    body.append(
        Para(
            f"There were {this.kind(lado.REFERRAL)} referrals in {year.label}"
            + compared(
                (this.figures.referrals, this.referrals_hidden),
                (prev.figures.referrals, prev.referrals_hidden),
                prev.kind(lado.REFERRAL),
                "referrals",
                before,
                rule,
            )
            + f"; and {this.contacts} contacts in all"
            + compared(
                (len(received), this.contacts_hidden),
                (len(prev.figures.received), prev.contacts_hidden),
                prev.contacts,
                "contacts",
                before,
                rule,
            )
            + "."
        )
    )
    body.append(
        grid(
            f"Contacts received in {year.label}, by the sector the adult works in",
            ["Sector", *this.figures.kinds],
            this.labels,
            this.table,
        )
    )
    return body


def _lado_timescales_body(counts: LadoCounts) -> list[Block]:
    this, rule = counts.figures, counts.rule
    year = this.year
    body: list[Block] = [Heading("Timescales and outcomes", 3)]
    if this.referrals:
        in_time = part_of(
            this.meetings_in_time,
            this.referrals,
            "referrals received in the year",
            rule,
            hidden=counts.referrals_hidden,
        )
        body.append(
            Para(
                "Initial evaluation meetings held within 5 working days of the referral: "
                f"{in_time}."
            )
        )
    if not this.concluded:
        body.append(Para(f"No referrals were concluded in {year.label}."))
    else:
        outcomes = protect(
            [str(o.label) for o in LadoOutcome],
            ["Referrals"],
            [[c] for c in this.by_outcome(LadoOutcome.values)],
            rule,
        )
        body.append(
            Para(
                f"{said(outcomes.grand(), len(this.concluded), rule).capitalize()} referrals "
                f"were concluded in {year.label}."
            )
        )
        body.append(
            grid(
                f"Referrals concluded in {year.label}, by outcome",
                ["Outcome", "Referrals"],
                [str(o.label) for o in LadoOutcome],
                outcomes,
            )
        )
        banded = this.by_band()
        bands = protect([b for b, _ in lado.BANDS], ["Referrals"], [[c] for c in banded], rule)
        body.append(
            grid(
                f"Referrals concluded in {year.label}, by the time from referral to conclusion",
                ["Time taken", "Referrals"],
                [b for b, _ in lado.BANDS],
                bands,
            )
        )
        if not bands.any_suppressed:
            total = sum(banded)
            within = [sum(banded[: k + 1]) for k in range(3)]
            shares = [f"{round(100 * w / total)}%" for w in within]
            body.append(
                Para(
                    f"{shares[0]} were concluded within one month, {shares[1]} within three "
                    f"months and {shares[2]} within twelve months (the national expectation: "
                    "80% within one month, 90% within three months, all but the most "
                    "exceptional within twelve months)."
                )
            )
    body.append(Para(f"Referrals still open on {year.end:%-d %B %Y}: {n(this.open_at_end, rule)}."))
    return body


def lado_paper(year: Period, meeting: date, rule: Rule = DEFAULT) -> Paper:
    contacts = annual_services.lado_contacts()
    this = LadoCounts(lado.year_figures(contacts, year), rule)
    prev = LadoCounts(lado.year_figures(contacts, year_before(year)), rule)
    body = _lado_contacts_body(this, prev) + _lado_timescales_body(this)
    paper = meta_paper(
        "lado-annual",
        "Local Authority Designated Officer (LADO) Annual Report",
        year,
        meeting,
        rule,
    )
    activity = (
        f"{this.kind(lado.REFERRAL)} referrals and {this.contacts} contacts in all"
        if this.figures.received
        else "no contacts or referrals"
    )
    paper.body = body
    paper.narrative = Narrative(
        summary=(
            "This report sets out the work of the Local Authority Designated Officer (LADO) "
            f"in {year.describe()}, from the LADO register: {activity}."
        ),
        recommendations="Note the report.",
        background=(
            "The LADO manages allegations that an adult who works with children, paid or "
            "voluntary, has harmed a child, committed an offence against or related to a "
            "child, or behaved in a way that indicates they may pose a risk of harm to "
            "children. A contact that meets that threshold is a referral; one that does not "
            "is a consultation, and the LADO gives advice."
        ),
        current_position="The year's activity, timescales and outcomes are set out below.",
        conclusion="Members are asked to note the report.",
    )
    return paper


# --- private fostering -------------------------------------------------------------------


def _none_for(counts: list[tuple[Period, int]]) -> str:
    """' None were notified in 2018-19 or 2017-18 either: ... for three years.' when the
    two years before `counts[0]`'s (the three `counts` holds) had none too; else ''."""
    earlier = counts[1:]
    if all(c == 0 for _, c in earlier):
        years = " or ".join(p.label for p, _ in earlier)
        return (
            f" None were notified in {years} either: no arrangement has been notified "
            "for three years."
        )
    return ""


def _fostering_body(
    arrangements: list[private_fostering.Arrangement], year: Period, rule: Rule
) -> list[Block]:
    this = private_fostering.year_figures(arrangements, year)
    history = [
        (p, private_fostering.notified_in(arrangements, p))
        for p in (year, year_before(year), year_before(year, 2))
    ]
    before, prev = history[1]
    body: list[Block] = [Heading("Notifications and arrangements", 3)]
    if this.notified == 0:
        text = f"No private fostering arrangements were notified in {year.label}."
        text += _none_for(history) or (
            f" In {before.label} there were {n(prev, rule)} notifications."
        )
    else:
        text = (
            f"{n(this.notified, rule).capitalize()} private fostering arrangements were "
            f"notified in {year.describe()}"
            + compared(
                (this.notified, False), (prev, False), n(prev, rule), "notifications", before, rule
            )
            + "."
        )
    body.append(Para(text))
    if this.open_in_year:
        body.append(
            Para(
                f"Arrangements in place at some time in the year: {n(this.open_in_year, rule)}; "
                f"arrangements that ended in the year: {n(this.ended, rule)}."
            )
        )
    if this.notified:
        body.append(
            Para(
                "Initial visits within 7 days of notification: "
                f"{part_of(this.initial_visits_in_time, this.notified, 'notifications', rule)}. "
                "Assessments completed within 42 days of notification: "
                f"{part_of(this.assessments_in_time, this.notified, 'notifications', rule)}."
            )
        )
    if this.visits:
        body.append(
            Para(
                "Visits after the initial visit within the timescale (6-weekly in the first "
                f"year, 12-weekly after): "
                f"{part_of(this.visits_in_time, this.visits, 'visits made in the year', rule)}."
            )
        )
    return body


def _awareness_body(year: Period, rule: Rule) -> list[Block]:
    activities = sorted(annual_services.awareness_in(year), key=lambda a: (a.held_on, a.title))
    earlier = len(annual_services.awareness_in(year_before(year)))
    body: list[Block] = [Heading("Raising awareness", 3)]
    if not activities:
        body.append(
            Para(
                f"No awareness activity was recorded in {year.label} ({earlier} activities "
                f"in {year_before(year).label})."
            )
        )
        return body
    kinds = {k: 0 for k in AwarenessKind.values}
    for a in activities:
        kinds[a.kind] += 1
    done = "; ".join(f"{AwarenessKind(k).label}: {c}" for k, c in kinds.items() if c)
    body.append(
        Para(
            f"To find private fostering arrangements and help partners and residents recognise "
            f"and report them, {len(activities)} awareness activities were recorded in "
            f"{year.label} ({done}), compared to {earlier} in {year_before(year).label}."
        )
    )
    body.append(
        Grid(
            f"Awareness activity in {year.label}",
            ["Date", "Activity", "Kind", "Who it was for", "Attendees"],
            [
                [
                    f"{a.held_on:%d/%m/%Y}",
                    a.title,
                    str(AwarenessKind(a.kind).label),
                    a.audience or "Not recorded",
                    count_cell(a.attendees, rule) or "Not recorded",
                ]
                for a in activities
            ],
            note="Attendees: the number of people at the session or event.",
        )
    )
    return body


def private_fostering_paper(year: Period, meeting: date, rule: Rule = DEFAULT) -> Paper:
    arrangements = [a for _, a in annual_services.arrangements()]
    notified = private_fostering.notified_in(arrangements, year)
    paper = meta_paper(
        "private-fostering-annual", "Private Fostering Annual Report", year, meeting, rule
    )
    paper.body = _fostering_body(arrangements, year, rule) + _awareness_body(year, rule)
    found = (
        f"{n(notified, rule).capitalize()} private fostering arrangements were notified"
        if notified
        else "No private fostering arrangements were notified"
    )
    paper.narrative = Narrative(
        summary=(
            "This report sets out how the local authority met its duties for private "
            f"fostering in {year.describe()}, and what was done to raise awareness of them. "
            f"{found} in the year."
        ),
        recommendations="Note the report.",
        background=(
            "A child under 16 (18 if disabled) cared for for 28 days or more by an adult who "
            "is not a parent or close relative is privately fostered. The local authority "
            "must be notified, visit within 7 days, assess the arrangement and visit at "
            "least every 6 weeks in the first year and every 12 weeks after; and it must "
            "raise awareness so that arrangements are notified (the National Minimum "
            "Standards for Private Fostering)."
        ),
        current_position="The year's notifications, visits and awareness activity are set "
        "out below.",
        conclusion="Members are asked to note the report.",
    )
    return paper
