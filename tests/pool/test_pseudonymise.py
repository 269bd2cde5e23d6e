"""Child ids pseudonymised per council with the owner's key; dates of birth to the month,
postcodes to the district; the key file made once with mode 0600."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

import duckdb
import pytest

from csc_insight.pool import pseudonymise
from csc_insight.pool.keys import PoolKeyError, pool_key

KEY = b"k" * 40


def test_stable_within_a_council_and_different_across_councils() -> None:
    one = pseudonymise.pseudonym(KEY, "E09000001", "LB00000074")
    assert one == pseudonymise.pseudonym(KEY, "E09000001", "LB00000074")
    assert one != pseudonymise.pseudonym(KEY, "E09000007", "LB00000074")
    assert one != pseudonymise.pseudonym(b"x" * 40, "E09000001", "LB00000074")
    # HMAC-SHA256 of "code US id", first 24 hex digits, upper case
    expected = hmac.new(KEY, b"E09000001\x1fLB00000074", hashlib.sha256).hexdigest()[:24]
    assert one == expected.upper() and len(one) == 24


@pytest.mark.parametrize(
    ("raw", "district"),
    [
        ("N1 9GU", "N1"),
        ("n19gu", "N1"),
        ("EC2V 7HH", "EC2V"),
        ("SW1A 1AA", "SW1A"),
        ("B1 1AA", "B1"),
        ("not known", None),
        ("N1", None),
        (None, None),
    ],
)
def test_postcode_to_district(raw: str | None, district: str | None) -> None:
    assert pseudonymise.outward_code(raw) == district
    with duckdb.connect() as con:
        con.execute("CREATE TABLE t (home_post VARCHAR)")
        con.execute("INSERT INTO t VALUES (?)", [raw])
        sql = pseudonymise._column_sql("home_post")
        assert con.execute(f"SELECT {sql} FROM t").fetchone()[0] == district


def test_a_table_as_the_pool_keeps_it() -> None:
    with duckdb.connect() as con:
        con.execute(
            "CREATE TABLE children AS SELECT 'C1' AS child_id, 'A123' AS upn, "
            "'UN5' AS upn_unknown, DATE '2010-06-17' AS dob, "
            "DATE '2020-02-29' AS expected_dob, 'M' AS sex, "
            "'WBRI' AS ethnicity, FALSE AS disability, FALSE AS uasc, "
            "CAST(NULL AS DATE) AS uasc_ceased, CAST(NULL AS DATE) AS death_date, "
            "'annex_a' AS source, 'a.xlsx!List 1:2' AS source_ref"
        )
        pseudonymise.register(con, KEY, "E09000001")
        row = con.execute(pseudonymise.select_sql("children")).fetchone()
    assert row[0] == pseudonymise.pseudonym(KEY, "E09000001", "C1")
    assert row[1] is None  # UPN dropped
    assert row[2] == "UN5"  # why there is none: a code, not identifying
    assert str(row[3]) == "2010-06-01" and str(row[4]) == "2020-02-01"
    assert row[5:7] == ("M", "WBRI")
    assert row[-1] is None  # lineage dropped


def test_key_file_made_once_with_mode_0600(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("CSC_INSIGHT_POOL_KEY", raising=False)
    key = pool_key(tmp_path)
    path = tmp_path / "pool.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pool_key(tmp_path) == key and len(key) == 64
    monkeypatch.setenv("CSC_INSIGHT_POOL_KEY", "e" * 32)
    assert pool_key(tmp_path) == b"e" * 32
    monkeypatch.setenv("CSC_INSIGHT_POOL_KEY", "short")
    with pytest.raises(PoolKeyError):
        pool_key(tmp_path)
