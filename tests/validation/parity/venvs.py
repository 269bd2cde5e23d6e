"""The DfE's reference validators, each in a virtualenv of its own (they pin old pandas and
numpy), built once and kept in a cache folder shared by the parity tests and `make bench`.

The folder is `$CSC_INSIGHT_REFERENCE_VENVS`, else `$XDG_CACHE_HOME/csc-insight/dfe-reference`
(`~/.cache/...`). A virtualenv is used only once its install finished (a `.complete` file);
a lock keeps two processes from building the same one at once. Not imported by CSC Insight.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

# The versions the rules' messages were copied from (rules/README.md), and what they need.
REFERENCES: dict[str, tuple[str, ...]] = {
    "903": ("csc-validator-be-903==0.1.17",),
    "cin": ("csc-validator-be-cin==0.1.13", "numpy<2"),
}
HERE = Path(__file__).parent
RUNNERS = {"903": HERE / "run_903.py", "cin": HERE / "run_cin.py"}


class ReferenceUnavailable(RuntimeError):
    """The package index could not be reached or the install failed."""


def cache_dir() -> Path:
    base = os.environ.get("CSC_INSIGHT_REFERENCE_VENVS")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "csc-insight" / "dfe-reference"


def python_for(which: str) -> Path:
    """The Python of the virtualenv holding reference `which` ('903' or 'cin'), built on
    first use (about a minute) and reused after."""
    packages = REFERENCES[which]
    tag = "-".join(p.replace("==", "-").replace("<", "lt") for p in packages)
    name = f"{tag}-py{sys.version_info.major}{sys.version_info.minor}"
    env = cache_dir() / name
    python = env / "bin" / "python"
    if (env / ".complete").exists():
        return python
    env.parent.mkdir(parents=True, exist_ok=True)
    with (env.parent / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (env / ".complete").exists():  # built by another process while we waited
            return python
        shutil.rmtree(env, ignore_errors=True)
        venv.create(env, with_pip=True)
        done = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:
            shutil.rmtree(env, ignore_errors=True)
            raise ReferenceUnavailable(f"{' '.join(packages)}: {done.stderr[-300:]}")
        (env / ".complete").write_text(" ".join(packages) + "\n")
    return python
