"""Reader for the local extras: the eleven CSV files of docs/local_extras.md.

Each file is recognised by its headings (the exact column set, case-insensitive); its name
(`visits.csv`, `visits_2020.csv`) is a hint that lets a file with missing columns be recognised
so they can be reported. UTF-8 (BOM accepted), dd/mm/yyyy or ISO dates, Y/N flags, blank =
not recorded. Every row: source = 'local', source_ref = '<file>:<row, header = 1>';
CHILD -> child_id (trimmed, upper-cased).

Mapping (file -> canonical table):

- children.csv -> `children`: DOB -> dob, SEX (M/F/U or 1/2) -> sex, ETHNICITY -> ethnicity,
  DISABILITY -> disability, UASC -> uasc.
- contacts.csv -> `contacts`: CONTACT_ID -> contact_id (blank: '<child>/CONT/<date>', '#2'
  for a second on one day), CONTACT_DATE -> contact_date, SOURCE (1A-10) -> source_code,
  DECISION_DATE -> decision_date, OUTCOME (referral / early_help / nfa / advice) -> outcome.
- early_help.csv -> `early_help`: EH_ID -> eh_id (blank: '<child>/EH/<START_DATE, else
  REFERRAL_DATE>'), REFERRAL_DATE, START_DATE, COMPLETION_DATE, ORGANISATION, CLOSURE_DATE,
  CLOSURE_REASON (free text: the doc gives no code list), GOAL_START / GOAL_REVIEW / GOAL_END
  (0-10) -> goal_score_start / _review / _end, SHORT_BREAK -> short_break; optional
  REFERRAL_SOURCE (1A-10) -> referral_source and REFERRAL_OUTCOME (early_help / referral /
  advice / nfa) -> referral_outcome (files without them still load).
- short_breaks.csv -> `short_breaks`: DISABILITY (CIN census code) -> disability, SERVICE
  (overnight / day / home / activity / direct_payment) -> service, START_DATE, END_DATE,
  HOURS_PER_WEEK, NIGHTS_PER_YEAR.
- visits.csv -> `visits`: VISIT_DATE, VISIT_TYPE (CP / CIN / CLA), SEEN_ALONE, WORKER.
- missing.csv -> `missing_episodes`: MISSING -> missing_type, MIS_START -> start_date,
  MIS_END -> end_date, RHI_OFFERED, RHI_ACCEPTED, RHI_DATE -> rhi_date. The loader merges
  these with SSDA903's Missing rows by child + start date.
- health.csv -> `health_assessments`: ASSESSMENT_DATE, KIND (health / dental).
- pathway_plans.csv -> `pathway_plan_reviews`: REVIEW_DATE -> review_date.
- allocations.csv -> `allocations`: WORKER, TEAM, START_DATE, END_DATE.
- workers.csv -> `workers`: WORKER, NAME, TEAM, ROLE, FTE.
- population.csv -> `population`: YEAR, AGE_FROM, AGE_TO, POPULATION.

Checked besides the column types: duplicate keys (children: CHILD; contacts: CONTACT_ID;
early help: EH_ID; missing: CHILD + MIS_START; short breaks: CHILD + SERVICE + START_DATE;
workers: WORKER; population: YEAR + AGE_FROM), end dates before start dates, goal scores
outside 0-10, negative hours or nights, and early help rows with neither an id nor a date.
Only children.csv creates `children`: a child in any other file must be listed there (or in
a statutory return loaded with it), which the loader checks.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import duckdb

from csc_insight.common.report import Report
from csc_insight.formats import codes
from csc_insight.formats.columns import CHILD, first_line, insert_rows, name_stem, staged_file
from csc_insight.formats.columns import spec_column as _col
from csc_insight.formats.tabular import (
    _SQL_TYPE,
    Column,
    Kind,
    Staged,
    check,
    check_duplicates,
    check_order,
    check_text_file,
    identify_table,
    read_csv_headings,
)

NAME = "local"


def _score(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if 0 <= value <= 10 else None


def _goal(heading: str) -> Column:
    return _col(heading, "float", parse=_score, describe="a goal score from 0 to 10")


def _not_negative(raw: str) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if value >= 0 else None


def _amount(heading: str) -> Column:
    return _col(heading, "float", parse=_not_negative, describe="a number, 0 or more")


def _optional(heading: str, kind: Kind, allowed: set[str]) -> Column:
    """A column added after the first version of a file: files without it still load."""
    return replace(_col(heading, kind, allowed), required=False)


TABLES: dict[str, list[Column]] = {
    "children": [
        CHILD,
        _col("DOB", "date"),
        _col("SEX", "code", parse=codes.parse_sex, describe="M, F or U (or 1, 2)"),
        _col("ETHNICITY", "code", codes.ETHNICITY),
        _col("DISABILITY", "flag"),
        _col("UASC", "flag"),
    ],
    "contacts": [
        _col("CONTACT_ID"),
        CHILD,
        _col("CONTACT_DATE", "date", not_null=True),
        _col("SOURCE", "code", codes.REFERRAL_SOURCE),
        _col("DECISION_DATE", "date"),
        _col("OUTCOME", "code", codes.CONTACT_OUTCOME),
    ],
    "early_help": [
        _col("EH_ID"),
        CHILD,
        _col("REFERRAL_DATE", "date"),
        _col("START_DATE", "date"),
        _col("COMPLETION_DATE", "date"),
        _col("ORGANISATION"),
        _col("CLOSURE_DATE", "date"),
        _col("CLOSURE_REASON"),
        _goal("GOAL_START"),
        _goal("GOAL_REVIEW"),
        _goal("GOAL_END"),
        _col("SHORT_BREAK", "flag"),
        _optional("REFERRAL_SOURCE", "code", codes.REFERRAL_SOURCE),
        _optional("REFERRAL_OUTCOME", "code", codes.EH_REFERRAL_OUTCOME),
    ],
    "short_breaks": [
        CHILD,
        _col("DISABILITY", "code", codes.DISABILITY),
        _col("SERVICE", "code", codes.SHORT_BREAK_SERVICE, not_null=True),
        _col("START_DATE", "date", not_null=True),
        _col("END_DATE", "date"),
        _amount("HOURS_PER_WEEK"),
        _amount("NIGHTS_PER_YEAR"),
    ],
    "visits": [
        CHILD,
        _col("VISIT_DATE", "date", not_null=True),
        _col("VISIT_TYPE", "code", codes.VISIT_TYPE, not_null=True),
        _col("SEEN_ALONE", "flag"),
        _col("WORKER"),
    ],
    "missing": [
        CHILD,
        _col("MISSING", "code", codes.MISSING_TYPE, not_null=True),
        _col("MIS_START", "date", not_null=True),
        _col("MIS_END", "date"),
        _col("RHI_OFFERED", "flag"),
        _col("RHI_ACCEPTED", "flag"),
        _col("RHI_DATE", "date"),
    ],
    "health": [
        CHILD,
        _col("ASSESSMENT_DATE", "date", not_null=True),
        _col("KIND", "code", {"health", "dental"}, not_null=True),
    ],
    "pathway_plans": [CHILD, _col("REVIEW_DATE", "date", not_null=True)],
    "allocations": [
        CHILD,
        _col("WORKER", not_null=True),
        _col("TEAM"),
        _col("START_DATE", "date", not_null=True),
        _col("END_DATE", "date"),
    ],
    "workers": [
        _col("WORKER", not_null=True),
        _col("NAME"),
        _col("TEAM"),
        _col("ROLE"),
        _col("FTE", "float"),
    ],
    "population": [
        _col(h, "int", not_null=True) for h in ("YEAR", "AGE_FROM", "AGE_TO", "POPULATION")
    ],
}

# (canonical table, columns selected from the staged table, filter on required values)
_INSERTS: dict[str, tuple[str, str, str]] = {
    "children": ("children", "child AS child_id, dob, sex, ethnicity, disability, uasc", ""),
    "contacts": (
        "contacts",
        "child AS child_id, contact_id, contact_date, source AS "
        "source_code, decision_date, outcome",
        "contact_date IS NOT NULL",
    ),
    "early_help": (
        "early_help",
        "child AS child_id, eh_id, referral_date, start_date, "
        "completion_date, organisation, closure_date, closure_reason, goal_start AS "
        "goal_score_start, goal_review AS goal_score_review, goal_end AS "
        "goal_score_end, short_break, referral_source, referral_outcome",
        "eh_id IS NOT NULL",
    ),
    "short_breaks": (
        "short_breaks",
        "child AS child_id, disability, service, start_date, "
        "end_date, hours_per_week, nights_per_year",
        "service IS NOT NULL AND start_date IS NOT NULL",
    ),
    "visits": (
        "visits",
        "child AS child_id, visit_date, visit_type, seen_alone, worker",
        "visit_date IS NOT NULL AND visit_type IS NOT NULL",
    ),
    "missing": (
        "missing_episodes",
        "child AS child_id, missing AS missing_type, mis_start AS "
        "start_date, mis_end AS end_date, rhi_offered, rhi_accepted, rhi_date",
        "missing IS NOT NULL AND mis_start IS NOT NULL",
    ),
    "health": (
        "health_assessments",
        "child AS child_id, assessment_date, kind",
        "assessment_date IS NOT NULL AND kind IS NOT NULL",
    ),
    "pathway_plans": (
        "pathway_plan_reviews",
        "child AS child_id, review_date",
        "review_date IS NOT NULL",
    ),
    "allocations": (
        "allocations",
        "child AS child_id, worker, team, start_date, end_date",
        "worker IS NOT NULL AND start_date IS NOT NULL",
    ),
    "workers": ("workers", "worker, name, team, role, fte", "worker IS NOT NULL"),
    "population": (
        "population",
        "year, age_from, age_to, population",
        "year IS NOT NULL AND age_from IS NOT NULL AND age_to IS NOT NULL "
        "AND population IS NOT NULL",
    ),
}
_KEYS = {
    "children": ["child"],
    "contacts": ["contact_id"],
    "early_help": ["eh_id"],
    "missing": ["child", "mis_start"],
    "short_breaks": ["child", "service", "start_date"],
    "workers": ["worker"],
    "population": ["year", "age_from"],
}
_ORDER = {
    "contacts": [("contact_date", "decision_date")],
    "early_help": [("start_date", "completion_date"), ("referral_date", "closure_date")],
    "missing": [("mis_start", "mis_end"), ("mis_start", "rhi_date")],
    "short_breaks": [("start_date", "end_date")],
    "allocations": [("start_date", "end_date")],
    "population": [("age_from", "age_to")],
}
# Generated ids where the file has none: (id field, kind, date it is built from).
_IDS = {
    "contacts": ("contact_id", "CONT", "contact_date"),
    "early_help": ("eh_id", "EH", "COALESCE(start_date, referral_date)"),
}


def _hint(path: Path) -> str | None:
    stem = name_stem(path)
    return stem if stem in TABLES else None


def detect(path: Path) -> bool:
    if path.suffix.lower() not in (".csv", ".txt"):
        return False
    first = first_line(path)
    if first is None:
        return False
    return identify_table(first.strip().split(","), TABLES, _hint(path)) is not None


def writes(path: Path) -> frozenset[str] | None:
    """The canonical table a file writes, known from its headings before it is read; None
    when they match no local extras file (reading it reports why)."""
    try:
        name = identify_table(read_csv_headings(path), TABLES, _hint(path))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None
    return None if name is None else frozenset({_INSERTS[name][0]})


def read(path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict[str, int]:
    """Validate one local extras file and insert its canonical rows; see the module."""
    if not check_text_file(path, report):
        return {}
    name = identify_table(read_csv_headings(path), TABLES, _hint(path))
    if name is None:
        report.error(
            "unknown_table",
            path.name,
            "The headings do not match any local extras "
            f"file ({', '.join(f'{t}.csv' for t in TABLES)}); see "
            "docs/local_extras.md.",
            row=1,
        )
        return {}
    with staged_file(
        con, path, NAME, name, TABLES[name], report, target=_INSERTS.get(name, (None,))[0]
    ) as staged:
        if staged is None:
            return {}
        _validate(con, staged, name, report)
        return _insert(con, staged, name, path)


def _validate(con: duckdb.DuckDBPyConnection, staged: Staged, name: str, report: Report) -> None:
    for start, end in _ORDER.get(name, []):
        check_order(con, staged, start, end, report)
    if name in _IDS:
        id_field, kind, day = _IDS[name]
        if name == "early_help":
            check(
                con,
                staged,
                f"SELECT _row, child AS value FROM {staged.table} WHERE eh_id IS "
                "NULL AND start_date IS NULL AND referral_date IS NULL",
                report,
                code="missing_value",
                column="eh_id",
                message="An early help row needs an EH_ID, a START_DATE or a REFERRAL_DATE.",
            )
        con.execute(
            f"UPDATE {staged.table} AS t SET {id_field} = g.id FROM (SELECT _row, child || "
            f"'/{kind}/' || strftime(day, '%Y-%m-%d') || CASE WHEN n > 1 THEN '#' || n "
            f"ELSE '' END AS id FROM (SELECT _row, child, {day} AS day, row_number() OVER "
            f"(PARTITION BY child, {day} ORDER BY _row) AS n FROM {staged.table} WHERE "
            f"{id_field} IS NULL AND child IS NOT NULL) WHERE day IS NOT NULL) AS g "
            f"WHERE t._row = g._row"
        )
    if name in _KEYS:
        check_duplicates(con, staged, _KEYS[name], report, what="row")


def _insert(
    con: duckdb.DuckDBPyConnection, staged: Staged, name: str, path: Path
) -> dict[str, int]:
    target, columns, where = _INSERTS[name]
    for col in TABLES[name]:
        if not col.required and not staged.has(col.field):  # an older file: not recorded
            con.execute(f"ALTER TABLE {staged.table} ADD COLUMN {col.field} {_SQL_TYPE[col.kind]}")
    child = "child IS NOT NULL" if staged.has("child") else ""
    return {target: insert_rows(con, path, NAME, target, columns, staged.table, [child, where])}
