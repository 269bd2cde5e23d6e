"""Quarantine at scale, through `csc-insight load` as a user runs it: a 400,000-row file
with 5 bad rows publishes with exactly those 5 set aside and named; `--strict` refuses and
leaves the snapshots byte-for-byte unchanged; a load killed part-way changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

CLI = str(Path(sys.executable).parent / "csc-insight")
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
MISSING = "CHILD,DOB,MISSING,MIS_START,MIS_END\n"
CHILDREN = 1000
ROWS = 400_000
# data row n (0-based) is on file row n + 2; these five are bad, each in its own way
BAD = {
    1_000: ("30/02/2019", "MIS_START", "D"),  # no such day
    99_999: ("1066-04-13", "MIS_START", "D"),  # before 1900
    200_000: ("Q", "MISSING", "C"),  # not M or A
    300_000: ("tomorrow", "MIS_START", "D"),  # not a date
    399_999: ("", "MIS_START", "D"),  # blank required date
}


def _write(folder: Path) -> Path:
    """1,000 children; 400 missing episodes each on distinct days (child n % 1000, day
    n // 1000 after 1 January 2010), rows in BAD spoilt."""
    folder.mkdir()
    (folder / "header.csv").write_text(
        HEADER + "".join(f"C{c},1,01/01/2008,WBRI,,,\n" for c in range(CHILDREN)), encoding="utf-8"
    )
    start = date(2010, 1, 1)
    with (folder / "missing.csv").open("w", encoding="utf-8") as fh:
        fh.write(MISSING)
        for n in range(ROWS):
            kind, day = "M", (start + timedelta(days=n // CHILDREN)).strftime("%d/%m/%Y")
            if n in BAD:
                value, column, _ = BAD[n]
                kind, day = (value, day) if column == "MISSING" else (kind, value)
            fh.write(f"C{n % CHILDREN},01/01/2008,{kind},{day},\n")
    return folder


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "CSC_INSIGHT_HOME": str(home), **extra}


def _state(home: Path) -> dict[str, bytes]:
    folder = home / "snapshots"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _load(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, "load", *args], env=_env(home, **env), capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("q") / "in")


def test_five_bad_rows_in_400k_are_quarantined_and_named(files: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    report = tmp_path / "report.json"
    done = _load(home, str(files), "--report", str(report))
    assert done.returncode == 0, done.stderr
    found = json.loads(report.read_text())
    assert found["errors"] == 0 and found["quarantined"] == 5
    assert sorted(
        (i["file"], i["row"], i["column_letter"], i["value"] or "")
        for i in found["issues"]
        if i["severity"] == "quarantined"
    ) == sorted(("missing.csv", n + 2, letter, value) for n, (value, _, letter) in BAD.items())
    manifest = next((home / "snapshots").glob("2*.json"))
    summary = json.loads(manifest.read_text())
    assert summary["quarantined"] == {"rows": 5, "cells": 0, "by_table": {"missing_episodes": 5}}
    assert summary["rows"]["missing_episodes"] == ROWS - 5
    con = duckdb.connect(str(manifest.with_suffix(".duckdb")), read_only=True)
    assert sorted(
        con.execute("SELECT row_number, raw->>'$.CHILD' FROM quarantine").fetchall()
    ) == sorted((n + 2, f"C{n % CHILDREN}") for n in BAD)


def test_strict_refuses_and_changes_no_byte(files: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    good = tmp_path / "good"
    good.mkdir()
    (good / "header.csv").write_text(HEADER + "A1,1,01/05/2005,WBRI,,,\n", encoding="utf-8")
    assert _load(home, str(good)).returncode == 0
    before = _state(home)
    done = _load(home, str(files), "--strict")
    assert done.returncode == 1
    assert "Load refused: 5 error(s)" in " ".join(done.stderr.split())
    assert _state(home) == before


@pytest.mark.parametrize("stage", ["after_read", "after_build", "before_publish"])
def test_a_killed_quarantining_load_changes_nothing(
    files: Path, tmp_path: Path, stage: str
) -> None:
    home = tmp_path / "home"
    good = tmp_path / "good"
    good.mkdir()
    (good / "header.csv").write_text(HEADER + "A1,1,01/05/2005,WBRI,,,\n", encoding="utf-8")
    assert _load(home, str(good)).returncode == 0
    before = _state(home)
    done = _load(home, str(files), CSC_INSIGHT_CRASH_AT=stage)
    assert done.returncode == 137, done.stderr
    # The index and every published snapshot are as they were; what the killed load wrote
    # is not in the index (the next load sweeps it away: tests/store/test_loader.py).
    after = _state(home)
    assert {name: after.get(name) for name in before} == before
    published = json.loads(after["index.json"])["snapshots"]
    assert all(Path(name).stem not in published for name in set(after) - set(before))
