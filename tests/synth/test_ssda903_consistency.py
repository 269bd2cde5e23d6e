"""Cases the SSDA903 rules catch that are too rare to meet in the City: a borough over six
years (seed 19), where the generator before this test made a review on the day before a
fourth birthday with a code for a child of 4 or over (DfE 441), episodes after an adoption
(199) and overlapping missing periods (574), as an England-sized year did; and the reason
for new episode of each change it makes (the DfE's code list; 435, 436, 217)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import pytest

from csc_insight.synth import World, generate


@pytest.fixture(scope="module")
def borough() -> World:
    return generate("borough", 19, date(2014, 4, 1), date(2020, 3, 31))


def _by_child(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r["child_id"], r[key])):
        found[row["child_id"]].append(row)
    return found


def test_review_participation_follows_the_fourth_birthday(borough: World) -> None:
    """PN0 exactly for reviews before the fourth birthday (440, 441)."""
    t = borough.tables()
    dob = {c["child_id"]: c["dob"] for c in t["children"]}
    reviews = t["cla_reviews"]
    assert reviews
    wrong = [
        r
        for r in reviews
        if (r["review_code"] == "PN0")
        != (r["review_date"] < dob[r["child_id"]].replace(year=dob[r["child_id"]].year + 4))
    ]
    assert wrong == []


def test_no_episode_after_an_adoption(borough: World) -> None:
    """An adopted child is not known again under the same id (199)."""
    adopted = 0
    for episodes in _by_child(borough.tables()["cla_episodes"], "decom").values():
        ends = [i for i, e in enumerate(episodes) if e["rec"] in ("E11", "E12")]
        adopted += len(ends)
        assert not ends or ends == [len(episodes) - 1], episodes[0]["child_id"]
    assert adopted > 50


def test_missing_periods_do_not_overlap(borough: World) -> None:
    """A child's missing or away periods in the SSDA903 never overlap (574)."""
    rows = [m for m in borough.tables()["missing_episodes"] if m["source"] == "ssda903"]
    assert rows
    for periods in _by_child(rows, "start_date").values():
        for before, after in zip(periods, periods[1:], strict=False):
            assert before["end_date"] is not None and after["start_date"] > before["end_date"]


def test_reason_for_new_episode_matches_the_change(borough: World) -> None:
    """P and T change the placement and not the legal status (435); U and B change both
    (436); placed for adoption with the current foster carer (A5) is U and comes from
    foster care, with new adopters (A6) B (217)."""
    seen: set[str] = set()
    for episodes in _by_child(borough.tables()["cla_episodes"], "decom").values():
        for before, after in zip(episodes, episodes[1:], strict=False):
            if before["dec"] != after["decom"]:
                continue
            rne = after["rne"]
            seen.add(rne)
            legal = after["ls"] != before["ls"]
            place = (after["place"], after["pl_post"], after["urn"]) != (
                before["place"],
                before["pl_post"],
                before["urn"],
            )
            assert legal == (rne in ("L", "U", "B")), (after["child_id"], rne)
            assert place == (rne in ("P", "T", "U", "B")), (after["child_id"], rne)
            if after["place"] == "A5":
                assert rne == "U" and before["place"] in ("U1", "U2", "U3", "U4", "U5", "U6")
            if after["place"] == "A6":
                assert rne == "B"
    assert {"P", "L", "U", "B"} <= seen
