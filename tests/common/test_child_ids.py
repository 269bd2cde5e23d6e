"""The one canonical form of a child id: trimmed and upper-cased, the same in SQL as in
Python; anything else refused where a person types an id."""

from __future__ import annotations

import duckdb
import pytest

from csc_insight.common.child_ids import (
    SQL,
    WHITESPACE,
    ChildIdError,
    canonical_child_id,
    is_canonical,
    normalise_child_id,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CL00000035", "CL00000035"),
        ("cl00000035", "CL00000035"),
        (" Cl00000035\t", "CL00000035"),
        ("a-b_c", "A-B_C"),
    ],
)
def test_canonical(raw: str, expected: str) -> None:
    assert canonical_child_id(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "a/b", "C 1", "x" * 65, "<b>", "C1\x00"])
def test_not_an_id(raw: str) -> None:
    with pytest.raises(ChildIdError):
        canonical_child_id(raw)


def test_is_canonical_only_for_the_canonical_spelling() -> None:
    assert is_canonical("CL1") and not is_canonical("cl1") and not is_canonical(" CL1")


def test_whitespace_is_what_str_strip_removes() -> None:
    every = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert set(WHITESPACE) == every
    assert len(WHITESPACE) == 29


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a1", "A1"),
        ("a1\t", "A1"),
        ("\u00a0Cl00000035 ", "CL00000035"),  # a no-break space, as Excel exports paste
        ("\u2003x-1\u3000\r\n", "X-1"),
        ("x1\u3000", "X1"),  # an ideographic space, after the id only
        ("a b", "A B"),  # inside the id: kept (and not canonical)
        ("\t\u00a0", None),  # nothing left: no id
    ],
)
def test_sql_normalises_as_python_does(raw: str, expected: str | None) -> None:
    got = duckdb.sql(f"SELECT {SQL.format('x')} FROM (SELECT ? AS x)", params=[raw]).fetchall()[0][
        0
    ]
    assert got == expected
    assert normalise_child_id(raw) == (expected or "")
