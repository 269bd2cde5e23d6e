"""`make bench`: how fast and how big, measured, for the `borough` and `england` profiles.

Each step runs in its own process so its peak memory is its own: `peak_mib`, the largest
single process (max RSS), and `tree_peak_mib`, the most the process and all its children
held at once (sampled every 0.1 s; a load reads a big CIN census in a second process). Reports:
generation time; load time per format (MB/s, rows/s) and for everything together, and for
everything with 0.1% of rows made bad (bench/bad_rows.py: quarantined, not refused); the whole
indicator catalogue for one quarter with all comparisons; the same five headline indicators
in a plain pandas script, as a ratio; every DfE validation rule against the DfE's two PyPI
validators on the same files, time and peak memory for each (bench/validators.py; a
reference stopped after --validator-limit seconds is recorded as not finished); for
`borough`, the p50/p95 response times of the overview and an area page under 20 concurrent
users (bench/web_load.py). Then the regional pool's scaling curve (bench/pool.py): adds and
the regional table for 1, 4, 16 and 33 borough-sized councils, on DuckDB and Spark local
mode. Results go to bench/results/<profile>.json, bench/results/pool.json and stdout.

    python bench/run.py [--profiles borough,england] [--keep] [--work DIR]
                        [--validator-limit SECONDS]
                        [--pool-sizes 1,4,16,33 | none] [--pool-engines duckdb,spark]
                        [--pool-spark-max N]

A quick run: `--profiles borough --pool-sizes 1,4`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PERIOD = "2019-20-Q3"
START, END = "2019-04-01", "2020-03-31"
COLLECTION_YEAR = "2019-20"  # of START-END, for the validation rules
VALIDATOR_LIMIT = 1800.0  # seconds each PyPI validator may take before it is stopped
BAD_FRACTION = 0.001  # of rows made bad for the quarantine load

FORMAT_GLOBS = {
    "annex_a": ["annex_a.xlsx", "annex_a_list_*.csv"],
    "cin_census": ["cin_census_*.xml"],
    "ssda903": [
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
    ],
    "local": ["local_extras/*.csv"],
}


_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kib(root: int) -> int:
    """Resident memory (KiB) of `root` and all its descendants now, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * _PAGE_KIB
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def run_step(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run a command; its wall time (s), the CPU time (s) of it and the children it waited
    for, the peak memory (MiB) of its largest process and of its whole process tree. Fails
    loudly on error.

    Output goes to temporary files, not pipes: a pipe would fill and stall the child
    while we wait for it (wait4 is what gives the largest process's peak memory). That
    figure starts from this process's own high-water mark (Linux carries it into a child it
    spawns), so this runs in a small process: bench/run.py's own."""
    tree_peak = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        done = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not done.wait(0.1):
                tree_peak = max(tree_peak, tree_rss_kib(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(stderr.decode(errors="replace")[-4000:])
        raise SystemExit(f"bench step failed: {' '.join(argv)}")
    return {
        "seconds": round(wall, 2),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "tree_peak_mib": round(max(tree_peak, usage.ru_maxrss) / 1024, 1),
        # the command's and its waited-for children's (a load's census worker's) CPU
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "stdout": stdout.decode(errors="replace"),
    }


def _pace() -> float:
    """The machine's pace now (bench/pace.py), in a process of its own."""
    step = run_step([sys.executable, str(ROOT / "bench" / "pace.py")], dict(os.environ))
    return float(step["stdout"])


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "csc_insight.cli", *args]


def files_of(data: Path, fmt: str) -> list[Path]:
    found: list[Path] = []
    for pattern in FORMAT_GLOBS[fmt]:
        found.extend(sorted(data.glob(pattern)))
    return found


def _current_manifest(home: Path) -> dict[str, object]:
    """The current snapshot's manifest under `home` (its row and quarantine counts)."""
    index = json.loads((home / "snapshots" / "index.json").read_text())
    return json.loads((home / "snapshots" / f"{index['current']}.json").read_text())


def snapshot_rows(home: Path) -> int:
    return sum(_current_manifest(home)["rows"].values())


def bench_profile(
    profile: str, work: Path, validator_limit: float = VALIDATOR_LIMIT
) -> dict[str, object]:
    data = work / profile
    pace = [_pace()]  # and again after the loads
    results: dict[str, object] = {"profile": profile, "period": PERIOD, "pace_s": pace}
    env = {**os.environ, "CSC_INSIGHT_HOME": str(work / f"home-{profile}")}

    if not data.exists():  # --work with data from an earlier run skips generating it
        step = run_step(
            cli(
                "synth",
                "--profile",
                profile,
                "--seed",
                "1",
                "--start",
                START,
                "--end",
                END,
                "--out",
                str(data),
            ),
            env,
        )
        size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
        results["generate"] = {
            "seconds": step["seconds"],
            "peak_mib": step["peak_mib"],
            "output_mb": round(size / 1e6, 1),
        }
    for stale in work.glob(f"home-{profile}*"):
        shutil.rmtree(stale)

    loads: dict[str, object] = {}
    for fmt in FORMAT_GLOBS:
        paths = files_of(data, fmt)
        if not paths:
            continue
        fmt_env = {**env, "CSC_INSIGHT_HOME": str(work / f"home-{profile}-{fmt}")}
        step = run_step(cli("load", *map(str, paths)), fmt_env)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        rows = snapshot_rows(Path(fmt_env["CSC_INSIGHT_HOME"]))
        loads[fmt] = {
            "seconds": step["seconds"],
            "peak_mib": step["peak_mib"],
            "tree_peak_mib": step["tree_peak_mib"],
            "mb": round(mb, 1),
            "rows": rows,
            "mb_per_s": round(mb / step["seconds"], 1),
            "rows_per_s": round(rows / step["seconds"]),
        }
    step = run_step(cli("load", str(data)), env)
    loads["all"] = {
        "seconds": step["seconds"],
        "cpu_s": step["cpu_s"],
        "peak_mib": step["peak_mib"],
        "tree_peak_mib": step["tree_peak_mib"],
        "rows": snapshot_rows(Path(env["CSC_INSIGHT_HOME"])),
        # where the time went: each step's wall and CPU seconds, the census worker's apart
        "timings": _current_manifest(Path(env["CSC_INSIGHT_HOME"])).get("timings"),
    }
    # The same data with 0.1% of rows made bad on purpose: they are quarantined, the rest
    # publishes (issue 12); time and memory beside the clean load above.
    bad = work / f"{profile}-bad-rows"
    if not bad.exists():
        from bad_rows import make_bad_copy

        make_bad_copy(data, bad, BAD_FRACTION)
    bad_env = {**env, "CSC_INSIGHT_HOME": str(work / f"home-{profile}-bad-rows")}
    step = run_step(cli("load", str(bad)), bad_env)
    manifest = _current_manifest(Path(bad_env["CSC_INSIGHT_HOME"]))
    loads["all_with_bad_rows"] = {
        "seconds": step["seconds"],
        "cpu_s": step["cpu_s"],
        "peak_mib": step["peak_mib"],
        "tree_peak_mib": step["tree_peak_mib"],
        "fraction": BAD_FRACTION,
        "rows": snapshot_rows(Path(bad_env["CSC_INSIGHT_HOME"])),
        "quarantined": manifest.get("quarantined"),
        "timings": manifest.get("timings"),
    }
    results["load"] = loads
    pace.append(_pace())

    step = run_step(cli("indicators", "--period", PERIOD, "--format", "json"), env)
    results["indicators"] = {
        "seconds": step["seconds"],
        "peak_mib": step["peak_mib"],
        "indicators": len(json.loads(step["stdout"])),
    }
    timed = {}
    for name, script in (
        ("duckdb", "headline_duckdb.py"),
        ("pandas", "indicators_pandas_reference.py"),
    ):
        step = run_step([sys.executable, str(ROOT / "bench" / script), "--period", PERIOD], env)
        lines = dict(line.split("\t", 1) for line in step["stdout"].splitlines() if "\t" in line)
        timed[name] = {"seconds": float(lines["seconds"]), "peak_mib": step["peak_mib"]}
    results["headline_five"] = {
        **{f"{k}_seconds": v["seconds"] for k, v in timed.items()},
        **{f"{k}_peak_mib": v["peak_mib"] for k, v in timed.items()},
        "pandas_over_duckdb": round(
            timed["pandas"]["seconds"] / max(timed["duckdb"]["seconds"], 0.01), 1
        ),
    }
    # Every DfE rule (from the files, and on the loaded snapshot) against the two PyPI
    # validators on the same files.
    step = run_step(
        [
            sys.executable,
            str(ROOT / "bench" / "validators.py"),
            "--data",
            str(data),
            "--home",
            env["CSC_INSIGHT_HOME"],
            "--collection-year",
            COLLECTION_YEAR,
            "--limit",
            str(validator_limit),
        ],
        env,
    )
    results["validation"] = json.loads(step["stdout"])
    if profile == "borough":  # the web pages under 20 concurrent users (127.0.0.1 only)
        step = run_step(
            [
                sys.executable,
                str(ROOT / "bench" / "web_load.py"),
                "--home",
                env["CSC_INSIGHT_HOME"],
                "--users",
                "20",
                "--requests",
                "400",
            ],
            env,
        )
        results["web"] = json.loads(step["stdout"])
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", default="borough,england")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument(
        "--work",
        type=Path,
        help="working folder; data already generated "
        "there (by an earlier --keep run) is reused, not regenerated",
    )
    parser.add_argument(
        "--pool-sizes",
        default="1,4,16,33",
        help="councils in the pool at each point of its scaling curve; 'none' skips the pool",
    )
    parser.add_argument("--pool-engines", default="duckdb,spark")
    parser.add_argument(
        "--pool-spark-max", type=int, default=33, help="run Spark up to this many councils"
    )
    parser.add_argument(
        "--validator-limit",
        type=float,
        default=VALIDATOR_LIMIT,
        help="seconds each PyPI validator may run before it is recorded as not finished",
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="csc-bench-"))
    args.keep = args.keep or args.work is not None
    try:
        for profile in filter(None, args.profiles.split(",")):
            result = bench_profile(profile, work, args.validator_limit)
            (RESULTS / f"{profile}.json").write_text(json.dumps(result, indent=2))
            print(json.dumps(result, indent=2), flush=True)
        if args.pool_sizes != "none":
            from pool import bench_pool, parse_sizes

            result = bench_pool(
                parse_sizes(args.pool_sizes),
                args.pool_engines.split(","),
                work / "pool",
                spark_max=args.pool_spark_max,
                start=START,
                end=END,
                period=PERIOD,
            )
            (RESULTS / "pool.json").write_text(json.dumps(result, indent=2) + "\n")
            print(json.dumps(result, indent=2), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"data kept in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
