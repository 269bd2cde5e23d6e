"""SSDA903 reader: table recognition, canonical rows, and the findings for bad files."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.report import Report
from csc_insight.formats import ssda903
from csc_insight.store import schema

EPISODES = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(con)
    return con


def _read(con: duckdb.DuckDBPyConnection, path: Path) -> tuple[Report, dict[str, int]]:
    report = Report()
    return report, ssda903.read(path, con, report)


def _errors(report: Report, severity: str = "error") -> list[tuple]:
    return [
        (i.code, i.file, i.row, i.column, i.column_letter, i.value)
        for i in report.issues
        if i.severity == severity
    ]


def test_header_maps_to_children(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _write(
        tmp_path / "header.csv",
        [
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            [" a1 ", "1", "01/05/2010", "WBRI", "A123", "", ""],
            ["B2", "2", "2012-02-29", "BAFR", "", "1", "03/03/2030"],
        ],
    )
    report, written = _read(con, path)
    assert report.issues == []
    assert written == {"children": 2}
    assert con.execute(
        "SELECT child_id, upn, dob, sex, ethnicity, uasc, source, source_ref FROM children "
        "ORDER BY child_id"
    ).fetchall() == [
        ("A1", "A123", date(2010, 5, 1), "M", "WBRI", None, "ssda903", "header.csv:2"),
        ("B2", None, date(2012, 2, 29), "F", "BAFR", None, "ssda903", "header.csv:3"),
    ]
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]


def test_header_upn_unknown_code_is_kept_apart(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """A 'UPN unknown' code in the Header's UPN field goes to upn_unknown (upper-cased),
    never to upn, even a wrong number (UN11, for rule 168); a UPN stays in upn."""
    path = _write(
        tmp_path / "header.csv",
        [
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
            ["A1", "1", "01/05/2010", "WBRI", "A12345678901B", "", ""],
            ["B2", "1", "01/05/2010", "WBRI", "UN2", "", ""],
            ["C3", "1", "01/05/2010", "WBRI", "un11", "", ""],
            ["D4", "1", "01/05/2010", "WBRI", "", "", ""],
        ],
    )
    report, _ = _read(con, path)
    assert report.issues == []
    assert con.execute(
        "SELECT child_id, upn, upn_unknown FROM children ORDER BY child_id"
    ).fetchall() == [
        ("A1", "A12345678901B", None),
        ("B2", None, "UN2"),
        ("C3", None, "UN11"),
        ("D4", None, None),
    ]


def test_episodes_map_column_for_column(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _write(
        tmp_path / "Episodes_2020.csv",
        [
            [h.lower() for h in EPISODES],
            [
                "a1",
                "01/04/2019",
                "S",
                "C2",
                "N1",
                "U1",
                "PR1",
                "01/06/2019",
                "X1",
                "",
                "AB1",
                "CD2",
                "SC1",
            ],
            ["A1", "01/06/2019", "P", "C2", "N1", "U3", "PR2", "", "", "CARPL", "", "", ""],
        ],
    )
    report, written = _read(con, path)
    assert report.issues == []
    assert written == {"cla_episodes": 2}
    assert con.execute("SELECT * FROM cla_episodes ORDER BY decom").fetchall() == [
        (
            "A1",
            date(2019, 4, 1),
            "S",
            "C2",
            "N1",
            "U1",
            "PR1",
            date(2019, 6, 1),
            "X1",
            None,
            "AB1",
            "CD2",
            "SC1",
            "ssda903",
            "Episodes_2020.csv:2",
        ),
        (
            "A1",
            date(2019, 6, 1),
            "P",
            "C2",
            "N1",
            "U3",
            "PR2",
            None,
            None,
            "CARPL",
            None,
            None,
            None,
            "ssda903",
            "Episodes_2020.csv:3",
        ),
    ]
    # only the Header creates children: the loader checks episodes' children exist there
    assert con.execute("SELECT count(*) FROM children").fetchall() == [(0,)]


def test_episode_checks(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    def row(child: str, decom: str, dec: str, place: str = "U1") -> list[str]:
        return [child, decom, "S", "C2", "N1", place, "PR1", dec, "X1", "", "", "", ""]

    path = _write(
        tmp_path / "episodes.csv",
        [
            EPISODES,
            row("A", "01/04/2019", "01/05/2019"),
            row("A", "20/04/2019", "01/06/2019"),  # row 3: starts before row 2 ends
            row("B", "01/04/2019", ""),  # open episode ...
            row("B", "01/05/2019", ""),  # row 5: ... followed by another
            row("C", "01/04/2019", "01/03/2019"),  # row 6: DEC before DECOM
            row("D", "01/04/2019", ""),  # row 7
            row("D", "01/04/2019", ""),  # row 8: duplicate CHILD + DECOM
            row("E", "31/02/2019", ""),  # row 9: not a date
            row("F", "01/04/2019", "", place="Q9"),  # row 10: unknown placement
        ],
    )
    report, written = _read(con, path)
    f = "episodes.csv"
    assert sorted(_errors(report)) == [
        ("bad_date", f, 9, "DECOM", "B", "31/02/2019"),
        ("duplicate_key", f, 8, "CHILD", "A", "D / 2019-04-01"),
        ("end_before_start", f, 6, "DEC", "H", "2019-03-01"),
        ("overlapping_episode", f, 3, "DECOM", "B", "2019-04-20 (previous episode: row 2)"),
        ("overlapping_episode", f, 5, "DECOM", "B", "2019-05-01 (previous episode: row 4)"),
        ("unknown_code", f, 10, "PLACE", "F", "Q9"),
    ]
    # Each failing row is set aside (kept in the quarantine table), the others are written:
    # rows 2 (A), 4 (B) and 7 (D) of the nine.
    assert written == {"cla_episodes": 3}
    assert con.execute("SELECT source_ref FROM cla_episodes ORDER BY source_ref").fetchall() == [
        ("episodes.csv:2",),
        ("episodes.csv:4",),
        ("episodes.csv:7",),
    ]
    assert con.execute(
        "SELECT row_number, problem, scope, target, child_id, event_date "
        "FROM quarantine ORDER BY row_number"
    ).fetchall() == [
        (3, "overlapping_episode", "row", "cla_episodes", "A", date(2019, 4, 20)),
        (5, "overlapping_episode", "row", "cla_episodes", "B", date(2019, 5, 1)),
        (6, "end_before_start", "row", "cla_episodes", "C", date(2019, 4, 1)),
        (8, "duplicate_key", "row", "cla_episodes", "D", date(2019, 4, 1)),
        (9, "bad_date", "row", "cla_episodes", "E", None),
        (10, "unknown_code", "row", "cla_episodes", "F", date(2019, 4, 1)),
    ]


def test_missing_column_and_unknown_table(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _write(tmp_path / "episodes.csv", [EPISODES[:-1], ["A"] + [""] * 11])
    report, written = _read(con, path)
    assert written == {}
    assert _errors(report) == [("missing_column", "episodes.csv", 1, "URN", None, None)]

    other = _write(tmp_path / "things.csv", [["CHILD", "COLOUR"], ["A", "red"]])
    report, written = _read(con, other)
    assert written == {}
    assert [(i.code, i.row) for i in report.issues] == [("unknown_table", 1)]


def test_uasc_reviews_missing_adoption(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    files = {
        "uasc.csv": [["CHILD", "SEX", "DOB", "DUC"], ["U1", "1", "01/01/2004", "01/01/2022"]],
        "reviews.csv": [
            ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
            ["R1", "01/01/2010", "15/07/2019", "PN1"],
        ],
        "missing.csv": [
            ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
            ["M1", "01/01/2005", "A", "03/03/2020", "04/03/2020"],
            ["M1", "01/01/2005", "M", "05/03/2020", "04/03/2020"],
        ],
        "PlacedAdoption.csv": [
            ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
            ["P1", "01/01/2018", "01/02/2020", "", ""],
        ],
        "ad1.csv": [
            [
                "CHILD",
                "DOB",
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ],
            ["P1", "01/01/2018", "01/10/2019", "01/01/2020", "0", "2", "MF", "L0"],
        ],
    }
    report = Report()
    written = {
        name: ssda903.read(_write(tmp_path / name, rows), con, report)
        for name, rows in files.items()
    }
    assert _errors(report) == [("end_before_start", "missing.csv", 3, "MIS_END", "E", "2020-03-04")]
    assert written["uasc.csv"] == {"children": 1}
    assert written["missing.csv"] == {"missing_episodes": 1}  # row 3 is quarantined
    assert con.execute(
        "SELECT child_id, sex, dob, uasc, uasc_ceased FROM children WHERE uasc"
    ).fetchall() == [("U1", "M", date(2004, 1, 1), True, date(2022, 1, 1))]
    assert con.execute("SELECT * FROM cla_reviews").fetchall() == [
        ("R1", date(2019, 7, 15), "PN1", "ssda903", "reviews.csv:2")
    ]
    assert con.execute(
        "SELECT child_id, missing_type, start_date, end_date, rhi_offered, "
        "source_ref FROM missing_episodes ORDER BY start_date"
    ).fetchall() == [("M1", "A", date(2020, 3, 3), date(2020, 3, 4), None, "missing.csv:2")]
    assert con.execute(
        "SELECT child_id, decision_date, matched_date, placed_date, no_longer_placed_date, "
        "source_ref FROM adoption ORDER BY source_ref"
    ).fetchall() == [
        ("P1", date(2020, 2, 1), None, None, None, "PlacedAdoption.csv:2"),
        ("P1", date(2019, 10, 1), date(2020, 1, 1), None, None, "ad1.csv:2"),
    ]


def test_oc3_accommodation_and_year(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    heads = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
    with_year = _write(
        tmp_path / "oc3.csv",
        [
            [*heads, "YEAR"],
            ["L1", "01/01/2001", "YES", "F2", "B1", "2020"],
            ["L2", "01/01/2001", "NO", "G6", "C2", "2019"],
            ["L3", "01/01/2001", "DIED", "", "Z", "2020"],
            ["L6", "01/01/2001", "RHOM", "0", "0", "2020"],
            ["L7", "01/01/2001", "REFU", "", "", "2020"],
        ],
    )
    from_name = _write(tmp_path / "oc3_2018.csv", [heads, ["L4", "01/01/2000", "YES", "P1", "D1"]])
    no_year = _write(tmp_path / "leavers.csv", [heads, ["L5", "01/01/2000", "NREQ", "", "Q7"]])
    report = Report()
    for path in (with_year, from_name, no_year):
        ssda903.read(path, con, report)
    assert con.execute(
        "SELECT child_id, year_ending, in_touch, activity, accommodation, "
        "suitable, source_ref FROM care_leavers ORDER BY child_id"
    ).fetchall() == [
        ("L1", date(2020, 3, 31), "YES", "F2", "B", True, "oc3.csv:2"),
        ("L2", date(2019, 3, 31), "NO", "G6", "C", False, "oc3.csv:3"),
        ("L3", date(2020, 3, 31), "DIED", None, "Z", None, "oc3.csv:4"),
        ("L4", date(2018, 3, 31), "YES", "P1", "D", True, "oc3_2018.csv:2"),
        # ACTIV and ACCOM 0 (not applicable) are the DfE's codes, kept; blank stays blank
        ("L6", date(2020, 3, 31), "RHOM", "0", "0", None, "oc3.csv:5"),
        ("L7", date(2020, 3, 31), "REFU", None, None, None, "oc3.csv:6"),
    ]  # L5: Q7
    assert _errors(report) == [("unknown_code", "leavers.csv", 2, "ACCOM", "E", "Q7")]
    assert _errors(report, "warning") == [("no_year", "leavers.csv", None, None, None, None)]


def test_oc2_maps_to_cla_health(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = _write(
        tmp_path / "oc2.csv",
        [
            [
                "CHILD",
                "DOB",
                "SDQ_SCORE",
                "SDQ_REASON",
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
                "YEAR",
            ],
            ["H1", "01/01/2008", "14", "", "0", "1", "1", "0", "1", "0", "", "", "2020"],
            ["H1", "01/01/2008", "x", "", "2", "1", "1", "1", "1", "0", "", "", "2020"],
        ],
    )
    report, written = _read(con, path)
    f = "oc2.csv"
    # Row 3 is set aside for its bad values, so it is no longer a duplicate of row 2.
    assert sorted(_errors(report)) == [
        ("bad_value", f, 3, "CONVICTED", "E", "2"),
        ("bad_value", f, 3, "SDQ_SCORE", "C", "x"),
    ]
    assert con.execute("SELECT * FROM cla_health ORDER BY source_ref").fetchall() == [
        ("H1", date(2020, 3, 31), True, True, False, 14, False, False, "ssda903", "oc2.csv:2")
    ]


def test_validate_only_tables_insert_nothing(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    path = _write(
        tmp_path / "dolo.csv",
        [
            ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
            ["A", "01/01/2010", "05/05/2020", "01/05/2020"],
        ],
    )
    report, written = _read(con, path)
    assert written == {}
    assert _errors(report) == [("end_before_start", "dolo.csv", 2, "DOLO_END", "D", "2020-05-01")]
    assert con.execute("SELECT count(*) FROM children").fetchall() == [(0,)]


@pytest.mark.parametrize(
    ("content", "code", "row"),
    [
        (b"", "empty_file", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_csv", None),
        (b"CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,\x00,\n", "nul_byte", 2),
        (
            "CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,,\nB,Zoë,,\n".encode("cp1252"),
            "encoding",
            3,
        ),
        (b"CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,,\nB,01/01/2010\n", "ragged_row", 3),
        # A character cut short where the check's first 1 MiB ends, the rest ASCII: the next
        # (ASCII) chunk is still decoded after it. Row 2 is the 1 MiB line.
        (
            b"CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,"
            + b"x" * ((1 << 20) - 44)
            + b"\xc3,\nB,01/01/2010,,\n",
            "encoding",
            2,
        ),
    ],
)
def test_unreadable_files(
    tmp_path: Path, con: duckdb.DuckDBPyConnection, content: bytes, code: str, row: int | None
) -> None:
    path = tmp_path / "dolo.csv"
    path.write_bytes(content)
    report, written = _read(con, path)
    assert written == {}
    assert [(i.code, i.file, i.row) for i in report.issues] == [(code, "dolo.csv", row)]


def test_a_character_split_between_the_checks_chunks_is_read(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    """The text check reads 1 MiB at a time and decodes only the chunks that are not ASCII:
    a two-byte character whose second byte starts an ASCII-looking chunk is still whole."""
    head = b"CHILD,DOB,DOLO_START,DOLO_END\nA,01/01/2010,,\n"
    name = b"B" * ((1 << 20) - len(head) - 1)
    path = tmp_path / "dolo.csv"
    path.write_bytes(head + name + "é".encode() + b",01/01/2010,,\n")
    assert (path.read_bytes()[(1 << 20) - 1 : (1 << 20) + 1]) == "é".encode()
    report, _ = _read(con, path)
    assert [i.code for i in report.issues if i.code in ("encoding", "nul_byte")] == []


def test_400k_rows_load(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    path = tmp_path / "missing.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("CHILD,DOB,MISSING,MIS_START,MIS_END\n")
        fh.writelines(
            f"C{n},01/01/2008,M,{1 + n % 28:02d}/0{1 + n % 9}/2019,\n" for n in range(400_000)
        )
    report, written = _read(con, path)
    assert report.errors == []
    assert written == {"missing_episodes": 400_000}


def test_detect(tmp_path: Path) -> None:
    found = {
        "Episodes_2020.csv": [EPISODES],
        "e.csv": [[h.lower() for h in reversed(EPISODES)]],
        "episodes_2019.csv": [EPISODES[:-2]],  # named, columns missing: reported on read
        "oc3.csv": [["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", "YEAR"]],
        "missing.csv": [["CHILD", "MISSING", "MIS_START", "MIS_END", "RHI_OFFERED"]],  # local
        "notes.csv": [["CHILD", "NOTE"]],
    }
    got = {name: ssda903.detect(_write(tmp_path / name, rows)) for name, rows in found.items()}
    assert got == {
        "Episodes_2020.csv": True,
        "e.csv": True,
        "episodes_2019.csv": True,
        "oc3.csv": True,
        "missing.csv": False,
        "notes.csv": False,
    }
