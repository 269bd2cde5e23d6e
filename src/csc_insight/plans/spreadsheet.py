"""Reading a plan from a spreadsheet laid out like the seed plan tables (.xlsx or .csv).

One heading row (Section, Ref, Specific aim, Source, Action, Measure/outcome, Start, Due,
Lead, Area lead, Comments, RAG; a trailing colon is ignored), one action per row below it.
Rows above the headings may hold the plan's header as "label, value" pairs (Name,
Duration, Owner, ...), as the seed plans and our own XLSX export print them. A blank
Section carries the one above down, as merged cells in the seed tables read.

Every cell that cannot be read is reported with file, row, column, value and what was
expected; the caller imports nothing unless the report is clean.
"""

from __future__ import annotations

import calendar
import csv
import re
from datetime import date, datetime
from pathlib import Path

from csc_insight.common.report import Report, column_letter
from csc_insight.common.values import parse_date
from csc_insight.common.xlsx_safety import check_xlsx
from csc_insight.formats.tabular import Column, check_text_file, match_headings
from csc_insight.plans.document import HEADER_FIELDS, ActionRow, Comment, Header, PlanDocument
from csc_insight.plans.document import Section as PlanSection
from csc_insight.plans.rag import EXPECTED as RAG_EXPECTED
from csc_insight.plans.rag import parse_rag

COLUMNS = [
    Column("Section", "section", required=True, aliases=("Priority",)),
    Column("Ref", "ref"),
    Column("Specific aim", "specific_aim"),
    Column("Source", "source"),
    Column("Action", "action", required=True),
    Column("Measure/outcome", "measure", aliases=("Measure", "Outcome")),
    Column("Start", "start"),
    Column("Due", "due", aliases=("End", "Due date")),
    Column("Lead", "lead", aliases=("Lead officer", "Leads")),
    Column("Area lead", "area_lead"),
    Column("Comments", "comments", aliases=("Comment", "Progress")),
    Column("RAG", "rag", required=True, aliases=("RAG status", "Status")),
]
DATE_EXPECTED = "a date such as 31/10/2019, 2019-10-31 or Oct-19 (the end of that month)"
_HEADER_LABELS = {label.casefold(): attr for attr, label in HEADER_FIELDS} | {
    "relevant strategies": "relevant_strategies",
    "board": "monitoring_board",
    "frequency of monitoring": "monitoring_frequency",
    "people involved": "people_involved",
}
_LEAD_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})[- ]?(\d{2}|\d{4})$")
_MONTHS = (
    {m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {m.casefold(): i for i, m in enumerate(calendar.month_name) if m}
    | {"sept": 9}
)
SCAN_ROWS = 50  # how far down to look for the heading row


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def parse_due(value: object) -> date | None:
    """A date cell: a real date, dd/mm/yyyy, ISO, an Excel serial, or 'Oct-19' (month end).

    Raises ValueError for anything else; blank is None.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    if found := parse_date(text):
        return found
    if m := _MONTH_YEAR.match(text):
        month = _MONTHS.get(m.group(1).casefold())
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        if month:
            return date(year, month, calendar.monthrange(year, month)[1])
    raise ValueError(text)


def split_leads(text: str) -> tuple[str, ...]:
    """'HS/AM/SaC' -> ('HS', 'AM', 'SaC')."""
    return tuple(p for p in (s.strip() for s in _LEAD_SPLIT.split(text)) if p)


def _rows(path: Path, report: Report) -> list[list[object]] | None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        if not check_xlsx(path, report):
            return None
        from python_calamine import CalamineWorkbook

        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return [list(r) for r in sheet.to_python(skip_empty_area=False)]
    if suffix == ".csv":
        if not check_text_file(path, report):
            return None
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [list(r) for r in csv.reader(fh)]
    report.error(
        "not_plan_file", path.name, "Expected a plan as an .xlsx or .csv file.", value=path.suffix
    )
    return None


def _is_heading_row(cells: list[object]) -> bool:
    words = {_text(c).rstrip(":").strip().casefold() for c in cells}
    return "action" in words and bool(words & {"rag", "rag status", "status"})


def _read_header(rows: list[list[object]], name: str) -> Header:
    header = Header(name=name)
    for cells in rows:
        filled = [c for c in cells if _text(c)]
        if len(filled) < 2:
            continue
        attr = _HEADER_LABELS.get(_text(filled[0]).rstrip(":").strip().casefold())
        if attr is None:
            continue
        value = filled[1]
        if attr in ("implementation_date", "review_date"):
            try:
                setattr(header, attr, parse_due(value))
            except ValueError:
                continue
        elif attr != "name" or not name:
            setattr(header, attr, _text(value))
    return header


def read_plan(path: Path, report: Report, name: str | None = None) -> PlanDocument | None:
    """The plan in `path`, or None when it cannot be read at all; cell problems go in
    `report` (the plan returned then holds only the rows that could be read)."""
    file = path.name
    rows = _rows(path, report)
    if rows is None:
        return None
    start = next((i for i, r in enumerate(rows[:SCAN_ROWS]) if _is_heading_row(r)), 0)
    headings = [_text(h).rstrip(":").strip() for h in (rows[start] if rows else [])]
    found = match_headings(headings, COLUMNS, report, file=file, sheet=None)
    if found is None:
        return None
    header = _read_header(rows[:start], name or "")
    if not header.name:
        header.name = path.stem.replace("_", " ")
    plan = PlanDocument(header=header)
    sections: dict[str, PlanSection] = {}
    section = ""
    for index, cells in enumerate(rows[start + 1 :], start=start + 2):
        values = {col.field: cells[pos] if pos < len(cells) else None for pos, col in found.items()}
        if not any(_text(v) for v in values.values()):
            continue
        letters = {col.field: column_letter(pos) for pos, col in found.items()}

        def bad(
            field: str,
            code: str,
            expected: str,
            row: int = index,
            letters: dict[str, str] = letters,
            values: dict[str, object] = values,
        ) -> None:
            heading = next(c.heading for c in COLUMNS if c.field == field)
            report.error(
                code,
                file,
                f"Expected {expected}.",
                row=row,
                column=heading,
                column_letter=letters.get(field),
                value=_text(values.get(field)),
            )

        errors_before = report.count("error")
        section = _text(values.get("section")) or section
        if not section:
            bad("section", "missing_value", "the section this action belongs to")
        action_text = _text(values.get("action"))
        if not action_text:
            bad("action", "missing_value", "the action to be taken")
        rag = parse_rag(values.get("rag"))
        if rag is None:
            bad("rag", "unknown_rag", RAG_EXPECTED)
        dates: dict[str, date | None] = {}
        for field in ("start", "due"):
            try:
                dates[field] = parse_due(values.get(field))
            except ValueError:
                bad(field, "bad_date", DATE_EXPECTED)
        if report.count("error") > errors_before or rag is None:
            continue
        comments = _text(values.get("comments"))
        action = ActionRow(
            section=section,
            ref=_text(values.get("ref")) or str(len(plan.actions()) + 1),
            action=action_text,
            rag=rag,
            specific_aim=_text(values.get("specific_aim")),
            source=_text(values.get("source")),
            measure=_text(values.get("measure")),
            start=dates.get("start"),
            due=dates.get("due"),
            leads=split_leads(_text(values.get("lead"))),
            area_lead=_text(values.get("area_lead")),
            comments=[Comment(comments)] if comments else [],
            row=index,
        )
        if section not in sections:
            sections[section] = PlanSection(section)
            plan.sections.append(sections[section])
        sections[section].actions.append(action)
    if not plan.actions() and report.ok:
        report.error(
            "no_actions", file, "Expected at least one action below the heading row.", row=start + 2
        )
    return plan
