"""The registers' committee papers, one entry each. Both `csc-insight committee KIND` and the
Registers > Committee papers page (web/registers/paper_views.py) offer exactly what is
listed here, so another register's paper is one more entry and nothing else:

    RegisterPaper(
        kind="iro-annual",                      # the command's KIND and the page's address
        title="IRO service: annual report",     # as the page lists it
        register="iro",                         # the register it is written from
        chooses=YEAR,                           # YEAR, SCHOOL_YEAR (--year) or TERM (--term)
        builder="csc_insight.registers.iro_paper:iro_paper",
    )

The builder is named "module:function", imported when a paper is made (the command line
lists the kinds before Django is set up). It is called `function(when, meeting)`: `when` a
financial year (indicators.periods.Period, April to March) for YEAR, a school year
(virtual_school.SchoolYear, September to August) for SCHOOL_YEAR, a cme.Term for TERM;
`meeting` the meeting's date; with `snapshot=True` also `snapshot_id=` (None: the current
snapshot). It returns a reports.paper.Paper, which the caller writes as DOCX, PDF or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from csc_insight.reports.paper import Paper

YEAR, SCHOOL_YEAR, TERM = "year", "school-year", "term"


class PaperChoiceError(ValueError):
    """A year or term that this paper cannot be made for."""


@dataclass(frozen=True)
class RegisterPaper:
    kind: str
    title: str
    register: str
    chooses: str  # YEAR, SCHOOL_YEAR or TERM
    builder: str  # "module:function"
    snapshot: bool = False  # the builder takes snapshot_id= (it reads the loaded returns)

    def build(self, when: Any, meeting: date, snapshot_id: str | None = None) -> Paper:
        module, _, name = self.builder.partition(":")
        function = getattr(import_module(module), name)
        if self.snapshot:
            return function(when, meeting, snapshot_id=snapshot_id)
        return function(when, meeting)

    def read(self, text: str) -> Any:
        """The year ('2019-20') or term ('2019-09-01:2019-12-31') this paper is made for;
        PaperChoiceError when it is not one."""
        from csc_insight.registers.cme import TermError, parse_term
        from csc_insight.registers.virtual_school import SchoolYearError, parse_school_year
        from csc_insight.registers.years import YearError, parse_year

        parse = {YEAR: parse_year, SCHOOL_YEAR: parse_school_year, TERM: parse_term}
        try:
            return parse[self.chooses](text)
        except (YearError, SchoolYearError, TermError) as bad:
            raise PaperChoiceError(str(bad)) from bad


PAPERS: tuple[RegisterPaper, ...] = (
    RegisterPaper(
        "missing",
        "Children missing from care, home and education (termly)",
        "missing",
        TERM,
        "csc_insight.registers.papers:missing_paper",
    ),
    RegisterPaper(
        "missing-appendix",
        "Children missing from care, home and education: non-public appendix (termly)",
        "missing",
        TERM,
        "csc_insight.registers.missing_appendix:missing_appendix",
    ),
    RegisterPaper(
        "lado-annual",
        "Allegations about adults who work with children (LADO): annual report",
        "lado",
        YEAR,
        "csc_insight.registers.annual_papers:lado_paper",
    ),
    RegisterPaper(
        "private-fostering-annual",
        "Private fostering: annual report",
        "private-fostering",
        YEAR,
        "csc_insight.registers.annual_papers:private_fostering_paper",
    ),
    RegisterPaper(
        "providers-annual",
        "Independent fostering agencies and other providers: annual report",
        "providers",
        YEAR,
        "csc_insight.registers.providers_paper:providers_paper",
        snapshot=True,
    ),
    RegisterPaper(
        "safeguarding-annual",
        "Corporate safeguarding: safeguarding champions and assurance, annual report",
        "champions",
        YEAR,
        "csc_insight.registers.safeguarding_paper:safeguarding_paper",
    ),
    RegisterPaper(
        "iro-annual",
        "IRO service: annual report",
        "iro",
        YEAR,
        "csc_insight.registers.iro_paper:iro_paper",
        snapshot=True,
    ),
    RegisterPaper(
        "virtual-school-annual",
        "Virtual School Headteacher's annual report",
        "virtual-school",
        SCHOOL_YEAR,
        "csc_insight.registers.virtual_school_paper:virtual_school_paper",
        snapshot=True,
    ),
)
BY_KIND = {paper.kind: paper for paper in PAPERS}


def year_choices(today: date, since: date | None = None) -> list[tuple[str, str]]:
    """(value, label) of the financial years from the one holding `today` back to the one
    holding `since` (the register's earliest record), or the 5 before today's when there is
    none, newest first: ('2019-20', '2019-20 (April 2019 to March 2020)')."""
    from csc_insight.indicators.periods import fy_label, fy_start_year

    last = fy_start_year(today)
    first = min(fy_start_year(since), last - 1) if since else last - 5  # last year at least
    return [
        (fy_label(y), f"{fy_label(y)} (April {y} to March {y + 1})")
        for y in range(last, first - 1, -1)
    ]


TERMS = (  # (name, first month, last month): services.current_term's school terms
    ("Spring", 1, 3),
    ("Summer", 4, 8),
    ("Autumn", 9, 12),
)


def term_choices(today: date, since: date | None = None) -> list[tuple[str, str]]:
    """(value, label) of the school terms from the one holding `today` back to the one
    holding `since` (the register's earliest record), or the 8 before today's when there is
    none, newest first: ('2019-09-01:2019-12-31', 'Autumn term 2019 (September to December
    2019)')."""
    import calendar

    found: list[tuple[str, str]] = []
    year = today.year
    index = next(i for i, (_, a, b) in enumerate(TERMS) if a <= today.month <= b)
    while True:
        name, first, last = TERMS[index]
        start = date(year, first, 1)
        end = date(year, last, calendar.monthrange(year, last)[1])
        if len(found) >= 2 and (end < since if since else len(found) == 9):
            break
        found.append(
            (
                f"{start.isoformat()}:{end.isoformat()}",
                f"{name} term {year} ({start:%B} to {end:%B %Y})",
            )
        )
        index -= 1
        if index < 0:
            index, year = len(TERMS) - 1, year - 1
    return found


def school_year_choices(today: date, since: date | None = None) -> list[tuple[str, str]]:
    """As year_choices, for school years (September to August): ('2019-20', '2019-20
    (September 2019 to August 2020)')."""
    from csc_insight.indicators.periods import fy_label

    last = today.year if today.month >= 9 else today.year - 1
    start_of = (since.year if since.month >= 9 else since.year - 1) if since else last - 5
    first = min(start_of, last - 1)
    return [
        (fy_label(y), f"{fy_label(y)} (September {y} to August {y + 1})")
        for y in range(last, first - 1, -1)
    ]


def choices(paper: RegisterPaper, today: date, since: date | None = None) -> list[tuple[str, str]]:
    """The years or terms a paper may be made for (`since`: its register's first record)."""
    offer = {YEAR: year_choices, SCHOOL_YEAR: school_year_choices, TERM: term_choices}
    return offer[paper.chooses](today, since)
