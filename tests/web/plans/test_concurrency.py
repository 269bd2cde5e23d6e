"""N writers on one action, as N server processes would be: on SQLite (WAL, BEGIN
IMMEDIATE, busy timeout) and, where one is reachable, PostgreSQL. Zero lost updates (the
version check tells every loser), zero "database is locked" errors.

Real processes on a real database file or server, not threads on the test database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

WRITER = str(Path(__file__).with_name("concurrent_writer.py"))
WRITERS = 8
POSTGRES = os.environ.get("CSC_INSIGHT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("concurrency")]


def _postgres_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, WRITER, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def _together(env: dict[str, str], *args: str) -> list[str]:
    """Start WRITERS processes that all act at the same moment; their outputs."""
    start = str(time.time() + 5)  # time for every process to start Django first
    procs = [
        subprocess.Popen(
            [sys.executable, WRITER, args[0], args[1], start, *args[2:]],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(WRITERS)
    ]
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        outputs.append(out.strip())
    return outputs


def _final(env: dict[str, str], action_id: str) -> tuple[int, int]:
    code = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        "'csc_insight.web.settings'); import django; django.setup(); "
        "from csc_insight.plans.models import Action; "
        f"a = Action.objects.get(pk={action_id}); print(a.version, a.updates.count())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    version, updates = done.stdout.split()
    return int(version), int(updates)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(tmp_path)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if request.param == "sqlite":
        env.pop("DATABASE_URL", None)
        yield env
        return
    if not _postgres_reachable():
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    import psycopg

    name = f"csc_concurrency_{uuid.uuid4().hex[:10]}"
    admin_url = POSTGRES.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**env, "DATABASE_URL": POSTGRES.rsplit("/", 1)[0] + f"/{name}"}
    finally:
        with psycopg.connect(admin_url, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_one_writer_wins_the_rest_are_told(database: dict[str, str]) -> None:
    action_id = _run(database, "setup")
    outputs = _together(database, "once", action_id)
    assert Counter(outputs) == {"won": 1, "conflict": WRITERS - 1}
    assert _final(database, action_id) == (2, 1)


def test_no_update_is_lost_when_writers_retry(database: dict[str, str]) -> None:
    action_id = _run(database, "setup")
    times = 5
    outputs = _together(database, "retry", action_id, str(times))
    assert [o for o in outputs if not o.startswith(f"done {times} ")] == []
    # every update made is there: version 1 + 8 writers x 5 updates, and 40 dated comments
    assert _final(database, action_id) == (1 + WRITERS * times, WRITERS * times)
