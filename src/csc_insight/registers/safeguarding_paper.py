"""The annual public paper on corporate safeguarding (seed 002, "Corporate Safeguarding
Policy" and its Appendix 2): `csc-insight committee safeguarding-annual --year 2019-20
--meeting DATE`.

For the financial year: the safeguarding champion of every department at the year's end
(names and roles, as the policy's appendix publishes them) and the departments with none;
the chief officers' assurance returns for both half-years, as at the meeting (a return is
due by the end of the month after its half-year), with the actions from amber and red
returns; the safeguarding training completed, counted by course (staff, so not subject to
the children's disclosure rule, and no trainee named). With nothing recorded it says so.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from csc_insight.indicators.periods import Period, fy_start_year
from csc_insight.registers import champions, services
from csc_insight.registers.models import TrainingRecord
from csc_insight.reports.paper import Block, Bullets, Grid, Heading, Narrative, Paper, Para

SUBJECT = "Corporate Safeguarding: Safeguarding Champions and Assurance, Annual Report"
SHORT = {"green": "Green", "amber": "Amber", "red": "Red"}


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _champions(states: list[champions.DepartmentState], year: Period) -> list[Block]:
    at_end = [champions.with_alerts(s, year.end) for s in states]
    without = [s.name for s in at_end if not s.in_post]
    text = (
        f"At {year.end:%-d %B %Y}, {len(at_end) - len(without)} of the "
        f"{_plural(len(at_end), 'department')} had a safeguarding champion in post"
    )
    blocks: list[Block] = [Para(text + ("; these had none:" if without else "."))]
    if without:
        blocks.append(Bullets(without))
    rows = []
    for s in at_end:
        if not s.in_post:
            rows.append([s.name, "None in post", "", ""])
        for a in s.in_post:
            rows.append([s.name, a.name, a.role, f"{a.appointed_on:%d/%m/%Y}"])
    blocks.append(
        Grid(
            f"Safeguarding champions at {year.end:%-d %B %Y}",
            ["Department", "Champion", "Role", "Appointed"],
            rows,
        )
    )
    appointed = sum(year.start <= a.appointed_on <= year.end for s in states for a in s.champions)
    ended = sum(
        a.ended_on is not None and year.start <= a.ended_on <= year.end
        for s in states
        for a in s.champions
    )
    blocks.append(
        Para(
            f"In {year.label}, {_plural(appointed, 'champion')} "
            f"{'was' if appointed == 1 else 'were'} appointed and {ended} stood down."
        )
    )
    return blocks


def _returns(states: list[champions.DepartmentState], year: Period, on: date) -> list[Block]:
    halves = champions.halves_of_year(fy_start_year(year.start))
    blocks: list[Block] = []
    for half in halves:
        got = [r for s in states if (r := s.return_for(half)) and r.received_on <= on]
        levels = Counter(r.assurance for r in got)
        late = sum(r.received_on > half.due for r in got)
        if half.due >= on and not got:
            blocks.append(
                Para(f"{half.label} ({half.months}): returns are due by {half.due:%-d %B %Y}.")
            )
            continue
        text = (
            f"{half.label} ({half.months}, due by {half.due:%-d %B %Y}): returns from "
            f"{len(got)} of the {_plural(len(states), 'department')}"
        )
        if got:
            text += ": " + ", ".join(f"{levels[c]} {SHORT[c].lower()}" for c in SHORT)
            text += f"; {late} received after the due date"
        blocks.append(Para(text + "."))
    rows = []
    for s in states:
        cells = [s.name]
        for half in halves:
            r = s.return_for(half)
            if r is not None and r.received_on <= on:
                cells.append(f"{SHORT[r.assurance]} (received {r.received_on:%d/%m/%Y})")
            elif half.due >= on:
                cells.append("Not yet due")
            else:
                cells.append("Not received")
        rows.append(cells)
    blocks.append(
        Grid(
            f"Chief officers' assurance returns, {year.label}, as at {on:%d/%m/%Y}",
            ["Department", *(f"{h.label} ({h.months})" for h in halves)],
            rows,
        )
    )
    actions = [
        f"{s.name}, {r.half_year} ({SHORT[r.assurance]}): {r.actions}"
        for s in states
        for half in halves
        if (r := s.return_for(half))
        and r.received_on <= on
        and r.assurance != "green"
        and r.actions.strip()
    ]
    if actions:
        blocks.append(Para("The actions chief officers set out in amber and red returns:"))
        blocks.append(Bullets(actions))
    else:
        blocks.append(Para("No return for the year set out amber or red actions."))
    return blocks


def _training(states: list[champions.DepartmentState], year: Period) -> list[Block]:
    done = list(
        TrainingRecord.objects.filter(completed_on__gte=year.start, completed_on__lte=year.end)
    )
    if not done:
        return [Para(f"No safeguarding training completions are recorded for {year.label}.")]
    people = {r.name.casefold() for r in done}
    courses = Counter(r.course for r in done)
    in_post = {a.name.casefold() for s in states for a in s.champions if a.in_post(year.end)}
    trained = len(in_post & people)
    return [
        Para(
            f"In {year.label}, {_plural(len(people), 'member')} of staff completed "
            f"safeguarding training ({_plural(len(done), 'course')} in all); {trained} of the "
            f"{_plural(len(in_post), 'champion')} in post at the year's end did so."
        ),
        Grid(
            f"Safeguarding training completed, {year.label}",
            ["Course", "Completed"],
            [[c, str(n)] for c, n in sorted(courses.items())],
        ),
    ]


def safeguarding_paper(year: Period, meeting: date, on: date | None = None) -> Paper:
    """The annual paper for the financial year `year`; returns as at `on` (the meeting)."""
    on = on or meeting
    states = services.champions_view(on=on).departments
    body: list[Block] = [Heading("Safeguarding champions", 3)]
    if not states:
        body.append(
            Para(
                "No departments are on the register, so no safeguarding champions or "
                f"assurance returns are recorded for {year.label}."
            )
        )
    else:
        body += _champions(states, year)
        body.append(Heading("Chief officers' six-monthly assurance", 3))
        body += _returns(states, year, on)
    body.append(Heading("Safeguarding training", 3))
    body += _training(states, year)
    narrative = Narrative(
        summary=(
            "This report sets out how departments discharged their safeguarding "
            f"responsibilities in {year.label}: the network of safeguarding champions, the "
            "chief officers' six-monthly assurance returns and the safeguarding training "
            "staff completed."
        ),
        recommendations="Note the report.",
        background=(
            "Safeguarding is a duty of the City Corporation and everyone's responsibility, "
            "whatever their role or department. Under the Corporate Safeguarding Policy each "
            "department has a safeguarding champion, and chief officers report to the "
            "Director of Community and Children's Services every six months on how "
            "safeguarding responsibilities have been discharged."
        ),
        current_position="The register's figures for the year are set out below.",
        conclusion="Members are asked to note the report.",
    )
    return Paper(
        kind="safeguarding-annual",
        subject=f"{SUBJECT} {year.label}",
        meeting=meeting,
        public=True,
        narrative=narrative,
        body=body,
        period=year.label,
    )
