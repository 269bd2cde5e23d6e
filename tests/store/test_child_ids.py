"""The one canonical form of a child id: trimmed and upper-cased; anything else refused."""

from __future__ import annotations

import pytest

from csc_insight.store.child_ids import ChildIdError, canonical_child_id, is_canonical


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
