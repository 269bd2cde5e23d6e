"""Child ids in their one canonical form: trimmed and upper-cased, as every reader stores
them (Annex A, CIN census, SSDA903 and local extras all trim and upper-case the id).

Every place an id enters from a person (a URL, a form, the command line) passes it through
`canonical_child_id` before any check or lookup, so that `cl00000035`, ` CL00000035 ` and
`CL00000035` are the same child for the restricted-record check as for the data.

    canonical_child_id(" cl0001 ")  # 'CL0001'
    canonical_child_id("a/b")       # ChildIdError
"""

from __future__ import annotations

import re

# What a canonical id may hold: upper-case letters, digits, - and _ (at most 64 characters).
CANONICAL_PATTERN = r"[A-Z0-9_-]{1,64}"
_CANONICAL = re.compile(rf"^{CANONICAL_PATTERN}$")


class ChildIdError(ValueError):
    """Text that is not a child id, even once trimmed and upper-cased."""


def normalise_child_id(raw: str) -> str:
    """The id trimmed and upper-cased (no check that it is a valid id)."""
    return raw.strip().upper()


def canonical_child_id(raw: str) -> str:
    """The canonical form of a child id; ChildIdError when it holds other characters."""
    text = normalise_child_id(raw)
    if not _CANONICAL.match(text):
        raise ChildIdError("A child ID is 1 to 64 letters, numbers, - and _")
    return text


def is_canonical(text: str) -> bool:
    """Whether the text is already a child id in canonical form (as a URL must give it)."""
    return bool(_CANONICAL.match(text))
