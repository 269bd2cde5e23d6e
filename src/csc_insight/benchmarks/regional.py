"""The regional pool's table (`csc-insight pool indicators --format csv`, a file named
`region_quarterly*.csv`) read as comparators: one figure per indicator and financial year,
the regional median of the councils with a shown value, labelled "Region, quarterly".

The pool has already applied disclosure control; a median it could not give (no council
with a shown value) is kept with DfE's symbol 'x' (not available).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from csc_insight.common.report import Report

PREFIX = "region_quarterly"
LEVEL = "Region, quarterly"
AREA_CODE = "REGION_QUARTERLY"
NEEDED = ("indicator_id", "period", "regional_median", "councils_ranked")
_YEAR = re.compile(r"^(\d{4})-(\d{2})")


def is_regional_file(name: str) -> bool:
    return name.lower().startswith(PREFIX) and name.lower().endswith(".csv")


def read_regional(path: Path, report: Report) -> list[dict[str, Any]]:
    """One published-table row per indicator (and year) in the pool's CSV."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        lines = list(csv.DictReader(handle))
    missing = [c for c in NEEDED if lines and c not in lines[0]]
    if not lines or missing:
        report.error(
            "missing_column",
            path.name,
            "not a regional pool table: needs columns " + ", ".join(NEEDED),
        )
        return []
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for line in lines:
        match = _YEAR.match(line["period"].strip())
        if not match:
            continue
        year = f"{match[1]}-{match[2]}"
        median = line["regional_median"].strip()
        rows[(line["indicator_id"], year)] = {
            "indicator_id": line["indicator_id"],
            "year": year,
            "level": LEVEL,
            "area_code": AREA_CODE,
            "old_la_code": None,
            "area_name": LEVEL,
            "region_code": None,
            "region_name": None,
            "value": float(median) if median else None,
            "status": None if median else "x",
            "release": f"{path.name} ({line['period'].strip()}, median of "
            f"{line['councils_ranked']} councils)",
            "release_year": int(match[1]) + 1,
        }
    return list(rows.values())
