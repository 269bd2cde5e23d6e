"""Write the registers' files (`csc-insight synth --registers-out DIR`): the missing
register, `missing_register.csv`, and the missing education register, `cme_register.csv`,
in the columns `csc-insight registers import missing|cme` reads; then the LADO and
private fostering registers (write_annual_registers.py), the providers and safeguarding
champions registers (write_provider_registers.py), the IRO service register
(write_iro_registers.py) and the Virtual School's six files (write_virtual_school.py).

The missing education register monitors about 1.5% of the world's children of school age
in the last year of the window (about 18 for the City, as in its termly reports): mostly
at risk (low attendance), a few electively home educated, missing education or unplaced,
or medical (one in three of them also home educated).

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
from csc_insight.synth.write_annual_registers import write_annual_registers
from csc_insight.synth.write_iro_registers import write_iro_registers
from csc_insight.synth.write_provider_registers import write_provider_registers
from csc_insight.synth.write_virtual_school import write_virtual_school

REPORTERS = ["Foster carer", "Residential keyworker", "Parent", "Supported lodgings provider"]
FOUND = ["Returned of own accord", "Found by police", "Found by carer", "Located at a friend's"]
THEMES = [
    "Peer group",
    "Exploitation concerns",
    "Family contact",
    "Unhappy in placement",
    "Immigration worries",
    "Substance use",
]


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
            offered_on = (
                min(held, end + timedelta(days=1))
                if held
                else end + timedelta(days=1 if r[0] < 0.9 else 5)
            )
        long = end is None or (end - start).days > 7
        rows.append(
            {
                "CHILD": m["child_id"][i],
                "MISSING_FROM": "care" if care else "home",
                "START": start,
                "REPORTED_BY": REPORTERS[int(r[1] * (2 if care else 1)) + (0 if care else 2)],
                "REPORTED_ON": start,
                "RISK_AT_PLACEMENT": ("Y" if r[2] < 0.7 else "N") if care else None,
                "STRATEGY_MEETING": start + timedelta(days=2) if care and r[3] < 0.6 else None,
                "RETURNED": end,
                "HOW_FOUND": FOUND[int(r[4] * len(FOUND))] if end else None,
                "RHI_OFFERED": offered_on,
                "RHI_ACCEPTED": {True: "Y", False: "N"}.get(m["rhi_accepted"][i]),
                "RHI_HELD": held,
                "THEMES": THEMES[int(r[5] * len(THEMES))] if held else None,
                "LEAD_MEMBER_NOTIFIED": start + timedelta(days=7) if long and r[0] < 0.8 else None,
            }
        )
    return rows


def write_registers(world: World, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = missing_rows(world)
    headings = [
        "CHILD",
        "MISSING_FROM",
        "START",
        "REPORTED_BY",
        "REPORTED_ON",
        "RISK_AT_PLACEMENT",
        "STRATEGY_MEETING",
        "RETURNED",
        "HOW_FOUND",
        "RHI_OFFERED",
        "RHI_ACCEPTED",
        "RHI_HELD",
        "THEMES",
        "LEAD_MEMBER_NOTIFIED",
    ]
    columns = {h: np.array([row[h] for row in rows], dtype=object) for h in headings}
    for h in (
        "START",
        "REPORTED_ON",
        "STRATEGY_MEETING",
        "RETURNED",
        "RHI_OFFERED",
        "RHI_HELD",
        "LEAD_MEMBER_NOTIFIED",
    ):
        columns[h] = np.array(
            [np.datetime64(v, "D") if v else np.datetime64("NaT", "D") for v in columns[h]],
            dtype="datetime64[D]",
        )
    paths = [write_csv(out / "missing_register.csv", columns)]
    cme = cme_rows(world)
    cme_columns = {
        h: np.array([row[h] for row in cme], dtype=object)
        for h in ("CHILD", "CATEGORY", "START", "END", "ATTENDANCE")
    }
    for h in ("START", "END"):
        cme_columns[h] = np.array(
            [np.datetime64(v, "D") if v else np.datetime64("NaT", "D") for v in cme_columns[h]],
            dtype="datetime64[D]",
        )
    paths.append(write_csv(out / "cme_register.csv", cme_columns))
    return (
        paths
        + write_annual_registers(world, out)
        + write_provider_registers(world, out)
        + write_iro_registers(world, out)
        + write_virtual_school(world, out)
    )


CME_RATE = 0.015


def cme_rows(world: World) -> list[dict[str, object]]:
    """The missing education register's rows, deterministic for the world's seed."""
    c = world.data["children"]
    rng = np.random.default_rng([world.seed, 18])
    first = max(world.start, date(world.end.year - 1, world.end.month, 1))
    rows: list[dict[str, object]] = []
    for i in range(len(c["child_id"])):
        dob = _day(c["dob"][i])
        if dob is None or not 5 <= (world.end - dob).days / 365.25 < 16:
            continue
        r = rng.random(5)
        if r[0] >= CME_RATE:
            continue
        start = first + timedelta(days=int(r[1] * max((world.end - first).days - 30, 1)))
        end = start + timedelta(days=90 + int(r[2] * 200)) if r[3] < 0.3 else None
        category = (
            "at_risk"
            if r[4] < 0.7
            else "ehe"
            if r[4] < 0.85
            else "medical"
            if r[4] < 0.95
            else "cme"
        )
        rows.append(
            {
                "CHILD": c["child_id"][i],
                "CATEGORY": category,
                "START": start,
                "END": end if end and end <= world.end else None,
                "ATTENDANCE": round(70 + r[2] * 19.9, 1) if category == "at_risk" else None,
            }
        )
        if category == "medical" and r[3] < 0.33:
            rows.append(
                {
                    "CHILD": c["child_id"][i],
                    "CATEGORY": "ehe",
                    "START": start,
                    "END": None,
                    "ATTENDANCE": None,
                }
            )
    return rows
