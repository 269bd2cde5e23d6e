"""The same migrations, append-only triggers and sign-in on PostgreSQL, when one is reachable
(DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): the security tests are run
again in a child pytest against it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

URL = os.environ.get("CSC_INSIGHT_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test")


def _reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="already running against PostgreSQL",
)
@pytest.mark.skipif(not _reachable(), reason="no PostgreSQL on 127.0.0.1:5432")
def test_security_tests_pass_on_postgresql(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": URL, "CSC_INSIGHT_HOME": str(tmp_path)}
    here = Path(__file__).parent
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--create-db",
            str(here / "test_security.py"),
            "-k",
            "refuses_update or new_session or throttled or disabling",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=here.parent.parent,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "5 passed," in result.stdout, result.stdout[-1000:]
