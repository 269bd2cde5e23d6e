"""Hand-planted failures in a synthetic SSDA903 return (its CSV files), one child per DfE
rule, for the parity test: each change breaks the rule the way a data officer's file does
(a code outside the list, an impossible date, a temporary placement opening a period of
care). A code or date the reader cannot read sets the row aside, and with it nothing else:
those are planted on children with one episode (or on rows nothing hangs from).

`plant(folder)` rewrites the files in place and returns {rule code: child}.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

Row = dict[str, str]
Tables = dict[str, list[Row]]
FILES = {"episodes": "episodes.csv", "oc3": "oc3.csv", "missing": "missing.csv"}
FILES |= {"reviews": "reviews.csv"}
TEMPORARY = ("T0", "T1", "T2", "T3", "T4", "Z1")


def _read(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[Row]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _day(text: str, days: int) -> str:
    d, m, y = (int(p) for p in text.split("/"))
    return (date(y, m, d) + timedelta(days=days)).strftime("%d/%m/%Y")


def _episodes_of(tables: Tables) -> dict[str, list[Row]]:
    by_child: dict[str, list[Row]] = {}
    for row in tables["episodes"]:
        by_child.setdefault(row["CHILD"], []).append(row)
    return by_child


# A planter changes one child's rows and says whether it could.
Planter = Callable[[Tables, str], bool]


def _only_episode(change: Callable[[Row], bool]) -> Planter:
    """Change the only episode (a foster placement, begun before the collection year) of a
    child never missing: a row set aside takes no other rule's failure with it."""

    def planter(tables: Tables, child: str) -> bool:
        rows = _episodes_of(tables).get(child, [])
        if len(rows) != 1 or not rows[0]["PLACE"].startswith("U"):  # a foster placement
            return False
        if any(r["CHILD"] == child for r in tables["missing"]):
            return False
        # begun before the collection year, so it is not a first episode the year checks (357)
        d, m, y = rows[0]["DECOM"].split("/")
        if f"{y}-{m}-{d}" >= "2019-04-01":
            return False
        return change(rows[0])

    return planter


def _set(field: str, value: str, need: str | None = None) -> Callable[[Row], bool]:
    def change(row: Row) -> bool:
        if need and not row[need]:
            return False
        row[field] = value
        return True

    return change


def _temporary_first(row: Row) -> bool:  # 380: a period of care opening with T1
    if row["RNE"] != "S" or not row["DEC"] or row["REC"] == "X1":
        return False
    row.update(PLACE="T1", PLACE_PROVIDER="", URN="", REASON_PLACE_CHANGE="")
    return True


def _freed_after_2005(row: Row) -> bool:  # 445: D1 on an episode starting after 2005
    row["LS"] = "D1"
    return True


def _no_provider(row: Row) -> bool:  # 526
    if not row["PLACE_PROVIDER"]:
        return False
    row["PLACE_PROVIDER"] = ""
    return True


def _died_then_more(tables: Tables, child: str) -> bool:  # 437: E2 with a later episode
    rows = _episodes_of(tables).get(child, [])
    if len(rows) < 2 or rows[0]["REC"] != "X1" or not rows[0]["DEC"]:
        return False
    rows[0]["REC"] = "E2"
    return True


def _oc3(change: Callable[[Row], bool]) -> Planter:
    """Change the child's OC3 row of 2020."""

    def planter(tables: Tables, child: str) -> bool:
        rows = [r for r in tables["oc3"] if r["CHILD"] == child and r.get("YEAR") == "2020"]
        return len(rows) == 1 and change(rows[0])

    return planter


def _in_touch(value: str, activity: str | None = None, accom: str | None = None) -> Planter:
    def change(row: Row) -> bool:
        if row["IN_TOUCH"] != value:
            return False
        if activity is not None:
            row["ACTIV"] = activity
        if accom is not None:
            row["ACCOM"] = accom
        return True

    return _oc3(change)


def _missing(change: Callable[[list[Row], list[Row]], bool]) -> Planter:
    def planter(tables: Tables, child: str) -> bool:
        rows = [r for r in tables["missing"] if r["CHILD"] == child]
        known = len(rows)
        if not (rows and change(rows, _episodes_of(tables).get(child, []))):
            return False
        tables["missing"].extend(rows[known:])  # rows the change added
        return True

    return planter


def _overlap(rows: list[Row], _: list[Row]) -> bool:  # 574: starts before the last ends
    first = rows[0]
    if len(rows) != 1 or _day(first["MIS_START"], 2) != first["MIS_END"]:  # two days long
        return False
    rows.append(
        {**first, "MIS_START": _day(first["MIS_START"], 1), "MIS_END": _day(first["MIS_END"], 1)}
    )
    return True


def _before_care(rows: list[Row], episodes: list[Row]) -> bool:  # 581
    if len(rows) != 1 or not episodes or not rows[0]["MIS_END"]:
        return False
    start = min(episodes, key=lambda e: e["DECOM"][6:] + e["DECOM"][3:5] + e["DECOM"][:2])
    rows[0]["MIS_START"] = rows[0]["MIS_END"] = _day(start["DECOM"], -30)
    return True


def _missing_field(field: str, value: str) -> Planter:
    def change(rows: list[Row], _: list[Row]) -> bool:
        if len(rows) != 1 or not rows[0]["MIS_END"]:
            return False
        rows[0][field] = value
        return True

    return _missing(change)


def _review(value: str) -> Planter:  # 166
    def planter(tables: Tables, child: str) -> bool:
        rows = [r for r in tables["reviews"] if r["CHILD"] == child]
        if len(rows) != 1:
            return False
        rows[0]["REVIEW"] = value
        return True

    return planter


PLANTERS: dict[str, Planter] = {
    "143": _only_episode(_set("RNE", "Q")),
    "144": _only_episode(_set("LS", "Z9")),
    "145": _only_episode(_set("CIN", "N9")),
    "146": _only_episode(_set("PLACE", "Q1")),
    "149": _only_episode(_set("REC", "E99", need="DEC")),
    "1009": _only_episode(_set("REASON_PLACE_CHANGE", "MOVED", need="DEC")),
    "178": _only_episode(_set("PLACE_PROVIDER", "PR9", need="PLACE_PROVIDER")),
    "141": _only_episode(_set("DECOM", "31/02/2019")),
    "147": _only_episode(_set("DEC", "31/02/2020", need="DEC")),
    "380": _only_episode(_temporary_first),
    "445": _only_episode(_freed_after_2005),
    "526": _only_episode(_no_provider),
    "437": _died_then_more,
    "131": _oc3(_set("IN_TOUCH", "ZZZ")),
    "132": _in_touch("YES", "F3"),
    "153": _in_touch("YES", None, ""),
    "344": _in_touch("RHOM", "G6"),
    "345": _in_touch("YES", None, "0"),
    "1006": _missing_field("MISSING", "X"),
    "1005": _missing_field("MIS_END", "31/02/2020"),
    "574": _missing(_overlap),
    "581": _missing(_before_care),
    "166": _review("32/01/2020"),
}


def plant(folder: Path) -> dict[str, str]:
    """Plant one failure per rule of PLANTERS, each on a child of its own; {rule: child}."""
    tables: Tables = {}
    fields: dict[str, list[str]] = {}
    for name, file in FILES.items():
        fields[name], tables[name] = _read(folder / file)
    children = [r["CHILD"] for r in _read(folder / "header.csv")[1]]
    used: set[str] = set()
    planted: dict[str, str] = {}
    for code, planter in PLANTERS.items():
        for child in children:
            if child not in used and planter(tables, child):
                used.add(child)
                planted[code] = child
                break
    for name, file in FILES.items():
        _write(folder / file, fields[name], tables[name])
    return planted
