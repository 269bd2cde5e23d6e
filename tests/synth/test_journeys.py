"""The world hangs together: journeys in order, no overlaps, City-of-London-sized volumes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from csc_insight.store.schema import tables as schema_tables
from csc_insight.synth import World


def test_tables_are_the_canonical_model(city: World) -> None:
    tables = city.tables()
    schema = schema_tables()
    expected = sorted(set(schema) - {"calendar", "snapshot_meta"})
    assert sorted(tables) == expected
    for name, rows in tables.items():
        assert list(city.data[name]) == schema[name], name
        # the City adopts about one child in several years, so adoption may be empty;
        # cla_summary is Annex A's as-at summary, which the writer derives; the census
        # records pre-proceedings from 2025-26, after the synthetic years
        assert rows or name in ("adoption", "cla_summary", "pre_proceedings"), name


def test_city_volumes(city: World) -> None:
    t = city.tables()
    year = (date(2019, 4, 1), date(2020, 3, 31))
    contacts = [r for r in t["contacts"] if year[0] <= r["contact_date"] <= year[1]]
    referrals = [r for r in t["referrals"] if year[0] <= r["referral_date"] <= year[1]]
    assert 230 <= len(contacts) <= 450
    assert 70 <= len(referrals) <= 170
    at = date(2020, 3, 31)
    looked_after = {
        r["child_id"]
        for r in t["cla_episodes"]
        if r["decom"] <= at and (r["dec"] is None or r["dec"] > at)
    }
    on_plan = [
        r
        for r in t["cp_plans"]
        if r["start_date"] <= at and (r["end_date"] is None or r["end_date"] > at)
    ]
    assert 12 <= len(looked_after) <= 45
    assert 0 <= len(on_plan) <= 15
    # Unaccompanied children are a large share of those looked after (a third or more: the
    # rest keep the care leavers near seed 002's 26, as each unaccompanied child who stays
    # to 18 is a care leaver for three years).
    uasc = {r["child_id"] for r in t["children"] if r["uasc"]}
    assert len(looked_after & uasc) >= len(looked_after) / 3
    assert [r["population"] for r in t["population"] if r["year"] == 2019] == [900]


def test_child_ids_unique_and_every_child_known(city: World) -> None:
    t = city.tables()
    ids = [r["child_id"] for r in t["children"]]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for name, rows in t.items():
        if rows and "child_id" in rows[0]:
            assert {r["child_id"] for r in rows} <= known, name


def test_journeys_in_order(city: World) -> None:
    t = city.tables()
    referral = {r["referral_id"]: r for r in t["referrals"]}
    for a in t["assessments"]:
        assert a["start_date"] >= referral[a["referral_id"]]["referral_date"]
        if a["authorised_date"]:
            assert a["authorised_date"] >= a["start_date"]
    icpc = {s["referral_id"]: s["icpc_date"] for s in t["s47_enquiries"]}
    for s in t["s47_enquiries"]:
        assert s["start_date"] >= referral[s["referral_id"]]["referral_date"]
        if s["icpc_date"]:
            assert s["icpc_date"] > s["start_date"]
    for p in t["cp_plans"]:
        assert icpc[p["referral_id"]] is not None
        assert p["start_date"] >= icpc[p["referral_id"]]
        if p["end_date"]:
            assert p["end_date"] > p["start_date"]
    for r in t["referrals"]:
        if r["closure_date"]:
            assert r["closure_date"] >= r["referral_date"]
            assert r["closure_reason"] is not None


def _assert_no_overlap(spans: dict[str, list[tuple[date, date | None]]]) -> None:
    for child, items in spans.items():
        items.sort()
        for (_, end), (nxt, _) in zip(items, items[1:], strict=False):
            assert end is not None and end <= nxt, child


def test_episodes_do_not_overlap(city: World) -> None:
    t = city.tables()
    need: dict[str, list] = defaultdict(list)
    for r in t["referrals"]:
        need[r["child_id"]].append((r["referral_date"], r["closure_date"]))
    _assert_no_overlap(need)
    care: dict[str, list] = defaultdict(list)
    for e in t["cla_episodes"]:
        assert e["dec"] is None or e["dec"] >= e["decom"]
        care[e["child_id"]].append((e["decom"], e["dec"]))
    _assert_no_overlap(care)


def test_periods_of_care_start_with_s_and_close_with_a_reason(city: World) -> None:
    rows = sorted(city.tables()["cla_episodes"], key=lambda e: (e["child_id"], e["decom"]))
    previous = None
    for e in rows:
        continues = (
            previous is not None
            and previous["child_id"] == e["child_id"]
            and previous["rec"] == "X1"
        )
        assert (e["rne"] != "S") == continues, e
        if e["dec"] is None:
            assert e["rec"] is None
        else:
            assert e["rec"] is not None
        previous = e
    assert {e["rne"] for e in rows} >= {"S", "P"}


def test_same_child_same_demographics(city: World) -> None:
    child = {r["child_id"]: r for r in city.tables()["children"]}
    assert all(r["sex"] in {"M", "F", "U"} for r in child.values())
    assert all(r["dob"] < date(2020, 3, 31) for r in child.values())


def test_england_upns_use_the_la_numbers_rule_1530_accepts() -> None:
    """The generator's list of LA numbers is a copy of the one CIN rule 1530 checks UPNs
    against (the rule stays plain SQL): the two must not drift apart."""
    import re
    from importlib.resources import files

    from csc_insight.synth.journeys.children import _LA_NUMBERS

    rule = files("csc_insight.validation").joinpath("rules/cin_1530.sql").read_text()
    listed = re.findall(r"'(\d{3})'", rule.split("NOT IN", 1)[1])
    accepted = {int(code) for code in listed if int(code) >= 201}  # 001-005 are not LAs
    assert len(_LA_NUMBERS) == 188
    assert set(_LA_NUMBERS.tolist()) == accepted
