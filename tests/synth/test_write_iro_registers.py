"""The synthetic IRO service register: the world's looked-after children at their SSDA903
reviews, each with one IRO; contacts strictly between two reviews (or after the last, for
a child still looked after); escalations few for the City, each in order and inside the
window, an outcome exactly when resolved; written beside the other registers."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from csc_insight.synth import World
from csc_insight.synth.write_iro_registers import contact_rows, escalation_rows, iro_of
from csc_insight.synth.write_registers import write_registers


def _reviews(world: World) -> dict[str, list[date]]:
    """Each child's reviews inside the window (the world holds earlier ones too)."""
    rv = world.data["cla_reviews"]
    found: dict[str, list[date]] = {}
    for child, day in zip(rv["child_id"], rv["review_date"].astype("datetime64[D]"), strict=True):
        if world.start <= day.astype(date) <= world.end:
            found.setdefault(child, []).append(day.astype(date))
    return {c: sorted(d) for c, d in found.items()}


def test_contacts_fall_between_a_childs_reviews(city: World) -> None:
    reviews, iros = _reviews(city), iro_of(city)
    rows = contact_rows(city)
    assert rows and set(iros.values()) == {"IRO1"}  # the City's one IRO
    for row in rows:
        days = reviews[row["CHILD"]]
        assert row["IRO"] == iros[row["CHILD"]]
        assert row["TYPE"] in {"visit", "phone", "virtual"}
        assert row["DATE"] not in days and days[0] < row["DATE"] <= city.end
    # most pairs of reviews have a contact between them
    pairs = [(a, b) for days in reviews.values() for a, b in zip(days, days[1:], strict=False)]
    seen = {(r["CHILD"], r["DATE"]) for r in rows}
    covered = sum(
        any((c, d) in seen for d in (a + timedelta(days=i) for i in range(1, (b - a).days)))
        for c, days in reviews.items()
        for a, b in zip(days, days[1:], strict=False)
    )
    assert 0.7 < covered / len(pairs) < 0.95


def test_escalations_are_few_for_the_city(city: World) -> None:
    rows = escalation_rows(city)
    assert len(rows) <= 8  # two years, 0-3 a year
    reviewed = _reviews(city)
    for row in rows:
        assert row["CHILD"] in reviewed
        assert city.start <= row["RAISED"] <= city.end
        stage_day = row["STAGE_DATE"] or row["RAISED"]
        assert stage_day >= row["RAISED"]
        assert (row["STAGE"] == "informal") == (row["STAGE_DATE"] is None)
        assert (row["OUTCOME"] is None) == (row["RESOLVED"] is None)
        assert row["RESOLVED"] is None or stage_day <= row["RESOLVED"] <= city.end


def test_a_borough_has_an_iro_per_sixty_children() -> None:
    """About 400 children reviewed in the last year: 7 IROs of 50-70 children each, and
    about 6 escalations a year per 100 children."""
    from collections import Counter

    from csc_insight.synth import generate

    borough = generate("borough", 1, date(2018, 4, 1), date(2020, 3, 31))
    reviews = _reviews(borough)
    recent = sum(1 for days in reviews.values() if days[-1] > date(2019, 3, 31))
    iros = iro_of(borough)
    count = len(set(iros.values()))
    assert count == -(-recent // 60) and count >= 5
    per_iro = Counter(iros.values())
    assert max(per_iro.values()) - min(per_iro.values()) <= 1  # shared out evenly
    raised = Counter(r["RAISED"].year - (r["RAISED"].month < 4) for r in escalation_rows(borough))
    for year in (2018, 2019):
        assert 0.03 * recent < raised[year] < 0.1 * recent


def test_no_looked_after_children_writes_the_headings_only(city: World, tmp_path: Path) -> None:
    data = dict(city.data)
    data["cla_reviews"] = {k: v[:0] for k, v in city.data["cla_reviews"].items()}
    empty = replace(city, data=data)
    assert escalation_rows(empty) == [] and contact_rows(empty) == []
    paths = {p.name: p for p in write_registers(empty, tmp_path)}
    assert paths["iro_escalations.csv"].read_text(encoding="utf-8").splitlines() == [
        "CHILD,IRO,RAISED,ISSUE,STAGE,STAGE_DATE,RESOLVED,OUTCOME"
    ]
    assert paths["iro_contacts.csv"].read_text(encoding="utf-8").splitlines() == [
        "CHILD,IRO,DATE,TYPE"
    ]


def test_the_files_hold_every_row(city: World, tmp_path: Path) -> None:
    paths = {p.name: p for p in write_registers(city, tmp_path)}
    with paths["iro_contacts.csv"].open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(contact_rows(city))
    with paths["iro_escalations.csv"].open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(escalation_rows(city))
