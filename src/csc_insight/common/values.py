"""Parsing single cell values the way the returns spell them: dates, Y/N flags, coded values.

These run once per *distinct* raw value (see `formats.tabular`), so they can afford to be
forgiving about spelling while the loader stays fast on millions of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

EXCEL_EPOCH = date(1899, 12, 30)
_DATE_FORMATS = (
    "%d/%m/%Y",
    "%Y-%m-%d",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d/%m/%y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%y",
    "%Y/%m/%d",
)
_TIME_SUFFIX = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_SERIAL = re.compile(r"^\d{4,5}(\.\d+)?$")  # a time of day may follow the point

TRUE_WORDS = frozenset({"Y", "YES", "TRUE", "1", "T", "1 - YES", "Y - YES"})
FALSE_WORDS = frozenset({"N", "NO", "FALSE", "0", "F", "0 - NO", "2 - NO", "N - NO"})


def parse_date(raw: str) -> date | None:
    """A date from dd/mm/yyyy, ISO yyyy-mm-dd (time of day ignored) or an Excel serial.

    Returns None when the text is not a date we recognise.
    """
    text = raw.strip()
    if _SERIAL.match(text):
        serial = int(float(text))
        # Excel serials 1..2958465; real case dates lie between 1900 and 2100.
        if 1 <= serial <= 73050:
            return EXCEL_EPOCH + timedelta(days=serial)
        return None
    text = _TIME_SUFFIX.sub("", text)
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if 1900 <= parsed.year <= 2100:
            return parsed
    return None


def parse_flag(raw: str) -> bool | None:
    """Y/N, Yes/No, true/false, 1/0, and Annex A's 'a) Yes' style. None when unrecognised."""
    word = strip_option_letter(raw).strip().upper()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


_OPTION_LETTER = re.compile(r"^\s*[a-zA-Z]\)\s*")
_LEADING_TOKEN = re.compile(r"^([A-Za-z0-9]+)\s*(?:[:\-–.)]|\s|$)")


def strip_option_letter(raw: str) -> str:
    """Drop an Ofsted drop-down prefix: 'a) Male' -> 'Male', 'b) 1A: X' -> '1A: X'."""
    return _OPTION_LETTER.sub("", raw)


def code_lookup(codes: Mapping[str, str] | Iterable[str]) -> dict[str, str]:
    """Upper-cased spellings -> code, for `parse_code`: the codes themselves and their labels."""
    lookup: dict[str, str] = {}
    if isinstance(codes, Mapping):
        for code, label in codes.items():
            lookup[code.upper()] = code
            lookup.setdefault(label.upper(), code)
    else:
        for code in codes:
            lookup[code.upper()] = code
    return lookup


def parse_code(raw: str, lookup: Mapping[str, str]) -> str | None:
    """The code a cell means, trying in turn: the whole value ('1A'), the value without an
    Ofsted option letter ('a) 1A: Individual'), its leading token ('N1 - Abuse or neglect'),
    and the label ('Male'). None when nothing matches."""
    text = raw.strip()
    for candidate in (text, strip_option_letter(text).strip()):
        key = candidate.upper()
        if key in lookup:
            return lookup[key]
        match = _LEADING_TOKEN.match(candidate)
        if match and match.group(1).upper() in lookup:
            return lookup[match.group(1).upper()]
        # '1 - Male': a case-system number before the label
        _, sep, rest = candidate.partition(" - ")
        if sep and rest.strip().upper() in lookup:
            return lookup[rest.strip().upper()]
    return None


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_problem(raw: str) -> str | None:
    """Why `raw` is not a date `parse_date` accepts, in words a person can act on
    ('1066-04-13' -> 'before 1900', '31/02/2019' -> 'there is no 31 February 2019'); None
    when there is nothing more specific to say than "not a date"."""
    text = _TIME_SUFFIX.sub("", raw.strip())
    match = _DMY.match(text)
    parts = (match.group(3), match.group(2), match.group(1)) if match else None
    if parts is None and (match := _YMD.match(text)):
        parts = (match.group(1), match.group(2), match.group(3))
    if parts is None:
        return None
    year, month, day = (int(p) for p in parts)
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    try:
        date(year, month, day)
    except ValueError:
        return f"there is no {day} {_MONTHS[month - 1]} {year}"
    if year < 1900:
        return "before 1900"
    if year > 2100:
        return "after 2100"
    return None
