"""The regional table as CSV (what `benchmarks load` reads back as "Region, quarterly"),
JSON or a terminal table. Text cells a spreadsheet would read as a formula are escaped."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import IO, Any

from csc_insight.indicators.export import escape_cell
from csc_insight.pool.regional import RegionalRow

COLUMNS = (
    "indicator_id",
    "title",
    "unit",
    "polarity",
    "period",
    "la_code",
    "value",
    "status",
    "rank",
    "quartile",
    "councils_ranked",
    "regional_mean",
    "regional_median",
    "neighbours_median",
)
FORMATS = ("table", "csv", "json")


def _cells(row: RegionalRow) -> dict[str, Any]:
    data = asdict(row)
    data["value"] = row.shown_value()
    return {k: "" if data[k] is None else data[k] for k in COLUMNS}


def write_csv(rows: Sequence[RegionalRow], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: escape_cell(v) for k, v in _cells(row).items()})


def write_json(rows: Sequence[RegionalRow], out: IO[str]) -> None:
    data = [{**asdict(r), "value": r.value if r.status != "c" else "c"} for r in rows]
    json.dump(data, out, indent=2)
    out.write("\n")


def write_table(rows: Sequence[RegionalRow], out: IO[str]) -> None:
    heads = ("indicator", "council", "value", "rank", "quartile", "mean", "median", "neighbours")
    lines = [heads]
    for r in rows:
        c = _cells(r)
        shown = c["value"] if r.status in ("ok", "c") else r.status.split(":")[0]
        lines.append(
            tuple(
                str(v)
                for v in (
                    r.indicator_id,
                    r.la_code,
                    shown,
                    c["rank"],
                    c["quartile"],
                    c["regional_mean"],
                    c["regional_median"],
                    c["neighbours_median"],
                )
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(heads))]
    for line in lines:
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")


def write(rows: Sequence[RegionalRow], out: IO[str], fmt: str = "table") -> None:
    {"table": write_table, "csv": write_csv, "json": write_json}[fmt](rows, out)
