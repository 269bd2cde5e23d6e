"""What an indicator that is not available needs, in words a user can act on.

The engine says an indicator is "not available: needs contacts.decision_date" when the data
loaded hold no value in a column its definition requires (`requires:`; definitions/README.md).
Pages and the terminal table show `explain(status)` instead: "Not available: needs the dates
contacts were decided, which the data loaded do not hold (contacts.decision_date)". The
words for each column are in needs.yaml; the column itself stays, for the analyst.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

from csc_insight.indicators.catalogue import split_need

NOT_AVAILABLE = "not available: needs "
_BETWEEN = ", "  # between the needs of one status
# The returns a need may name (`... from ssda903`), as users know them.
RETURNS = {
    "cin_census": "the CIN census",
    "ssda903": "SSDA903",
    "local": "the local extras files",
    "annex_a": "Annex A",
}


@cache
def words() -> dict[str, str]:
    """`table.column` -> what it holds, in words (needs.yaml)."""
    text = (files("csc_insight.indicators") / "needs.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


def status_for(missing: list[str]) -> str:
    """The engine's status for an indicator whose `missing` needs the data do not hold:
    'not available: needs contacts.decision_date, calendar.working_day_no'."""
    return NOT_AVAILABLE + _BETWEEN.join(missing)


def describe(need: str) -> str:
    """'cla_episodes.rne from ssda903' -> 'why looked-after episodes started (new
    placements) from SSDA903'; a column without words is shown as it is."""
    table, column, source = split_need(need)
    what = words().get(f"{table}.{column}", f"{table}.{column}")
    return what + (f" from {RETURNS.get(source, source)}" if source else "")


def explain(status: str) -> str:
    """A Result's status as a page shows it: 'ok', or what is needed and why it is not
    there, in words, with the columns named at the end."""
    if not status.startswith(NOT_AVAILABLE):
        return status[:1].upper() + status[1:]
    needed = status.removeprefix(NOT_AVAILABLE).split(_BETWEEN)
    what = "; ".join(describe(need) for need in needed)
    return f"Not available: needs {what}, which the data loaded do not hold ({', '.join(needed)})."
