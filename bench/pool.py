"""The regional pool's scaling curve: `pool add` and `pool indicators` for 1, 4, 16 and 33
borough-sized councils (London's 33 codes, E09000001-E09000033, each a year of synthetic
returns with its own seed).

The pool grows council by council; when it holds each size asked for, the regional table is
computed on DuckDB in one pass, on DuckDB council by council (to show what the one pass
saves, up to --per-council-max councils) and on Spark local mode (up to --spark-max
councils). Each step runs in its own process. Peak memory is the largest total resident
memory of the step's process and everything it started, sampled every 0.1 s (Spark's JVM
is a child process, which the process's own max RSS would leave out). Results go to
bench/results/pool.json and stdout.

    python bench/pool.py [--councils 1,4,16,33] [--engines duckdb,spark] [--spark-max 33]
                         [--per-council-max 16] [--work DIR] [--start 2019-04-01
                         --end 2020-03-31] [--period 2019-20-Q3]

`make bench` runs it after the profiles (bench/run.py --pool-sizes); `--work DIR` keeps and
reuses the councils' generated returns.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import RESULTS, cli, run_step  # noqa: E402

CODES = [f"E090000{n:02d}" for n in range(1, 34)]


def _indicators(pool: Path, period: str, out: Path, *extra: str) -> list[str]:
    return cli("pool", "indicators", "--period", period, "--pool", str(pool), "--format",
               "csv", "--out", str(out), *extra)  # fmt: skip


def parse_sizes(text: str) -> list[int]:
    sizes = sorted({int(n) for n in text.split(",") if n.strip()})
    if not sizes or sizes[0] < 1 or sizes[-1] > len(CODES):
        raise SystemExit(f"--councils: sizes from 1 to {len(CODES)}")
    return sizes


def bench_pool(
    sizes: list[int],
    engines: list[str],
    work: Path,
    *,
    spark_max: int = len(CODES),
    per_council_max: int = 16,
    start: str = "2019-04-01",
    end: str = "2020-03-31",
    period: str = "2019-20-Q3",
) -> dict[str, object]:
    """The scaling curve (bench/results/pool.json's content); prints each point."""
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CSC_INSIGHT_HOME": str(work / "home")}
    env.setdefault("CSC_INSIGHT_POOL_KEY", "bench-" + "0" * 40)
    pool = work / "pool"
    shutil.rmtree(pool, ignore_errors=True)  # the pool grows from empty, council by council
    results: dict[str, object] = {"period": period, "span": [start, end], "cores": os.cpu_count()}
    adds: list[dict[str, float]] = []
    curve = []
    for size in sizes:
        for code in CODES[len(adds) : size]:
            data = work / "returns" / code
            if not data.exists():
                seed = str(CODES.index(code) + 1)
                run_step(cli("synth", "--profile", "borough", "--seed", seed, "--start", start,
                             "--end", end, "--out", str(data)), env)  # fmt: skip
            adds.append(run_step(cli("pool", "add", code, str(data), "--pool", str(pool)), env))
        point: dict[str, object] = {
            "councils": size,
            "pool_mb": round(sum(p.stat().st_size for p in pool.rglob("*.parquet")) / 1e6, 1),
            "add_seconds_total": round(sum(a["seconds"] for a in adds), 2),
            "add_seconds_mean": round(sum(a["seconds"] for a in adds) / len(adds), 2),
            "add_peak_mib_max": max(a["peak_mib"] for a in adds),
        }
        runs = []
        if "duckdb" in engines:
            runs.append(("duckdb", ["--engine", "duckdb"]))
            if size <= per_council_max:
                runs.append(("duckdb_per_council", ["--engine", "duckdb", "--per-council"]))
        if "spark" in engines and size <= spark_max:
            runs.append(("spark", ["--engine", "spark"]))
        for name, extra in runs:
            step = run_step(_indicators(pool, period, work / f"region-{size}-{name}.csv", *extra),
                            env)  # fmt: skip
            point[f"indicators_{name}_seconds"] = step["seconds"]
            # Spark's JVM is a child process: the whole tree's peak is the honest figure.
            point[f"indicators_{name}_peak_mib"] = step["tree_peak_mib"]
        curve.append(point)
        print(json.dumps(point), flush=True)
    results["curve"] = curve
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", default="1,4,16,33")
    parser.add_argument("--engines", default="duckdb,spark")
    parser.add_argument("--spark-max", type=int, default=len(CODES), help="Spark up to N")
    parser.add_argument("--per-council-max", type=int, default=16, help="by council up to N")
    parser.add_argument("--start", default="2019-04-01")
    parser.add_argument("--end", default="2020-03-31")
    parser.add_argument("--period", default="2019-20-Q3")
    parser.add_argument("--work", type=Path, default=None, help="keep and reuse data here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="csc-pool-bench-"))
    try:
        results = bench_pool(
            parse_sizes(args.councils),
            args.engines.split(","),
            work,
            spark_max=args.spark_max,
            per_council_max=args.per_council_max,
            start=args.start,
            end=args.end,
            period=args.period,
        )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pool.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
