"""The catalogue in one pass over the hand-built 3-council pool (conftest.toy_pool ; `la` carried
through every query, pool/keyed.py) gives what council by council gives, and the hand-worked values.

- A is the indicators' hand-built snapshot (tests/indicators/conftest.py): every Q3 value
  was worked out by hand there (tests/indicators/test_values.py, Q3).
- B is the same snapshot less contact K3 and referral R3. Its ids are A's, raw (the toy pool
  is not pseudonymised), so a query that let two councils' rows meet would double B's
  counts or A's.
- C (code 303: digits, kept a string, not read as a number) holds only a calendar, a
  population and one referral (R1 of child C1, A's ids again): no contacts, reviews or
  anything else, so each aggregate with no GROUP BY meets a council with no rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from csc_insight.indicators import catalogue
from csc_insight.indicators.coverage import NOT_HELD
from csc_insight.pool import council_results
from csc_insight.pool.keyed import KeyedSQLError, keyed

PERIOD = "2019-20-Q3"


@pytest.fixture(scope="module")
def one_pass(toy_pool: Path):
    return council_results(toy_pool, PERIOD, "duckdb")


def _by_id(results):
    return {code: {r.id: r for r in rs} for code, rs in results.items()}


def test_a_gets_every_hand_worked_value(one_pass, import_file) -> None:
    a = _by_id(one_pass)["A1"]
    expected = import_file("tests/indicators/test_values.py").Q3
    # the register indicators are a council's own, never pooled
    assert set(expected) == {d.id for d in catalogue() if not d.register_tables}
    for ident, (value, numerator, denominator) in expected.items():
        got = a[ident]
        assert got.value == pytest.approx(value), ident
        assert (got.numerator, got.denominator) == (numerator, denominator), ident
    assert a["referrals"].snapshot == "load-A1"


def test_b_less_one_contact_and_one_referral_by_hand(one_pass) -> None:
    b = _by_id(one_pass)["B2"]
    # referrals in Q3: R1, R2 (R3 gone); contacts: K1, K2, K4 (K3 gone)
    assert (b["referrals"].value, b["contacts"].value) == (2, 3)
    # K1 and K2 decided within a working day, K4 never: 2 of 3
    assert (b["contacts_decided_1wd_pct"].numerator, b["contacts_decided_1wd_pct"].denominator) == (
        2,
        3,
    )
    # R2 no further action: 1 of 2; R1 came 12 months after R0: 1 of 2
    assert b["referrals_nfa_pct"].value == 50.0
    assert b["rereferrals_12m_pct"].value == 50.0
    # what the two removed rows do not touch is A's: the CLA figures, say
    assert (b["cla_open"].value, b["cla_reviews_in_time_pct"].numerator) == (6, 2)


def test_c_303_with_one_referral_and_nothing_else_by_hand(one_pass) -> None:
    c = _by_id(one_pass)["303"]
    assert c["referrals"].value == 1 and c["referrals"].snapshot == "load-303"
    # no contacts at all: not held (not 0); no reviews: not held
    assert c["contacts"].value is None and c["contacts"].no_data == NOT_HELD
    assert c["cla_reviews_in_time_pct"].no_data == NOT_HELD
    # referrals on file but none of no further action recorded as TRUE: 0 of 1
    assert (c["referrals_nfa_pct"].numerator, c["referrals_nfa_pct"].denominator) == (0, 1)
    # assessments are a table C has none of: not held
    assert c["assessments_45wd_pct"].no_data == NOT_HELD
    assert c["rereferrals_12m_pct"].value == 0.0
    # C's data run from R1 to R1 (its own extent, not A's): a stock figure at 31 December
    # is more than a week past them, so no data
    assert c["cin_open"].value is None
    assert c["cin_open"].no_data == (
        "period outside the data (data from 1 November 2019 to 1 November 2019)"
    )


def test_one_pass_equals_council_by_council(toy_pool: Path, one_pass) -> None:
    per_council = council_results(toy_pool, PERIOD, "duckdb", one_pass=False)
    assert sorted(one_pass) == sorted(per_council) == ["303", "A1", "B2"]
    for code, results in per_council.items():
        assert [r.to_dict() for r in one_pass[code]] == [r.to_dict() for r in results], code


def test_each_definition_runs_once_for_every_council(toy_pool: Path, monkeypatch) -> None:
    from csc_insight.indicators.engine import DuckDBBackend

    ran: list[str] = []
    original = DuckDBBackend.rows

    def counting(self, sql):
        ran.append(sql)
        return original(self, sql)

    monkeypatch.setattr(DuckDBBackend, "rows", counting)
    council_results(toy_pool, PERIOD, "duckdb", ids=["referrals", "contacts"])
    definitions = [s for s in ran if "GROUP BY d.period" in s]
    assert len(definitions) == 2  # referrals and contacts, each once for the three councils
    assert len(ran) == len(set(ran))


def test_the_rewrite_keeps_councils_apart_in_every_clause() -> None:
    sql = keyed(
        "SELECT p.period, COUNT(*) AS n, ROW_NUMBER() OVER (PARTITION BY r.child_id) AS k "
        "FROM periods p JOIN referrals r ON r.referral_date <= p.period_end "
        "CROSS JOIN calendar c LEFT JOIN contacts k ON k.child_id = r.child_id "
        "GROUP BY p.period, r.child_id"
    )
    assert "JOIN referrals AS r ON (r.referral_date <= p.period_end) AND r.la = p.la" in sql
    assert "JOIN calendar AS c ON c.la = p.la" in sql
    assert "LEFT JOIN contacts AS k ON (k.child_id = r.child_id) AND k.la = p.la" in sql
    assert "PARTITION BY p.la, r.child_id" in sql
    assert sql.endswith("GROUP BY p.period, r.child_id, p.la")
    assert "p.la AS la FROM" in sql


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT a.x FROM a RIGHT JOIN b ON a.x = b.x",
        "SELECT a.x FROM a FULL JOIN b ON a.x = b.x",
        "SELECT a.x FROM a JOIN b USING (x)",
        "SELECT a.x FROM a WHERE a.x IN (SELECT b.x FROM b)",
        "SELECT a.x FROM a LIMIT 1",
        "SELECT * FROM a JOIN b ON a.x = b.x",
    ],
)
def test_what_cannot_be_kept_apart_is_refused(sql: str) -> None:
    with pytest.raises(KeyedSQLError):
        keyed(sql)
