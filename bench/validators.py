"""`make bench` step: the DfE validation rules, CSC Insight against the DfE's two PyPI
validators, on the same generated files, time and peak memory for each, as JSON on stdout.

- **CSC Insight, from the files**: `csc-insight validate FILES --collection-year Y` on the
  files the references read (the SSDA903 CSVs, the year's CIN census, then both): loaded
  into a temporary snapshot (not published), then every rule in force, in one process.
- **CSC Insight, rules only**: `validate` on the snapshot `make bench` loaded (every rule:
  SSDA903, CIN census, Annex A, cross-return), what the rules add to each load.
- **csc-validator-be-903** 0.1.17 on the SSDA903 CSVs (its 2022-23 rule set; OC2 and OC3
  given the collection year's rows, as in the parity test) and **csc-validator-be-cin**
  0.1.13 on the year's CIN census XML (2022-23 rule set), each in its cached virtualenv
  (`tests/validation/parity/venvs.py`) through the parity tests' runners, which also read
  the files and write every failing row, as `validate` does.

Each runs in its own process, so its peak memory (max RSS) is its own; a reference that
has not finished within `--limit` seconds is stopped and recorded as not finished (at
England size the CIN validator's table building grows with the square of the children).
`times_csc_insight` is the reference's time over CSC Insight's from the same files.
The references' failing rows are those of every rule of their rule sets, most of which
CSC Insight does not implement (rules/README.md lists them).

    python bench/validators.py --data DIR --home HOME [--collection-year 2019-20]
        [--limit 1800]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "validation" / "parity"))

import venvs  # noqa: E402  (tests/validation/parity/venvs.py: the cached virtualenvs)

SSDA903_FILES = (
    "header.csv",
    "episodes.csv",
    "reviews.csv",
    "uasc.csv",
    "oc2.csv",
    "oc3.csv",
    "missing.csv",
    "placed_adoption.csv",
    "prev_perm.csv",
    "ad1.csv",
)


def measure(argv: list[str], env: dict[str, str], limit: float | None = None) -> dict:
    """Run `argv`: wall seconds, peak MiB, exit code; `finished` False when it was stopped
    at `limit` seconds (its peak is then what it reached)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err, start_new_session=True)
        finished = True
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if limit is not None and time.perf_counter() - started > limit:
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                finished = False
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    result = {
        "seconds": round(wall, 2),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "finished": finished,
        "exit_code": code,
    }
    if finished and code not in (0, 1):  # validate exits 1 when an error-severity rule fails
        result["error"] = stderr[-2000:]
    return result


def failing_rows(path: Path) -> int | None:
    """Failing rows in a runner's or validate's JSON output."""
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    if isinstance(data, list):  # validate --format json
        return len(data)
    return sum(len(v) for k, v in data.items() if k not in ("la_level", "registry"))


def rules_seconds_at_load(home: Path) -> dict[str, object] | None:
    """How long the rules took inside the load of the current snapshot under `home` (the
    command above adds starting Python and opening the snapshot), and how many ran."""
    from csc_insight.store import snapshots
    from csc_insight.validation import at_load

    snapshot = snapshots.current_id(home)
    found = at_load.stored(snapshot, home) if snapshot else None
    if found is None:
        return None
    return {"seconds": round(found.seconds, 2), "rules_run": len(found.rules_run)}


def census_for(data: Path, collection_year: str) -> Path | None:
    end = int(collection_year[:4]) + 1
    found = sorted(data.glob(f"cin_census_{end}*.xml")) or sorted(data.glob("cin_census_*.xml"))
    return found[-1] if found else None


def bench(data: Path, home: Path, collection_year: str, limit: float) -> dict:
    env = {**os.environ, "CSC_INSIGHT_HOME": str(home)}
    cli = [sys.executable, "-m", "csc_insight.cli", "validate"]
    work = Path(tempfile.mkdtemp(prefix="csc-validators-"))
    year = ["--collection-year", collection_year, "--format", "json"]
    results: dict[str, object] = {"collection_year": collection_year, "limit_s": limit}

    census = census_for(data, collection_year)
    files = {
        "903": [p for n in SSDA903_FILES if (p := data / n).exists()],
        "cin": [census] if census else [],
    }
    results["input_mb"] = {
        k: round(sum(p.stat().st_size for p in v) / 1e6, 1) for k, v in files.items()
    }
    # CSC Insight from the files the references read: loaded into a temporary snapshot
    # (not published), then every rule in force; each return alone, then both together.
    for name, paths in (
        ("903", files["903"]),
        ("cin", files["cin"]),
        ("903_and_cin", files["903"] + files["cin"]),
    ):
        if not paths:
            continue
        out = work / f"ours_{name}.json"
        step = measure(
            [*cli, *map(str, paths), *year, "--out", str(out)],
            {**env, "CSC_INSIGHT_HOME": str(work / f"home-{name}")},
        )
        results[f"csc_insight_{name}"] = {**step, "failing_rows": failing_rows(out)}
    # every rule (SSDA903, CIN census, Annex A, cross-return) on the snapshot `make bench`
    # loaded: what each load adds
    out = work / "ours_rules_only.json"
    step = measure([*cli, *year, "--out", str(out)], env)
    results["csc_insight_all_rules_on_snapshot"] = {
        **step,
        "failing_rows": failing_rows(out),
        "rules_seconds_at_load": rules_seconds_at_load(home),
    }

    year_end = str(int(collection_year[:4]) + 1)
    args = {
        "903": [str(data), year_end, "lac2022_23"],
        "cin": [str(census), "cin2022_23"] if census else None,
    }
    for which, argv in args.items():
        name = f"csc_validator_be_{which}"
        if argv is None:
            results[name] = {"skipped": "no CIN census file for the year"}
            continue
        try:
            python = venvs.python_for(which)
        except venvs.ReferenceUnavailable as exc:
            results[name] = {"skipped": f"could not be installed: {exc}"}
            continue
        out = work / f"{which}.json"
        step = measure([str(python), str(venvs.RUNNERS[which]), *argv, str(out)], env, limit)
        # rows of every rule of the reference's rule set, most of which we do not implement
        step["failing_rows"] = failing_rows(out) if step["finished"] else None
        mine = results[f"csc_insight_{which}"]["seconds"]
        if step["finished"]:
            step["times_csc_insight"] = round(step["seconds"] / max(mine, 0.01), 1)
        else:
            step["note"] = f"did not finish within {limit:.0f} s"
            step["times_csc_insight"] = f"more than {limit / max(mine, 0.01):.0f}"
        results[name] = step
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--home", type=Path, required=True, help="CSC_INSIGHT_HOME with the load")
    parser.add_argument("--collection-year", default="2019-20")
    parser.add_argument("--limit", type=float, default=1800.0, help="seconds per reference")
    args = parser.parse_args()
    print(json.dumps(bench(args.data, args.home, args.collection_year, args.limit), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
