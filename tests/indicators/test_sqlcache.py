"""sqlglot's answers kept on disk between processes (indicators/sqlcache.py): a second
process gets the same text without sqlglot, a key that differs in any way misses, and a
file that cannot be used is no error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from csc_insight.indicators import sqlcache


@pytest.fixture
def fresh(monkeypatch, tmp_path: Path) -> Path:
    """An empty cache folder, and this process's state as if it had just started."""
    monkeypatch.setenv("CSC_INSIGHT_SQL_CACHE", str(tmp_path))
    monkeypatch.setattr(sqlcache, "_state", {"path": None, "known": None, "new": {}})
    return tmp_path


def _restart(monkeypatch) -> None:
    """What the process wrote at exit, then a new process's state."""
    sqlcache._write()
    monkeypatch.setattr(sqlcache, "_state", {"path": None, "known": None, "new": {}})


def test_an_answer_is_worked_out_once_then_read(fresh, monkeypatch):
    calls = []

    def work() -> str:
        calls.append(1)
        return "SELECT 1"

    assert sqlcache.remembered("bind", ("SELECT :x", 1), work) == "SELECT 1"
    assert sqlcache.remembered("bind", ("SELECT :x", 1), work) == "SELECT 1"
    assert len(calls) == 1
    _restart(monkeypatch)
    assert sqlcache.remembered("bind", ("SELECT :x", 1), work) == "SELECT 1"
    assert len(calls) == 1  # read from the file
    # another kind, or a key that differs only in a value's type, is not the same answer
    assert sqlcache.remembered("names", ("SELECT :x", 1), lambda: ["x"]) == ["x"]
    assert sqlcache.remembered("bind", ("SELECT :x", 1.0), lambda: "SELECT 1.0") == "SELECT 1.0"
    assert sqlcache.remembered("bind", ("SELECT :x", True), lambda: "SELECT TRUE") == (
        "SELECT TRUE"
    )
    _restart(monkeypatch)
    assert sqlcache.remembered("bind", ("SELECT :x", 1.0), work) == "SELECT 1.0"
    assert sqlcache.remembered("names", ("SELECT :x", 1), work) == ["x"]
    assert len(calls) == 1
    [file] = fresh.iterdir()
    assert file.name.startswith("sqlglot-") and file.suffix == ".json"


def test_off_keeps_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("CSC_INSIGHT_SQL_CACHE", "off")
    monkeypatch.setattr(sqlcache, "_state", {"path": None, "known": None, "new": {}})
    calls = []
    for _ in range(2):
        sqlcache.remembered("bind", "k", lambda: calls.append(1) or "v")
    assert len(calls) == 2
    assert sqlcache.path() is None


def test_a_broken_or_unwritable_file_is_no_error(fresh, monkeypatch):
    file = sqlcache.path()
    assert file is not None
    file.write_text("{not json", encoding="utf-8")
    assert sqlcache.remembered("bind", "k", lambda: "v") == "v"
    _restart(monkeypatch)  # the broken file is replaced by a good one
    assert sqlcache.remembered("bind", "k", lambda: "other") == "v"
    monkeypatch.setenv("CSC_INSIGHT_SQL_CACHE", str(file / "below a file"))
    monkeypatch.setattr(sqlcache, "_state", {"path": None, "known": None, "new": {}})
    assert sqlcache.remembered("bind", "k", lambda: "v") == "v"
    sqlcache._write()  # cannot make the folder: nothing written, nothing raised


def test_a_file_grown_too_big_starts_again(fresh, monkeypatch):
    monkeypatch.setattr(sqlcache, "MOST", 2)
    for key in ("a", "b"):
        sqlcache.remembered("bind", key, lambda: "v")
    _restart(monkeypatch)
    sqlcache.remembered("bind", "c", lambda: "v")
    _restart(monkeypatch)
    calls = []
    for key in ("a", "c"):
        sqlcache.remembered("bind", key, lambda: calls.append(1) or "v")
    assert len(calls) == 1  # "a" was dropped, "c" kept


def test_a_second_process_runs_the_catalogue_without_sqlglot(tmp_path):
    code = (
        "import sys; from csc_insight.indicators import catalogue, get; "
        "from csc_insight.indicators.engine import aggregate_sql; "
        "from csc_insight.indicators.periods import parse_period; "
        "catalogue(); "
        "print(aggregate_sql(get('assessments_45wd_pct'), [parse_period('2019-20-Q3')])); "
        "print('sqlglot' in sys.modules)"
    )
    env = {**os.environ, "CSC_INSIGHT_SQL_CACHE": str(tmp_path / "cache")}
    first, second = (
        subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
        for _ in range(2)
    )
    assert first.endswith("True\n")
    assert second.endswith("False\n")
    assert first.removesuffix("True\n") == second.removesuffix("False\n")
