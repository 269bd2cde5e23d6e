"""Write the registers' files (`csc-insight synth --registers-out DIR`): so far the missing
register, `missing_register.csv`, in the columns `csc-insight registers import missing`
reads (registers/missing_import.py).

Its episodes are the world's missing episodes (type M; "away" is not in the register) with
the same child and start date as the SSDA903 / local extras rows, so that importing it
beside the loaded returns shows each episode once. The register adds what only it keeps:
who reported, the strategy meeting, how the child was found, the return interview's offer
date and themes, the Lead Member's notification. A world with no episodes (often the City
in a short window) writes the heading row only. The file goes to its own folder, not the
returns folder, because `load` reads every file it finds there.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.world import World

REPORTERS = ["Foster carer", "Residential keyworker", "Parent", "Supported lodgings provider"]
FOUND = ["Returned of own accord", "Found by police", "Found by carer", "Located at a friend's"]
THEMES = ["Peer group", "Exploitation concerns", "Family contact", "Unhappy in placement",
          "Immigration worries", "Substance use"]


def _day(value: object) -> date | None:
    if value is None or (isinstance(value, np.datetime64) and np.isnat(value)):
        return None
    return value.astype("datetime64[D]").astype(date)  # type: ignore[union-attr]


def missing_rows(world: World) -> list[dict[str, object]]:
    """The register's rows, deterministic for the world's seed."""
    m = world.data["missing_episodes"]
    rng = np.random.default_rng([world.seed, 17])
    rows: list[dict[str, object]] = []
    for i in range(len(m["child_id"])):
        if m["missing_type"][i] != "M":
            continue
        start = _day(m["start_date"][i])
        if start is None:
            continue
        end = _day(m["end_date"][i])
        held = _day(m["rhi_date"][i])
        offered = m["rhi_offered"][i]
        care = m["source"][i] == "ssda903"
        r = rng.random(6)
        offered_on = None
        if offered and end is not None:
            offered_on = min(held, end + timedelta(days=1)) if held else end + timedelta(
                days=1 if r[0] < 0.9 else 5)
        long = end is None or (end - start).days > 7
        rows.append({
            "CHILD": m["child_id"][i], "MISSING_FROM": "care" if care else "home",
            "START": start, "REPORTED_BY": REPORTERS[int(r[1] * (2 if care else 1)) + (
                0 if care else 2)],
            "REPORTED_ON": start,
            "RISK_AT_PLACEMENT": ("Y" if r[2] < 0.7 else "N") if care else None,
            "STRATEGY_MEETING": start + timedelta(days=2) if care and r[3] < 0.6 else None,
            "RETURNED": end, "HOW_FOUND": FOUND[int(r[4] * len(FOUND))] if end else None,
            "RHI_OFFERED": offered_on,
            "RHI_ACCEPTED": {True: "Y", False: "N"}.get(m["rhi_accepted"][i]),
            "RHI_HELD": held, "THEMES": THEMES[int(r[5] * len(THEMES))] if held else None,
            "LEAD_MEMBER_NOTIFIED": start + timedelta(days=7) if long and r[0] < 0.8 else None,
        })
    return rows


def write_registers(world: World, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = missing_rows(world)
    headings = ["CHILD", "MISSING_FROM", "START", "REPORTED_BY", "REPORTED_ON",
                "RISK_AT_PLACEMENT", "STRATEGY_MEETING", "RETURNED", "HOW_FOUND",
                "RHI_OFFERED", "RHI_ACCEPTED", "RHI_HELD", "THEMES", "LEAD_MEMBER_NOTIFIED"]
    columns = {h: np.array([row[h] for row in rows], dtype=object) for h in headings}
    for h in ("START", "REPORTED_ON", "STRATEGY_MEETING", "RETURNED", "RHI_OFFERED",
              "RHI_HELD", "LEAD_MEMBER_NOTIFIED"):
        columns[h] = np.array([np.datetime64(v, "D") if v else np.datetime64("NaT", "D")
                               for v in columns[h]], dtype="datetime64[D]")
    return [write_csv(out / "missing_register.csv", columns)]
