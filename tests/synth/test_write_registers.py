"""The synthetic registers. The missing register: its episodes are the world's missing (not
away) episodes, by the same child and start date, so that imported beside the loaded returns
each is one episode; a window with none writes the heading row only. The LADO and private
fostering registers: small, in order, inside the window (tests/web/registers imports them)."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

from csc_insight.synth import World
from csc_insight.synth.write_annual_registers import awareness_rows, fostering_rows, lado_rows
from csc_insight.synth.write_registers import cme_rows, missing_rows, write_registers


def test_register_rows_are_the_worlds_missing_episodes(city: World, tmp_path: Path) -> None:
    m = city.data["missing_episodes"]
    expected = {
        (c, s.astype("datetime64[D]").astype(date))
        for c, t, s in zip(m["child_id"], m["missing_type"], m["start_date"], strict=True)
        if t == "M"
    }
    rows = missing_rows(city)
    assert {(r["CHILD"], r["START"]) for r in rows} == expected
    assert len(rows) == len(expected) > 0
    for row in rows:
        for later in ("RETURNED", "RHI_OFFERED", "RHI_HELD", "LEAD_MEMBER_NOTIFIED"):
            assert row[later] is None or row[later] >= row["START"]
        assert row["RHI_OFFERED"] is None or row["RHI_OFFERED"] >= row["RETURNED"]
    path = write_registers(city, tmp_path)[0]
    with path.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


def test_no_episodes_writes_the_headings_only(city: World, tmp_path: Path) -> None:
    """The City often has none: a world whose missing table is empty."""
    data = dict(city.data)
    data["missing_episodes"] = {k: v[:0] for k, v in city.data["missing_episodes"].items()}
    empty = replace(city, data=data)
    assert missing_rows(empty) == []
    path = write_registers(empty, tmp_path)[0]
    assert path.read_text(encoding="utf-8").splitlines() == [
        "CHILD,MISSING_FROM,START,REPORTED_BY,REPORTED_ON,RISK_AT_PLACEMENT,STRATEGY_MEETING,"
        "RETURNED,HOW_FOUND,RHI_OFFERED,RHI_ACCEPTED,RHI_HELD,THEMES,LEAD_MEMBER_NOTIFIED"
    ]


def test_missing_education_rows(city: World, tmp_path: Path) -> None:
    """School-age children (5-15 at the window's end), each category a known one, ends
    after starts, a medical child also home educated only when the row says so; the file
    holds every row."""
    rows = cme_rows(city)
    dob = dict(zip(city.data["children"]["child_id"], city.data["children"]["dob"], strict=True))
    assert 5 <= len(rows) <= 40  # about 1.5% of the City's school-age children
    for row in rows:
        assert row["CATEGORY"] in {"ehe", "cme", "at_risk", "medical"}
        assert row["END"] is None or row["END"] >= row["START"]
        age = (city.end - dob[row["CHILD"]].astype("datetime64[D]").astype(date)).days
        assert 5 * 365.25 <= age < 16 * 365.25
        assert (row["ATTENDANCE"] is not None) == (row["CATEGORY"] == "at_risk")
    path = write_registers(city, tmp_path)[1]
    assert path.name == "cme_register.csv"
    with path.open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


def test_lado_and_private_fostering_registers(city: World, tmp_path: Path) -> None:
    """The City (900 children) over two years: a few LADO contacts a year (about 7), some
    referrals among them, every date in order and inside the window; private fostering
    rare (none is usual); awareness activity every year."""
    rows = lado_rows(city)
    assert 4 <= len(rows) <= 30
    assert {r["THRESHOLD"] for r in rows} <= {"Y", "N"}
    for row in rows:
        assert city.start <= row["RECEIVED"] <= city.end
        for later in ("INITIAL_MEETING", "CONCLUDED"):
            assert row[later] is None or row["RECEIVED"] <= row[later] <= city.end
        assert (row["OUTCOME"] is not None) == (row["THRESHOLD"] == "Y" and bool(row["CONCLUDED"]))
    assert len({r["REFERENCE"] for r in rows}) == len(rows)
    assert len(fostering_rows(city)) <= 3
    activities = awareness_rows(city)
    assert {r["DATE"].year for r in activities} >= {2018, 2019}
    assert all(city.start <= r["DATE"] <= city.end for r in activities)
    paths = write_registers(city, tmp_path)
    assert [p.name for p in paths[2:5]] == [
        "lado_register.csv",
        "private_fostering_register.csv",
        "private_fostering_awareness.csv",
    ]
    assert paths[3].read_text(encoding="utf-8").splitlines()[0] == (
        "CHILD,NOTIFIED,NOTIFIED_BY,INITIAL_VISIT,ASSESSMENT_COMPLETED,VISITS,ENDED,END_REASON"
    )
    with paths[2].open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


def test_private_fostering_in_a_larger_place(city: World) -> None:
    """At borough size (70,000 children) notifications happen: visits come in the
    timescales' rhythm, after the initial visit and never after the arrangement ended."""
    borough = replace(city, profile="borough")
    rows = fostering_rows(borough)
    assert 5 <= len(rows) <= 40
    for row in rows:
        visits = [
            date(*reversed([int(x) for x in v.split("/")]))
            for v in (row["VISITS"] or "").split("; ")
            if v
        ]
        first = row["INITIAL_VISIT"]
        assert first is None or first >= row["NOTIFIED"]
        assert all(v > first for v in visits) if first else not visits
        assert all(v <= (row["ENDED"] or city.end) for v in visits)


def test_providers_and_champions_files(city: World, tmp_path: Path) -> None:
    """The children's homes are at URNs the world's SSDA903 placements use (so the join finds
    children); IFAs and supported accommodation have URNs of their own; each provider has a
    monitoring visit row but the last; the champions' files hold every department, returns
    only for half-years due in the window, received by its end."""
    from csc_insight.synth.write_provider_registers import (
        CITY_DEPARTMENTS,
        champion_rows,
        placement_urns,
        provider_rows,
    )

    placed = set(city.data["cla_episodes"]["urn"].tolist()) - {"XXXXXXX"}
    rows = provider_rows(city)
    homes = {r["URN"] for r in rows if r["TYPE"] == "HOME"}
    assert homes and homes <= placed
    assert homes == set(placement_urns(city)[: len(homes)])
    others = {r["URN"] for r in rows if r["TYPE"] != "HOME"}
    assert others and not others & placed
    assert {r.get("RATING") for r in rows if r["TYPE"] == "SUPPORTED"} <= {
        "Not yet inspected",
        None,
    }
    for row in rows:
        assert (row.get("RATING") is None) == (row.get("VISITED") is not None)
    champions, returns, training = champion_rows(city)
    assert {r["DEPARTMENT"] for r in champions} == set(CITY_DEPARTMENTS)
    assert returns and all(r["RECEIVED"] <= city.end for r in returns)
    assert {r["HALF_YEAR"] for r in returns} <= {
        "2017-18-H2",
        "2018-19-H1",
        "2018-19-H2",
        "2019-20-H1",
    }
    assert training
    names = [p.name for p in write_registers(city, tmp_path)]
    assert names == [
        "missing_register.csv",
        "cme_register.csv",
        "lado_register.csv",
        "private_fostering_register.csv",
        "private_fostering_awareness.csv",
        "providers_register.csv",
        "champions_register.csv",
        "champions_assurance.csv",
        "champions_training.csv",
        "iro_escalations.csv",
        "iro_contacts.csv",
        "virtual_school_schools.csv",
        "virtual_school_peps.csv",
        "virtual_school_attendance.csv",
        "virtual_school_exclusions.csv",
        "virtual_school_results.csv",
        "virtual_school_activity.csv",
    ]
    with (tmp_path / "champions_assurance.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(returns)
