"""child_journey: details plus every event in date order, from a small hand-made snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.store import schema
from csc_insight.store.journey import ChildNotFound, child_journey


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(tmp_path / "snap.duckdb"))
    schema.create(con)
    con.execute("""
        INSERT INTO children (child_id, dob, sex, ethnicity, disability, uasc, source)
        VALUES ('C1', DATE '2010-05-01', 'F', 'WBRI', false, false, 'annex_a');
        INSERT INTO contacts (contact_id, child_id, contact_date, source_code, outcome, source)
        VALUES ('K1', 'C1', DATE '2019-04-02', '1A', 'referral', 'local'),
               ('K9', 'C2', DATE '2019-04-01', '5B', 'nfa', 'local');
        INSERT INTO referrals (referral_id, child_id, referral_date, nfa, source, source_ref)
        VALUES ('R1', 'C1', DATE '2019-04-02', false, 'cin_census', 'cin.xml:child 1');
        INSERT INTO assessments (assessment_id, child_id, start_date, authorised_date,
                                 child_seen, source)
        VALUES ('A1', 'C1', DATE '2019-04-03', DATE '2019-05-20', true, 'cin_census');
        INSERT INTO cp_plans (cp_plan_id, child_id, start_date, end_date, initial_category,
                              source)
        VALUES ('P1', 'C1', DATE '2019-06-01', NULL, 'NEG', 'cin_census');
        INSERT INTO missing_episodes (child_id, missing_type, start_date, end_date,
                                      rhi_offered, source)
        VALUES ('C1', 'M', DATE '2019-05-01', DATE '2019-05-02', true, 'local');
        INSERT INTO allocations (child_id, worker, team, start_date, source)
        VALUES ('C3', 'W1', 'T1', DATE '2019-01-01', 'local');
    """)
    return con


def test_events_in_date_order_with_details(con: duckdb.DuckDBPyConnection) -> None:
    journey = child_journey(con, " c1 ")
    assert journey.child_id == "C1"
    assert journey.child["dob"] == date(2010, 5, 1)
    assert journey.child["sex"] == "F"
    assert [(e.day, e.kind) for e in journey.events] == [
        (date(2019, 4, 2), "contact"),
        (date(2019, 4, 2), "referral"),
        (date(2019, 4, 3), "assessment"),
        (date(2019, 5, 1), "missing"),
        (date(2019, 5, 20), "assessment_authorised"),
        (date(2019, 6, 1), "cp_plan_start"),
    ]
    contact, referral, _, missing, authorised, plan = journey.events
    assert contact.details == {"Source": "1A", "Outcome": "referral"}
    assert referral.source_ref == "cin.xml:child 1"
    assert referral.details == {"No further action": "No"}
    assert missing.details == {"Type": "M", "Ended": "2019-05-02", "RHI offered": "Yes"}
    assert authorised.details == {"Child seen": "Yes"}
    assert plan.details == {"Category": "NEG"}


def test_child_known_only_from_events(con: duckdb.DuckDBPyConnection) -> None:
    journey = child_journey(con, "C3")
    assert journey.child == {}
    assert [(e.kind, e.details) for e in journey.events] == [
        ("allocation", {"Worker": "W1", "Team": "T1"})
    ]


def test_unknown_child(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ChildNotFound):
        child_journey(con, "NOPE")


def test_early_help_request_passed_on_and_short_breaks(con: duckdb.DuckDBPyConnection) -> None:
    """A request for early help passed to social care (a referral five days later), and a
    disabled child's section 17 short break beside a V4 short-breaks agreement."""
    con.execute("""
        INSERT INTO early_help (eh_id, child_id, referral_date, referral_source,
                                referral_outcome, closure_date, closure_reason, source)
        VALUES ('EH1', 'C1', DATE '2019-03-28', '2A', 'referral', DATE '2019-03-28',
                'stepped_up', 'local');
        INSERT INTO short_breaks (child_id, disability, service, start_date, end_date,
                                  hours_per_week, source)
        VALUES ('C4', 'AUT', 'activity', DATE '2019-09-01', DATE '2019-12-20', 3, 'local');
        INSERT INTO cla_episodes (child_id, decom, rne, ls, source)
        VALUES ('C4', DATE '2019-06-01', 'S', 'V4', 'ssda903');
    """)
    first = child_journey(con, "C1").events[:3]
    assert [(e.kind, e.details) for e in first] == [
        ("early_help_referral", {"Source": "2A", "Outcome": "referral"}),
        ("early_help_closed", {"Reason": "stepped_up"}),
        ("contact", {"Source": "1A", "Outcome": "referral"})]
    assert [(e.day, e.kind, e.details) for e in child_journey(con, "C4").events] == [
        (date(2019, 6, 1), "cla_episode_start", {"Reason": "S", "Legal status": "V4"}),
        (date(2019, 9, 1), "short_break_start", {"Service": "activity", "Disability": "AUT",
                                                 "Hours a week": "3.0"}),
        (date(2019, 12, 20), "short_break_end", {"Service": "activity"})]
