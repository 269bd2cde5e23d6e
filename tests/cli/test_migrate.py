"""A read-only command never changes the database's tables: on a database that is not up to
date it says so and stops. `migrate`, and a command that writes records, bring it up to
date."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "csc_insight.cli"]


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(home)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    return subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=120)


def _tables(home: Path) -> set[str]:
    path = home / "web.sqlite3"
    if not path.exists():
        return set()
    with sqlite3.connect(path) as con:
        return {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_read_only_commands_do_not_migrate_and_migrate_does(tmp_path: Path) -> None:
    listed = _run(tmp_path, "plans", "list")
    assert listed.returncode == 1
    assert "run `csc-insight migrate` first" in listed.stderr
    assert "plans_plan" not in _tables(tmp_path)  # nothing was created

    migrated = _run(tmp_path, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.startswith("Applied ")
    assert {"plans_plan", "audits_round", "committee_draft", "accounts_user"} <= _tables(tmp_path)

    assert _run(tmp_path, "migrate").stdout.strip() == "The database is up to date."
    listed = _run(tmp_path, "plans", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == ""  # no plans yet


def test_a_command_that_writes_creates_the_database(tmp_path: Path) -> None:
    created = _run(tmp_path, "plans", "demo")
    assert created.returncode == 0, created.stderr
    assert "plans_plan" in _tables(tmp_path)
    listed = _run(tmp_path, "plans", "list")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 2  # the two demo plans
