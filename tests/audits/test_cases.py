"""Open cases: type by the most intensive open service, worker from the allocation."""

from __future__ import annotations

from datetime import date

from csc_insight.audits.cases import OpenCase, open_cases


def test_case_type_worker_and_what_is_closed(con) -> None:
    con.execute("""
        INSERT INTO referrals (referral_id, child_id, referral_date, closure_date, nfa, worker,
                               source) VALUES
            ('R1', 'A', DATE '2019-01-01', NULL, FALSE, 'ref-worker', 't'),
            ('R2', 'B', DATE '2019-01-01', NULL, FALSE, 'ref-worker', 't'),
            ('R3', 'C', DATE '2019-01-01', DATE '2019-06-01', FALSE, 'x', 't'),
            ('R4', 'D', DATE '2019-01-01', NULL, TRUE, 'x', 't'),
            ('R5', 'E', DATE '2020-01-05', NULL, FALSE, 'x', 't');
        INSERT INTO cp_plans (cp_plan_id, child_id, start_date, worker, team, source) VALUES
            ('P1', 'B', DATE '2019-03-01', 'cp-worker', 'CP team', 't');
        INSERT INTO cla_episodes (child_id, decom, dec, source) VALUES
            ('F', DATE '2018-05-01', NULL, 't'), ('G', DATE '2018-05-01', DATE '2019-02-01', 't');
        INSERT INTO care_leavers (child_id, year_ending, in_touch, personal_advisor, source)
        VALUES ('G', DATE '2019-03-31', 'YES', 'PA1', 't'),
               ('H', DATE '2019-03-31', 'DIED', 'PA1', 't');
        INSERT INTO early_help (eh_id, child_id, start_date, closure_date, source) VALUES
            ('E1', 'I', DATE '2019-09-01', NULL, 't');
        INSERT INTO allocations (child_id, worker, team, start_date, end_date, source) VALUES
            ('A', 'old', 'T1', DATE '2019-01-01', DATE '2019-05-01', 't'),
            ('A', 'new', 'T2', DATE '2019-05-01', NULL, 't'),
            ('F', 'cla-worker', 'CLA team', DATE '2018-05-01', NULL, 't');
    """)
    # C closed, D was NFA, E opened after the day, H died: none of them is open.
    assert open_cases(con, date(2019, 12, 31)) == [
        OpenCase("A", "cin", "new", "T2"),
        OpenCase("B", "cp", "cp-worker", "CP team"),
        OpenCase("F", "cla", "cla-worker", "CLA team"),
        OpenCase("G", "care_leaver", "PA1", None),
        OpenCase("I", "early_help", None, None),
    ]


def test_short_breaks_are_not_a_looked_after_case(con) -> None:
    """J is looked after only under an agreed series of short breaks (V4) and has an open
    referral as a child in need: a child-in-need case. K's V3 stay is open on the day and is
    K's only service: no case."""
    con.execute("""
        INSERT INTO cla_episodes (child_id, decom, ls, dec, source) VALUES
            ('J', DATE '2019-06-01', 'V4', NULL, 't'),
            ('K', DATE '2019-12-30', 'V3', DATE '2020-01-01', 't');
        INSERT INTO referrals (referral_id, child_id, referral_date, nfa, source) VALUES
            ('R9', 'J', DATE '2019-05-01', FALSE, 't');
    """)
    assert open_cases(con, date(2019, 12, 31)) == [OpenCase("J", "cin", None, None)]
