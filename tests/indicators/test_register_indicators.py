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
from csc_insight.indicators.coverage import NO_RECORDS, NOT_KEPT, NOT_ON_ENGINE
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
}
KEPT = {
    "missing": D(2019, 7, 1),
    "cme": D(2019, 1, 1),
    "lado": D(2019, 9, 30),
    "private-fostering": D(2019, 9, 25),
    "providers": D(2017, 1, 1),
    "champions": D(2019, 4, 1),
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
