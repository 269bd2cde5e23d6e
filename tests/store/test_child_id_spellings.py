"""One child, whatever whitespace and case each return spells its id with: the readers of
every return store the id trimmed (tabs and no-break spaces too) and upper-cased, so the
child's events from one return meet its record from another.

The files are written by hand in each return's own layout (SSDA903 CSV, CIN census XML,
local extras CSV); the spellings are those a copy from a spreadsheet leaves behind."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from csc_insight.store import loader, snapshots

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
    "HOME_POST,PL_POST,URN\n"
)
CENSUS = (
    "<?xml version='1.0' encoding='utf-8'?>\n<Message>\n<Header>\n<CollectionDetails>\n"
    "<Collection>CIN</Collection>\n<Year>2020</Year>\n"
    "<ReferenceDate>2020-03-31</ReferenceDate>\n</CollectionDetails>\n</Header>\n"
    "<Children>\n<Child>\n<ChildIdentifiers>\n<LAchildID>\u00a0a1\u2003</LAchildID>\n"
    "<PersonBirthDate>2005-05-01</PersonBirthDate>\n</ChildIdentifiers>\n"
    "<CINdetails>\n<CINreferralDate>2019-05-20</CINreferralDate>\n</CINdetails>\n"
    "</Child>\n</Children>\n</Message>\n"
)


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    return home


def _table(base: Path, sql: str) -> list[tuple]:
    path = snapshots.snapshot_dir(base) / f"{snapshots.read_index(base)['current']}.duckdb"
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_one_child_across_returns_whatever_the_spelling(base: Path, tmp_path: Path) -> None:
    files = tmp_path / "returns"
    _write(files, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\n")
    # a tab after the id (row 2), as a cell copied from a spreadsheet keeps it
    _write(files, "episodes.csv", EPISODES + "a1\t,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n")
    _write(files, "cin_census_2020.xml", CENSUS)
    _write(
        files / "local",
        "visits.csv",
        "CHILD,VISIT_DATE,VISIT_TYPE,SEEN_ALONE,WORKER\n\u00a0A1 ,10/06/2019,CLA,Y,W1\n",
    )

    result = loader.load([files], base=base)

    assert result.report.ok, result.report.issues
    assert _table(base, "SELECT child_id, dob::VARCHAR FROM children") == [("A1", "2005-05-01")]
    assert _table(base, "SELECT child_id, decom::VARCHAR FROM cla_episodes") == [
        ("A1", "2019-06-03")
    ]
    assert _table(base, "SELECT child_id, referral_date::VARCHAR FROM referrals") == [
        ("A1", "2019-05-20")
    ]
    assert _table(base, "SELECT child_id, visit_date::VARCHAR FROM visits") == [
        ("A1", "2019-06-10")
    ]
    assert _table(base, "SELECT count(*) FROM quarantine") == [(0,)]


def test_an_id_of_whitespace_alone_is_set_aside_not_stored(base: Path, tmp_path: Path) -> None:
    files = tmp_path / "returns"
    _write(files, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\n")
    _write(
        files,
        "episodes.csv",
        EPISODES + "A1,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n\t,04/06/2019,S,C2,N1,U1,PR1,,,,,,\n",
    )

    result = loader.load([files], base=base)

    assert result.report.ok
    assert _table(base, "SELECT child_id FROM cla_episodes") == [("A1",)]
    assert _table(base, "SELECT file, row_number, column_name, value, target FROM quarantine") == [
        ("episodes.csv", 3, "CHILD", "\t", "cla_episodes")
    ]


def test_an_id_no_page_can_open_is_loaded_and_named(base: Path, tmp_path: Path) -> None:
    files = tmp_path / "returns"
    _write(files, "header.csv", HEADER + "B2,2,14/02/2003,BAFR,,,\nA.1,1,01/05/2005,WBRI,,,\n")
    _write(files, "episodes.csv", EPISODES + "a.1,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n")

    result = loader.load([files], base=base)

    assert result.report.ok
    assert _table(base, "SELECT child_id FROM cla_episodes") == [("A.1",)]
    odd = [
        (i.file, i.row, i.column, i.value)
        for i in result.report.warnings
        if i.code == "child_id_not_openable"
    ]
    assert odd == [("header.csv", 3, "child id", "A.1")]
