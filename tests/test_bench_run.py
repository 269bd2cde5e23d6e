"""`bench/run.py`'s measuring of a step: its largest process's peak memory and its whole
process tree's (a load reads a big CIN census in a second process, so the two differ)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "run.py"

# A parent holding 64 MiB that starts a child holding 96 MiB; both hold it for a second.
_PARENT = """
import subprocess, sys, time
held = bytearray(64 << 20)
child = subprocess.Popen([sys.executable, "-c",
    "import time; held = bytearray(96 << 20); time.sleep(1.5)"])
time.sleep(1.0)
child.wait()
"""


def _run():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_step_reports_its_largest_process_and_its_whole_tree():
    step = _run().run_step([sys.executable, "-c", _PARENT], dict(os.environ))
    # the largest one process: the child's 96 MiB (and its interpreter), not both together
    assert 96 <= step["peak_mib"] < 64 + 96
    # the two held at once
    assert step["tree_peak_mib"] >= 64 + 96
