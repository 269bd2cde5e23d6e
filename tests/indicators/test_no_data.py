"""Missing is not zero: the engine's explicit "no data" state, on a small hand-built snapshot.

Rows (financial quarters: Q1 April-June, Q2 July-September, Q3 October-December):
    contacts   K1 2 Apr 2019 (Q1 2019-20), K2 5 Nov 2019 (Q3), K3 27 Mar 2020 (Q4)
    assessments, by authorised date, child seen:
               A1 10 May 2019 unrecorded, A2 10 Jun 2019 unrecorded          (Q1)
               (none authorised in Q2)
               A3 4 Nov 2019 yes, A4 2 Dec 2019 no, A5 3 Dec 2019 unrecorded (Q3)
    care       C1 looked after from 1 May 2019, still open
The data run from the first contact, 2 Apr 2019, to the latest event, K3 on 27 Mar 2020.

Worked by hand:
    child seen, Q1: two assessments, neither answer recorded -> no data ("not recorded in
        the period"), no RAG, no forecast (the old code said 0 of 2 = 0%, Red).
    child seen, Q2: nothing authorised -> no data ("no records in the period").
    child seen, Q3: A3 seen, A4 not, A5 left out -> 1 of 2 = 50.0%; target 100 with
        tolerance 5 -> Red; year to date (April-December) also 1 of 2 -> forecast 50.0.
    child seen, Q3 2018-19 and Q4 2018-19: end before 2 Apr 2019 -> period outside the data.
    contacts, Q2 2019-20: none, inside the data -> a real 0.
    contacts, Q1 2020-21 (from 1 Apr 2020): after the data's last day -> no data.
    children looked after (stock) as at 31 Mar 2020: C1 -> 1 (within a week of 27 Mar);
        as at 30 Apr 2020 and at the end of Q1 2020-21: not carried past the data -> no data;
        as at 1 Mar 2019 (before the data start) -> no data.
    a flow (contacts, child seen) as at one day -> no data ("counts events over a period"),
        no RAG; the stock (children looked after) as at 5 Nov 2019 -> 1.
    ICPCs in 15 working days: no S47 enquiries loaded at all -> not available, data not held.
"""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from datetime import date

import duckdb
import pytest

from csc_insight.common.calendar import build_calendar
from csc_insight.indicators import compute, coverage, export
from csc_insight.indicators.engine import as_backend
from csc_insight.store import schema

OUTSIDE = "period outside the data (data from 2 April 2019 to 27 March 2020)"
ROWS = {
    "snapshot_meta (key, value)": ["('id', 'nodata-1')"],
    "contacts (contact_id, child_id, contact_date, source)": [
        "('K1', 'C1', DATE '2019-04-02', 'x')",
        "('K2', 'C2', DATE '2019-11-05', 'x')",
        "('K3', 'C3', DATE '2020-03-27', 'x')",
    ],
    "assessments (assessment_id, child_id, start_date, authorised_date, child_seen, source)": [
        "('A1', 'C1', DATE '2019-04-03', DATE '2019-05-10', NULL, 'x')",
        "('A2', 'C2', DATE '2019-05-01', DATE '2019-06-10', NULL, 'x')",
        "('A3', 'C3', DATE '2019-10-01', DATE '2019-11-04', TRUE, 'x')",
        "('A4', 'C1', DATE '2019-10-02', DATE '2019-12-02', FALSE, 'x')",
        "('A5', 'C2', DATE '2019-10-03', DATE '2019-12-03', NULL, 'x')",
    ],
    "cla_episodes (child_id, decom, rne, source)": ["('C1', DATE '2019-05-01', 'S', 'x')"],
}


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    path = tmp_path_factory.mktemp("nodata") / "nodata.duckdb"
    con = duckdb.connect(str(path))
    schema.create(con)
    build_calendar(con, date(2018, 1, 1), date(2021, 12, 31))
    for target, values in ROWS.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
    yield con
    con.close()


def _one(con, indicator: str, period: str, comparisons: bool = True):
    (result,) = compute(con, period, ids=[indicator], comparisons=comparisons)
    return result


def test_extent_runs_from_the_first_contact_to_the_last_event(con) -> None:
    extent = coverage.data_extent(as_backend(con))
    assert (extent.first, extent.last) == (date(2019, 4, 2), date(2020, 3, 27))
    # the dashboards' default: Q4 2019-20 ends 31 Mar, within a week of 27 Mar
    assert coverage.latest_complete_quarter(extent).label == "2019-20-Q4"


def test_unrecorded_answers_are_no_data_not_zero(con) -> None:
    q1 = _one(con, "assessments_child_seen_pct", "2019-20-Q1")
    assert (q1.value, q1.numerator, q1.denominator) == (None, None, None)
    assert q1.no_data == "not recorded in the period"
    assert q1.rag is None and q1.forecast is None
    q2 = _one(con, "assessments_child_seen_pct", "2019-20-Q2")
    assert q2.value is None and q2.no_data == "no records in the period" and q2.rag is None


def test_a_recorded_quarter_rates_and_forecasts_from_recorded_answers(con) -> None:
    q3 = _one(con, "assessments_child_seen_pct", "2019-20-Q3")
    assert (q3.value, q3.numerator, q3.denominator, q3.no_data) == (50.0, 1, 2, None)
    assert q3.rag == "red" and q3.forecast == 50.0
    assert [(f.period, f.value, f.no_data) for f in q3.previous_quarters] == [
        ("2018-19-Q3", None, OUTSIDE),
        ("2018-19-Q4", None, OUTSIDE),
        ("2019-20-Q1", None, "not recorded in the period"),
        ("2019-20-Q2", None, "no records in the period"),
    ]


def test_zero_inside_the_data_is_a_real_zero(con) -> None:
    q2 = _one(con, "contacts", "2019-20-Q2")
    assert (q2.value, q2.no_data) == (0, None)


def test_no_figure_after_the_data_end(con) -> None:
    later = _one(con, "contacts", "2020-21-Q1")
    assert (later.value, later.no_data, later.forecast) == (None, OUTSIDE, None)


@pytest.mark.parametrize(
    ("period", "value", "reason"),
    [
        ("asat:2020-03-31", 1, None),
        ("asat:2020-04-30", None, OUTSIDE),
        ("2020-21-Q1", None, OUTSIDE),
        ("asat:2019-03-01", None, OUTSIDE),
        ("asat:2019-11-05", 1, None),
    ],
)
def test_stock_is_not_carried_past_the_data(con, period, value, reason) -> None:
    result = _one(con, "cla_open", period, comparisons=False)
    assert (result.value, result.no_data) == (value, reason)


@pytest.mark.parametrize("indicator", ["contacts", "assessments_child_seen_pct"])
def test_flows_on_one_day_are_not_shown_or_rated(con, indicator) -> None:
    result = _one(con, indicator, "asat:2019-11-05")
    assert result.value is None and result.rag is None and result.forecast is None
    assert result.no_data == coverage.ONE_DAY


def test_data_not_held(con) -> None:
    result = _one(con, "icpc_15wd_pct", "2019-20-Q3")
    assert result.status.startswith("not available: needs s47_enquiries.")
    assert (result.value, result.rag, result.no_data) == (None, None, "data not held")


def test_exports_say_no_data(con, monkeypatch: pytest.MonkeyPatch) -> None:
    results = compute(con, "2019-20-Q1", ids=["assessments_child_seen_pct", "contacts"])
    rows = {r["id"]: r for r in export.flat_rows(results)}
    seen = rows["assessments_child_seen_pct"]
    assert (seen["value"], seen["no_data"], seen["rag"], seen["forecast"]) == (
        None,
        "not recorded in the period",
        None,
        None,
    )
    assert seen["previous_quarter_1"] == "2018-19-Q1: no data"
    assert rows["contacts"]["value"] == 1
    monkeypatch.setenv("COLUMNS", "400")  # one line per row in the terminal table
    out = io.StringIO()
    with redirect_stdout(out):
        export.print_table(results)
    assert "no data (not recorded in the period)" in " ".join(out.getvalue().split())
