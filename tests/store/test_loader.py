"""Loading is all or nothing: a refused, failed or killed load changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from csc_insight.store import loader, snapshots

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
            "HOME_POST,PL_POST,URN\n")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_903(folder: Path) -> Path:
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\nA2,2,14/02/2003,BAFR,,,\n")
    write(folder, "episodes.csv", EPISODES
          + "A1,03/06/2019,S,C2,N1,U1,PR1,01/09/2019,X1,,,,\n"
          + "A1,01/09/2019,P,C2,N1,U3,PR1,,,CARPL,,,\n"
          + "a2 ,10/10/2019,S,V2,N4,K2,PR3,,,,,,\n")
    return folder


def state(base: Path) -> tuple[bytes | None, list[str], str | None]:
    """The index file's bytes, the snapshot list and the current snapshot."""
    index = base / "snapshots" / "index.json"
    return (index.read_bytes() if index.exists() else None,
            [s.id for s in snapshots.list_snapshots()], snapshots.current_id())


@pytest.fixture
def base(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    return home


def test_good_load_publishes_a_current_snapshot_with_merged_rows(base, tmp_path):
    result = loader.load([good_903(tmp_path / "in")], user="analyst1")
    assert result.report.ok, result.report.issues
    snap = snapshots.current()
    assert snap.id == result.snapshot.id
    assert snap.created_by == "analyst1"
    assert result.rows["children"] == 2
    assert result.rows["cla_episodes"] == 3
    files = {f["file"]: f for f in snap.manifest["files"]}
    assert set(files) == {"header.csv", "episodes.csv"}
    assert len(files["header.csv"]["sha256"]) == 64
    con = snapshots.connect()
    assert con.execute("SELECT child_id, decom, dec FROM cla_episodes ORDER BY 1, 2").fetchall() \
        == [("A1", date(2019, 6, 3), date(2019, 9, 1)), ("A1", date(2019, 9, 1), None),
            ("A2", date(2019, 10, 10), None)]
    # the working-day calendar is in every snapshot: Christmas 2019 is not a working day
    assert con.execute("SELECT is_working_day, holiday_name IS NOT NULL FROM calendar "
                       "WHERE day = DATE '2019-12-25'").fetchall() == [(False, True)]


def test_refused_load_leaves_previous_snapshot_current(base, tmp_path):
    first = loader.load([good_903(tmp_path / "in")])
    before = state(base)
    bad = tmp_path / "bad"
    write(bad, "header.csv", HEADER + "B1,1,31/02/2005,WBRI,,,\n")
    result = loader.load([bad])
    assert result.snapshot is None
    [issue] = result.report.errors
    assert (issue.file, issue.row, issue.column, issue.value) == ("header.csv", 2, "DOB",
                                                                  "31/02/2005")
    assert state(base) == before
    assert snapshots.current().id == first.snapshot.id


def test_orphan_event_is_refused_with_its_file_and_row(base, tmp_path):
    folder = tmp_path / "orphan"
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\n")
    write(folder, "episodes.csv", EPISODES + "ZZ9,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n")
    result = loader.load([folder])
    assert result.snapshot is None
    orphans = [i for i in result.report.errors if i.code == "orphan"]
    assert [(i.file, i.row, i.value) for i in orphans] == [("episodes.csv", 2, "ZZ9")]


def test_unknown_file_is_refused_by_name(base, tmp_path):
    path = write(tmp_path, "notes.csv", "hello,world\n1,2\n")
    result = loader.load([path])
    assert result.snapshot is None
    assert [(i.code, i.file) for i in result.report.errors] == [("unknown_format", "notes.csv")]


def test_use_switches_back_to_an_earlier_snapshot(base, tmp_path):
    first = loader.load([good_903(tmp_path / "in")]).snapshot
    second = loader.load([good_903(tmp_path / "in")]).snapshot
    assert snapshots.current_id() == second.id
    snapshots.set_current(first.id)
    assert snapshots.current_id() == first.id
    assert [s.id for s in snapshots.list_snapshots()] == [first.id, second.id]


@pytest.mark.parametrize("stage", ["after_read", "after_build", "after_move", "before_publish"])
def test_killed_load_leaves_everything_as_it_was(base, tmp_path, stage):
    folder = good_903(tmp_path / "in")
    loader.load([folder])
    before = state(base)
    env = {**os.environ, "CSC_INSIGHT_CRASH_AT": stage}
    proc = subprocess.run([sys.executable, "-m", "csc_insight.cli", "load", str(folder)],
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 137, proc.stderr
    assert state(base) == before
    # and the next load sweeps what the killed one left behind, then succeeds
    assert loader.load([folder]).snapshot is not None
    listed = {s.id for s in snapshots.list_snapshots()}
    on_disk = {p.stem for p in (base / "snapshots").iterdir() if p.name != "index.json"}
    assert on_disk == listed


def test_child_with_two_dates_of_birth_is_refused_naming_both(base, tmp_path):
    folder = tmp_path / "dob"
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\nA2,2,14/02/2003,BAFR,,,\n")
    write(folder, "uasc.csv", "CHILD,SEX,DOB,DUC\nA1,1,02/05/2005,\nA2,2,14/02/2003,\n")
    result = loader.load([folder])
    assert result.snapshot is None
    assert [(i.code, i.value, i.message) for i in result.report.errors] == [
        ("dob_conflict", "A1", "Child A1 has different dates of birth in different returns: "
         "01/05/2005 in header.csv:2; 02/05/2005 in uasc.csv:2. Correct the source system and "
         "reload.")]


def test_census_read_apart_is_all_or_nothing_too(base, tmp_path, monkeypatch):
    """With the census read in a worker while the other tables are merged, an error in the
    census still refuses the whole load and publishes nothing."""
    first = loader.load([good_903(tmp_path / "in")])
    before = state(base)
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    folder = good_903(tmp_path / "both")
    write(folder, "cin_census_2020.xml",
          "<?xml version='1.0' encoding='utf-8'?>\n<Message>\n<Header>\n<CollectionDetails>\n"
          "<Collection>CIN</Collection>\n<Year>2020</Year>\n"
          "<ReferenceDate>2020-03-31</ReferenceDate>\n</CollectionDetails>\n</Header>\n"
          "<Children>\n<Child>\n<ChildIdentifiers>\n<LAchildID>A1</LAchildID>\n"
          "<PersonBirthDate>2005-05-01</PersonBirthDate>\n</ChildIdentifiers>\n"
          "<CINdetails>\n<CINreferralDate>2019-02-30</CINreferralDate>\n</CINdetails>\n"
          "</Child>\n</Children>\n</Message>\n")
    result = loader.load([folder])
    assert result.snapshot is None
    assert [(i.code, i.file, i.row) for i in result.report.errors][:1] == [
        ("bad_date", "cin_census_2020.xml", 16)]  # the line of its CINdetails
    assert state(base) == before
    assert snapshots.current().id == first.snapshot.id
    assert [p.name for p in (base / "snapshots").iterdir() if p.name.startswith(".load-")] == []
