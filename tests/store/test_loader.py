"""Loading is all or nothing: a refused, failed or killed load changes nothing. Rows with
bad values are quarantined (set aside, named, kept) unless the load is strict."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.lanes import threads_of
from csc_insight.formats import quarantine as staged_quarantine
from csc_insight.store import loader, schema, snapshots
from csc_insight.store.staged import Staged

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
    "HOME_POST,PL_POST,URN\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def good_903(folder: Path) -> Path:
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\nA2,2,14/02/2003,BAFR,,,\n")
    write(
        folder,
        "episodes.csv",
        EPISODES
        + "A1,03/06/2019,S,C2,N1,U1,PR1,01/09/2019,X1,,,,\n"
        + "A1,01/09/2019,P,C2,N1,U3,PR1,,,CARPL,,,\n"
        + "a2 ,10/10/2019,S,V2,N4,K2,PR3,,,,,,\n",
    )
    return folder


def census_of_a1(folder: Path, referral_date: str) -> Path:
    """A CIN census of child A1 with one referral; its CINdetails starts on line 16."""
    return write(
        folder,
        "cin_census_2020.xml",
        "<?xml version='1.0' encoding='utf-8'?>\n<Message>\n<Header>\n<CollectionDetails>\n"
        "<Collection>CIN</Collection>\n<Year>2020</Year>\n"
        "<ReferenceDate>2020-03-31</ReferenceDate>\n</CollectionDetails>\n</Header>\n"
        "<Children>\n<Child>\n<ChildIdentifiers>\n<LAchildID>A1</LAchildID>\n"
        "<PersonBirthDate>2005-05-01</PersonBirthDate>\n</ChildIdentifiers>\n"
        f"<CINdetails>\n<CINreferralDate>{referral_date}</CINreferralDate>\n</CINdetails>\n"
        "</Child>\n</Children>\n</Message>\n",
    )


def with_an_orphan_episode(folder: Path) -> Path:
    """SSDA903 Header of child A1 and Episodes of A1 (row 2) and ZZ9 (row 3, no Header)."""
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\n")
    write(
        folder,
        "episodes.csv",
        EPISODES + "A1,03/06/2019,S,C2,N1,U1,PR1,,,,,,\nZZ9,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n",
    )
    return folder


def state(base: Path) -> tuple[bytes | None, list[str], str | None]:
    """The index file's bytes, the snapshot list and the current snapshot."""
    index = base / "snapshots" / "index.json"
    return (
        index.read_bytes() if index.exists() else None,
        [s.id for s in snapshots.list_snapshots()],
        snapshots.current_id(),
    )


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
    assert con.execute(
        "SELECT child_id, decom, dec FROM cla_episodes ORDER BY 1, 2"
    ).fetchall() == [
        ("A1", date(2019, 6, 3), date(2019, 9, 1)),
        ("A1", date(2019, 9, 1), None),
        ("A2", date(2019, 10, 10), None),
    ]
    # the working-day calendar is in every snapshot: Christmas 2019 is not a working day
    assert con.execute(
        "SELECT is_working_day, holiday_name IS NOT NULL FROM calendar "
        "WHERE day = DATE '2019-12-25'"
    ).fetchall() == [(False, True)]


def test_refused_load_leaves_previous_snapshot_current(base, tmp_path):
    first = loader.load([good_903(tmp_path / "in")])
    before = state(base)
    bad = tmp_path / "bad"
    write(bad, "header.csv", HEADER + "B1,1,31/02/2005,WBRI,,,\n")
    result = loader.load([bad], strict=True)
    assert result.snapshot is None
    [issue] = result.report.errors
    assert (issue.file, issue.row, issue.column, issue.value) == (
        "header.csv",
        2,
        "DOB",
        "31/02/2005",
    )
    assert state(base) == before
    assert snapshots.current().id == first.snapshot.id


def test_orphan_event_is_refused_with_its_file_and_row(base, tmp_path):
    folder = tmp_path / "orphan"
    write(folder, "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\n")
    write(folder, "episodes.csv", EPISODES + "ZZ9,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n")
    result = loader.load([folder], strict=True)
    assert result.snapshot is None
    orphans = [i for i in result.report.errors if i.code == "orphan"]
    assert [(i.file, i.row, i.value) for i in orphans] == [("episodes.csv", 2, "ZZ9")]


def test_orphan_event_is_quarantined_by_default(base, tmp_path):
    """Episode row 3 (ZZ9) has no Header row: it is set aside and named; A1's row 2 loads."""
    folder = with_an_orphan_episode(tmp_path / "orphan")
    result = loader.load([folder])
    assert result.snapshot is not None and result.report.ok
    assert [(i.severity, i.code, i.file, i.row, i.value) for i in result.report.issues] == [
        ("quarantined", "orphan", "episodes.csv", 3, "ZZ9")
    ]
    con = snapshots.connect()
    assert con.execute("SELECT child_id, source_ref FROM cla_episodes").fetchall() == [
        ("A1", "episodes.csv:2")
    ]
    assert con.execute(
        "SELECT file, row_number, problem, scope, target, child_id, event_date, "
        "raw->>'$.source_ref' FROM quarantine"
    ).fetchall() == [
        (
            "episodes.csv",
            3,
            "orphan",
            "row",
            "cla_episodes",
            "ZZ9",
            date(2019, 6, 3),
            "episodes.csv:3",
        )
    ]
    assert result.snapshot.manifest["quarantined"] == {
        "rows": 1,
        "cells": 0,
        "by_table": {"cla_episodes": 1},
    }


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
    proc = subprocess.run(
        [sys.executable, "-m", "csc_insight.cli", "load", str(folder)],
        env=env,
        capture_output=True,
        text=True,
    )
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
    result = loader.load([folder], strict=True)
    assert result.snapshot is None
    assert [(i.code, i.value, i.message) for i in result.report.errors] == [
        (
            "dob_conflict",
            "A1",
            "Child A1 has different dates of birth in different returns: "
            "01/05/2005 in header.csv:2; 02/05/2005 in uasc.csv:2. Correct the source system and "
            "reload.",
        )
    ]
    # By default the child loads with no date of birth, and both dates are kept aside.
    result = loader.load([folder])
    assert [(i.severity, i.code) for i in result.report.issues] == [("quarantined", "dob_conflict")]
    con = snapshots.connect()
    assert con.execute("SELECT DISTINCT child_id, dob FROM children ORDER BY 1").fetchall() == [
        ("A1", None),
        ("A2", date(2003, 2, 14)),
    ]
    assert con.execute(
        "SELECT file, row_number, value, scope FROM quarantine ORDER BY 1"
    ).fetchall() == [("header.csv", 2, "01/05/2005", "cell"), ("uasc.csv", 2, "02/05/2005", "cell")]


def test_many_conflicts_and_odd_ids_are_named_up_to_the_limit_and_all_counted(base, tmp_path):
    """203 children with two dates of birth and 203 ids no page can open: the report names the
    first 200 of each (by id) and counts all 203; every conflicting date is still set aside."""
    folder = tmp_path / "many"
    ids = [f"K.{n:03d}" for n in range(203)]  # a dot: loaded, but cannot be a page's address
    write(folder, "header.csv", HEADER + "".join(f"{c},1,01/05/2005,WBRI,,,\n" for c in ids))
    write(folder, "uasc.csv", "CHILD,SEX,DOB,DUC\n" + "".join(f"{c},1,02/05/2005,\n" for c in ids))
    result = loader.load([folder])
    assert result.snapshot is not None
    report = result.report
    conflicts = [i for i in report.issues if i.code == "dob_conflict"]
    assert [i.value for i in conflicts] == ids[:200]
    assert conflicts[0].message.startswith(
        "Child K.000 has different dates of birth in different returns: 01/05/2005 in "
        "header.csv:2; 02/05/2005 in uasc.csv:2."
    )
    assert report.count("quarantined") == 203
    odd = [i for i in report.issues if i.code == "child_id_not_openable"]
    assert [(i.file, i.row, i.value) for i in odd] == [
        ("header.csv", n + 2, c) for n, c in enumerate(ids[:200])
    ]
    assert report.count("warning") == 203
    assert report.suppressed[("warning", "child_id_not_openable", "header.csv")] == 3
    assert snapshots.connect().execute(
        "SELECT count(*), count(DISTINCT child_id) FROM quarantine WHERE problem = 'dob_conflict'"
    ).fetchall() == [(406, 203)]


def test_census_read_apart_is_all_or_nothing_too(base, tmp_path, monkeypatch):
    """With the census read in a worker while the other tables are merged, an error in the
    census still refuses the whole load and publishes nothing."""
    first = loader.load([good_903(tmp_path / "in")])
    before = state(base)
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    folder = good_903(tmp_path / "both")
    census_of_a1(folder, "2019-02-30")
    result = loader.load([folder], strict=True)
    assert result.snapshot is None
    assert [(i.code, i.file, i.row) for i in result.report.errors][:1] == [
        ("bad_date", "cin_census_2020.xml", 16)
    ]  # the line of its CINdetails
    assert state(base) == before
    assert snapshots.current().id == first.snapshot.id
    assert [p.name for p in (base / "snapshots").iterdir() if p.name.startswith(".load-")] == []
    # By default the worker's bad referral (its CINdetails, line 16) is quarantined and the
    # rest published, the worker's quarantine records with the rest.
    result = loader.load([folder])
    assert result.snapshot is not None
    con = snapshots.connect()
    assert con.execute(
        "SELECT file, row_number, problem, target, child_id FROM quarantine"
    ).fetchall() == [("cin_census_2020.xml", 16, "bad_date", "referrals", "A1")]
    assert con.execute("SELECT count(*) FROM referrals").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM cla_episodes").fetchall() == [(3,)]


def test_bad_rows_are_quarantined_and_strict_refuses_leaving_every_byte(base, tmp_path):
    """Header: A1 good, B1 with 31 February (row 3) and C1 with 1066 (row 4); the episodes
    of A1 (row 2) and of B1 (row 3). Default: A1 and its episode load; B1 and C1 are set
    aside (DOB is a required column), and B1's episode with them, as its child is not loaded:
    3 rows quarantined, named with file, row, column and letter. Strict: refused, and not a
    byte of the snapshots folder changes."""
    good = loader.load([good_903(tmp_path / "in")])
    folder = tmp_path / "bad"
    write(
        folder,
        "header.csv",
        HEADER + "A1,1,01/05/2005,WBRI,,,\nB1,1,31/02/2005,WBRI,,,\nC1,2,1066-04-13,WBRI,,,\n",
    )
    write(
        folder,
        "episodes.csv",
        EPISODES + "A1,03/06/2019,S,C2,N1,U1,PR1,,,,,,\nB1,03/06/2019,S,C2,N1,U1,PR1,,,,,,\n",
    )
    folder_files = base / "snapshots"
    before = {p.name: p.read_bytes() for p in folder_files.iterdir()}
    strict = loader.load([folder], strict=True)
    assert strict.snapshot is None
    assert [(i.code, i.row, i.column_letter, i.value) for i in strict.report.errors] == [
        ("bad_date", 3, "C", "31/02/2005"),
        ("bad_date", 4, "C", "1066-04-13"),
    ]
    assert strict.report.errors[1].message.startswith("1066-04-13: before 1900. 'DOB' should")
    assert {p.name: p.read_bytes() for p in folder_files.iterdir()} == before
    assert snapshots.current_id() == good.snapshot.id

    result = loader.load([folder])
    assert result.snapshot is not None
    assert [
        (i.severity, i.code, i.file, i.row, i.column, i.value)
        for i in result.report.issues
        if i.severity != "warning"
    ] == [
        ("quarantined", "bad_date", "header.csv", 3, "DOB", "31/02/2005"),
        ("quarantined", "bad_date", "header.csv", 4, "DOB", "1066-04-13"),
        ("quarantined", "orphan", "episodes.csv", 3, "child id", "B1"),
    ]
    assert result.report.quarantined[2].message == (
        "Child B1's own row (Header, census or Annex A) was quarantined, so this row is set "
        "aside with it."
    )
    con = snapshots.connect()
    assert con.execute("SELECT child_id FROM children").fetchall() == [("A1",)]
    assert con.execute("SELECT child_id FROM cla_episodes").fetchall() == [("A1",)]
    assert con.execute(
        "SELECT file, row_number, column_name, column_letter, value, "
        "raw->>'$.CHILD', raw->>'$.DOB' FROM quarantine "
        "ORDER BY file DESC, row_number"
    ).fetchall() == [
        ("header.csv", 3, "DOB", "C", "31/02/2005", "B1", "31/02/2005"),
        ("header.csv", 4, "DOB", "C", "1066-04-13", "C1", "1066-04-13"),
        ("episodes.csv", 3, "child id", None, "B1", None, None),
    ]
    assert result.snapshot.manifest["quarantined"] == {
        "rows": 3,
        "cells": 0,
        "by_table": {"children": 2, "cla_episodes": 1},
    }


def test_a_load_with_no_rows_is_refused(base, tmp_path):
    """Only sw_episodes.csv: read and checked, but no canonical table takes its rows."""
    first = loader.load([good_903(tmp_path / "in")])
    before = state(base)
    path = write(
        tmp_path / "sw",
        "sw_episodes.csv",
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nA1,01/05/2005,W1,01/06/2019,,\n",
    )
    result = loader.load([path])
    assert result.snapshot is None
    [issue] = result.report.errors
    assert issue.code == "nothing_to_publish" and issue.emphasis
    assert issue.message.startswith(
        "This load would publish no rows: sw_episodes.csv (ssda903) gave no rows"
    )
    assert state(base) == before
    assert snapshots.current_id() == first.snapshot.id


def test_a_table_emptied_by_a_load_is_a_bold_warning(base, tmp_path):
    """The current data has 2 children and 3 episodes; a load of the Header alone keeps the
    2 children but would leave cla_episodes empty: a warning in bold, and the load goes on."""
    loader.load([good_903(tmp_path / "in")])
    only_header = write(
        tmp_path / "h", "header.csv", HEADER + "A1,1,01/05/2005,WBRI,,,\nA2,2,14/02/2003,BAFR,,,\n"
    )
    result = loader.load([only_header])
    assert result.snapshot is not None
    assert [(i.code, i.column, i.value, i.emphasis) for i in result.report.warnings] == [
        ("fewer_rows", "cla_episodes", "3 -> 0", True)
    ]
    assert result.report.warnings[0].message == (
        "The current data has 3 rows in cla_episodes; this load has none: publishing it "
        "leaves cla_episodes empty. Include the file that holds them."
    )


def test_orphans_are_set_aside_from_tables_merged_while_the_census_is_read(
    base, tmp_path, monkeypatch
):
    """The tables the census does not write are merged while its worker reads; an orphan
    among them (found only once every file is read) must still be left out of them."""
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    folder = with_an_orphan_episode(tmp_path / "orphan")
    census_of_a1(folder, "2019-02-03")
    result = loader.load([folder])
    assert result.snapshot is not None
    assert [(i.code, i.file, i.row, i.value) for i in result.report.issues] == [
        ("orphan", "episodes.csv", 3, "ZZ9")
    ]
    con = snapshots.connect()
    assert con.execute("SELECT child_id, source_ref FROM cla_episodes").fetchall() == [
        ("A1", "episodes.csv:2")
    ]
    assert result.rows["cla_episodes"] == 1


def test_staging_keeps_freed_blocks_for_reuse(tmp_path):
    """The staging database keeps the memory of the blocks it frees (DuckDB's block
    allocator) up to 3 GiB or a quarter of the machine's memory: without it an England-sized
    load spent 3 s more of system time faulting pages in afresh."""
    memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    con = loader._connect_staging(tmp_path / "staging.duckdb")
    try:
        held = con.execute("SELECT current_setting('block_allocator_memory')").fetchone()[0]
    finally:
        con.close()
    expected = min(3 << 30, memory // 4)
    assert _bytes(held) == pytest.approx(expected, rel=0.01)


def _bytes(text: str) -> float:
    """DuckDB's spelling of a memory size ('3.0 GiB', '512.0 MiB') in bytes."""
    number, unit = text.split()
    return float(number) * {"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30}[unit]


def test_the_manifest_times_each_step_and_the_worker(base, tmp_path, monkeypatch):
    """Each step of a load, in the order it ran, with its wall and CPU seconds; the census
    read apart is the worker's, and the merges beside it are a step of their own."""
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    folder = good_903(tmp_path / "both")
    census_of_a1(folder, "2019-06-01")
    result = loader.load([folder])
    timings = result.snapshot.manifest["timings"]
    assert [s["step"] for s in timings["steps"]] == [
        "read",  # the two SSDA903 files, one entry
        "merge_beside_worker",
        "wait_for_worker",
        "combine_staged_rows",
        "cross_checks",
        "merge",
        "finish",
    ]  # no "check": loader.load runs no rules (validation.at_load.load does)
    # the worker reads the census, then fingerprints the files this process read
    assert [w["file"] for w in timings["workers"]] == ["cin_census_2020.xml", "sha256 of 2 files"]
    entries = timings["steps"] + timings["workers"]
    assert all(e["seconds"] >= 0 and e["cpu_s"] >= 0 for e in entries)
    assert timings["workers"][0]["cpu_s"] > 0  # the worker's own process time
    assert sum(s["seconds"] for s in timings["steps"]) <= timings["seconds"]
    # Read in this process, there is no worker and nothing merged beside it.
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 1 << 40)
    timings = loader.load([folder]).snapshot.manifest["timings"]
    assert [s["step"] for s in timings["steps"]] == [
        "read",
        "cross_checks",
        "merge",
        "finish",
    ]
    assert timings["workers"] == []
    # The load the CLI and the web run times the rules too, last.
    from csc_insight.validation import at_load

    steps = at_load.load([folder]).snapshot.manifest["timings"]["steps"]
    assert [s["step"] for s in steps][-2:] == ["finish", "check"]


def test_each_file_is_fingerprinted_whichever_process_read_it(base, tmp_path, monkeypatch):
    """The manifest's sha256 of every file is its SHA-256, with a worker (which reads the
    census and then fingerprints the files this process read) and without."""
    folder = good_903(tmp_path / "both")
    census_of_a1(folder, "2019-06-01")
    expected = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    for apart in (0, 1 << 40):
        monkeypatch.setattr(loader, "APART_MIN_BYTES", apart)
        files = loader.load([folder]).snapshot.manifest["files"]
        assert {f["file"]: f["sha256"] for f in files} == expected
        assert len(set(expected.values())) == 3


def test_beside_the_worker_this_process_reads_on_half_the_threads(base, tmp_path, monkeypatch):
    """While the worker reads the census (on half the machine's threads, `read_apart`), this
    process reads its files on the other half (on two cores, one each). The checks after the
    reads have every thread again, as a load with no worker has throughout."""
    folder = good_903(tmp_path / "both")
    census_of_a1(folder, "2019-06-01")
    seen: dict[str, list[int]] = {"read": [], "cross_checks": []}
    read, checks = loader._read, loader.cross_checks

    def reading(reader, path, con, report):
        seen["read"].append(threads_of(con))
        return read(reader, path, con, report)

    def checking(con, report, staged):
        seen["cross_checks"].append(threads_of(con))
        return checks(con, report, staged)

    monkeypatch.setattr(loader, "_read", reading)
    monkeypatch.setattr(loader, "cross_checks", checking)
    every = threads_of(duckdb.connect())  # DuckDB's own default: the machine's
    half = max(1, every // 2)
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    assert loader.load([folder]).snapshot is not None
    # the worker, a process spawned afresh, is still importing as this one reads its first
    assert seen["read"][0] == half
    assert seen["cross_checks"] == [every]
    monkeypatch.setattr(loader, "APART_MIN_BYTES", 1 << 40)
    seen = {"read": [], "cross_checks": []}
    assert loader.load([folder]).snapshot is not None
    assert seen == {"read": [every, every, every], "cross_checks": [every]}
    # The worker's own reads: on the other half.
    apart: list[int] = []
    monkeypatch.setattr(
        loader, "_read", lambda reader, path, con, report: apart.append(threads_of(con)) or {}
    )
    loader.read_apart("cin_census", str(folder / "cin_census_2020.xml"), str(tmp_path / "w.db"))
    assert apart == [half]


def test_files_follow_the_census_to_the_worker_only_when_it_writes_all_their_tables(
    tmp_path, monkeypatch
):
    """A file goes to the worker after the census when every table its reader says it can
    write is a census table, and it is at least FOLLOW_MIN_BYTES: an Annex A List 3
    (children and referrals) does; a List 6 (visits too), a local visits file, an SSDA903
    header (its reader cannot say beforehand) and a List 3 under the threshold do not."""
    from csc_insight.formats import annexa, cin_census, local_extras, ssda903
    from csc_insight.formats.annexa_columns import LISTS

    def headings(number: int) -> str:
        return ",".join(c.heading for c in LISTS[number].columns) + "\n"

    list_3 = write(tmp_path, "annex_a_list_3.csv", headings(3))
    list_6 = write(tmp_path, "annex_a_list_6.csv", headings(6))
    visits = write(tmp_path / "local_extras", "visits.csv", "CHILD,VISIT_DATE,VISIT_TYPE\n")
    header = write(tmp_path, "header.csv", HEADER)
    busy = cin_census.WRITES
    monkeypatch.setattr(loader, "FOLLOW_MIN_BYTES", 0)
    assert annexa.writes(list_3) == {"children", "referrals"}
    assert loader._follows_apart(list_3, annexa, busy)
    assert annexa.writes(list_6) == {"children", "referrals", "visits"}
    assert not loader._follows_apart(list_6, annexa, busy)
    assert local_extras.writes(visits) == {"visits"}
    assert not loader._follows_apart(visits, local_extras, busy)
    assert not loader._follows_apart(header, ssda903, busy)
    assert not loader._follows_apart(list_3, annexa, busy - {"referrals"})
    monkeypatch.setattr(loader, "FOLLOW_MIN_BYTES", list_3.stat().st_size + 1)
    assert not loader._follows_apart(list_3, annexa, busy)


def test_staged_tables_no_step_reads_again_are_dropped_before_the_merges(tmp_path):
    """Before the merges after the worker's, the staging database drops the tables merged
    while the worker read and those whose rows went to the worker's database; the rest stay
    (the merges to come, and the quarantine, read them)."""
    con = loader._connect_staging(tmp_path / "staging.duckdb")
    try:
        schema.create(con)
        staged_quarantine.ensure(con)
        staged = Staged("staging", {"children": "worker", "referrals": "worker"})
        loader._drop_done(con, staged, {"visits": 5, "contacts": 2})
        left = {
            row[0]
            for row in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'staging'"
            ).fetchall()
        }
    finally:
        con.close()
    assert left == set(schema.tables()) - {"children", "referrals", "visits", "contacts"} | {
        "quarantine"
    }
