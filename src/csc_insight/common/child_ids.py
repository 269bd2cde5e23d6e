"""Child ids in their one canonical form: trimmed of whitespace and upper-cased.

Every reader stores ids this way, whatever the return: the CSV returns (Annex A, SSDA903,
local extras) through `SQL` as their rows are typed, the XML returns (CIN census, SSDA903
XML) through `normalise_child_id` as their elements are read; the two trim the same
characters (`WHITESPACE`: what Python's `str.strip` removes, tabs and non-breaking spaces
included), so `A1`, `a1<tab>` and `<no-break space>A1` are one child in every return.

Every place an id enters from a person (a URL, a form, the command line, a register's file)
passes it through `canonical_child_id` before any check or lookup, so that `cl00000035`,
` CL00000035 ` and `CL00000035` are the same child for the restricted-record check as for
the data.

    canonical_child_id(" cl0001 ")  # 'CL0001'
    canonical_child_id("a/b")       # ChildIdError
"""

from __future__ import annotations

import re

# The characters `str.strip()` removes (those `str.isspace()` is true of).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
# SQL of the normalised id of the text `{0}` (NULL when nothing is left), as
# `normalise_child_id` gives it. Trimming a list of characters costs ten times upper-casing
# (7 s of CPU for an England-sized year's 5.5M visits), so only an id that starts or ends
# with whitespace is trimmed; the characters as chr() calls keep control characters out of
# the SQL text.
_CODES = ", ".join(str(ord(character)) for character in WHITESPACE)
SQL = (
    "CASE WHEN ascii({0}) IN (" + _CODES + ") OR ascii(right({0}, 1)) IN (" + _CODES + ") "
    "THEN NULLIF(upper(trim({0}, "
    + " || ".join(f"chr({ord(character)})" for character in WHITESPACE)
    + ")), '') ELSE NULLIF(upper({0}), '') END"
)

# What a canonical id may hold: upper-case letters, digits, - and _ (at most 64 characters),
# and the same in words, for every message that says what an id may be.
CANONICAL_PATTERN = r"[A-Z0-9_-]{1,64}"
ALLOWED = "letters, numbers, - and _"
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
        raise ChildIdError(f"A child ID is 1 to 64 {ALLOWED}")
    return text


def is_canonical(text: str) -> bool:
    """Whether the text is already a child id in canonical form (as a URL must give it)."""
    return bool(_CANONICAL.match(text))
