"""Run the catalogue on a snapshot: values, comparisons, breakdowns and the children
behind each number.

Every definition is run once per call over all the periods it needs (the period asked
for and its comparison periods), which the engine supplies as an inline `periods` table.
The SQL is written in DuckDB's dialect; `spark.SparkBackend` transpiles it for Spark.

A figure the data cannot give has `value None` and `no_data` saying why (see coverage.py):
no RAG, no forecast and no comparison is made from it.

Register indicators (`requires: [registers.<table>.<column>]`) read the registers' tables
as well as the snapshot: on DuckDB the registers' file (store/register_tables.py) is
attached read-only as `registers` while they are computed. A register that is not kept
gives "no data (register not kept)"; one kept with nothing in the period gives 0. Other
engines (Spark, the regional pool) leave them out.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Protocol

from csc_insight.indicators import coverage, needs, precomputed
from csc_insight.indicators.binding import bind, literal_sql
from csc_insight.indicators.catalogue import (
    ROW_COLUMNS,
    Definition,
    catalogue,
    common_views,
    split_need,
    views_needed,
    words,
)
from csc_insight.indicators.catalogue import get as get_definition
from csc_insight.indicators.periods import Period, fy_start_year, parse_period
from csc_insight.indicators.settings import load_settings, load_targets, rag, sql_params
from csc_insight.store import register_tables, snapshots

# Joins with a side this small (the `periods` of a compute(): up to eight) are nested loops
# on DuckDB (DuckDBBackend.tuned); DuckDB's own default is 5 rows.
NESTED_LOOP_ROWS = 64

BREAKDOWNS = ("team", "worker", "age_band", "gender", "ethnicity", "disability", "uasc")
NOT_RECORDED = "not recorded"


class Backend(Protocol):
    """Where the SQL runs: DuckDB (a snapshot connection) or Spark (`spark.SparkBackend`)."""

    def rows(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]: ...

    def snapshot_id(self) -> str | None: ...


class DuckDBBackend:
    """A DuckDB connection. With `registers` True (a snapshot of this install: `as_backend`)
    the register indicators read this install's registers' file; without (the regional
    pool's councils) they are left out."""

    def __init__(self, con: Any, registers: bool = False) -> None:
        self.con = con
        self.reads_registers = registers

    def registers(self) -> contextlib.AbstractContextManager[register_tables.Held | None]:
        """The registers' file attached for the block (None: no file, so none kept)."""
        return register_tables.attached(self.con)

    def rows(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        cursor = self.con.execute(sql)
        return [d[0] for d in cursor.description], cursor.fetchall()

    def snapshot_id(self) -> str | None:
        return snapshots.recorded_id(self.con)

    def keep(self, name: str, sql: str) -> None:
        """Make the TEMP table `name` from `sql`: on this connection only, in memory, and
        allowed on a read-only snapshot connection."""
        self.con.execute(f"CREATE TEMP TABLE {name} AS {sql}")

    def drop(self, name: str) -> None:
        self.con.execute(f"DROP TABLE IF EXISTS temp.{name}")

    def precomputed(self) -> dict[str, str]:
        """The common views the snapshot holds as tables (`precomputed`): name -> table."""
        return precomputed.held(self.con)

    @contextlib.contextmanager
    def tuned(self) -> Iterator[None]:
        """For the block, a join with the few `periods` rows on a range (`BETWEEN
        p.period_start AND p.period_end`, or open on `p.period_end`) tests every row
        against each period (a nested loop) rather than sorting for a piecewise merge join:
        about a quarter of the catalogue's CPU time on an England-sized year. The
        connection's own setting is put back after."""
        (before,) = self.con.execute(
            "SELECT current_setting('nested_loop_join_threshold')"
        ).fetchone()
        self.con.execute(f"SET nested_loop_join_threshold = {NESTED_LOOP_ROWS}")
        try:
            yield
        finally:
            self.con.execute(f"SET nested_loop_join_threshold = {int(before)}")


def as_backend(con: Any) -> Backend:
    """A DuckDB connection to a snapshot of this install (its registers read too), or
    anything that already is a Backend."""
    return con if hasattr(con, "rows") else DuckDBBackend(con, registers=True)


def reads_registers(backend: Any) -> bool:
    """Whether `backend` computes the register indicators (DuckDB on this install's data)."""
    return bool(getattr(backend, "reads_registers", False))


@dataclass(frozen=True)
class Figure:
    """A value for one comparison period; `no_data` says why there is none."""

    period: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None  # an FTE sum can be fractional
    no_data: str | None = None


@dataclass
class Result:
    id: str
    title: str
    area: str
    unit: str
    polarity: str
    period_type: str
    period: str
    snapshot: str | None
    status: str  # 'ok' or 'not available: needs table.column, ...'
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    by: str | None = None
    key: str | None = None  # the breakdown value when `by` is given
    bands: dict[str, int] | None = None
    rag: str | None = None
    target: float | None = None
    previous_quarters: list[Figure] = field(default_factory=list)
    same_period_last_year: Figure | None = None
    last_year_outturn: Figure | None = None
    forecast: float | None = None
    comparators: dict[str, dict[str, Any]] = field(default_factory=dict)
    # why there is no value (coverage.py: data not held, period outside the data, no
    # records in the period, not recorded); None when there is a figure
    no_data: str | None = None
    # the year to date the forecast is worked out from (not in the JSON export)
    year_to_date: Figure | None = None

    def __post_init__(self) -> None:
        # A result built without its year to date (by hand, in a test) but with a count's
        # forecast gets it back from the forecast, as the engine would have made it.
        if (
            self.year_to_date is None
            and self.unit == "count"
            and isinstance(self.forecast, int | float)
        ):
            self.year_to_date = _year_to_date_of(self.forecast, parse_period(self.period))

    @property
    def has_children(self) -> bool:
        """Whether `children()` can list the items behind this figure: not for a register
        that is not kept (there is nothing to list, and the drill-down would be a 404)."""
        return self.status == "ok" and self.no_data != coverage.NOT_KEPT

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["year_to_date"]  # the JSON export keeps its fields (the forecast gives it)
        return data


@dataclass(frozen=True)
class ChildRow:
    """One counted item behind a figure, with the dates that decided it."""

    child_id: str
    in_numerator: bool
    in_denominator: bool
    evidence: dict[str, Any]


# --- SQL assembly -------------------------------------------------------------------


def _periods_sql(periods: Sequence[Period]) -> str:
    values = ", ".join(
        f"({literal_sql(p.label)}, {literal_sql(p.start)}, {literal_sql(p.end)}, "
        f"{literal_sql(date(fy_start_year(p.end) + 1, 3, 31))})"
        for p in periods
    )
    return f"SELECT * FROM (VALUES {values}) AS periods_(period, period_start, period_end, fy_end)"


def rows_sql(
    definition: Definition,
    periods: Sequence[Period],
    settings: dict[str, Any] | None = None,
    extra_views: Iterable[str] = (),
    kept: Mapping[str, str] | None = None,
) -> str:
    """A WITH clause defining `periods`, the common views used and `d`, the definition's rows.
    `kept`: common views already made as tables (name -> table), read from there.

    Complete it with a SELECT from `d`.
    """
    settings = settings or load_settings()
    params = sql_params(settings, definition.id, definition.params)
    return _with(
        [*views_needed(definition.sql + " " + " ".join(extra_views), kept or {}), "d"],
        {"d": bind(definition.sql, params)},
        periods,
        params,
        kept or {},
    )


def _with(
    names: Sequence[str],
    own: Mapping[str, str],
    periods: Sequence[Period],
    params: dict[str, Any],
    kept: Mapping[str, str],
) -> str:
    """WITH `periods` and `names` (common views, or the bound SELECTs in `own`); the views
    in `kept` read from their table."""
    views = common_views()
    ctes = [f"periods AS ({_periods_sql(periods)})"]
    ctes += [
        f"{name} AS ({_from_kept(name, kept) or own.get(name) or bind(views[name], params)})"
        for name in names
    ]
    return "WITH " + ",\n".join(ctes) + "\n"


def _from_kept(name: str, kept: Mapping[str, str]) -> str | None:
    return f"SELECT * FROM {kept[name]}" if name in kept else None


_AGE = (
    "(year(p.period_end) - year(ch.dob) - CASE WHEN month(p.period_end) * 100 + "
    "day(p.period_end) < month(ch.dob) * 100 + day(ch.dob) THEN 1 ELSE 0 END)"
)

_ALLOCATION_AT_END = """(
    SELECT period, child_id, worker, team FROM (
        SELECT p.period, a.child_id, a.worker, a.team,
               ROW_NUMBER() OVER (PARTITION BY p.period, a.child_id
                                  ORDER BY a.start_date DESC, a.worker) AS rn
        FROM periods p
        JOIN allocations a ON a.start_date <= p.period_end
            AND (a.end_date IS NULL OR a.end_date > p.period_end)
    ) ranked WHERE rn = 1
) al ON al.period = d.period AND al.child_id = d.child_id"""


def _breakdown(definition: Definition, by: str | None) -> tuple[str, str, list[str]]:
    """(key expression, joins, common views the joins use) for a breakdown."""
    if by is None:
        return "CAST(NULL AS VARCHAR)", "", []
    if by not in BREAKDOWNS:
        raise ValueError(f"--by must be one of {', '.join(BREAKDOWNS)}")
    if by in ("team", "worker"):
        own = f"d.{by}, " if by in definition.columns else ""
        return (f"COALESCE({own}al.{by}, '{NOT_RECORDED}')", f"LEFT JOIN {_ALLOCATION_AT_END}", [])
    joins = (
        "JOIN periods p ON p.period = d.period\n"
        "LEFT JOIN child_facts ch ON ch.child_id = d.child_id"
    )
    key = {
        "age_band": (
            f"CASE WHEN ch.dob IS NULL THEN '{NOT_RECORDED}' "
            f"WHEN {_AGE} < 1 THEN 'under 1' WHEN {_AGE} < 5 THEN '1-4' "
            f"WHEN {_AGE} < 10 THEN '5-9' WHEN {_AGE} < 16 THEN '10-15' "
            f"WHEN {_AGE} < 18 THEN '16-17' ELSE '18+' END"
        ),
        "gender": f"COALESCE(ch.sex, '{NOT_RECORDED}')",
        "ethnicity": f"COALESCE(ch.ethnicity, '{NOT_RECORDED}')",
        "disability": (
            "CASE ch.disability WHEN 1 THEN 'disabled' WHEN 0 THEN 'not disabled' "
            f"ELSE '{NOT_RECORDED}' END"
        ),
        "uasc": (
            "CASE WHEN ch.uasc = 1 AND (ch.uasc_ceased IS NULL OR ch.uasc_ceased > "
            "p.period_end) THEN 'UASC' WHEN ch.uasc IS NOT NULL THEN 'not UASC' "
            f"ELSE '{NOT_RECORDED}' END"
        ),
    }[by]
    return key, joins, ["child_facts"]


def aggregate_sql(
    definition: Definition,
    periods: Sequence[Period],
    by: str | None = None,
    settings: dict[str, Any] | None = None,
    kept: Mapping[str, str] | None = None,
) -> str:
    """One row per (period, key, band): numerator, denominator and the rows counted.
    `kept`: as for `rows_sql`."""
    key, joins, views = _breakdown(definition, by)
    if definition.unit == "mean":
        # rounded so that engines summing in a different order agree exactly
        numerator = "ROUND(SUM(CASE WHEN d.in_numerator THEN d.measure END), 6)"
    else:
        numerator = "COUNT(CASE WHEN d.in_numerator THEN 1 END)"
    if definition.denominator_sum:
        # rounded so that engines summing in a different order agree exactly
        denominator = (
            f"ROUND(SUM(CASE WHEN d.in_denominator THEN d.{definition.denominator_sum} END), 6)"
        )
    elif definition.denominator_distinct:
        denominator = (
            f"COUNT(DISTINCT CASE WHEN d.in_denominator "
            f"THEN d.{definition.denominator_distinct} END)"
        )
    else:
        denominator = "COUNT(CASE WHEN d.in_denominator THEN 1 END)"
    band = "d.band" if definition.bands else "CAST(NULL AS VARCHAR)"
    return (
        rows_sql(definition, periods, settings, views, kept)
        + f"SELECT d.period, {key} AS key, {band} AS band, {numerator} AS numerator, "
        f"{denominator} AS denominator, COUNT(*) AS counted\nFROM d\n{joins}\n"
        f"GROUP BY d.period, {key}, {band}"
    )


# --- views made once per compute() --------------------------------------------------

# A view that reads the registers' file is left to each definition: the file is attached
# only while the register indicators run.
_READS_REGISTERS = re.compile(r"\bregisters\s*\.")


def shared_views(
    definitions: Sequence[Definition], by: str | None, settings: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """The common views that two or more of `definitions` use, directly or through other
    views (with the views a breakdown by `by` joins), dependencies first, each with the
    parameters it binds with, leaving out any that binds differently for two of them (a
    parameter set per indicator) or that reads the registers' file."""
    views = common_views()
    users: dict[str, list[dict[str, Any]]] = {}
    for definition in definitions:
        params = sql_params(settings, definition.id, definition.params)
        extra = _breakdown(definition, by)[2]
        for name in views_needed(definition.sql + " " + " ".join(extra)):
            users.setdefault(name, []).append(params)
    shared = {}
    for name in views_needed(" ".join(users)):
        chain = [*views_needed(views[name]), name]
        if len(users[name]) < 2 or any(_READS_REGISTERS.search(views[v]) for v in chain):
            continue
        bound = {tuple(bind(views[v], params) for v in chain) for params in users[name]}
        if len(bound) == 1:
            shared[name] = users[name][0]
    return shared


class _Keeper:
    """The views that two or more definitions share (`shared_views`), each made as a TEMP
    table when the first definition that uses it runs (`for_definition`), then read from
    there by the rest; `drop` removes them. A view whose users never run (the register
    indicators when their register is not kept) is never made. The views the snapshot
    holds as tables (`held`, `precomputed`) are read from those, and never dropped."""

    def __init__(
        self,
        backend: Backend,
        shared: Mapping[str, dict[str, Any]],
        periods: Sequence[Period],
        by: str | None,
        held: Mapping[str, str],
    ) -> None:
        self.backend = backend
        self.shared = shared
        self.periods = periods
        self.by = by
        self.held = dict(held)  # the snapshot's own tables: read, never dropped
        self.made: dict[str, str] = dict(held)
        self.token = secrets.token_hex(4)  # two compute() calls on one connection never meet

    def for_definition(self, definition: Definition) -> Mapping[str, str]:
        """The kept tables (name -> table), with every shared view `definition` uses (with
        the breakdown's) made."""
        views = common_views()
        extra = _breakdown(definition, self.by)[2]
        # dependencies first: a view is made from the kept tables of the views it uses
        for name in views_needed(definition.sql + " " + " ".join(extra), self.made):
            if name in self.shared and name not in self.made:
                table = f"csc_kept_{name}_{self.token}"
                made = _with(
                    [*views_needed(views[name], self.made), name],
                    {},
                    self.periods,
                    self.shared[name],
                    self.made,
                )
                self.backend.keep(table, made + f"SELECT * FROM {name}")  # type: ignore[attr-defined]
                self.made[name] = table
        return self.made

    def drop(self) -> None:
        for name, table in self.made.items():
            if name not in self.held:
                self.backend.drop(table)  # type: ignore[attr-defined]
        self.made = dict(self.held)


@contextlib.contextmanager
def _kept_views(
    backend: Backend,
    definitions: Sequence[Definition],
    periods: Sequence[Period],
    by: str | None,
    settings: dict[str, Any],
) -> Iterator[_Keeper | None]:
    """On a backend that can make temporary tables (DuckDB), a `_Keeper` of the views that
    two or more of `definitions` share, each made once as a table for the block (on first
    use) instead of again inside every definition that uses it; dropped after. (`periods`
    stays inline: a table of it measured no faster.) The views the snapshot holds as
    tables (`precomputed`) are read from there. Elsewhere (Spark, the regional pool's one
    pass) None: nothing is kept and every definition carries its views as it is written."""
    keep = getattr(backend, "keep", None)
    shared = shared_views(definitions, by, settings) if keep else {}
    held = _precomputed(backend)
    if not shared and not held:
        yield None
        return
    keeper = _Keeper(backend, shared, periods, by, held)
    try:
        yield keeper
    finally:
        keeper.drop()


def _precomputed(backend: Backend) -> dict[str, str]:
    """The common views the snapshot holds as tables (`precomputed`); none on a backend
    that holds none (Spark, the regional pool)."""
    held = getattr(backend, "precomputed", None)
    return held() if held else {}


# --- availability -------------------------------------------------------------------


def missing_inputs(backend: Backend, definitions: Iterable[Definition]) -> dict[str, list[str]]:
    """Indicator id -> the required table.column (from a return, where it names one) that
    hold no value in the snapshot."""
    by_table: dict[str, dict[str, str]] = {}  # table -> need -> SQL counting its values
    for definition in definitions:
        for need in definition.snapshot_requires:
            table, column, source = split_need(need)
            counted = (
                column if source is None else f"CASE WHEN source = '{source}' THEN {column} END"
            )
            by_table.setdefault(table, {})[need] = f"COUNT({counted})"
    empty: set[str] = set()
    for table, counts in by_table.items():
        needs = sorted(counts)
        _, rows = backend.rows("SELECT " + ", ".join(counts[n] for n in needs) + f" FROM {table}")
        empty |= {need for need, n in zip(needs, rows[0], strict=True) if not n}
    return {d.id: [n for n in d.snapshot_requires if n in empty] for d in definitions}


def _population(backend: Backend) -> dict[int, float]:
    _, rows = backend.rows(
        "SELECT year, SUM(population) FROM population "
        "WHERE age_from >= 0 AND age_to <= 17 GROUP BY year"
    )
    return {int(y): float(n) for y, n in rows}


def _population_for(population: dict[int, float], period: Period) -> float | None:
    """The estimate for the year the period's financial year starts in; None (no rate)
    when that year's is not loaded, rather than another year's."""
    return population.get(fy_start_year(period.end))


# --- compute ------------------------------------------------------------------------


def _value(definition: Definition, numerator: float, denominator: float | None) -> float | None:
    if definition.unit == "count":
        return numerator
    if not denominator:
        return None
    scale = {"percent": 100.0, "rate_per_10k": 10000.0}.get(definition.unit, 1.0)
    return numerator * scale / denominator


def _comparators(indicator_id: str, year: str, unit: str) -> dict[str, dict[str, Any]]:
    """Published values for the year, or for the nearest year DfE published when its file
    for this year is absent (each comparator carries its own year, which the dashboards and
    papers print beside it when it is not the period's). A count compares only with the
    authority's own published count: England's or a region's total is not comparable with
    one LA's."""
    try:
        from csc_insight.benchmarks import comparators, nearest_year, region_quarterly
        from csc_insight.settings import la_code

        chosen = nearest_year(indicator_id, year)
        found = comparators(indicator_id, chosen, la_code()) if chosen else {}
        pooled = region_quarterly(indicator_id, year)  # the regional pool's, this year only
        if pooled is not None:
            found = {**found, "region_quarterly": pooled}
    except (ImportError, LookupError, OSError, ValueError):
        return {}
    return {
        name: {
            "value": c.value,
            "status": c.status,
            "year": c.year,
            "release": getattr(c, "release", None),
        }
        for name, c in (found or {}).items()
        if c is not None and (unit != "count" or name == "la")
    }


def _reason(
    definition: Definition,
    period: Period,
    extent: coverage.Extent | None,
    counted: float,
    denominator: float | None,
    broken_down: bool = False,
    register_first: date | None = None,
    covered: bool = True,
) -> str | None:
    """Why `definition` has no figure for `period` (coverage.py), or None when it has.
    A register indicator's period is checked against the register (`register_first`, its
    earliest date on record), and against the snapshot only when it needs snapshot columns;
    `covered` is False when the definition's `covered_by` view has no row for the period."""
    settled = _settled(definition, period, extent, register_first)
    if settled is not None:
        return settled
    if not covered:
        return coverage.NOT_COVERED
    if definition.unit == "rate_per_10k":
        if broken_down:
            return "no population figure for a breakdown"
        return None if denominator else "no population figure for the year"
    if definition.unit != "count" and not denominator:
        return coverage.NOT_RECORDED if counted else coverage.NO_RECORDS
    return None


def _settled(
    definition: Definition,
    period: Period,
    extent: coverage.Extent | None,
    register_first: date | None = None,
) -> str | None:
    """The reasons of `_reason` that no count can change: the period outside the data
    (or the register), no data at all, a flow asked for one day."""
    stock = definition.period_type == "stock"
    if definition.register_tables:
        if register_first is not None and not coverage.register_covers(
            register_first, period, stock
        ):
            return coverage.before_register(register_first)
        if definition.snapshot_requires:
            if extent is None:
                return coverage.NO_RECORDS
            if not extent.covers(period, stock=stock):
                return extent.outside()
    elif extent is None:
        return coverage.NO_RECORDS
    elif not extent.covers(period, stock=stock):
        return extent.outside()
    if period.kind == "asat" and definition.period_type == "flow":
        return coverage.ONE_DAY
    return None


def _figured(
    definition: Definition,
    period: Period,
    periods: Sequence[Period],
    comparisons: bool,
    extent: coverage.Extent | None,
    register_first: date | None = None,
) -> list[Period]:
    """The `periods` whose figures `_one` can show for `definition`, which its SQL need
    give: the period asked for, always (its rows give a breakdown's keys); with
    comparisons, the previous quarters, the same period last year, last year's outturn and,
    for a flow, the year to date; of these, only those that the data could give a figure
    for (`_settled`). A period left out would have no figure whatever its SQL counted, so
    every Result is the same, for less work: on a year of data, the year before's periods."""
    shown = {period.label}
    if comparisons:
        shown |= {p.label for p in period.previous_quarters()}
        shown |= {period.same_period_last_year().label, period.last_year_outturn().label}
        if definition.period_type == "flow":
            shown.add(period.year_to_date().label)
    return [
        p
        for p in periods
        if p.label == period.label
        or (p.label in shown and _settled(definition, p, extent, register_first) is None)
    ]


def _distinct(
    definition: Definition, periods: Sequence[Period]
) -> tuple[list[Period], dict[str, list[str]]]:
    """The `periods` whose rows `definition` must be run for, and for each of them the labels
    of the others that give the same rows. A definition that reads no period's start (with
    the views it uses) gives the same rows for two periods with the same end and financial
    year end: a stock such as children looked after at the end of 2018-19 and at the end of
    its fourth quarter, asked for together as last year's outturn and a previous quarter."""
    views = common_views()
    read = [definition.sql, *(views[v] for v in views_needed(definition.sql))]
    if "period_start" in words(" ".join(read)):
        return list(periods), {}
    first: dict[date, Period] = {}  # by end (the financial year's end follows from it)
    same_as: dict[str, list[str]] = {}
    for p in periods:
        if p.end in first:
            same_as.setdefault(first[p.end].label, []).append(p.label)
        else:
            first[p.end] = p
    return list(first.values()), same_as


@dataclass(frozen=True)
class _Run:
    """What every definition in one compute() call shares."""

    backend: Backend
    period: Period
    periods: list[Period]
    by: str | None
    comparisons: bool
    settings: dict[str, Any]
    snapshot: str | None
    extent: coverage.Extent | None
    population: dict[int, float]
    targets: dict[str, Any]
    keeper: _Keeper | None = None  # see _kept_views


def compute(
    con: Any,
    period: Period | str,
    ids: Sequence[str] | None = None,
    by: str | None = None,
    comparisons: bool = True,
    settings: dict[str, Any] | None = None,
) -> list[Result]:
    """Every indicator (or those in `ids`) for `period`, one Result per indicator, or per
    indicator and breakdown value when `by` is given. On a backend that does not read the
    registers (Spark, the regional pool) the register indicators are left out, or, when
    asked for by id, reported not available."""
    backend = as_backend(con)
    period = parse_period(period) if isinstance(period, str) else period
    settings = settings or load_settings()
    definitions = [get_definition(i) for i in ids] if ids else catalogue()
    with_registers = reads_registers(backend)
    if not ids and not with_registers:
        definitions = [d for d in definitions if not d.register_tables]
    ytd = period.year_to_date()
    wanted = [period]
    if comparisons:
        wanted += [
            *period.previous_quarters(),
            period.same_period_last_year(),
            period.last_year_outturn(),
            ytd,
        ]
    held = coverage.SnapshotData.read(backend)
    missing = missing_inputs(backend, definitions)
    periods = list({p.label: p for p in wanted}.values())
    runnable = [d for d in definitions if not missing[d.id]]
    if not with_registers:
        runnable = [d for d in runnable if not d.register_tables]
    tuned = getattr(backend, "tuned", contextlib.nullcontext)
    # the kept views are made for the periods some definition computes (register ones
    # checked against the snapshot only: a superset)
    needed = {
        p.label for d in runnable for p in _figured(d, period, periods, comparisons, held.extent)
    }
    for_views = [p for p in periods if p.label in needed]
    with tuned(), _kept_views(backend, runnable, for_views, by, settings) as keeper:
        run = _Run(
            backend=backend,
            period=period,
            periods=periods,
            by=by,
            comparisons=comparisons,
            settings=settings,
            snapshot=held.id,
            extent=held.extent,
            population=(
                _population(backend)
                if any(d.unit == "rate_per_10k" and not missing[d.id] for d in definitions)
                else {}
            ),
            targets=load_targets(),
            keeper=keeper,
        )
        found: dict[str, list[Result]] = {
            d.id: _one(run, d, missing[d.id]) for d in definitions if not d.register_tables
        }
        on_registers = [d for d in definitions if d.register_tables]
        if on_registers:
            registers = backend.registers() if with_registers else contextlib.nullcontext(None)
            with registers as held_registers:  # type: ignore[attr-defined]
                for d in on_registers:
                    on_file = held_registers
                    if not with_registers:
                        found[d.id] = [_unavailable(run, d, coverage.NOT_ON_ENGINE)]
                    elif on_file is None or not all(on_file.keeps(t) for t in d.register_tables):
                        found[d.id] = [_not_kept(run, d)]
                    else:
                        found[d.id] = _one(run, d, missing[d.id], on_file.first_day(d.registers))
    return [r for d in definitions for r in found[d.id]]


def _base(run: _Run, definition: Definition) -> dict[str, Any]:
    return {
        "id": definition.id,
        "title": definition.title,
        "area": definition.area,
        "unit": definition.unit,
        "polarity": definition.polarity,
        "period_type": definition.period_type,
        "period": run.period.label,
        "snapshot": run.snapshot,
        "by": run.by,
    }


def _unavailable(run: _Run, definition: Definition, why: str) -> Result:
    return Result(**_base(run, definition), status=f"not available: {why}", no_data=why)


def _not_kept(run: _Run, definition: Definition) -> Result:
    """A register indicator whose register is not kept: 'no data (register not kept)' for
    the period and every comparison, never 0."""
    why = coverage.NOT_KEPT
    period = run.period

    def none(p: Period) -> Figure:
        return Figure(p.label, None, no_data=why)

    result = Result(**_base(run, definition), status="ok", no_data=why)
    if run.comparisons:
        result.previous_quarters = [none(p) for p in period.previous_quarters()]
        result.same_period_last_year = none(period.same_period_last_year())
        result.last_year_outturn = none(period.last_year_outturn())
    return result


def _one(
    run: _Run, definition: Definition, missing: list[str], register_first: date | None = None
) -> list[Result]:
    """The Result(s) of one definition: one, or one per breakdown value."""
    base = _base(run, definition)
    period, by, population = run.period, run.by, run.population
    if missing:
        return [
            Result(
                **base,
                status=needs.status_for(missing),
                no_data=coverage.NOT_HELD,
            )
        ]
    figured = _figured(definition, period, run.periods, run.comparisons, run.extent, register_first)
    kept = run.keeper.for_definition(definition) if run.keeper else {}
    asked, same_as = _distinct(definition, figured)
    _, rows = run.backend.rows(aggregate_sql(definition, asked, by, run.settings, kept))
    # a period left out for giving the same rows as another gets that one's rows (a
    # definition reading a kept view gives rows for every period of the view: its own
    # rows for a period left out are set aside, not added twice)
    copied = {label for labels in same_as.values() for label in labels}
    covered = _covered(run, definition, asked, same_as, kept)
    rows = [
        (label, *row[1:])
        for row in rows
        if row[0] not in copied
        for label in (row[0], *same_as.get(row[0], ()))
    ]
    cells: dict[tuple[str, str | None], list[float]] = {}
    bands: dict[tuple[str, str | None], dict[str, int]] = {}
    for label, key, band, numerator, denominator, counted in rows:
        cell = cells.setdefault((label, key), [0.0, 0.0, 0.0])
        cell[0] += float(numerator or 0)
        cell[1] += float(denominator or 0)
        cell[2] += float(counted or 0)
        if band is not None:
            bands.setdefault((label, key), {})[band] = int(numerator)
    keys = (
        sorted(
            {k for (label, k) in cells if label == period.label},
            key=lambda k: (k is None, str(k)),
        )
        if by
        else [None]
    )
    target = run.targets.get(definition.id)
    comparator_values = (
        _comparators(definition.id, period.fy, definition.unit)
        if run.comparisons and by is None
        else {}
    )

    def figure(p: Period, key: str | None) -> Figure:
        numerator, denominator, counted = cells.get((p.label, key), [0.0, 0.0, 0.0])
        if definition.unit == "rate_per_10k":
            denominator = _population_for(population, p) if key is None else None
        reason = _reason(
            definition,
            p,
            run.extent,
            counted,
            denominator,
            key is not None,
            register_first,
            covered is None or p.label in covered,
        )
        if reason is not None:
            return Figure(p.label, None, no_data=reason)
        if definition.unit != "mean":
            numerator = int(numerator)
        shown_den = (
            None
            if definition.unit == "count" or denominator is None
            else (int(denominator) if float(denominator).is_integer() else round(denominator, 2))
        )
        return Figure(p.label, _value(definition, numerator, denominator), numerator, shown_den)

    ytd = period.year_to_date()
    results = []
    for key in keys:
        main = figure(period, key)
        result = Result(
            **base,
            status="ok",
            value=main.value,
            numerator=main.numerator,
            denominator=main.denominator,
            key=key,
            rag=rag(main.value, definition.polarity, target),
            target=float(target["target"]) if target else None,
            comparators=comparator_values,
            no_data=main.no_data,
        )
        if definition.bands and main.no_data is None:
            found = bands.get((period.label, key), {})
            result.bands = {b: found.get(b, 0) for b in definition.bands}
        if run.comparisons:
            result.previous_quarters = [figure(p, key) for p in period.previous_quarters()]
            result.same_period_last_year = figure(period.same_period_last_year(), key)
            result.last_year_outturn = figure(period.last_year_outturn(), key)
            if definition.period_type == "flow" and main.no_data is None:
                result.year_to_date = figure(ytd, key)
                result.forecast = _forecast(definition, result.year_to_date, ytd)
        results.append(result)
    return results


def _covered(
    run: _Run,
    definition: Definition,
    asked: Sequence[Period],
    same_as: Mapping[str, list[str]],
    kept: Mapping[str, str],
) -> set[str] | None:
    """The labels of the periods `definition.covered_by` has rows for (None: it has no
    such view, and every period the data cover is covered)."""
    view = definition.covered_by
    if view is None:
        return None
    select = f"SELECT DISTINCT period FROM {view}"
    params = sql_params(run.settings, definition.id, definition.params)
    sql = _with(views_needed(select, kept), {}, asked, params, kept) + select
    _, rows = run.backend.rows(sql)
    found = {row[0] for row in rows}
    return found | {label for first in found for label in same_as.get(first, ())}


def _forecast(definition: Definition, ytd: Figure, ytd_period: Period) -> float | None:
    """Straight line on days elapsed: counts scale to the year; rates stay as they are.
    None when the year to date has no data."""
    if ytd.value is None or definition.unit != "count":
        return ytd.value
    return round(ytd.value * ytd_period.financial_year().days / ytd_period.days, 1)


def _year_to_date_of(forecast: float, period: Period) -> Figure:
    """A count's year to date given back by its forecast (`_forecast` undone: the forecast
    is rounded to 0.1 and scaled up, so rounding it scaled back gives the count exactly)."""
    ytd = period.year_to_date()
    count = round(forecast * ytd.days / ytd.financial_year().days)
    return Figure(ytd.label, count, count)


def children(
    con: Any, indicator_id: str, period: Period | str, settings: dict[str, Any] | None = None
) -> list[ChildRow]:
    """The items behind an indicator's figure for `period`, with their evidence."""
    backend = as_backend(con)
    period = parse_period(period) if isinstance(period, str) else period
    definition = get_definition(indicator_id)
    missing = missing_inputs(backend, [definition])[definition.id]
    if missing:
        raise LookupError(f"{indicator_id}: {needs.status_for(missing)}")
    kept = _precomputed(backend)
    sql = rows_sql(definition, [period], settings, kept=kept) + "SELECT * FROM d ORDER BY child_id"
    if not definition.register_tables:
        columns, rows = backend.rows(sql)
    elif not reads_registers(backend):
        raise LookupError(f"{indicator_id}: not available: {coverage.NOT_ON_ENGINE}")
    else:
        with backend.registers() as kept:  # type: ignore[attr-defined]
            if kept is None or not all(kept.keeps(t) for t in definition.register_tables):
                raise LookupError(f"{indicator_id}: no data ({coverage.NOT_KEPT})")
            columns, rows = backend.rows(sql)
    found = []
    # ties on child_id (a child with several visits) in a fixed order, run after run
    at = columns.index("child_id")  # rows with no child (caseload's workers) last

    def order(row: tuple[Any, ...]) -> tuple[bool, list[str]]:
        return row[at] is None, ["" if v is None else str(v) for v in (row[at], *row)]

    for row in sorted(rows, key=order):
        record = dict(zip(columns, row, strict=True))
        evidence = {k: v for k, v in record.items() if k not in ROW_COLUMNS}
        # a row that is not a child (e.g. a worker in caseload's denominator) has no id
        child_id = "" if record["child_id"] is None else str(record["child_id"])
        found.append(
            ChildRow(
                child_id, bool(record["in_numerator"]), bool(record["in_denominator"]), evidence
            )
        )
    return found
