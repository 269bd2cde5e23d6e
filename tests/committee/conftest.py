"""Snapshots for the committee-paper tests: a tiny hand-built one whose figures are worked
out by hand in the tests, and a synthetic city (csc-insight synth + load) for the scans."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from hand_snapshot import build_hand, publish

from csc_insight.store import snapshots

CLI = str(Path(sys.executable).parent / "csc-insight")


@pytest.fixture
def hand_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path))
    publish(tmp_path, "hand-1", build_hand)
    return tmp_path


@pytest.fixture(scope="session")
def city_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic city with two years of data, loaded as the current snapshot."""
    home = tmp_path_factory.mktemp("city")
    env = {
        "CSC_INSIGHT_HOME": str(home),
        "PATH": "/usr/bin:/bin",
        **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"},
    }  # a source checkout
    subprocess.run(
        [
            CLI,
            "synth",
            "--profile",
            "city",
            "--seed",
            "3",
            "--start",
            "2018-04-01",
            "--end",
            "2020-03-31",
            "--out",
            str(home / "synth"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([CLI, "load", str(home / "synth")], env=env, check=True, capture_output=True)
    return home


@pytest.fixture
def city(city_home: Path, monkeypatch: pytest.MonkeyPatch) -> duckdb.DuckDBPyConnection:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(city_home))
    con = snapshots.connect(base=city_home)
    yield con
    con.close()
