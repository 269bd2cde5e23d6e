"""The synthetic Virtual School register: its children are the world's looked-after children
of Nursery to Year 13 age in the window's school years, every date inside the window and in
order, one PEP a term at most, grades and words the import reads; a world with no child
looked after writes the heading rows only (zero must work)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

from csc_insight.synth import World
from csc_insight.synth.write_virtual_school import (
    children,
    group,
    school_years,
    virtual_school_rows,
    write_virtual_school,
)


def test_rows(city: World) -> None:
    # the window (April 2018 - March 2020) overlaps 2017-18 (its summer), 2018-19, 2019-20
    assert school_years(city) == [2017, 2018, 2019]
    rows = virtual_school_rows(city)
    kids = {c.child_id: c for c in children(city)}
    in_school = {r["CHILD"] for r in rows.schools}
    # the City: about twenty a year, most of them 16-17, over two years and a term
    assert 30 <= len(in_school) <= 90
    assert in_school <= set(kids)
    for row in rows.schools:
        assert city.start <= row["START"] <= city.end
        assert row.get("END") is None or row["END"] >= row["START"]
        assert row["PHASE"] in {"early years", "primary", "secondary", "post-16", "other"}
    terms = set()
    for row in rows.peps:
        held = row["PEP_DATE"]
        assert city.start <= held <= city.end
        child = kids[row["CHILD"]]
        assert child.on(held)
        assert -1 <= group(child.dob, held.year if held.month >= 9 else held.year - 1) <= 13
        term = "autumn" if held.month >= 9 else "spring" if held.month <= 3 else "summer"
        key = (row["CHILD"], held.year if held.month >= 9 else held.year - 1, term)
        assert key not in terms  # one PEP a term
        terms.add(key)
        assert row["GRADE"] in {None, "outstanding", "good", "requires improvement", "inadequate"}
    assert any(r["GRADE"] in ("requires improvement", "inadequate") for r in rows.peps)
    assert all(0 <= r["ATTENDANCE"] <= 100 for r in rows.attendance)
    assert {r["ACTIVITY"] for r in rows.activity} <= {"education", "training", "employment", "NEET"}
    for row in rows.activity + rows.exclusions:
        assert city.start <= row.get("AS_AT", row.get("EXCLUDED_ON")) <= city.end
    for row in rows.results:
        assert row["KEY_STAGE"] in {"EYFS", "KS1", "KS2", "KS4"}
        assert (row["ATTAINMENT8"] is not None) == (row["KEY_STAGE"] == "KS4")


def test_files(city: World, tmp_path: Path) -> None:
    paths = write_virtual_school(city, tmp_path)
    assert [p.name for p in paths] == [
        "virtual_school_schools.csv",
        "virtual_school_peps.csv",
        "virtual_school_attendance.csv",
        "virtual_school_exclusions.csv",
        "virtual_school_results.csv",
        "virtual_school_activity.csv",
    ]
    rows = virtual_school_rows(city)
    with paths[1].open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows.peps)
    assert write_virtual_school(city, tmp_path)[1].read_bytes() == paths[1].read_bytes()


def test_no_child_looked_after_writes_the_headings_only(city: World, tmp_path: Path) -> None:
    data = dict(city.data)
    data["cla_episodes"] = {k: v[:0] for k, v in city.data["cla_episodes"].items()}
    data["care_leavers"] = {k: v[:0] for k, v in city.data["care_leavers"].items()}
    empty = replace(city, data=data)
    paths = write_virtual_school(empty, tmp_path)
    assert [p.read_text(encoding="utf-8").count("\n") for p in paths] == [1] * 6


def test_a_window_with_no_whole_school_year(city: World) -> None:
    short = replace(city, start=date(2019, 10, 1), end=date(2020, 3, 31))
    assert school_years(short) == [2019]  # the year holding the window's end
