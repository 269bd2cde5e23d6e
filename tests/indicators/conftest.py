"""A small hand-built snapshot: every expected value in the tests was worked out by hand
from these rows (see the comments beside each test)."""

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.calendar import build_calendar
from csc_insight.store import schema

ROWS = {
    "snapshot_meta (key, value)": ["('id', 'fixture-1')"],
    "population (year, age_from, age_to, population, source)": ["(2019, 0, 17, 10000, 'ons')"],
    "children (child_id, dob, sex, ethnicity, disability, uasc, uasc_ceased, source)": [
        "('C1', DATE '2010-01-01', 'M', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C2', DATE '2015-06-01', 'F', 'BAFR', TRUE, FALSE, NULL, 'x')",
        "('C12', DATE '2008-05-01', 'F', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C13', DATE '2004-01-15', 'M', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C14', DATE '2003-11-20', 'M', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C16', DATE '2003-02-01', 'M', 'AOTH', FALSE, TRUE, NULL, 'x')",
        "('C17', DATE '2002-04-01', 'M', 'AOTH', FALSE, TRUE, DATE '2019-06-01', 'x')",
        "('C20', DATE '2001-11-15', 'F', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C21', DATE '1998-01-10', 'M', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C22', DATE '1997-12-01', 'M', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C23', DATE '2002-12-31', 'F', 'WBRI', FALSE, FALSE, NULL, 'x')",
        "('C24', DATE '2001-01-01', 'F', 'WBRI', FALSE, FALSE, NULL, 'x')",
    ],
    "contacts (contact_id, child_id, contact_date, decision_date, source)": [
        "('K1', 'C1', DATE '2019-10-04', DATE '2019-10-07', 'x')",  # Fri -> Mon: 1 wd
        "('K2', 'C2', DATE '2019-12-24', DATE '2019-12-27', 'x')",  # over Christmas: 1 wd
        "('K3', 'C3', DATE '2019-12-20', DATE '2019-12-24', 'x')",  # 2 wd: late
        "('K4', 'C4', DATE '2019-11-01', NULL, 'x')",  # undecided: late
        "('K5', 'C5', DATE '2019-09-30', DATE '2019-09-30', 'x')",  # Q2
        "('K6', 'C1', DATE '2018-10-07', DATE '2018-10-08', 'x')",  # Q3 last year
        "('K7', 'C1', DATE '2020-04-09', DATE '2020-04-14', 'x')",  # Easter: 1 wd
        "('K8', 'C2', DATE '2020-05-07', DATE '2020-05-11', 'x')",  # VE day 8 May: 1 wd
        "('K9', 'C3', DATE '2020-05-01', DATE '2020-05-05', 'x')",  # 4 May 2020 worked: 2
    ],
    "referrals (referral_id, child_id, referral_date, nfa, closure_date, team, worker, source)": [
        "('R0', 'C1', DATE '2018-10-07', FALSE, DATE '2019-01-31', 'A', 'W1', 'x')",
        "('R1', 'C1', DATE '2019-10-07', FALSE, NULL, 'A', 'W1', 'x')",
        "('R2a', 'C2', DATE '2018-12-29', FALSE, DATE '2019-02-01', 'B', 'W2', 'x')",
        "('R2', 'C2', DATE '2019-12-30', TRUE, NULL, 'B', 'W2', 'x')",
        "('R3', 'C3', DATE '2019-11-15', FALSE, DATE '2019-12-31', 'A', 'W1', 'x')",
        "('R4', 'C6', DATE '2017-06-01', FALSE, NULL, 'B', 'W2', 'x')",
        "('R5', 'C7', DATE '2019-08-01', FALSE, DATE '2019-10-31', 'B', 'W3', 'x')",
    ],
    "assessments (assessment_id, child_id, referral_id, start_date, authorised_date, "
    "child_seen, source)": [
        "('A1', 'C1', 'R1', DATE '2019-10-08', DATE '2019-12-20', TRUE, 'x')",
        "('A2', 'C3', NULL, DATE '2019-11-18', DATE '2019-12-31', FALSE, 'x')",
        "('A3', 'C7', 'R5', DATE '2019-09-02', DATE '2019-10-07', NULL, 'x')",
    ],
    "cp_plans (cp_plan_id, child_id, start_date, end_date, previous_plans, source)": [
        "('P0', 'C2', DATE '2017-01-01', DATE '2017-06-01', NULL, 'x')",
        "('P1', 'C1', DATE '2018-03-01', NULL, 0, 'x')",
        "('P2', 'C2', DATE '2019-11-01', NULL, NULL, 'x')",
        "('P3', 'C8', DATE '2019-12-02', DATE '2019-12-31', 1, 'x')",
        "('P4', 'C9', DATE '2019-10-15', DATE '2019-11-15', 0, 'x')",
        "('P5', 'C10', DATE '2019-06-10', NULL, 0, 'x')",
    ],
    "cp_reviews (cp_plan_id, child_id, review_date, source)": [
        "('P1', 'C1', DATE '2018-05-25', 'cin_census')",
        "('P1', 'C1', DATE '2018-11-20', 'cin_census')",
        "('P1', 'C1', DATE '2019-05-21', 'cin_census')",
        "('P5', 'C10', DATE '2019-09-05', 'cin_census')",
    ],
    "pre_proceedings (pre_proceedings_id, child_id, start_date, fgdm_offered, source)": [
        "('PP1', 'C1', DATE '2019-10-15', TRUE, 'x')",
        "('PP2', 'C2', DATE '2019-11-20', FALSE, 'x')",
        "('PP3', 'C10', DATE '2019-12-05', NULL, 'x')",  # offer not recorded: left out of %
        "('PP4', 'C1', DATE '2019-09-30', TRUE, 'x')",  # Q2
    ],
    "s47_enquiries (s47_id, child_id, start_date, icpc_date, source)": [
        "('S1', 'C2', DATE '2019-10-10', DATE '2019-10-31', 'x')",
        "('S2', 'C8', DATE '2019-11-12', DATE '2019-12-04', 'x')",
        "('S3', 'C9', DATE '2019-12-20', DATE '2019-12-10', 'x')",
        "('S4', 'C11', DATE '2019-12-16', NULL, 'x')",
    ],
    "visits (child_id, visit_date, visit_type, worker, source)": [
        "('C2', DATE '2019-11-14', 'CP', 'W1', 'local')",
        "('C2', DATE '2019-12-02', 'CP', 'W1', 'local')",
        "('C2', DATE '2019-11-20', 'CIN', 'W1', 'local')",
        "('C10', DATE '2019-12-09', 'CP', 'W2', 'local')",
        "('C10', DATE '2019-12-20', 'CP', 'W2', 'local')",
        "('C1', DATE '2019-10-07', 'CLA', 'W1', 'local')",
        "('C1', DATE '2019-11-20', 'CLA', 'W1', 'local')",
        "('C1', DATE '2019-12-30', 'CLA', 'W1', 'local')",
        "('C12', DATE '2019-09-20', 'CLA', 'W2', 'local')",
        "('C12', DATE '2019-10-25', 'CLA', 'W2', 'local')",
        "('C12', DATE '2019-12-01', 'CLA', 'W2', 'local')",
    ],
    "cla_episodes (child_id, decom, rne, dec, rec, source)": [
        "('C1', DATE '2019-01-10', 'S', DATE '2019-05-01', 'X1', 'ssda903')",
        "('C1', DATE '2019-05-01', 'P', DATE '2019-08-01', 'X1', 'ssda903')",
        "('C1', DATE '2019-08-01', 'L', DATE '2019-10-01', 'X1', 'ssda903')",
        "('C1', DATE '2019-10-01', 'P', NULL, NULL, 'ssda903')",
        "('C12', DATE '2016-01-01', 'S', NULL, NULL, 'ssda903')",
        "('C13', DATE '2016-06-01', 'S', DATE '2018-06-01', 'X1', 'ssda903')",
        "('C13', DATE '2018-06-01', 'P', NULL, NULL, 'ssda903')",
        "('C14', DATE '2015-01-01', 'S', NULL, NULL, 'ssda903')",
        "('C15', DATE '2019-11-05', 'S', DATE '2019-12-20', 'E11', 'ssda903')",
        "('C16', DATE '2019-12-31', 'S', NULL, NULL, 'ssda903')",
        "('C17', DATE '2018-01-01', 'S', DATE '2019-03-01', 'E13', 'ssda903')",
        "('C17', DATE '2019-10-15', 'S', NULL, NULL, 'ssda903')",
    ],
    # Short breaks while looked after (legal status V3, V4): not care in the care counts.
    "cla_episodes (child_id, decom, rne, ls, dec, rec, source)": [
        "('C41', DATE '2019-06-01', 'S', 'V4', NULL, NULL, 'x')",  # agreement
        "('C42', DATE '2019-10-05', 'S', 'V3', DATE '2019-10-07', 'E4A', 'x')",  # two stays
        "('C42', DATE '2019-12-30', 'S', 'V3', DATE '2020-01-01', 'E4A', 'ssda903')",
    ],
    "short_breaks (child_id, disability, service, start_date, end_date, hours_per_week, "
    "nights_per_year, source)": [
        "('C40', 'AUT', 'activity', DATE '2019-09-01', NULL, 3, NULL, 'x')",  # two services
        "('C40', 'AUT', 'overnight', DATE '2019-11-01', DATE '2020-02-28', NULL, 24, 'x')",
        "('C41', 'LD', 'day', DATE '2019-10-10', DATE '2019-12-15', 6, NULL, 'x')",  # and V4
        "('C43', 'MOB', 'home', DATE '2019-05-01', DATE '2019-09-30', 4, NULL, 'x')",  # Q2
        "('C44', 'COMM', 'day', DATE '2020-01-02', NULL, 5, NULL, 'x')",  # Q4
    ],
    "cla_reviews (child_id, review_date, source)": [
        "('C1', DATE '2019-02-06', 'ssda903')",
        "('C1', DATE '2019-05-01', 'ssda903')",
        "('C1', DATE '2019-10-30', 'ssda903')",
        "('C12', DATE '2019-09-01', 'ssda903')",
        "('C17', DATE '2018-02-01', 'ssda903')",
        "('C17', DATE '2019-11-12', 'ssda903')",
    ],
    "health_assessments (child_id, assessment_date, kind, source)": [
        "('C12', DATE '2019-03-01', 'health', 'x')",
        "('C13', DATE '2018-12-01', 'health', 'x')",
        "('C14', DATE '2019-06-01', 'dental', 'x')",
    ],
    "missing_episodes (child_id, missing_type, start_date, end_date, rhi_offered, "
    "rhi_accepted, rhi_date, source)": [
        "('C1', 'M', DATE '2019-12-30', NULL, NULL, NULL, NULL, 'local')",
        "('C12', 'M', DATE '2019-10-05', DATE '2019-10-06', TRUE, TRUE, DATE '2019-10-09', "
        "'local')",
        "('C12', 'A', DATE '2019-11-01', DATE '2019-11-01', NULL, NULL, NULL, 'local')",
        "('C13', 'M', DATE '2019-12-01', DATE '2019-12-02', TRUE, FALSE, NULL, 'local')",
        "('C5', 'M', DATE '2019-09-29', DATE '2019-10-01', FALSE, NULL, NULL, 'local')",
    ],
    "care_leavers (child_id, year_ending, in_touch, activity, suitable, source)": [
        "('C20', DATE '2019-03-31', 'YES', 'G4', FALSE, 'x')",
        "('C20', DATE '2020-03-31', 'YES', 'F1', TRUE, 'x')",
        "('C21', DATE '2019-03-31', 'NO', 'P2', TRUE, 'x')",
        "('C22', DATE '2019-03-31', 'YES', 'F1', TRUE, 'x')",
        "('C23', NULL, 'YES', 'G6', NULL, 'x')",
        "('C24', DATE '2019-03-31', 'DIED', NULL, NULL, 'x')",
    ],
    "pathway_plan_reviews (child_id, review_date, source)": [
        "('C20', DATE '2019-07-01', 'x')",
        "('C21', DATE '2019-06-30', 'x')",
    ],
    "early_help (eh_id, child_id, start_date, completion_date, closure_date, "
    "goal_score_start, goal_score_end, source)": [
        "('EH1', 'C30', DATE '2019-10-02', DATE '2019-11-01', DATE '2019-12-15', 3, 7, 'x')",
        "('EH2', 'C31', DATE '2019-09-01', DATE '2019-10-10', DATE '2019-12-01', 5, 6, 'x')",
        "('EH3', 'C32', DATE '2019-12-01', NULL, NULL, NULL, NULL, 'x')",
    ],
    # W1 full time, W2 half time; W4 is a personal adviser; W3 holds no case at 31 Dec
    "workers (worker, team, role, fte, source)": [
        "('W1', 'A', 'social worker', 1.0, 'x')",
        "('W2', 'B', 'social worker', 0.5, 'x')",
        "('W3', 'B', 'social worker', 1.0, 'x')",
        "('W4', 'A', 'personal adviser', 1.0, 'x')",
    ],
    "early_help (eh_id, child_id, referral_date, referral_source, referral_outcome, source)": [
        "('EH4', 'C33', DATE '2019-10-14', '2A', 'early_help', 'x')",
        "('EH5', 'C34', DATE '2019-11-20', '6', 'referral', 'x')",  # passed to social care
        "('EH6', 'C35', DATE '2019-09-30', '3B', 'early_help', 'x')",  # Q2
        "('EH7', 'C33', DATE '2018-11-01', '2A', 'advice', 'x')",  # Q3 last year
        "('EH8', 'C36', DATE '2019-12-31', '1D', 'nfa', 'x')",
    ],
    "allocations (child_id, worker, team, start_date, end_date, source)": [
        "('C1', 'W1', 'A', DATE '2019-01-01', NULL, 'x')",
        "('C2', 'W1', 'A', DATE '2019-01-01', NULL, 'x')",
        "('C8', 'W4', 'A', DATE '2019-01-01', NULL, 'x')",
        "('C3', 'W2', 'B', DATE '2019-01-01', NULL, 'x')",
        "('C6', 'W2', 'B', DATE '2019-01-01', DATE '2020-01-15', 'x')",
        "('C7', 'W3', 'B', DATE '2019-01-01', DATE '2019-12-31', 'x')",
    ],
}


def build_fixture(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    schema.create(con)
    build_calendar(con, date(2014, 1, 1), date(2021, 12, 31))
    for target, values in ROWS.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
    return con


@pytest.fixture(scope="module")
def snapshot_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("snapshot") / "fixture.duckdb"
    build_fixture(path).close()
    return path


@pytest.fixture
def snapshot(snapshot_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(snapshot_path), read_only=True)
    yield con
    con.close()


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
