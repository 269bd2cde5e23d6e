"""child_journey: details plus every event in date order, from a small hand-made snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.formats import codes
from csc_insight.store import schema
from csc_insight.store.journey import ChildNotFound, child_journey
from csc_insight.store.journey_summary import journey_summary


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
    # Codes read in words (CIN census 1A = Individual), the code kept beside them.
    assert contact.details == {
        "Source": "Individual",
        "Outcome": "Referred to children's social care",
    }
    assert contact.codes == {"Source": "1A", "Outcome": "referral"}
    assert referral.source_ref == "cin.xml:child 1"
    assert referral.details == {"No further action": "No"}
    assert missing.details == {"Type": "Missing", "Ended": "2 May 2019", "RHI offered": "Yes"}
    assert authorised.details == {"Child seen": "Yes"}
    assert plan.details == {"Category": "Neglect"}
    assert plan.codes == {"Category": "NEG"}


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
    assert [(e.kind, e.codes) for e in first] == [
        ("early_help_referral", {"Source": "2A", "Outcome": "referral"}),
        ("early_help_closed", {"Reason": "stepped_up"}),
        ("contact", {"Source": "1A", "Outcome": "referral"}),
    ]
    assert first[0].details == {
        "Source": codes.REFERRAL_SOURCE["2A"],
        "Outcome": "Referred to children's social care",
    }
    assert [(e.day, e.kind, e.codes) for e in child_journey(con, "C4").events] == [
        (date(2019, 6, 1), "cla_episode_start", {"Reason": "S", "Legal status": "V4"}),
        (date(2019, 9, 1), "short_break_start", {"Service": "activity", "Disability": "AUT"}),
        (date(2019, 12, 20), "short_break_end", {"Service": "activity"}),
    ]
    start = child_journey(con, "C4").events[1]
    assert start.details == {
        "Service": "Educational or leisure activity",
        "Disability": "Autistic spectrum disorder",
        "Hours a week": "3.0",
    }


def test_looked_after_codes_in_words(con: duckdb.DuckDBPyConnection) -> None:
    """SSDA903 codes from the DfE guide: C2 = full care order, U4 = foster placement with
    other foster carer (long term), PR1 = own LA provision, E4A = returned home as part of
    the care plan; an unknown code keeps the code and says it is not recognised."""
    con.execute("""
        INSERT INTO cla_episodes (child_id, decom, rne, ls, place, place_provider, dec, rec,
                                  source)
        VALUES ('C1', DATE '2019-07-01', 'S', 'C2', 'U4', 'PR1', DATE '2019-09-01', 'E4A',
                'ssda903'),
               ('C1', DATE '2019-10-01', 'S', 'Q9', 'U4', NULL, NULL, NULL, 'ssda903');
    """)
    events = {(e.day, e.kind): e for e in child_journey(con, "C1").events}
    start = events[(date(2019, 7, 1), "cla_episode_start")]
    assert start.details == {
        "Reason": "Started to be looked after",
        "Legal status": "Full care order",
        "Placement": "Foster placement with other foster carer: long term",
        "Provider": "Own local authority",
    }
    assert start.codes == {
        "Reason": "S",
        "Legal status": "C2",
        "Placement": "U4",
        "Provider": "PR1",
    }
    end = events[(date(2019, 9, 1), "cla_episode_end")]
    assert end.details == {"Reason ended": "Returned home as part of the care plan"}
    odd = events[(date(2019, 10, 1), "cla_episode_start")]
    assert odd.details["Legal status"] == "Code not recognised"
    assert odd.codes["Legal status"] == "Q9"


def test_summary_status_worker_plans_and_last_visit(con: duckdb.DuckDBPyConnection) -> None:
    """C1 (fixture): girl born 1 May 2010, WBRI, an open CP plan (NEG) from 1 June 2019.
    Added: an allocation to W7 (Team A) from 2 June 2019 still open, an ended one to W1,
    and two visits; the later (10 June 2019, CP, seen alone) is the last visit."""
    con.execute("""
        INSERT INTO allocations (child_id, worker, team, start_date, end_date, source)
        VALUES ('C1', 'W1', 'Team A', DATE '2019-04-02', DATE '2019-06-01', 'local'),
               ('C1', 'W7', 'Team A', DATE '2019-06-02', NULL, 'local');
        INSERT INTO visits (child_id, visit_date, visit_type, seen_alone, source)
        VALUES ('C1', DATE '2019-06-10', 'CP', true, 'local'),
               ('C1', DATE '2019-06-03', 'CP', false, 'local');
    """)
    summary = journey_summary(con, "c1")
    assert [(f.label, f.value, f.code) for f in summary.who] == [
        ("Sex", "Female", "F"),
        ("Born", "1 May 2010", None),
        ("Ethnicity", "White British", "WBRI"),
        ("Disability", "None recorded", None),
    ]
    assert summary.status == "Child protection plan since 1 June 2019"
    assert summary.worker == "W7, Team A (allocated 2 June 2019)"
    assert [(f.label, f.value, f.code) for f in summary.plans] == [
        ("Child protection plan", "since 1 June 2019", None),
        ("Category of abuse", "Neglect", "NEG"),
    ]
    assert summary.last_visit == "10 June 2019: Child protection visit, seen alone"


def test_summary_closed_case(con: duckdb.DuckDBPyConnection) -> None:
    """C2 has only a contact; give them a referral closed on 5 May 2019 with RC8."""
    con.execute("""
        INSERT INTO referrals (referral_id, child_id, referral_date, closure_date,
                               closure_reason, source)
        VALUES ('R2', 'C2', DATE '2019-04-01', DATE '2019-05-05', 'RC8', 'cin_census');
    """)
    summary = journey_summary(con, "C2")
    assert summary.status == (
        "Case closed on 5 May 2019: Case closed after assessment, no further action"
    )
    assert summary.worker is None and summary.last_visit is None and summary.plans == []
