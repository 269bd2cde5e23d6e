"""SSDA903 files as LAs' own extracts write them, built by hand from the DfE's table layouts
(FORMATS.md): other file names, headings in other cases with a byte-order mark and spaces,
extra columns (an `LA`, a `YEAR` and one of the LA's own), ISO dates, tables CSC Insight does
not use; loaded through the loader, checking the values that reach the snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csc_insight.store import loader, snapshots


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    return home


def _write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_extract_with_other_names_cases_extra_columns_and_iso_dates(
    base: Path, tmp_path: Path
) -> None:
    """children_looked_after.csv is the Header: lower-case headings with a BOM and spaces,
    an LA column first, ISO dates. lac_2020_extract.csv is Episodes in mixed case, with LA,
    YEAR and the LA's own "Worker Name" (column N) and "Team" (column O).
    Expected: 2 children, 3 episodes with the dates given; Worker Name and Team named as
    extra columns; LA and YEAR accepted silently; SWEpisodes read, not used."""
    folder = tmp_path / "extract"
    _write(
        folder / "children_looked_after.csv",
        " la , child ,sex,dob,ethnic,upn,mother,mc_dob\n"
        "E09000001,A1,1,2005-05-01,WBRI,,,\n"
        "E09000001,a2,2,2003-02-14,BAFR,,1,2020-01-31\n",
        bom=True,
    )
    _write(
        folder / "lac_2020_extract.csv",
        "Child,Decom,Rne,Ls,Cin,Place,Place_Provider,Dec,Rec,Reason_Place_Change,Home_Post,"
        "Pl_Post,Urn,Worker Name,Team,LA,Year\n"
        "A1,2019-06-03,S,C2,N1,U1,PR1,2019-09-01,X1,,,,,Sam,T1,E09000001,2020\n"
        "A1,01/09/2019,P,C2,N1,U3,PR1,,,CARPL,,,,Sam,T1,E09000001,2020\n"
        "A2,2019-10-10,S,V2,N4,K2,PR3,,,,,,,Kim,T2,E09000001,2020\n",
    )
    _write(
        folder / "sw.csv",
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nA1,01/05/2005,W1,2019-06-03,,\n",
    )
    result = loader.load([folder])
    assert result.snapshot is not None, result.report.issues
    assert [
        (i.code, i.file, i.row, i.column_letter, i.column)
        for i in result.report.warnings
        if i.code == "unknown_column"
    ] == [
        ("unknown_column", "lac_2020_extract.csv", 1, "N", "Worker Name"),
        ("unknown_column", "lac_2020_extract.csv", 1, "O", "Team"),
    ]
    [unused] = [i for i in result.report.warnings if i.code == "not_used"]
    assert (unused.file, unused.message) == (
        "sw.csv",
        "SSDA903 SWEpisodes (social worker episodes): read and checked (1 row), "
        "not used: CSC Insight keeps no table for it.",
    )
    con = snapshots.connect()
    assert con.execute(
        "SELECT child_id, dob, sex, ethnicity FROM children ORDER BY 1"
    ).fetchall() == [("A1", date(2005, 5, 1), "M", "WBRI"), ("A2", date(2003, 2, 14), "F", "BAFR")]
    assert con.execute(
        "SELECT child_id, decom, rne, place, dec, rec, source_ref FROM cla_episodes ORDER BY 1, 2"
    ).fetchall() == [
        ("A1", date(2019, 6, 3), "S", "U1", date(2019, 9, 1), "X1", "lac_2020_extract.csv:2"),
        ("A1", date(2019, 9, 1), "P", "U3", None, None, "lac_2020_extract.csv:3"),
        ("A2", date(2019, 10, 10), "S", "K2", None, None, "lac_2020_extract.csv:4"),
    ]


def test_unrecognised_file_says_what_it_is_closest_to(base: Path, tmp_path: Path) -> None:
    """An Episodes extract missing DEC and REC and with a COLOUR column matches no table: the
    message names the Episodes table, the two missing headings and the extra one."""
    path = _write(
        tmp_path / "data.csv",
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,"
        "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,COLOUR\nA1,01/01/2020,S,,,,,,,,,red\n",
    )
    result = loader.load([path])
    assert result.snapshot is None
    [issue] = result.report.errors
    assert issue.code == "unknown_format"
    assert issue.message.endswith(
        "It looks closest to the SSDA903 Episodes table; missing required headings DEC, REC; "
        "with heading not in it: COLOUR."
    )
