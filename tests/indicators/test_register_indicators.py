"""The register indicators on hand-built registers' rows (store/register_tables.py) and a small
snapshot of their own, Q3 2019-20 (1 October - 31 December 2019). Every expected value was
worked out by hand from the rows below (see the comment beside each); the registers' own
Python figures are compared on the same rows in tests/web/registers/test_bridge.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.calendar import build_calendar
from csc_insight.indicators import catalogue, children, compute
from csc_insight.indicators.coverage import NO_RECORDS, NOT_KEPT, NOT_ON_ENGINE, NOT_RECORDED
from csc_insight.indicators.engine import DuckDBBackend
from csc_insight.store import register_tables, schema

D = date

SNAPSHOT = {
    "snapshot_meta (key, value)": ["('id', 'registers-1')"],
    # the data run from 3 April 2017 to 28 March 2020
    "contacts (contact_id, child_id, contact_date, source)": [
        "('K1', 'C1', DATE '2017-04-03', 'x')",
        "('K2', 'C1', DATE '2020-03-28', 'x')",
    ],
    "missing_episodes (child_id, missing_type, start_date, end_date, source)": [
        "('C1', 'M', DATE '2019-10-05', DATE '2019-10-06', 'x')",  # also in the register
        "('C2', 'M', DATE '2019-11-10', DATE '2019-11-11', 'x')",  # returns only
        "('C2', 'A', DATE '2019-11-10', DATE '2019-11-12', 'x')",  # the same episode
        "('C3', 'M', DATE '2019-09-30', DATE '2019-10-01', 'x')",  # Q2
    ],
    "cla_episodes (child_id, decom, dec, urn, source)": [
        "('C10', DATE '2019-01-01', NULL, 'SC000001', 'x')",  # placed at 31 Dec
        "('C11', DATE '2019-06-01', DATE '2019-12-31', ' sc000001', 'x')",  # left that day
        "('C12', DATE '2019-12-01', NULL, 'sc000002 ', 'x')",  # placed (URN tidied)
        "('C13', DATE '2019-12-01', NULL, 'SC000003', 'x')",  # placed, never inspected
        "('C14', DATE '2019-12-01', NULL, 'SC000004', 'x')",  # not on the register
        "('C15', DATE '2018-01-01', DATE '2019-11-30', 'SC000005', 'x')",  # left before
    ],
    # The IRO service's and the Virtual School's children. Every child above and below
    # with an episode but no short break is looked after at some time in Q3 for the IRO
    # figures (periods of care end on a REC E.. only), except I3, who left on 30 September.
    "cla_episodes (child_id, decom, dec, rec, ls, source)": [
        "('I1', DATE '2018-05-01', NULL, NULL, 'C2', 'x')",
        "('I2', DATE '2019-02-01', DATE '2019-10-01', 'E11', 'C2', 'x')",  # left on 1 Oct
        "('I3', DATE '2017-06-01', DATE '2019-09-30', 'E4A', 'C2', 'x')",  # left in Q2
        "('I4', DATE '2019-12-31', NULL, NULL, 'C2', 'x')",  # came on 31 Dec
        "('V1', DATE '2018-01-01', NULL, NULL, 'C2', 'x')",
        "('V2', DATE '2019-01-01', NULL, NULL, 'C2', 'x')",
        "('V3', DATE '2019-06-01', NULL, NULL, 'C2', 'x')",
        "('V4', DATE '2016-01-01', DATE '2018-06-01', 'X1', 'C2', 'x')",  # one period of
        "('V4', DATE '2018-06-01', NULL, NULL, 'C2', 'x')",  # care from 1 January 2016
        "('V5', DATE '2015-01-01', NULL, NULL, 'C2', 'x')",
        "('V6', DATE '2018-01-01', DATE '2018-12-31', 'E11', 'C2', 'x')",  # an earlier one
        "('V6', DATE '2019-12-02', NULL, NULL, 'C2', 'x')",  # back on Monday 2 December
        "('V7', DATE '2017-01-01', DATE '2019-12-31', 'E11', 'C2', 'x')",  # left on 31 Dec
        "('V9', DATE '2019-01-01', NULL, NULL, 'V3', 'x')",  # short breaks: not looked after
    ],
    # year groups in 2019-20: a child born 1 September 2014 - 31 August 2015 is in Reception
    "children (child_id, dob, source)": [
        "('V1', DATE '2010-05-10', 'x')",  # Year 5
        "('V2', DATE '2014-09-01', 'x')",  # Reception (the oldest in it)
        "('V3', DATE '2015-09-01', 'x')",  # Nursery: in the cohort, not of school age
        "('V4', DATE '2001-09-01', 'x')",  # Year 13 (the oldest in it)
        "('V5', DATE '2001-08-31', 'x')",  # a day older: left Year 13, not in the cohort
        "('V6', DATE '2008-03-03', 'x')",  # Year 7
        "('V7', DATE '2012-01-01', 'x')",  # Year 3
        "('V8', DATE '2009-10-10', 'x')",  # Year 5, never looked after
        "('V9', DATE '2006-06-06', 'x')",  # Year 9, short breaks only
    ],
}

REGISTERS = {
    # child, from, start, reported, returned, rhi offered, accepted, held, lead member
    "missing_episodes": [
        ("C1", "care", D(2019, 10, 5), None, None, D(2019, 10, 9), True, None, None),
        ("C4", "home", D(2019, 12, 1), None, D(2019, 12, 2), D(2019, 12, 6), None, None, None),
        ("C5", "home", D(2019, 12, 20), None, None, None, None, None, None),
        ("C6", "home", D(2019, 11, 1), None, D(2019, 11, 3), D(2019, 11, 3), None, None, None),
        ("C7", "home", D(2019, 7, 1), None, D(2019, 7, 2), None, None, None, None),
    ],
    # child, category, start, end, attendance
    "cme_entries": [
        ("A", "ehe", D(2019, 9, 1), None, None),
        ("A", "medical", D(2019, 10, 1), None, None),
        ("B", "cme", D(2019, 9, 1), D(2019, 12, 31), None),  # until the last day: in
        ("C", "at_risk", D(2019, 11, 1), D(2019, 12, 30), 80.0),  # ended the day before
        ("D", "medical", D(2019, 1, 1), None, None),
        ("E", "at_risk", D(2019, 9, 1), None, 85.0),
        ("E", "medical", D(2019, 9, 1), None, None),
        ("F", "ehe", D(2020, 1, 5), None, None),  # after
    ],
    # reference, received, sector, category, threshold, meeting, outcome, concluded
    "lado_contacts": [
        ("L1", D(2019, 10, 1), "education", "physical", True, D(2019, 10, 8), None, None),
        # Fri 20 Dec; 25, 26 Dec bank holidays: the 5th working day after is 31 Dec
        ("L2", D(2019, 12, 20), "health", "sexual", True, D(2019, 12, 31), None, None),
        # Fri 1 Nov: due Fri 8 Nov; held Saturday 9th: late
        ("L3", D(2019, 11, 1), "sport", "physical", True, D(2019, 11, 9), None, None),
        ("L4", D(2019, 11, 15), "faith", "neglect", True, None, None, None),  # none held
        ("L5", D(2019, 11, 20), "education", "emotional", False, None, None, None),
        ("L6", D(2019, 12, 2), "police", "physical", None, None, None, None),
        ("L7", D(2019, 9, 30), "education", "physical", True, D(2019, 10, 2), None, None),
    ],
    # child, notified, initial visit, assessment, ended
    "private_fostering": [
        ("P1", D(2019, 10, 1), D(2019, 10, 8), None, None),  # 7 days: in time
        ("P2", D(2019, 11, 1), D(2019, 11, 9), None, None),  # 8 days: late
        ("P3", D(2019, 12, 15), None, None, None),  # none: late
        ("P4", D(2019, 9, 25), D(2019, 9, 26), None, None),  # Q2
    ],
    "providers": [
        ("SC000001", "Northway", "ifa"),
        ("SC000002", "Eastgate", "home"),
        ("SC000003", "Southend", "supported"),
        ("SC000005", "Westfield", "ifa"),
    ],
    "provider_inspections": [
        ("SC000001", D(2018, 5, 1), "good"),
        ("SC000001", D(2019, 11, 20), "requires_improvement"),  # latest at 31 Dec
        ("SC000002", D(2017, 1, 1), "inadequate"),
        ("SC000002", D(2019, 6, 1), "outstanding"),  # latest at 31 Dec
        ("SC000002", D(2020, 2, 1), "inadequate"),  # after the period
        ("SC000005", D(2019, 1, 1), "good"),
    ],
    "departments": [("Open Spaces",), ("Planning",), ("Town Clerk's",)],
    "assurance_returns": [
        ("Open Spaces", "2019-20-H1", D(2019, 10, 31), "green"),  # due 31 Oct: on time
        ("Planning", "2019-20-H1", D(2019, 11, 5), "amber"),  # late
        ("Open Spaces", "2018-19-H2", D(2019, 4, 30), "green"),  # due 30 April 2019
        ("Planning", "2018-19-H2", D(2019, 4, 1), "green"),
        ("Town Clerk's", "2018-19-H2", D(2019, 5, 1), "red"),  # late
    ],
    "half_years": [
        ("2018-19-H2", D(2018, 10, 1), D(2019, 3, 31), D(2019, 4, 30)),
        ("2019-20-H1", D(2019, 4, 1), D(2019, 9, 30), D(2019, 10, 31)),
        ("2019-20-H2", D(2019, 10, 1), D(2020, 3, 31), D(2020, 4, 30)),
    ],
    # child, raised, issue, stage, stage reached on, resolved, outcome
    "iro_escalations": [
        # Tue 1 Oct: the 20th working day after is Tue 29 Oct: in time; the 30th is late
        ("I1", D(2019, 10, 1), "placement", "informal", None, D(2019, 10, 29), "resolved"),
        ("I2", D(2019, 10, 1), "health", "stage_1", None, D(2019, 10, 30), "resolved"),
        # reached stage 2 on Fri 29 Nov: 25, 26 Dec bank holidays, so due by Tue 31 Dec
        # (counted from the day raised, 15 Nov, it would have been late)
        ("I3", D(2019, 11, 15), "education", "stage_2", D(2019, 11, 29), D(2019, 12, 31), "partly"),
        ("I1", D(2019, 12, 10), "contact", "informal", None, None, None),  # open
        ("I2", D(2019, 11, 20), "delay", "stage_1", None, D(2020, 1, 6), "resolved"),  # open then
        (
            "I4",
            D(2019, 12, 2),
            "care_planning",
            "stage_1",
            D(2019, 12, 16),
            D(2019, 12, 20),
            "withdrawn",
        ),
        ("I3", D(2019, 9, 20), "placement", "informal", None, D(2019, 10, 4), "resolved"),  # Q2
    ],
    # child, contact
    "iro_contacts": [
        ("I1", D(2019, 11, 5)),
        ("I1", D(2019, 12, 5)),  # I1 once
        ("I2", D(2019, 10, 1)),  # the day I2 left
        ("I3", D(2019, 10, 10)),  # not looked after in Q3
        ("I4", D(2020, 1, 15)),  # after
        ("C10", D(2019, 9, 30)),  # before
        ("V1", D(2019, 12, 31)),
    ],
    # child, held, grade
    "vs_peps": [
        ("V1", D(2019, 10, 15), "good"),
        ("V2", D(2019, 9, 20), "inadequate"),  # Q2 (the autumn term)
        ("V3", D(2019, 11, 1), "outstanding"),  # Nursery
        ("V4", D(2019, 12, 31), "requires_improvement"),
        ("V5", D(2019, 10, 20), "good"),  # not in the cohort
        ("V6", D(2019, 12, 20), "good"),
        ("V7", D(2019, 11, 11), None),  # not graded
        ("V8", D(2019, 10, 1), "good"),  # never looked after
    ],
    # child, school year, term, term ends, attendance
    "vs_attendance": [
        ("V1", "2018-19", "summer", D(2019, 8, 31), 50.0),  # Q2
        ("V1", "2019-20", "autumn", D(2019, 12, 31), 95.0),
        ("V1", "2019-20", "spring", D(2020, 3, 31), 85.0),  # Q4: the year's mean is 90
        ("V2", "2019-20", "autumn", D(2019, 12, 31), 90.1),
        ("V4", "2019-20", "autumn", D(2019, 12, 31), 89.9),
        ("V6", "2019-20", "spring", D(2020, 3, 31), 80.0),
        ("V7", "2019-20", "autumn", D(2019, 12, 31), 90.0),  # exactly 90: persistent
        ("V8", "2019-20", "autumn", D(2019, 12, 31), 70.0),  # never looked after
    ],
    # child, date, kind, days
    "vs_exclusions": [
        ("V1", D(2019, 10, 7), "suspension", 2.0),
        ("V1", D(2019, 11, 12), "suspension", 1.5),
        ("V4", D(2019, 12, 31), "suspension", 1.0),
        ("V2", D(2019, 9, 30), "suspension", 1.0),  # Q2
        ("V5", D(2019, 11, 5), "suspension", 3.0),  # not in the cohort
        ("V7", D(2019, 12, 2), "permanent", None),
        ("V7", D(2019, 12, 20), "permanent", None),  # from another school: V7 once
        ("V8", D(2019, 10, 15), "permanent", None),  # never looked after
    ],
}
KEPT = {
    "missing": D(2019, 7, 1),
    "cme": D(2019, 1, 1),
    "lado": D(2019, 9, 30),
    "private-fostering": D(2019, 9, 25),
    "providers": D(2017, 1, 1),
    "champions": D(2019, 4, 1),
    "iro": D(2019, 9, 20),
    "virtual-school": D(2019, 9, 20),
}

# id: (value, numerator, denominator) for Q3 2019-20
EXPECTED = {
    # C1 (register and returns), C2 (returns only, once), C4, C5, C6; C3, C7 in Q2
    "register_missing_episodes": (5, 5, None),
    # ended: C1 (returned 6 Oct from the returns, offered 9 Oct: 3 days), C2 (returns:
    # no day offered), C4 (4 days), C6 (same day); C5 not returned
    "register_missing_rhi_72h_pct": (50.0, 2, 4),
    # A (EHE, medical too), B (CME to 31 Dec), D (medical only), E (at risk and medical)
    "register_cme_monitored": (4, 4, None),
    "register_lado_referrals": (4, 4, None),  # L1-L4; L5 consultation, L6 undecided
    "register_lado_meeting_5wd_pct": (50.0, 2, 4),  # L1, L2 in time; L3 Saturday, L4 none
    "register_pf_notifications": (3, 3, None),  # P1-P3
    "register_pf_initial_visit_7d_pct": (100 / 3, 1, 3),  # P1 only
    # placed at 31 Dec: SC000001 (RI), SC000002 (outstanding), SC000003 (not inspected)
    "register_providers_good_pct": (100 / 3, 1, 3),
    # 2019-20-H1 due 31 Oct: Open Spaces on time, Planning late, Town Clerk's none
    "register_champions_returns_on_time_pct": (100 / 3, 1, 3),
    # raised 1 Oct (I1, I2), 15 Nov, 10 Dec, 20 Nov, 2 Dec; not 20 September
    "register_iro_escalations": (6, 6, None),
    # closed by 31 Dec: I1 (20th working day), I2 (21st), I3 (from its stage, over
    # Christmas), I4 (withdrawn, 4 working days after stage 1); I1's of 10 Dec and I2's of
    # 20 Nov were open at 31 Dec
    "register_iro_escalations_resolved_20wd_pct": (75.0, 3, 4),
    # looked after in Q3: C10-C15, I1, I2, I4, V1-V7 (not I3, nor V9's short breaks);
    # with a contact in Q3: I1, I2, V1
    "register_iro_contact_pct": (100 * 3 / 16, 3, 16),
    # looked after on 31 Dec, Reception to Year 13, for 20 working days: V1, V2, V4 (not V3
    # in Nursery, V5 past Year 13, V6 back since 2 Dec, the 20th working day after being
    # 2 Jan with the bank holidays, V7 who left on 31 Dec); a PEP in Q3: V1, V4
    "register_vs_pep_pct": (200 / 3, 2, 3),
    # graded, of the cohort: V1 good, V3 outstanding, V4 RI, V6 good (V7 not graded)
    "register_vs_pep_good_pct": (75.0, 3, 4),
    # the autumn term ended in Q3: V1 95, V2 90.1, V4 89.9, V7 90 (V8 never looked after)
    "register_vs_persistent_absence_pct": (50.0, 2, 4),
    "register_vs_suspensions": (3, 3, None),  # V1 twice, V4 on 31 Dec (not V5, nor V2 in Q2)
    "register_vs_permanent_exclusions": (1, 1, None),  # V7 (twice), not V8
}
REGISTER_IDS = {d.id for d in catalogue() if d.register_tables}


def build_snapshot(path: Path) -> None:
    con = duckdb.connect(str(path))
    schema.create(con)
    build_calendar(con, date(2016, 1, 1), date(2021, 12, 31))
    for target, values in SNAPSHOT.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
    con.close()


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("registers") / "snapshot.duckdb"
    build_snapshot(path)
    return path


@pytest.fixture
def con(snapshot_file: Path) -> duckdb.DuckDBPyConnection:
    with duckdb.connect(str(snapshot_file), read_only=True) as connection:
        yield connection


def _write(tables=REGISTERS, kept=KEPT) -> None:
    chosen = {
        name: rows for name, rows in tables.items() if register_tables.TABLES[name].register in kept
    }
    for name, spec in register_tables.TABLES.items():
        if spec.register in kept:
            chosen.setdefault(name, [])
    register_tables.write(chosen, kept)


def test_every_register_indicator_is_checked():
    assert set(EXPECTED) == REGISTER_IDS
    assert {d.area for d in catalogue() if d.id in REGISTER_IDS} == {"Registers"}


@pytest.mark.parametrize("indicator", sorted(EXPECTED))
def test_q3_value(con, indicator):
    _write()
    (result,) = compute(con, "2019-20-Q3", ids=[indicator])
    value, numerator, denominator = EXPECTED[indicator]
    assert (result.status, result.no_data) == ("ok", None)
    assert result.value == pytest.approx(value)
    assert (result.numerator, result.denominator) == (numerator, denominator)
    assert result.snapshot == "registers-1"


def test_the_whole_catalogue_reads_the_registers_once(con):
    _write()
    found = {r.id: r for r in compute(con, "2019-20-Q3")}
    assert set(found) >= REGISTER_IDS
    assert found["register_lado_referrals"].value == 4
    # the attachment is gone afterwards
    names = {n for (n,) in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    assert register_tables.ALIAS not in names


def test_missing_education_by_category(con):
    _write()
    (result,) = compute(con, "2019-20-Q3", ids=["register_cme_monitored"])
    # A is home educated (and medical); B and E missing or at risk; D medical only
    assert result.bands == {
        "Electively home educated": 1,
        "Missing education or at risk": 2,
        "Medical reasons only": 1,
    }


def test_comparisons_and_other_periods(con):
    _write()
    (referrals,) = compute(con, "2019-20-Q3", ids=["register_lado_referrals"])
    q2 = referrals.previous_quarters[-1]
    assert (q2.period, q2.value) == ("2019-20-Q2", 1)  # L7, 30 September
    # the quarter before the register's first record (30 September 2019) has no data
    q1 = referrals.previous_quarters[-2]
    assert q1.value is None and q1.no_data.startswith("period before the register's first")
    (returns,) = compute(con, "2019-20-Q1", ids=["register_champions_returns_on_time_pct"])
    # 2018-19-H2 due 30 April 2019: Open Spaces, Planning on time; Town Clerk's late
    assert (returns.value, returns.numerator, returns.denominator) == (pytest.approx(200 / 3), 2, 3)
    (none_due,) = compute(con, "2019-20-Q2", ids=["register_champions_returns_on_time_pct"])
    assert (none_due.value, none_due.no_data) == (None, NO_RECORDS)


def test_no_file_reads_register_not_kept(con):
    results = {r.id: r for r in compute(con, "2019-20-Q3", ids=sorted(REGISTER_IDS))}
    for result in results.values():
        assert (result.status, result.value, result.no_data) == ("ok", None, NOT_KEPT)
        assert result.rag is None and result.forecast is None
        assert all(f.no_data == NOT_KEPT for f in result.previous_quarters)
        assert result.same_period_last_year.no_data == NOT_KEPT


def test_a_register_not_kept_has_no_table_and_no_data(con):
    kept = {k: v for k, v in KEPT.items() if k != "lado"}
    _write(kept=kept)
    assert register_tables.read("lado_contacts") is None
    found = {r.id: r for r in compute(con, "2019-20-Q3", ids=sorted(REGISTER_IDS))}
    assert found["register_lado_referrals"].value is None
    assert found["register_lado_referrals"].no_data == NOT_KEPT
    assert found["register_pf_notifications"].value == 3  # the others as before
    # neither the IRO service nor the Virtual School kept: none of their figures is 0
    kept = {k: v for k, v in KEPT.items() if k not in ("iro", "virtual-school")}
    _write(kept=kept)
    assert register_tables.read("vs_peps") is None
    assert register_tables.read("iro_escalations") is None
    found = {r.id: r for r in compute(con, "2019-20-Q3", ids=sorted(REGISTER_IDS))}
    for result in found.values():
        if result.id.startswith(("register_iro_", "register_vs_")):
            assert (result.value, result.no_data) == (None, NOT_KEPT), result.id
    assert found["register_lado_referrals"].value == 4


def test_kept_and_empty_reads_zero_not_no_data(con):
    empty = {name: [] for name in REGISTERS}
    _write(tables=empty, kept=dict.fromkeys(KEPT))
    found = {r.id: r for r in compute(con, "2019-20-Q3", ids=sorted(REGISTER_IDS))}
    for count in ("register_lado_referrals", "register_pf_notifications", "register_cme_monitored"):
        assert (found[count].value, found[count].no_data) == (0, None)
    # C1, C2 are in the returns: the missing episodes count them even with no register entry
    assert found["register_missing_episodes"].value == 2
    # a percentage of nothing is "no records in the period", not 0%
    assert found["register_lado_meeting_5wd_pct"].value is None
    assert found["register_lado_meeting_5wd_pct"].no_data == NO_RECORDS
    for count in ("register_iro_escalations", "register_vs_suspensions"):
        assert (found[count].value, found[count].no_data) == (0, None)
    assert found["register_vs_permanent_exclusions"].value == 0
    for share in (
        "register_iro_escalations_resolved_20wd_pct",
        "register_vs_pep_good_pct",
        "register_vs_persistent_absence_pct",
    ):
        assert (found[share].value, found[share].no_data) == (None, NO_RECORDS), share
    # the children looked after are in the returns: with no PEP in the register, none of the
    # three due had one (0%, as the Headteacher's report says)
    pep = found["register_vs_pep_pct"]
    assert (pep.value, pep.numerator, pep.denominator) == (0, 0, 3)
    # no IRO contact recorded at all: not recorded, not 0% of the 16 children looked after
    contacted = found["register_iro_contact_pct"]
    assert (contacted.value, contacted.no_data) == (None, NOT_RECORDED)


def test_the_drill_down_lists_the_rows(con):
    _write()
    rows = children(con, "register_pf_initial_visit_7d_pct", "2019-20-Q3")
    assert [(r.child_id, r.in_numerator, r.evidence["days"]) for r in rows] == [
        ("P1", True, 7),
        ("P2", False, 8),
        ("P3", False, None),
    ]
    lado = children(con, "register_lado_meeting_5wd_pct", "2019-20-Q3")
    # rows with no child come in the order of their values: the late ones first
    assert [(str(r.evidence["meeting_due_by"]), r.in_numerator) for r in lado] == [
        ("2019-11-08", False),
        ("2019-11-22", False),
        ("2019-10-08", True),
        ("2019-12-31", True),
    ]
    assert all("reference" not in r.evidence for r in lado)  # the adult is not shown
    escalations = children(con, "register_iro_escalations_resolved_20wd_pct", "2019-20-Q3")
    # each escalation's 20th working day after the day it reached its stage
    assert sorted(
        (r.child_id, str(r.evidence["resolve_by"]), str(r.evidence["resolved_on"]), r.in_numerator)
        for r in escalations
    ) == [
        ("I1", "2019-10-29", "2019-10-29", True),
        ("I2", "2019-10-29", "2019-10-30", False),
        ("I3", "2019-12-31", "2019-12-31", True),  # Christmas Day and Boxing Day left out
        ("I4", "2020-01-16", "2019-12-20", True),
    ]
    absent = children(con, "register_vs_persistent_absence_pct", "2019-20-Q3")
    assert sorted((r.child_id, r.evidence["attendance"], r.in_numerator) for r in absent) == [
        ("V1", 95.0, False),
        ("V2", 90.1, False),
        ("V4", 89.9, True),
        ("V7", 90.0, True),
    ]


def test_the_virtual_school_over_other_periods(con):
    _write()
    found = {
        r.id: r
        for r in compute(
            con,
            "rolling-12m:2020-08-31",  # the school year 2019-20
            ids=["register_vs_persistent_absence_pct", "register_vs_pep_pct"],
            comparisons=False,
        )
    }
    absent = found["register_vs_persistent_absence_pct"]
    # terms ended: autumn, spring. V1 (95, 85: a mean of exactly 90), V4, V6 (80), V7 (90);
    # V2 90.1
    assert (absent.numerator, absent.denominator) == (4, 5)
    pep = found["register_vs_pep_pct"]
    # looked after on 31 August 2020: V1, V2, V4, V6 (back for long enough); each had a PEP
    assert (pep.numerator, pep.denominator) == (4, 4)
    (q4,) = compute(con, "2019-20-Q4", ids=["register_vs_pep_pct"], comparisons=False)
    assert (q4.value, q4.numerator, q4.denominator) == (0, 0, 4)  # none in the spring term


def test_an_engine_without_the_registers_leaves_them_out(con):
    _write()
    plain = DuckDBBackend(con)  # as the regional pool builds it
    assert not REGISTER_IDS & {r.id for r in compute(plain, "2019-20-Q3")}
    (asked,) = compute(plain, "2019-20-Q3", ids=["register_lado_referrals"])
    assert asked.status == f"not available: {NOT_ON_ENGINE}" and asked.value is None
    with pytest.raises(LookupError, match="DuckDB engine only"):
        children(plain, "register_lado_referrals", "2019-20-Q3")


def test_writing_the_same_rows_keeps_the_version():
    _write()
    before = register_tables.version()
    assert before != "none"
    _write()
    assert register_tables.version() == before
    changed = {**REGISTERS, "departments": [("Open Spaces",)]}
    _write(tables=changed)
    assert register_tables.version() != before
    assert register_tables.read("departments") == [("Open Spaces",)]


def test_rows_that_do_not_fit_are_refused():
    with pytest.raises(register_tables.RegisterTablesError, match="every row needs 3"):
        register_tables.write(
            {"providers": [("SC1", "x")], "provider_inspections": []}, {"providers": None}
        )
    with pytest.raises(register_tables.RegisterTablesError, match="kept without"):
        register_tables.write({"providers": []}, {"providers": None})
    with pytest.raises(register_tables.RegisterTablesError, match="is not kept"):
        register_tables.write({"departments": []}, {})


@pytest.mark.parametrize("indicator", sorted(EXPECTED))
def test_the_drill_down_adds_up_to_the_figure(con, indicator):
    _write()
    _, numerator, denominator = EXPECTED[indicator]
    rows = children(con, indicator, "2019-20-Q3")
    assert sum(r.in_numerator for r in rows) == numerator
    if denominator is not None:
        assert sum(r.in_denominator for r in rows) == denominator
