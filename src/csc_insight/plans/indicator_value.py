"""The current value of an indicator an action is linked to, in words, for showing beside it.

The latest quarter is the last quarter the current snapshot's data cover to (nearly) its
end (indicators/coverage.py), the dashboards' default. A figure with no data reads "no data"
with the reason, never 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

NO_DATA = "no data loaded"


def current_values(ids: Iterable[str], rule: Any = None) -> dict[str, str]:
    """Indicator id -> its value for the latest quarter on the current snapshot, in words
    ('72.5% (2019-20-Q4)'); NO_DATA for all when nothing is loaded. With a disclosure
    `rule` (reports.disclosure.Rule, for Members) a small figure is written 'c'."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    import duckdb

    from csc_insight.indicators.catalogue import catalogue
    from csc_insight.indicators.coverage import SnapshotData
    from csc_insight.indicators.engine import as_backend, compute
    from csc_insight.indicators.formatting import format_value
    from csc_insight.store import snapshots

    try:
        snap = snapshots.current()
    except snapshots.SnapshotError:
        return dict.fromkeys(wanted, NO_DATA)
    known = {d.id for d in catalogue()}
    shown = {i: "not an indicator in the catalogue" for i in wanted if i not in known}
    runnable = [i for i in wanted if i in known]
    if not runnable:
        return shown
    with snapshots.connect(snap.id) as con:
        try:
            held = SnapshotData.read(as_backend(con))
            period = held.latest_complete_quarter(date.fromisoformat(snap.created_at[:10]))
            results = compute(con, period, ids=runnable, comparisons=False)
        except duckdb.Error as error:
            return shown | dict.fromkeys(runnable, f"could not be computed ({error})")
    for result in results:
        if result.status != "ok":
            shown[result.id] = f"{result.status} ({period.label})"
        elif rule is not None and rule.hides(
            result.unit, result.value, result.numerator, result.denominator
        ):
            shown[result.id] = f"c ({period.label}; small numbers are not shown)"
        elif result.no_data:
            shown[result.id] = f"no data: {result.no_data} ({period.label})"
        else:
            value = format_value(result.value, result.unit, group_percent=False)
            shown[result.id] = f"{value} ({period.label})"
    return shown


def choices() -> list[tuple[str, str]]:
    """(id, title) of every indicator, for a form's select."""
    from csc_insight.indicators.catalogue import catalogue

    return [(d.id, f"{d.title} ({d.area})") for d in catalogue()]
