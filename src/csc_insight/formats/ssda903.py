"""Reader for the SSDA903 children looked after return: one CSV file per table.

Each table is recognised by its headings, whatever the file is called: headings in any case,
with a byte-order mark or spaces around them; an `LA` or `YEAR` column may be added to any
table (YEAR is the collection year: used by OC2 and OC3, and part of the duplicate check).
A file with every required heading of a table and columns of its own is that table: the
extra columns are named in a warning and left out (unless the file is in a
`local_extras` folder or is a local extras table exactly). A file name such as
`episodes.csv` or `Episodes_2020.csv` is only a hint: it lets a file with missing columns be
recognised so they can be reported. Dates are dd/mm/yyyy or ISO yyyy-mm-dd. Every row:
source = 'ssda903', source_ref = '<file>:<row as a spreadsheet shows it, header = 1>';
CHILD -> child_id (trimmed, upper-cased). The DfE's XML form of the return is read by
`formats.ssda903_xml` into the same tables.

Mapping:

- Header -> `children`: SEX (1/2, via `codes.parse_sex`) -> sex, DOB -> dob, ETHNIC ->
  ethnicity, UPN -> upn, or -> upn_unknown when it is a 'UPN unknown' code ('UN' and a
  number: UN1-UN10). MOTHER and MC_DOB are validated, not stored.
- Episodes -> `cla_episodes`, column for column (DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER,
  DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN). Checked: code lists, DEC not
  before DECOM, one episode per CHILD + DECOM, and a child's episodes not overlapping (an
  episode starting before the previous one ends, or after an open one, is reported).
- Reviews -> `cla_reviews`: REVIEW -> review_date, REVIEW_CODE -> review_code.
- UASC -> a `children` row with uasc = true and uasc_ceased = DUC (plus SEX and DOB).
- OC2 -> `cla_health`: HEALTH_CHECK -> health_check, IMMUNISATIONS, TEETH_CHECK, SDQ_SCORE ->
  sdq_score, CONVICTED, SUBSTANCE_MISUSE (flags 1/0). SDQ_REASON, HEALTH_ASSESSMENT and
  INTERVENTION_* are validated, not stored.
- OC3 -> `care_leavers`: IN_TOUCH -> in_touch, ACTIV -> activity, ACCOM ('B1') ->
  accommodation = its letter, suitable = suffix 1 -> true, 2 -> false, none (e.g. 'Z') -> NULL.
  ACTIV and ACCOM `0` (not applicable: died or returned home) stay `0` (suitable NULL).
- OC2/OC3 year_ending: 31 March of the optional YEAR column (2020 -> 2020-03-31); without
  it, of a 4-digit year in the file name (oc3_2020.csv); else NULL with a warning.
- PlacedAdoption -> `adoption`: DATE_PLACED (the decision that the child should be placed for
  adoption) -> decision_date; DATE_PLACED_CEASED -> adoption_order_date when
  REASON_PLACED_CEASED is E11/E12 (adopted), else -> no_longer_placed_date with the reason
  in no_longer_placed_reason.
- AD1 -> `adoption`: DATE_INT -> decision_date, DATE_MATCH -> matched_date (the adopters'
  details are not stored). The loader merges AD1 and PlacedAdoption rows of one child by
  decision date.
- Missing -> `missing_episodes`: MISSING -> missing_type, MIS_START -> start_date,
  MIS_END -> end_date (the loader merges them with the local missing register); a row
  without MISSING is set aside (quarantine, missing_value).
- PrevPerm, SWEpisodes and DoLo are validated (dates, end before start) and insert nothing:
  no canonical table holds them yet; the report says so ("read, not used").

Only Header (and UASC) rows create `children`: a child in any other table must be in the
Header, which the loader checks ("every event's child exists").
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb

from csc_insight.common.report import Report
from csc_insight.formats import codes
from csc_insight.formats.columns import CHILD, first_line, insert_rows, name_stem, staged_file
from csc_insight.formats.columns import spec_column as _col
from csc_insight.formats.tabular import (
    Column,
    Staged,
    check,
    check_duplicates,
    check_order,
    check_text_file,
    identify_table,
    normalise_heading,
    read_csv_headings,
)

NAME = "ssda903"


def _accom(raw: str) -> str | None:
    """'B1' -> 'B1'; `0` (not applicable: the young person died or returned home) kept."""
    text = raw.strip().upper()
    if text == codes.NOT_APPLICABLE:
        return text
    ok = text[:1] in codes.ACCOMMODATION_TYPE and text[1:] in ("", "1", "2")
    return text if ok and text else None


DOB = _col("DOB", "date")
SEX = _col("SEX", "code", parse=codes.parse_sex, describe="1 (male) or 2 (female)")
FLAG = {"describe": "1 or 0"}
YEAR = Column("YEAR", "year", "int")  # optional: the collection year (OC2 / OC3 use it)
LA = Column("LA", "la")  # optional: the local authority, in files pooled across LAs

TABLES: dict[str, list[Column]] = {
    "header": [
        CHILD,
        SEX,
        DOB,
        _col("ETHNIC", "code", codes.ETHNICITY),
        _col("UPN"),
        _col("MOTHER"),
        _col("MC_DOB", "date"),
    ],
    "episodes": [
        CHILD,
        _col("DECOM", "date", not_null=True),
        _col("RNE", "code", codes.RNE),
        _col("LS", "code", codes.LEGAL_STATUS),
        _col("CIN", "code", codes.CATEGORY_OF_NEED),
        _col("PLACE", "code", codes.PLACEMENT),
        _col("PLACE_PROVIDER", "code", codes.PLACEMENT_PROVIDER),
        _col("DEC", "date"),
        _col("REC", "code", codes.REASON_EPISODE_CEASED),
        _col("REASON_PLACE_CHANGE", "code", codes.REASON_PLACE_CHANGE),
        _col("HOME_POST"),
        _col("PL_POST"),
        _col("URN"),
    ],
    "reviews": [
        CHILD,
        DOB,
        _col("REVIEW", "date", not_null=True),
        _col("REVIEW_CODE", "code", codes.REVIEW_CODE),
    ],
    "uasc": [CHILD, SEX, DOB, _col("DUC", "date")],
    "oc2": [
        CHILD,
        DOB,
        _col("SDQ_SCORE", "int"),
        _col("SDQ_REASON"),
        *(
            _col(h, "flag", **FLAG)
            for h in (
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
            )
        ),
        YEAR,
    ],
    "oc3": [
        CHILD,
        DOB,
        _col("IN_TOUCH", "code", codes.IN_TOUCH),
        _col("ACTIV", "code", codes.OC3_ACTIVITY),
        _col(
            "ACCOM",
            "code",
            parse=_accom,
            describe="an accommodation letter (B, C, D, E, "
            "G, H, K, R, S, T, U, V, W, X, Y, Z) followed by 1 (suitable) or 2 (not), "
            "or 0 (not applicable)",
        ),
        YEAR,
    ],
    "ad1": [
        CHILD,
        DOB,
        _col("DATE_INT", "date"),
        _col("DATE_MATCH", "date"),
        _col("FOSTER_CARE"),
        _col("NB_ADOPTR"),
        _col("SEX_ADOPTR"),
        _col("LS_ADOPTR"),
    ],
    "placed_adoption": [
        CHILD,
        DOB,
        _col("DATE_PLACED", "date"),
        _col("DATE_PLACED_CEASED", "date"),
        _col("REASON_PLACED_CEASED"),
    ],
    "prev_perm": [CHILD, DOB, _col("PREV_PERM"), _col("LA_PERM"), _col("DATE_PERM")],
    "missing": [
        CHILD,
        DOB,
        _col("MISSING", "code", codes.MISSING_TYPE, not_null=True),
        _col("MIS_START", "date", not_null=True),
        _col("MIS_END", "date"),
    ],
    "sw_episodes": [
        CHILD,
        DOB,
        _col("SW_ID"),
        _col("SW_DECOM", "date"),
        _col("SW_DEC", "date"),
        _col("SW_REASON"),
    ],
    "dolo": [CHILD, DOB, _col("DOLO_START", "date"), _col("DOLO_END", "date")],
}
for _columns in TABLES.values():
    _columns.extend(c for c in (YEAR, LA) if c not in _columns)
_HINTS = {re.sub(r"[^a-z0-9]", "", name): name for name in TABLES}
# Each table as the DfE's guide names it.
LABELS = {
    "header": "Header",
    "episodes": "Episodes",
    "reviews": "Reviews",
    "uasc": "UASC",
    "oc2": "OC2",
    "oc3": "OC3",
    "ad1": "AD1",
    "placed_adoption": "PlacedAdoption",
    "prev_perm": "PrevPerm",
    "missing": "Missing",
    "sw_episodes": "SWEpisodes",
    "dolo": "DoLo",
}
# The tables read and checked but not loaded: what the report calls them.
NOT_USED = {
    "prev_perm": "PrevPerm (previous permanence)",
    "sw_episodes": "SWEpisodes (social worker episodes)",
    "dolo": "DoLo (deprivation of liberty orders)",
}

_ADOPTED = "COALESCE(reason_placed_ceased IN ('E11', 'E12'), false)"
# A 'UPN unknown' code (UN1-UN10, or a wrong number such as UN11 for rule 168 to report).
_UN_CODE = "COALESCE(regexp_full_match(upn, '[Uu][Nn][0-9]+'), false)"
# Canonical rows per table: (canonical table, columns selected from the staged table, filter).
_INSERTS: dict[str, tuple[str, str, str]] = {
    # The Header's UPN holds a UPN or, when there is none, a 'UPN unknown' code: kept apart.
    "header": (
        "children",
        f"CASE WHEN NOT {_UN_CODE} THEN upn END AS upn, "
        f"CASE WHEN {_UN_CODE} THEN upper(upn) END AS upn_unknown, "
        "dob, sex, ethnic AS ethnicity",
        "",
    ),
    "episodes": (
        "cla_episodes",
        "decom, rne, ls, cin, place, place_provider, dec, rec, "
        "reason_place_change, home_post, pl_post, urn",
        "decom IS NOT NULL",
    ),
    "reviews": ("cla_reviews", "review AS review_date, review_code", "review IS NOT NULL"),
    "uasc": ("children", "sex, dob, true AS uasc, duc AS uasc_ceased", ""),
    "oc2": (
        "cla_health",
        "year_ending, health_check, immunisations, teeth_check, sdq_score, "
        "convicted, substance_misuse",
        "",
    ),
    "oc3": (
        "care_leavers",
        "year_ending, in_touch, activ AS activity, NULLIF(left(accom, 1), "
        "'') AS accommodation, CASE right(accom, 1) WHEN '1' THEN true WHEN '2' THEN false "
        "END AS suitable",
        "",
    ),
    "ad1": ("adoption", "date_int AS decision_date, date_match AS matched_date", ""),
    # DATE_PLACED is the date of the decision that the child should be placed for adoption;
    # a placement that ceased because the child was adopted (E11, E12) ended in an order.
    "placed_adoption": (
        "adoption",
        "date_placed AS decision_date, CASE WHEN "
        f"{_ADOPTED} THEN date_placed_ceased END AS adoption_order_date, "
        f"CASE WHEN NOT {_ADOPTED} THEN date_placed_ceased END AS "
        f"no_longer_placed_date, CASE WHEN NOT {_ADOPTED} THEN "
        "reason_placed_ceased END AS no_longer_placed_reason",
        "",
    ),
    "missing": (
        "missing_episodes",
        "missing AS missing_type, mis_start AS start_date, mis_end AS end_date",
        "mis_start IS NOT NULL AND missing IS NOT NULL",
    ),
}
_ORDER = {
    "episodes": [("decom", "dec")],
    "missing": [("mis_start", "mis_end")],
    "placed_adoption": [("date_placed", "date_placed_ceased")],
    "sw_episodes": [("sw_decom", "sw_dec")],
    "dolo": [("dolo_start", "dolo_end")],
}
# The date that places a row in time, where it is not the table's first required date.
_EVENTS = {
    "episodes": "decom",
    "reviews": "review",
    "missing": "mis_start",
    "placed_adoption": "date_placed",
    "ad1": "date_int",
}
_KEYS = {
    "header": ["child"],
    "uasc": ["child"],
    "episodes": ["child", "decom"],
    "reviews": ["child", "review"],
    "missing": ["child", "mis_start"],
}


def _hint(path: Path) -> str | None:
    return _HINTS.get(re.sub(r"^(ssda)?903", "", re.sub(r"[^a-z0-9]", "", name_stem(path))))


def table_for(path: Path, headings: list[str]) -> str | None:
    """Which SSDA903 table a CSV holds, from its headings (file name as a hint): the exact
    column set; else the table with most required headings all present, columns of the
    file's own aside (not for a local extras file)."""
    exact = identify_table(headings, TABLES, _hint(path))
    if exact is not None or path.parent.name.lower() == "local_extras":
        return exact
    from csc_insight.formats import local_extras

    if identify_table(headings, local_extras.TABLES) is not None:
        return None
    keys = {normalise_heading(h) for h in headings} - {""}
    complete = [
        (sum(c.required for c in cols), name)
        for name, cols in TABLES.items()
        if all(normalise_heading(c.heading) in keys for c in cols if c.required)
    ]
    return max(complete)[1] if complete else None


def first_row(path: Path) -> list[str]:
    """The header row of a CSV file, tolerant of a byte-order mark and bad bytes."""
    first = first_line(path)
    return [] if first is None else next(csv.reader([first]), [])


def detect(path: Path) -> bool:
    if path.suffix.lower() not in (".csv", ".txt"):
        return False
    return table_for(path, first_row(path)) is not None


def _year_from_name(path: Path) -> int | None:
    match = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", path.stem)
    return int(match.group()) if match else None


def read(path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict[str, int]:
    """Validate one SSDA903 table file and insert its canonical rows; see the module."""
    if not check_text_file(path, report):
        return {}
    name = table_for(path, read_csv_headings(path))
    if name is None:
        from csc_insight.formats.recognise import closest

        report.error(
            "unknown_table",
            path.name,
            "The headings do not match any SSDA903 table "
            f"({', '.join(TABLES)}). {closest(path) or 'Check the header row.'}",
            row=1,
        )
        return {}
    with staged_file(
        con,
        path,
        NAME,
        name,
        TABLES[name],
        report,
        target=_INSERTS.get(name, (None,))[0],
        event=_EVENTS.get(name),
    ) as staged:
        if staged is None:
            return {}
        _validate(con, staged, name, report)
        if name in NOT_USED:
            report.warning(
                "not_used",
                path.name,
                f"SSDA903 {NOT_USED[name]}: read and "
                f"checked ({staged.rows:,} row{'' if staged.rows == 1 else 's'}), "
                "not used: CSC Insight keeps no "
                "table for it.",
            )
        return _insert(con, staged, name, path, report)


def _validate(con: duckdb.DuckDBPyConnection, staged: Staged, name: str, report: Report) -> None:
    key = _KEYS.get(name) or (["child"] if staged.has("year") else None)
    if key and staged.has("year"):
        key = [*key, "year"]  # a file pooling several years holds a child once a year
    if key:
        check_duplicates(con, staged, key, report, what="row")
    for start, end in _ORDER.get(name, []):
        check_order(con, staged, start, end, report)
    if name == "episodes":
        check(
            con,
            staged,
            (
                "SELECT _row, CAST(decom AS VARCHAR) || ' (previous episode: row ' || prev_row "
                "|| ')' AS value FROM (SELECT _row, decom, lag(decom) OVER w AS prev_decom, "
                f"lag(dec) OVER w AS prev_dec, lag(_row) OVER w AS prev_row FROM {staged.table} "
                "WHERE child IS NOT NULL AND decom IS NOT NULL "
                "WINDOW w AS (PARTITION BY child ORDER BY decom, _row)) "
                "WHERE prev_decom < decom AND (prev_dec IS NULL OR prev_dec > decom) ORDER BY _row"
            ),
            report,
            code="overlapping_episode",
            column="decom",
            message="This episode starts before the child's previous episode ends (its DEC is "
            "blank or after this DECOM).",
        )


def _insert(
    con: duckdb.DuckDBPyConnection, staged: Staged, name: str, path: Path, report: Report
) -> dict[str, int]:
    if name not in _INSERTS:
        return {}
    target, columns, where = _INSERTS[name]
    source = staged.table
    if name in ("oc2", "oc3"):
        year = "year" if staged.has("year") else str(_year_from_name(path) or "NULL")
        if year == "NULL":
            report.warning(
                "no_year",
                path.name,
                "No YEAR column and no year in the file name: "
                "the collection year is not recorded for these rows.",
            )
        source = (
            f"(SELECT *, make_date(CAST({year} AS INTEGER), 3, 31) AS year_ending "
            f"FROM {staged.table})"
        )
    return {
        target: insert_rows(
            con,
            path,
            NAME,
            target,
            f"child AS child_id, {columns}",
            source,
            ["child IS NOT NULL", where],
        )
    }
