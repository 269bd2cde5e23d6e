"""The indicator engine: the statutory and local indicators computed from a snapshot.

Public API (stable; the web dashboards and committee reports build on it):

    catalogue() -> list[Definition]          metadata of every indicator (definitions/*.sql)
    get(indicator_id) -> Definition
    parse_period(text) -> Period             .label .start .end .kind .fy, .short_name()
                                             ('Q3 2019-20'), .describe() (with its months)
    compute(con, period, ids=None, by=None, comparisons=True, settings=None) -> list[Result]
        one Result per indicator (per indicator and breakdown value when `by` is one of
        BREAKDOWNS): value, numerator, denominator, status ('ok' or 'not available: needs
        table.column, ...'), rag, target, bands, previous_quarters (4 Figures, oldest
        first), same_period_last_year, last_year_outturn, forecast and the
        year_to_date Figure it is scaled from (flow measures),
        comparators (england / london / neighbours / la from csc_insight.benchmarks, and
        region_quarterly when a regional pool's table is loaded).
        Result.to_dict() gives plain data for JSON (without year_to_date).
    children(con, indicator_id, period, settings=None) -> list[ChildRow]
        the items behind a figure: child_id, in_numerator, in_denominator and an evidence
        dict of the dates that decided it (e.g. referral_date, authorised_date,
        working_days). Raises LookupError when the indicator is not available.

`con` is a DuckDB connection to a snapshot (csc_insight.store.snapshots.connect()) or a
`spark.SparkBackend` (the same SQL transpiled to Spark; see spark.py).
Settings (working-day convention, assessment clock) and targets: settings.py.
"""

from csc_insight.indicators.catalogue import Definition, catalogue, get
from csc_insight.indicators.engine import (
    BREAKDOWNS,
    ChildRow,
    Figure,
    Result,
    children,
    compute,
)
from csc_insight.indicators.periods import Period, PeriodError, parse_period

__all__ = [
    "BREAKDOWNS",
    "ChildRow",
    "Definition",
    "Figure",
    "Period",
    "PeriodError",
    "Result",
    "catalogue",
    "children",
    "compute",
    "get",
    "parse_period",
]
