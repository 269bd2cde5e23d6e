"""What a council's snapshot becomes in the pool: ids pseudonymised, dates of birth reduced
to the month and postcodes to the district (the way the LIIA pipeline degrades them).

- Every identifier (child_id, the contact, referral, assessment, S47, plan and early-help
  ids, which some returns build from the child's id, and worker ids) becomes
  HMAC-SHA256(key, council code + US + id), 24 upper-case hex digits. The council code is
  part of the input, so the same id in two councils gives two unrelated pseudonyms; within
  one council it always gives the same one, load after load, so joins between tables and
  between loads still hold.
- dob and expected_dob: the first day of their month.
- home_post and pl_post: the outward code (district), e.g. 'N1 9GU' -> 'N1'; anything that
  is not a postcode -> NULL.
- UPN, lineage (source_ref), worker and personal adviser names: NULL.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import duckdb

from csc_insight.store.schema import tables

ID_COLUMNS = frozenset(
    {
        "child_id",
        "contact_id",
        "eh_id",
        "referral_id",
        "assessment_id",
        "s47_id",
        "cin_plan_id",
        "cp_plan_id",
        "pre_proceedings_id",
        "worker",
    }
)
MONTH_COLUMNS = frozenset({"dob", "expected_dob"})
POSTCODE_COLUMNS = frozenset({"home_post", "pl_post"})
DROPPED_COLUMNS = frozenset({"upn", "source_ref", "name", "personal_advisor"})
SEPARATOR = "\x1f"  # unit separator: no council code or id holds it
DIGITS = 24  # 96 bits: no collision among a region's ids in any likelihood worth counting
UDF = "pool_pseudonym"

# A full UK postcode without its space: outward code (2-4 characters) + inward (digit, 2 letters)
_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$"


def pseudonym(key: bytes, la_code: str, raw: str) -> str:
    """The pool's id for `raw` in council `la_code`."""
    digest = hmac.new(key, f"{la_code}{SEPARATOR}{raw}".encode(), hashlib.sha256)
    return digest.hexdigest()[:DIGITS].upper()


def outward_code(postcode: str | None) -> str | None:
    """The postcode district ('N1 9GU' -> 'N1'), None when it is not a full postcode
    (Python twin of the SQL in `_column_sql`, for tests and callers outside DuckDB)."""
    import re

    if postcode is None:
        return None
    packed = re.sub(r"\s+", "", postcode).upper()
    return packed[:-3] if re.match(_POSTCODE, packed) else None


def register(con: duckdb.DuckDBPyConnection, key: bytes, la_code: str) -> None:
    """Make `pool_pseudonym(VARCHAR)` available on `con` for this council and key."""
    import pyarrow as pa

    cache: dict[str, str] = {}

    def apply(values: Any) -> Any:
        out = []
        for value in values.to_pylist():
            if value is None:
                out.append(None)
                continue
            found = cache.get(value)
            if found is None:
                found = cache[value] = pseudonym(key, la_code, value)
            out.append(found)
        return pa.array(out, pa.string())

    con.create_function(UDF, apply, ["VARCHAR"], "VARCHAR", type="arrow", side_effects=False)


def _column_sql(column: str) -> str:
    if column in ID_COLUMNS:
        return f"{UDF}({column}) AS {column}"
    if column in MONTH_COLUMNS:
        return f"CAST(date_trunc('month', {column}) AS DATE) AS {column}"
    if column in POSTCODE_COLUMNS:
        packed = f"upper(regexp_replace({column}, '\\s+', '', 'g'))"
        return (
            f"CASE WHEN regexp_matches({packed}, '{_POSTCODE}') "
            f"THEN left({packed}, length({packed}) - 3) END AS {column}"
        )
    if column in DROPPED_COLUMNS:
        return f"CAST(NULL AS VARCHAR) AS {column}"
    return column


def select_sql(table: str, source: str = "") -> str:
    """The SELECT giving `table` as the pool keeps it (`source`: a schema prefix, 'snap.')."""
    if table == "snapshot_meta":  # who loaded it stays with the council
        kept = "('id', 'data_from', 'data_to')"
        return f"SELECT key, value FROM {source}snapshot_meta WHERE key IN {kept}"
    columns = ", ".join(_column_sql(c) for c in tables()[table])
    return f"SELECT {columns} FROM {source}{table}"
