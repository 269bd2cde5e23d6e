"""`bench/validators.py`'s measuring: a command's time, peak memory and exit code, and a
command stopped at the time limit is recorded as not finished (what `make bench` writes for
a reference validator that cannot finish at England size)."""

from __future__ import annotations

import os
import sys


def test_a_command_is_timed_and_one_past_the_limit_is_stopped(import_file):
    validators = import_file("bench/validators.py")
    done = validators.measure([sys.executable, "-c", "x = bytearray(64 << 20)"], dict(os.environ))
    assert done["finished"] and done["exit_code"] == 0 and "error" not in done
    assert done["peak_mib"] >= 64  # the 64 MiB it allocated
    stopped = validators.measure(
        [sys.executable, "-c", "import time; time.sleep(30)"], dict(os.environ), limit=0.5
    )
    assert not stopped["finished"] and 0.5 <= stopped["seconds"] < 10
    failed = validators.measure([sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ))
    assert failed["exit_code"] == 3 and "error" in failed
