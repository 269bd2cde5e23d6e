"""Breakdowns, drill-down, availability, RAG and the catalogue's rules."""

from datetime import date
from importlib.resources import files
from pathlib import Path

import duckdb
import pytest

from csc_insight.indicators import catalogue, children, compute
from csc_insight.indicators.catalogue import (
    OPTIONAL_KEYS,
    REQUIRED_KEYS,
    DefinitionError,
    parse_definition,
)
from csc_insight.indicators.engine import NESTED_LOOP_ROWS, DuckDBBackend
from csc_insight.indicators.settings import rag
from csc_insight.store import schema


def _by(snapshot, indicator, by):
    return {
        r.key: (r.numerator, r.denominator, r.value)
        for r in compute(snapshot, "2019-20-Q3", ids=[indicator], by=by)
    }


def test_breakdown_by_team_uses_the_row_then_the_allocation(snapshot):
    assert _by(snapshot, "referrals", "team") == {"A": (2, None, 2), "B": (1, None, 1)}
    # cla_open rows have no team: the allocation open at 31 Dec decides (C1 -> A)
    assert _by(snapshot, "cla_open", "team") == {"A": (1, None, 1), "not recorded": (5, None, 5)}
    # cases per FTE social worker: A: W1's 2 cases / 1.0; B: W2's 2 / 0.5 (W4 in team A is
    # a personal adviser: neither the cases nor the worker count)
    assert _by(snapshot, "caseload_per_worker", "team") == {"A": (2, 1, 2.0), "B": (2, 0.5, 4.0)}


def test_breakdown_by_child_characteristics(snapshot):
    assert _by(snapshot, "referrals", "gender") == {
        "M": (1, None, 1),
        "F": (1, None, 1),
        "not recorded": (1, None, 1),
    }
    # ages at 31 Dec 2019: C1 9, C2 4, C3 unknown
    assert _by(snapshot, "referrals", "age_band") == {
        "5-9": (1, None, 1),
        "1-4": (1, None, 1),
        "not recorded": (1, None, 1),
    }
    # C16 UASC; C17's status ceased in June 2019
    assert _by(snapshot, "cla_started", "uasc") == {
        "UASC": (1, None, 1),
        "not UASC": (1, None, 1),
        "not recorded": (1, None, 1),
    }
    assert _by(snapshot, "rereferrals_12m_pct", "disability") == {
        "not disabled": (1, 1, 100.0),
        "disabled": (0, 1, 0.0),
        "not recorded": (0, 1, 0.0),
    }


def test_children_behind_a_figure(snapshot):
    rows = {
        r.child_id: r
        for r in children(
            snapshot,
            "assessments_45wd_pct",
            "2019-20-Q3",
            settings={"working_days": "day0", "assessment_clock": "referral"},
        )
    }
    assert set(rows) == {"C1", "C3", "C7"}
    late = rows["C1"]
    assert (late.in_numerator, late.in_denominator) == (False, True)
    assert late.evidence["referral_date"] == date(2019, 10, 7)
    assert late.evidence["authorised_date"] == date(2019, 12, 20)
    assert late.evidence["working_days"] == 54
    assert rows["C3"].evidence["referral_date"] == date(2019, 11, 15)  # latest before start


def test_not_available_instead_of_zero(tmp_path: Path):
    con = duckdb.connect(str(tmp_path / "annexa.duckdb"))
    schema.create(con)
    con.execute(
        "INSERT INTO contacts (contact_id, child_id, contact_date, source) "
        "VALUES ('K1', 'C1', DATE '2019-10-01', 'annex_a')"
    )
    results = {
        r.id: r
        for r in compute(
            con, "2019-20-Q3", ids=["contacts", "contacts_decided_1wd_pct", "cla_open"]
        )
    }
    assert results["contacts"].value == 1
    assert results["contacts_decided_1wd_pct"].status == (
        "not available: needs contacts.decision_date, calendar.working_day_no"
    )
    assert results["contacts_decided_1wd_pct"].value is None
    assert results["cla_open"].status == "not available: needs cla_episodes.decom"
    with pytest.raises(LookupError):
        children(con, "cla_open", "2019-20-Q3")


@pytest.mark.parametrize(
    ("value", "polarity", "expected"),
    [
        (90, "higher", "green"),
        (84, "higher", "amber"),
        (79.9, "higher", "red"),
        (85, "higher", "green"),
        (20, "lower", "green"),
        (25, "lower", "amber"),
        (26, "lower", "red"),
        (50, "neutral", None),
        (None, "higher", None),
    ],
)
def test_rag(value, polarity, expected):
    target = {
        "target": 85 if polarity == "higher" else 22,
        "tolerance": 5 if polarity == "higher" else 3,
    }
    assert rag(value, polarity, target) == expected


def test_rag_in_results_and_local_targets(snapshot, tmp_path):
    (result,) = compute(snapshot, "2019-20-Q3", ids=["rereferrals_12m_pct"])
    assert (result.target, result.rag) == (22.6, "red")  # 33.3% against England's 22.6%
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / "targets.yaml").write_text("rereferrals_12m_pct: {target: 30, tolerance: 5}\n")
    (result,) = compute(snapshot, "2019-20-Q3", ids=["rereferrals_12m_pct"])
    assert (result.target, result.rag) == (30.0, "amber")


def test_catalogue_has_the_agreed_ids():
    ids = {d.id for d in catalogue()}
    assert len(ids) == 73  # 56 from the returns, 17 from the registers
    assert len({d.id for d in catalogue() if d.register_tables}) == 17
    assert {
        "contacts",
        "assessments_45wd_pct",
        "caseload_per_worker",
        "eh_referrals",
        "short_break_children",
    } <= ids
    flow = {d.id for d in catalogue() if d.period_type == "flow"}
    assert "referrals" in flow and "cla_open" not in flow


def test_definition_rules():
    good = (
        "/*\ntitle: T\narea: Workforce\nunit: count\npolarity: neutral\n"
        "period_type: flow\ndefinition: d\nsource: s\nnumerator: n\n"
        "requires: [referrals.referral_date]\n*/\n"
        "SELECT p.period, r.child_id, TRUE AS in_numerator, FALSE AS in_denominator "
        "FROM periods p JOIN referrals r ON r.referral_date = p.period_end"
    )
    assert parse_definition("t", good).columns[:4] == (
        "period",
        "child_id",
        "in_numerator",
        "in_denominator",
    )
    with pytest.raises(DefinitionError, match="unknown column"):
        parse_definition("t", good.replace("referrals.referral_date", "referrals.nope"))
    with pytest.raises(DefinitionError, match="must return in_denominator"):
        parse_definition("t", good.replace(", FALSE AS in_denominator", ""))
    with pytest.raises(DefinitionError, match="unit"):
        parse_definition("t", good.replace("unit: count", "unit: lots"))
    with pytest.raises(DefinitionError, match="unknown metadata 'coverd_by'"):
        parse_definition("t", good.replace("*/", "coverd_by: cla_at_end\n*/"))
    with pytest.raises(DefinitionError, match="covered_by 'nope' is not a view"):
        parse_definition("t", good.replace("*/", "covered_by: nope\n*/"))


def test_every_metadata_key_is_documented():
    """Each key a definition may carry is in the README's example block, so an analyst
    writing a definition can find it (a key added to the code alone fails here)."""
    readme = (files("csc_insight.indicators") / "definitions" / "README.md").read_text("utf-8")
    example = readme.split("```sql", 1)[1].split("```", 1)[0]
    documented = {line.split(":", 1)[0] for line in example.splitlines() if ":" in line}
    assert {*REQUIRED_KEYS, *OPTIONAL_KEYS} <= documented


def test_counts_compare_only_with_the_authoritys_own_published_count(snapshot):
    results = {
        r.id: r for r in compute(snapshot, "2019-20-Q3", ids=["referrals", "rereferrals_12m_pct"])
    }
    # England's 642,980 referrals say nothing about one authority's count ...
    assert set(results["referrals"].comparators) == {"la"}
    # ... but England's re-referral rate does (DfE c1, 2019-20: 22.6%)
    assert results["rereferrals_12m_pct"].comparators["england"]["value"] == 22.6


def test_a_result_carries_the_year_to_date_its_forecast_is_scaled_from(snapshot):
    results = {
        r.id: r
        for r in compute(snapshot, "2019-20-Q3", ids=["referrals", "contact_conversion_pct"])
    }
    referrals = results["referrals"]
    so_far = referrals.year_to_date
    assert so_far is not None and so_far.period == "2019-20-YTD-Q3"
    # 1 April - 31 December 2019 is 275 of the year's 366 days
    assert referrals.forecast == round(so_far.value * 366 / 275, 1)
    # a percentage's forecast is its year to date as it stands
    conversion = results["contact_conversion_pct"]
    assert conversion.forecast == conversion.year_to_date.value
    # the JSON export keeps the fields it had
    assert "year_to_date" not in referrals.to_dict()


class _Recording(DuckDBBackend):
    """A DuckDB backend that keeps the SQL of each query and the join setting it ran under."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        super().__init__(con)
        self.seen: list[tuple[str, int]] = []

    def rows(self, sql):
        (threshold,) = self.con.execute(
            "SELECT current_setting('nested_loop_join_threshold')"
        ).fetchone()
        self.seen.append((sql, threshold))
        return super().rows(sql)


def test_the_sql_leaves_out_periods_no_figure_can_come_from(snapshot):
    # the fixture's data run from the first contact, 7 October 2018: a year before, the
    # previous quarters (2017-18) and the year to date (2018-19-YTD-Q1) are outside it
    backend = _Recording(snapshot)
    [result] = compute(backend, "2018-19-Q1", ids=["contacts"])
    [(sql, threshold)] = [(q, t) for q, t in backend.seen if "contact_date BETWEEN" in q]
    assert "'2018-19-Q1'" in sql  # the period asked for is always computed
    assert "2017-18" not in sql and "YTD" not in sql
    assert threshold == NESTED_LOOP_ROWS
    assert [q.no_data for q in result.previous_quarters] == [
        "period outside the data (data from 7 October 2018 to 7 May 2020)"
    ] * 4
    assert result.value is None and result.no_data.startswith("period outside the data")
    # the connection's own setting is back after
    assert snapshot.execute("SELECT current_setting('nested_loop_join_threshold')").fetchone() == (
        5,
    )
    # in the data, every comparison is computed: a stock needs no year to date
    backend = _Recording(snapshot)
    compute(backend, "2019-20-Q3", ids=["contacts", "cla_open"])
    contacts_sql = next(q for q, _ in backend.seen if "contact_date BETWEEN" in q)
    cla_sql = next(q for q, _ in backend.seen if "cla_at_end" in q)
    for label in ("2019-20-Q3", "2018-19-Q3", "2018-19-Q4", "2019-20-Q1", "2019-20-Q2"):
        assert f"'{label}'" in contacts_sql and f"'{label}'" in cla_sql
    assert "'2019-20-YTD-Q3'" in contacts_sql and "YTD" not in cla_sql


class _Keeping(DuckDBBackend):
    """A DuckDB backend (with this install's registers) that keeps the name of each table
    it is asked to make for a shared view."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        super().__init__(con, registers=True)
        self.made: list[str] = []

    def keep(self, name: str, sql: str) -> None:
        self.made.append(name)
        super().keep(name, sql)


def test_a_shared_view_is_made_only_when_a_definition_that_uses_it_runs(snapshot):
    # Two Virtual School indicators share child_facts, but this home keeps no registers'
    # file, so neither runs and child_facts (2.8 million children on an England-sized
    # year) is never made. cla_uasc and cla_health_assessment_pct share cla_at_end and
    # care_child_facts, each made once, for the first of them, and dropped after.
    backend = _Keeping(snapshot)
    results = {
        r.id: r
        for r in compute(
            backend,
            "2019-20-Q3",
            ids=[
                "register_vs_suspensions",
                "register_vs_permanent_exclusions",
                "cla_uasc",
                "cla_health_assessment_pct",
            ],
        )
    }
    made = sorted(name.split("_", 2)[2].rsplit("_", 1)[0] for name in backend.made)
    assert made == ["care_child_facts", "cla_at_end", "cla_care_starts", "cla_placement_starts"]
    assert results["register_vs_suspensions"].no_data == "register not kept"
    assert results["cla_uasc"].value == 1  # C16 (test_values.py)
    assert results["cla_health_assessment_pct"].value == pytest.approx(100 / 3)
    assert snapshot.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone() == (
        0,
    )
