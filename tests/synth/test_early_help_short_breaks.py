"""The synthetic early help referrals and short breaks hang together and are City-sized
(seed 002: 27 referrals to early help in 2018-19, 20 forecast for 2019-20; 6 disabled
children with a short break in 2018-19, 5 in 2019-20)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from csc_insight.formats import codes
from csc_insight.synth import World

YEAR = (date(2019, 4, 1), date(2020, 3, 31))


def _in(day: date | None, first: date = YEAR[0], last: date = YEAR[1]) -> bool:
    return day is not None and first <= day <= last


def test_city_volumes(city: World) -> None:
    t = city.tables()
    referrals = [r for r in t["early_help"] if _in(r["referral_date"])]
    assert 12 <= len(referrals) <= 30
    on_breaks = {
        r["child_id"]
        for r in t["short_breaks"]
        if r["start_date"] <= YEAR[1] and (r["end_date"] is None or r["end_date"] >= YEAR[0])
    }
    on_breaks |= {
        e["child_id"]
        for e in t["cla_episodes"]
        if e["ls"] in ("V3", "V4")
        and e["decom"] <= YEAR[1]
        and (e["dec"] is None or e["dec"] >= YEAR[0])
    }
    assert 2 <= len(on_breaks) <= 9


def test_every_referral_to_early_help_has_a_source_and_an_outcome(city: World) -> None:
    rows = city.tables()["early_help"]
    assert {r["referral_source"] for r in rows} <= set(codes.REFERRAL_SOURCE)
    assert {r["referral_outcome"] for r in rows} == {"early_help", "referral"}


def test_requests_passed_to_social_care_come_just_before_a_referral(city: World) -> None:
    t = city.tables()
    referred = defaultdict(list)
    for r in t["referrals"]:
        referred[r["child_id"]].append(r["referral_date"])
    passed = [r for r in t["early_help"] if r["referral_outcome"] == "referral"]
    assert passed
    for r in passed:
        assert any(
            timedelta(1) <= day - r["referral_date"] <= timedelta(14)
            for day in referred[r["child_id"]]
        ), r
        assert r["start_date"] is None and r["closure_date"] == r["referral_date"]
        assert r["closure_reason"] == "stepped_up"


def test_front_door_and_closure_decisions_match_the_early_help_records(city: World) -> None:
    t = city.tables()
    asked = {(r["child_id"], r["referral_date"]) for r in t["early_help"]}
    for c in t["contacts"]:
        if c["outcome"] == "early_help":
            assert (c["child_id"], c["decision_date"]) in asked, c
    for r in t["referrals"]:  # the journeys record step-downs from the window's start
        if r["closure_reason"] == "RC9" and _in(r["closure_date"], city.start, city.end):
            assert (r["child_id"], r["closure_date"]) in asked, r


def test_short_breaks_are_for_disabled_children_not_otherwise_in_care(city: World) -> None:
    t = city.tables()
    child = {r["child_id"]: r for r in t["children"]}
    local = t["short_breaks"]
    assert local
    assert {r["service"] for r in local} <= set(codes.SHORT_BREAK_SERVICE)
    assert {r["disability"] for r in local} <= codes.DISABILITY
    breaks = [e for e in t["cla_episodes"] if e["ls"] in ("V3", "V4")]
    assert breaks
    on_breaks = {r["child_id"] for r in local} | {e["child_id"] for e in breaks}
    for c in on_breaks:
        assert child[c]["disability"] is True and not child[c]["uasc"]
    other_care = {e["child_id"] for e in t["cla_episodes"] if e["ls"] not in ("V3", "V4")}
    assert not on_breaks & other_care
    for e in breaks:
        assert e["rne"] == "S" and e["cin"] == "N2"
        if e["ls"] == "V3" and e["dec"] is not None:  # SSDA903 rule 365: at most 17 days
            assert (e["dec"] - e["decom"]).days <= 17
    for r in local:
        assert (r["nights_per_year"] is None) != (r["service"] == "overnight")
