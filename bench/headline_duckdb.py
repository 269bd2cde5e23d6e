"""The same five headline indicators as indicators_pandas_reference.py, through the engine.

    python bench/headline_duckdb.py [--snapshot ID] [--period 2019-20-Q3]

Prints each value and the seconds taken, in the same format as the pandas reference, so
bench/run.py can take the ratio. Start-up is excluded on both sides: imports there, and
here also reading and checking the catalogue of definitions (a once-per-process cost).
"""

from __future__ import annotations

import argparse
import time

from csc_insight.indicators import catalogue, compute, parse_period
from csc_insight.store.snapshots import connect

FIVE = ["contacts", "referrals", "rereferrals_12m_pct", "assessments_45wd_pct", "cla_open"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot")
    parser.add_argument("--period", default="2019-20-Q3")
    args = parser.parse_args()
    con = connect(args.snapshot)
    catalogue()
    began = time.perf_counter()
    results = compute(con, parse_period(args.period), ids=FIVE, comparisons=False)
    elapsed = time.perf_counter() - began
    for result in results:
        print(f"{result.id}\t{result.value}")
    print(f"seconds\t{elapsed:.2f}")


if __name__ == "__main__":
    main()
