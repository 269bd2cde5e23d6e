"""`bench/run.py`'s measuring of a step: its largest process's peak memory and its whole
process tree's (a load reads a big CIN census in a second process, so the two differ)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"

# A parent holding 64 MiB that starts a child holding 96 MiB; both hold it for a second.
_STEP = """
import subprocess, sys, time
held = bytearray(64 << 20)
child = subprocess.Popen([sys.executable, "-c",
    "import time; held = bytearray(96 << 20); time.sleep(1.5)"])
time.sleep(1.0)
child.wait()
"""
# bench/run.py measured from a small process, as `make bench` runs it: Linux carries the
# spawning process's resident high-water mark into the child's max RSS, so measured from
# inside this test process (hundreds of MiB) the largest process would read as that.
_DRIVER = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from run import run_step
step = run_step([sys.executable, "-c", sys.argv[2]], dict(os.environ))
step.pop("stdout")
print(json.dumps(step))
"""


def _measure(script: str) -> dict[str, float]:
    """`run_step`'s figures for a Python script, measured from a small process."""
    out = subprocess.run(
        [sys.executable, "-c", _DRIVER, str(BENCH), script],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ),
    ).stdout
    return json.loads(out)


def test_a_step_reports_its_largest_process_and_its_whole_tree():
    step = _measure(_STEP)
    # the largest one process: the child's 96 MiB (and its interpreter), not both together
    assert 96 <= step["peak_mib"] < 64 + 96
    # the two held at once
    assert step["tree_peak_mib"] >= 64 + 96


# A parent that waits for a child spinning on the CPU for half a second, then spins as long.
_BUSY = """
import subprocess, sys, time
spin = "import time\\nwhile time.process_time() < 0.5: pass"
subprocess.run([sys.executable, "-c", spin], check=True)
exec(spin)
"""


def test_a_step_reports_the_cpu_time_of_its_process_and_of_the_children_it_waited_for():
    step = _measure(_BUSY)
    # the parent's half second and its child's (a load's census worker is such a child)
    assert step["cpu_s"] >= 1.0
