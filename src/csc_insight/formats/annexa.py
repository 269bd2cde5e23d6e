"""Reader for Ofsted's ILACS Annex A child-level lists (issue 2).

Input: a workbook (.xlsx/.xlsm) with sheets "List 1" … "List 11" (names matched case- and
space-insensitively: "List 1", "list1", "List 1 - Contacts"), or one CSV file per list named
like `annex_a_list_1.csv` (the form used when a list is too long for Excel; a CSV with
another name is recognised by its headings). A workbook is checked by `xlsx_safety` before
python-calamine opens it. Sheets that are missing are fine (not every LA fills every list);
a workbook with none of them is an error; a list with headings but no rows is a warning.
The heading row is the first row (within the first 20) holding 'Child Unique ID' (List 11:
'Individual adopter identifier'), so a title above the headings is tolerated; row numbers
in messages and in `source_ref` are as Excel shows them.

Columns, their heading variants and value spellings are in `formats.annexa_columns`;
headings are matched by `annexa_columns.canonical_headings` (case, spacing, line breaks,
quotes, brackets, '?', '(Y/N)' and one or two mistyped letters do not matter); a heading that
means nothing is named in a warning. Sheet cells holding #N/A or N/A are blank, non-breaking
spaces are spaces, formulas give their cached value (python-calamine reads it), dates may be
dates, text or Excel serial numbers.

Mapping onto the canonical model (source = 'annex_a'; source_ref = 'file.xlsx!List 3:17' or
'annex_a_list_3.csv:17'; one children row per child and distinct set of details in a list,
so conflicting details stay visible to the loader; ids are f"{child_id}/{KIND}/{iso date}",
with '#2', '#3' … for a second row of the same child and date in one list):

- Lists 1-10, first columns → children: child_id (trimmed, upper-cased), sex (Gender via
  codes.parse_sex), ethnicity ('a) WBRI' → WBRI), dob, disability ("Does the Child have a
  Disability", lists 4-10), uasc (List 8 "UASC within the Last 12 Months", List 9 "UASC, or
  formerly UASC"). "Age of Child (Years)" is derived from the date of birth and not used.
- List 1 → contacts: contact_id CONT, contact_date, source_code (referral-source codes 1A-10).
- List 2 → early_help: eh_id EH, start_date, completion_date, organisation.
- List 3 → referrals: referral_id REF, referral_date, source_code, nfa, referrals_12m,
  team, worker.
- List 4 → assessments: assessment_id ASMT, start_date (Continuous Assessment Start Date),
  authorised_date, child_seen, needs_support, team, worker.
- List 5 → s47_enquiries: s47_id S47, start_date (strategy discussion), icpc_not_required,
  icpc_date, cp_plan_resulted, team, worker, s47_12m, icpc_12m (the 12-month counts).
- List 6 → referrals: referral_id REF from CIN Start Date (the same id List 3 gives the same
  referral, so the loader can merge the two rows), primary_need, closure_date,
  closure_reason, team, worker; "Date Child Was Last Seen" → visits (CIN). Case Status is
  not stored. (Visits from lists 6-8: one per child and date, however many rows repeat it.)
- List 7 → cp_plans: cp_plan_id CPP, start_date, end_date, initial/latest category,
  previous_plans, team, worker; "Date of latest review conference" → cp_reviews;
  "Date of the Last Statutory Visit" + "Was the Child Seen Alone?" → visits (CP).
- List 8 → cla_episodes, one row per child: decom = Start Date of Most Recent Placement
  (Date Started to be Looked After when blank); rne 'S' when those dates are equal (or the
  placement date is blank), else 'P'; ls, cin, place, place_provider, dec, rec, pl_post, urn.
  "Date of Latest Statutory Review" → cla_reviews; "Date of Last Social Work Visit" →
  visits (CLA); "Date of Last Health Assessment" / "Date of Last Dental Check" →
  health_assessments ('health' / 'dental'); "Date of Last IRO Visit/Contact" → visits
  (IRO). The rest, which has no date, → cla_summary (one row per child): second_period,
  placements_12m, missing_12m, absent_12m, rhi_offered, rhi_accepted, permanence_plan,
  placement_location, placement_la. (The loader prefers SSDA903 episodes for a child when
  both are loaded.)
- List 9 → care_leavers: year_ending NULL, in_touch, activity, accommodation (type letter),
  suitable, eligibility, personal_advisor, latest_contact; "Latest Pathway Plan Review
  Date" → pathway_plan_reviews.
- List 10 → adoption (entered_care, decision_date, placement_order_date, matched_date,
  placed_date, adoption_order_date, no_longer_placed_date/reason, ffa_date).
- List 11 (adopters) has no canonical table: it is validated and a warning says how many
  rows were read; nothing is inserted.
- referral_id on assessments, S47s and CP plans is left NULL: Annex A does not say which
  episode they belong to. Allocations are not written: Annex A gives no allocation date.

Checks beyond the cell values: the key date and child id on every row (lists 1-8); dates in
order (e.g. CP Plan End Date not before its start); a child/date repeated in lists 3-7, a
child repeated in lists 8-10, an adopter repeated in List 11 (errors; repeats in lists 1-2
are allowed and get '#2' ids); a CIN closure date without a reason, or a date ceased to be
looked after without a reason (errors).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from csc_insight.common.report import Report
from csc_insight.common.xlsx_safety import ZIP_MAGIC, check_xlsx
from csc_insight.formats import tabular
from csc_insight.formats.annexa_columns import LISTS, ListSpec, canonical_headings, heading_key

NAME = "annex_a"

_SHEET = re.compile(r"^list\s*0*(\d{1,2})(?!\d)")
_CSV_NAME = re.compile(r"annex[\s_-]*a(?![a-z]).*?list[\s_-]*0*(\d{1,2})(?!\d)")
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_HEADER_SEARCH_ROWS = 20
_TYPES = {
    "text": "VARCHAR",
    "code": "VARCHAR",
    "date": "DATE",
    "flag": "BOOLEAN",
    "int": "BIGINT",
    "float": "DOUBLE",
}
_tables = itertools.count(1)


# The canonical table each list's rows are mainly for (named on rows set aside).
TARGETS = {
    1: "contacts",
    2: "early_help",
    3: "referrals",
    4: "assessments",
    5: "s47_enquiries",
    6: "referrals",
    7: "cp_plans",
    8: "cla_episodes",
    9: "care_leavers",
    10: "adoption",
}


def list_number(sheet: str) -> int | None:
    """The Annex A list a sheet name means ('List 1 - Contacts' → 1), or None."""
    match = _SHEET.match(tabular.normalise_heading(sheet))
    number = int(match.group(1)) if match else None
    return number if number in LISTS else None


def detect(path: Path) -> bool:
    """Any workbook (.xlsx/.xlsm), a zip named like Annex A, or an Annex A list CSV."""
    suffix = path.suffix.lower()
    if suffix in _WORKBOOK_SUFFIXES:
        return True
    if suffix == ".csv":
        return _csv_list_number(path) is not None
    if "annex" in path.name.lower():
        with path.open("rb") as fh:
            return fh.read(4) == ZIP_MAGIC
    return False


def read(path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict[str, int]:
    """Validate an Annex A workbook or list CSV and insert its canonical rows."""
    counts: dict[str, int] = {}
    if path.suffix.lower() == ".csv":
        number = _csv_list_number(path)
        if number is None:
            report.error(
                "not_annex_a",
                path.name,
                "This CSV is not an Annex A list: name it "
                "annex_a_list_N.csv or give it the list's headings.",
            )
            return counts
        table = f"annex_a_{next(_tables)}"
        spec = LISTS[number]
        try:
            headings = canonical_headings(tabular.read_csv_headings(path), spec.columns)
        except (OSError, UnicodeDecodeError, csv.Error):
            headings = None  # stage_csv reports what is wrong with the file
        staged = tabular.stage_csv(
            con,
            path,
            spec.columns,
            report,
            table=table,
            headings=headings,
            target=TARGETS.get(number),
            event=spec.key_date,
            na_values=_BLANK,  # the same cleaning as a workbook's cells (_clean)
            nbsp_as_space=True,
        )
        if staged is not None:
            _load_list(con, LISTS[number], staged, f"{path.name}:", report, counts)
        _drop(con, table)
        return counts
    if check_xlsx(path, report):
        _read_workbook(path, con, report, counts)
    return counts


def writes(path: Path) -> frozenset[str] | None:
    """The canonical tables a list CSV can write, known from its name or headings before it
    is read; None for a workbook (its sheets say) or a CSV that is no list."""
    number = _csv_list_number(path) if path.suffix.lower() == ".csv" else None
    if number is None:
        return None
    if number == 11:  # adopters: read and checked, not kept
        return frozenset()
    return frozenset({"children", *(i.table for i in _INSERTS.get(number, ()))})


def _csv_list_number(path: Path) -> int | None:
    match = _CSV_NAME.search(path.stem.casefold())
    if match and int(match.group(1)) in LISTS:
        return int(match.group(1))
    try:
        headings = {heading_key(h) for h in tabular.read_csv_headings(path)}
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    best, score = None, 0
    for number, spec in LISTS.items():
        if not headings & _names(spec.columns[0]):
            continue
        hits = sum(1 for c in spec.columns if headings & _names(c))
        if hits > score:
            best, score = number, hits
    return best


def _names(column: tabular.Column) -> set[str]:
    return {heading_key(n) for n in (column.heading, *column.aliases)}


def _read_workbook(
    path: Path,
    con: duckdb.DuckDBPyConnection,
    report: Report,
    counts: dict[str, int],
) -> None:
    from python_calamine import CalamineWorkbook

    name = path.name
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for any malformed part
        report.error("damaged_xlsx", name, f"The workbook could not be read: {exc}")
        return
    try:
        sheets: dict[int, str] = {}
        for sheet in book.sheet_names:
            number = list_number(sheet)
            if number is None:
                continue
            if number in sheets:
                report.error(
                    "duplicate_sheet",
                    name,
                    f"Two sheets are List {number}: '{sheets[number]}' and '{sheet}'.",
                    sheet=sheet,
                )
                continue
            sheets[number] = sheet
        if not sheets:
            report.error(
                "not_annex_a",
                name,
                "This is not an Annex A workbook: no sheet is named 'List 1' … 'List 11'.",
            )
            return
        for number, sheet in sorted(sheets.items()):
            try:
                grid = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:  # as above: a damaged sheet part
                report.error(
                    "damaged_xlsx", name, f"This sheet could not be read: {exc}", sheet=sheet
                )
                continue
            _read_sheet(con, LISTS[number], grid, name, sheet, report, counts)
    finally:
        book.close()


def _read_sheet(
    con: duckdb.DuckDBPyConnection,
    spec: ListSpec,
    grid: list[list[object]],
    file: str,
    sheet: str,
    report: Report,
    counts: dict[str, int],
) -> None:
    header = _header_row(grid, spec)
    if header is None:
        report.warning(
            "empty_sheet", file, f"The sheet '{sheet}' is empty; it was skipped.", sheet=sheet
        )
        return
    table = f"annex_a_{next(_tables)}"
    headings = canonical_headings(grid[header], spec.columns)
    rows = (_clean(row) for row in grid[header + 1 :])
    staged = tabular.stage_rows(
        con,
        headings,
        rows,
        spec.columns,
        report,
        table=table,
        file=file,
        sheet=sheet,
        first_row=header + 2,
        target=TARGETS.get(spec.number),
        event=spec.key_date,
    )
    if staged is not None:
        _load_list(con, spec, staged, f"{file}!{sheet}:", report, counts)
    _drop(con, table)


def _header_row(grid: list[list[object]], spec: ListSpec) -> int | None:
    """The row holding the first column's heading; else the first non-empty row."""
    names = _names(spec.columns[0])
    first = None
    for i, row in enumerate(grid[:_HEADER_SEARCH_ROWS]):
        cells = {heading_key(c) for c in row} - {""}
        if cells & names:
            return i
        if first is None and cells:
            first = i
    return first


# What a cell holds when there is nothing to say: Excel's #N/A (a lookup formula that
# found nothing) and the 'N/A' people type.
_BLANK = frozenset({"#N/A", "N/A", "n/a", "#n/a", "N/a", "NA", "#N/A N/A"})


def _clean(row: list[object]) -> list[object]:
    """A sheet row with #N/A and N/A as blank and non-breaking spaces as spaces."""
    return [
        None
        if cell in _BLANK
        else cell.replace("\u00a0", " ")
        if type(cell) is str and "\u00a0" in cell
        else cell
        for cell in row
    ]


def _load_list(
    con: duckdb.DuckDBPyConnection,
    spec: ListSpec,
    staged: tabular.Staged,
    ref: str,
    report: Report,
    counts: dict[str, int],
) -> None:
    _check(con, spec, staged, report)
    view = f"{staged.table}_all"
    fields = ", ".join(
        c.field if staged.has(c.field) else f"CAST(NULL AS {_TYPES[c.kind]}) AS {c.field}"
        for c in spec.columns
    )
    # A view, so that `ref` is only built for the rows an insert keeps.
    literal = "'" + ref.replace("'", "''") + "'"
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT {fields}, _row, "
        f"{literal} AS _prefix, _prefix || CAST(_row AS VARCHAR) AS ref "
        f"FROM {staged.table}"
    )
    if spec.number == 11:
        report.warning(
            "adopters_not_loaded",
            staged.file,
            f"{staged.rows} adopter row(s) were "
            "read and checked; CSC Insight keeps no adopter records, so they were "
            "not loaded.",
            sheet=staged.sheet,
        )
        return
    for table, sql in _inserts(spec, view):
        written = con.execute(f"INSERT INTO {table} BY NAME {sql}").fetchall()[0][0]
        counts[table] = counts.get(table, 0) + written


def _check(
    con: duckdb.DuckDBPyConnection,
    spec: ListSpec,
    staged: tabular.Staged,
    report: Report,
) -> None:
    for earlier, later in spec.order:
        tabular.check_order(con, staged, earlier, later, report)
    if spec.unique:
        tabular.check_duplicates(
            con, staged, spec.unique, report, what=f"row in List {spec.number}"
        )
    for date, reason in (("closure_date", "closure_reason"), ("dec", "rec")):
        if staged.has(date) and staged.has(reason):
            tabular.check(
                con,
                staged,
                f"SELECT _row, NULL AS value FROM {staged.table} "
                f"WHERE {date} IS NOT NULL AND {reason} IS NULL",
                report,
                code="missing_value",
                column=reason,
                message=f"'{staged.columns[reason].heading}' must be given when "
                f"'{staged.columns[date].heading}' is.",
            )


def _id(kind: str, date: str) -> str:
    n = f"row_number() OVER (PARTITION BY child_id, {date} ORDER BY _row)"
    return (
        f"child_id || '/{kind}/' || strftime({date}, '%Y-%m-%d') "
        f"|| COALESCE('#' || CAST(NULLIF({n}, 1) AS VARCHAR), '')"
    )


_LINEAGE = f"'{NAME}' AS source, ref AS source_ref"


@dataclass(frozen=True)
class _Insert:
    """Rows one list gives one canonical table: `columns` of every row with a child id and,
    when `date` is named, that date."""

    table: str
    columns: str
    date: str | None = None
    id: tuple[str, str] | None = None  # (id field, KIND): an id made from the child and `date`
    once: bool = False  # one row per child and date, however many rows repeat them
    rows: str = "{v}"  # what the rows are selected from; {v} is the list's view


def _visits(date: str, kind: str, seen_alone: str = "NULL") -> _Insert:
    # A child with two episodes (or plans) in the list has the same last visit on each row:
    # it is one visit, so only the first row of each child and date gives it.
    return _Insert(
        "visits",
        f"child_id, {date} AS visit_date, '{kind}' AS visit_type, "
        f"{seen_alone} AS seen_alone, worker",
        date,
        once=True,
    )


# List 7's plans, each with its id, for the plans and their review conferences alike.
_PLANS = (
    f"(SELECT *, {_id('CPP', 'start_date')} AS cp_plan_id FROM {{v}} "
    f"WHERE child_id IS NOT NULL AND start_date IS NOT NULL) p"
)
_DECOM = "COALESCE(placement_start, period_start)"

# What each list inserts besides its children, in order.
_INSERTS: dict[int, tuple[_Insert, ...]] = {
    1: (
        _Insert(
            "contacts",
            "child_id, contact_date, source_code",
            "contact_date",
            id=("contact_id", "CONT"),
        ),
    ),
    2: (
        _Insert(
            "early_help",
            "child_id, start_date, completion_date, organisation",
            "start_date",
            id=("eh_id", "EH"),
        ),
    ),
    3: (
        _Insert(
            "referrals",
            "child_id, referral_date, source_code, nfa, referrals_12m, team, worker",
            "referral_date",
            id=("referral_id", "REF"),
        ),
    ),
    4: (
        _Insert(
            "assessments",
            "child_id, start_date, authorised_date, child_seen, needs_support, team, worker",
            "start_date",
            id=("assessment_id", "ASMT"),
        ),
    ),
    5: (
        _Insert(
            "s47_enquiries",
            "child_id, start_date, icpc_not_required, icpc_date, "
            "cp_plan_resulted, team, worker, s47_12m, icpc_12m",
            "start_date",
            id=("s47_id", "S47"),
        ),
    ),
    6: (
        _Insert(
            "referrals",
            "child_id, referral_date, primary_need, closure_date, closure_reason, team, worker",
            "referral_date",
            id=("referral_id", "REF"),
        ),
        _visits("last_seen", "CIN"),
    ),
    7: (
        _Insert(
            "cp_plans",
            "cp_plan_id, child_id, start_date, end_date, initial_category, "
            "latest_category, previous_plans, team, worker",
            rows=_PLANS,
        ),
        _Insert(
            "cp_reviews",
            "cp_plan_id, child_id, latest_review AS review_date",
            "latest_review",
            rows=_PLANS,
        ),
        _visits("last_visit", "CP", "seen_alone"),
    ),
    8: (
        _Insert(
            "cla_episodes",
            f"child_id, {_DECOM} AS decom, CASE WHEN placement_start IS "
            "NULL OR placement_start = period_start THEN 'S' ELSE 'P' END AS rne, ls, cin, "
            "place, place_provider, dec, rec, pl_post, urn",
            _DECOM,
        ),
        _Insert("cla_reviews", "child_id, latest_review AS review_date", "latest_review"),
        _visits("last_visit", "CLA"),
        _visits("last_iro", "IRO"),
        _Insert(
            "cla_summary",
            "child_id, second_period, placements_12m, missing_12m, "
            "absent_12m, rhi_offered, rhi_accepted, permanence_plan, placement_location, "
            "placement_la",
        ),
        _Insert(
            "health_assessments",
            "child_id, health_date AS assessment_date, 'health' AS kind",
            "health_date",
        ),
        _Insert(
            "health_assessments",
            "child_id, dental_date AS assessment_date, 'dental' AS kind",
            "dental_date",
        ),
    ),
    9: (
        _Insert(
            "care_leavers",
            "child_id, NULL AS year_ending, in_touch, activity, "
            "accommodation, suitable, eligibility, latest_contact, personal_advisor",
        ),
        _Insert(
            "pathway_plan_reviews", "child_id, pathway_review AS review_date", "pathway_review"
        ),
    ),
    10: (
        _Insert(
            "adoption",
            "child_id, entered_care, decision_date, placement_order_date, "
            "matched_date, placed_date, adoption_order_date, no_longer_placed_date, "
            "no_longer_placed_reason, ffa_date",
        ),
    ),
}


def _select(insert: _Insert, v: str) -> str:
    """The SELECT giving `insert`'s rows from the view `v`."""
    columns = insert.columns
    if insert.id is not None and insert.date is not None:
        field, kind = insert.id
        columns = f"{_id(kind, insert.date)} AS {field}, {columns}"
    where = "child_id IS NOT NULL" + (f" AND {insert.date} IS NOT NULL" if insert.date else "")
    once = (
        f" QUALIFY row_number() OVER (PARTITION BY child_id, {insert.date} ORDER BY _row) = 1"
        if insert.once
        else ""
    )
    # In the list's row order: the loader writes a day's events in the order they were staged,
    # which the window functions above would otherwise leave to chance (and so each load).
    return (
        f"SELECT {columns}, {_LINEAGE} FROM {insert.rows.format(v=v)} WHERE {where}{once} "
        "ORDER BY _row"
    )


def _inserts(spec: ListSpec, v: str) -> list[tuple[str, str]]:
    """(canonical table, SELECT producing its rows) for one staged list."""
    # One children row per distinct set of details, so a conflict stays visible to the loader.
    details = (
        f"child_id, dob, sex, ethnicity, "
        f"{'disability' if _has(spec, 'disability') else 'NULL'} AS disability, "
        f"{'uasc' if _has(spec, 'uasc') else 'NULL'} AS uasc"
    )
    out = [
        (
            "children",
            f"SELECT {details}, '{NAME}' AS source, any_value(_prefix) || "
            f"min(_row) AS source_ref FROM {v} WHERE child_id IS NOT NULL GROUP BY ALL",
        )
    ]
    out += [(i.table, _select(i, v)) for i in _INSERTS.get(spec.number, ())]
    return out


def _has(spec: ListSpec, field: str) -> bool:
    return any(c.field == field for c in spec.columns)


def _drop(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Drop the temp tables staging made for `table`, and our view of it."""
    tabular.drop_staged(con, table)
    con.execute(f"DROP VIEW IF EXISTS {table}_all")
