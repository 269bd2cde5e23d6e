"""The indicator catalogue: one SQL file per indicator under `definitions/`, its metadata
in a YAML block comment at the top (see definitions/README.md), plus the shared views in
`definitions/common/` that definitions may name like tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from csc_insight.indicators.sqlcache import remembered
from csc_insight.store.merge import DEFAULT_PRECEDENCE

# libyaml's parser when PyYAML was built with it: ten times faster on 48 definitions
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Unit = Literal["count", "percent", "rate_per_10k", "mean", "ratio"]
Polarity = Literal["higher", "lower", "neutral"]
PeriodType = Literal["flow", "stock"]

UNITS = ("count", "percent", "rate_per_10k", "mean", "ratio")
POLARITIES = ("higher", "lower", "neutral")
PERIOD_TYPES = ("flow", "stock")
AREAS = (
    "Contacts and referrals",
    "Early help",
    "Assessments",
    "Children in need",
    "Child protection",
    "Children in care",
    "Missing",
    "Care leavers",
    "Workforce",
    "Registers",
)
# Columns every definition returns; any other column is evidence shown in the drill-down.
ROW_COLUMNS = ("period", "child_id", "in_numerator", "in_denominator")
FORECAST_METHOD = (
    "straight line on days elapsed: counts scaled from the year to date to the "
    "whole year; percentages and means are the year-to-date value"
)

# `requires: [registers.lado_contacts.received_on]` names a register table's column
REGISTERS_PREFIX = "registers."
# `requires: [missing_episodes.start_date from local]`: values that one return gave, for a
# figure only that return can give (the local missing register's children not looked
# after: SSDA903's Missing rows are of looked-after children alone). The returns are those
# the loader merges (their rows' `source`).
SOURCES = tuple(DEFAULT_PRECEDENCE)
FROM = " from "


def split_need(need: str) -> tuple[str, str, str | None]:
    """'missing_episodes.start_date from local' -> ('missing_episodes', 'start_date',
    'local'); the source is None when any return's values will do."""
    column_of, _, source = need.partition(FROM)
    table, _, column = column_of.strip().partition(".")
    return table, column, source.strip() or None


# The metadata keys of a definition (definitions/README.md documents each).
REQUIRED_KEYS = (
    "title",
    "area",
    "unit",
    "polarity",
    "period_type",
    "definition",
    "source",
    "numerator",
    "requires",
)
OPTIONAL_KEYS = (
    "order",
    "denominator",
    "params",
    "bands",
    "band_name",
    "denominator_distinct",
    "denominator_sum",
    "covered_by",
)

_HEADER = re.compile(r"\A\s*/\*(.*?)\*/\s*(.*)\Z", re.DOTALL)


class DefinitionError(ValueError):
    """A definition file that does not follow definitions/README.md."""


@dataclass(frozen=True)
class Definition:
    id: str
    title: str
    area: str
    unit: Unit
    polarity: Polarity
    period_type: PeriodType
    definition: str
    source: str
    numerator: str
    denominator: str | None
    requires: tuple[str, ...]
    sql: str
    params: dict[str, Any] = field(default_factory=dict)
    bands: tuple[str, ...] = ()
    band_name: str = "Duration"  # what the bands are (a column heading): Duration, Category
    denominator_distinct: str | None = None
    denominator_sum: str | None = None  # the denominator sums this column (e.g. FTE)
    order: int = 1000  # place in its area's list (the seed papers' order); then by id
    # a common view whose rows say which periods the data speak for (coverage.NOT_COVERED)
    covered_by: str | None = None

    @property
    def forecast_method(self) -> str | None:
        return FORECAST_METHOD if self.period_type == "flow" else None

    @property
    def register_tables(self) -> tuple[str, ...]:
        """The register tables it reads (`requires: [registers.<table>.<column>]`): a
        register indicator, computed with the registers' file attached
        (store/register_tables.py)."""
        found = (n.split(".")[1] for n in self.requires if n.startswith(REGISTERS_PREFIX))
        return tuple(dict.fromkeys(found))

    @property
    def registers(self) -> tuple[str, ...]:
        """The registers (kinds) it reads, e.g. ('lado',)."""
        from csc_insight.store.register_tables import TABLES

        return tuple(dict.fromkeys(TABLES[t].register for t in self.register_tables))

    @property
    def snapshot_requires(self) -> tuple[str, ...]:
        """The snapshot's `table.column` it needs (its register tables left out)."""
        return tuple(n for n in self.requires if not n.startswith(REGISTERS_PREFIX))

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns the definition's SELECT returns."""
        return _columns(self.sql)

    def metadata(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "area": self.area,
            "unit": self.unit,
            "polarity": self.polarity,
            "period_type": self.period_type,
            "definition": self.definition,
            "source": self.source,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "requires": list(self.requires),
            "registers": list(self.registers),
            "params": dict(self.params),
            "bands": list(self.bands),
            "forecast_method": self.forecast_method,
        }


@cache
def _columns(sql: str) -> tuple[str, ...]:
    from csc_insight.indicators.binding import parse

    return tuple(remembered("columns", sql, lambda: list(parse(sql).named_selects)))


def parse_definition(indicator_id: str, text: str) -> Definition:
    """Read one definition file's text (metadata block, then a SELECT)."""
    from csc_insight.store.register_tables import REFERENCE as REGISTER_REFERENCE
    from csc_insight.store.register_tables import TABLES as REGISTER_TABLES
    from csc_insight.store.schema import tables

    register_columns = {name: spec.names for name, spec in REGISTER_TABLES.items()}
    match = _HEADER.match(text)
    if not match:
        raise DefinitionError(f"{indicator_id}: no /* metadata */ block at the top")
    try:
        meta = yaml.load(match[1], Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise DefinitionError(f"{indicator_id}: metadata is not valid YAML: {exc}") from None
    sql = match[2].strip().rstrip(";")
    for key in REQUIRED_KEYS:
        if key not in meta:
            raise DefinitionError(f"{indicator_id}: metadata lacks {key!r}")
    unknown = sorted(set(meta) - {*REQUIRED_KEYS, *OPTIONAL_KEYS})
    if unknown:  # a misspelt optional key would otherwise be silently without effect
        raise DefinitionError(
            f"{indicator_id}: unknown metadata {', '.join(map(repr, unknown))} "
            "(the keys are listed in definitions/README.md)"
        )
    for key, allowed in (
        ("unit", UNITS),
        ("polarity", POLARITIES),
        ("period_type", PERIOD_TYPES),
        ("area", AREAS),
    ):
        if meta[key] not in allowed:
            raise DefinitionError(f"{indicator_id}: {key} {meta[key]!r} is not one of {allowed}")
    known = tables()
    for need in meta["requires"]:
        if need.startswith(REGISTERS_PREFIX):
            table, _, column = need.removeprefix(REGISTERS_PREFIX).partition(".")
            ok = column in register_columns.get(table, ())
        else:
            table, column, source = split_need(need)
            ok = column in known.get(table, []) and source in (None, *SOURCES)
        if not ok:
            raise DefinitionError(f"{indicator_id}: requires unknown column {need!r}")
    if meta["unit"] in ("percent", "mean", "ratio") and not meta.get("denominator"):
        raise DefinitionError(f"{indicator_id}: a {meta['unit']} needs a denominator")
    definition = Definition(
        id=indicator_id,
        title=meta["title"],
        area=meta["area"],
        unit=meta["unit"],
        polarity=meta["polarity"],
        period_type=meta["period_type"],
        definition=" ".join(str(meta["definition"]).split()),
        source=meta["source"],
        numerator=meta["numerator"],
        denominator=meta.get("denominator"),
        requires=tuple(meta["requires"]),
        sql=sql,
        params=dict(meta.get("params") or {}),
        bands=tuple(meta.get("bands") or ()),
        band_name=str(meta.get("band_name") or "Duration"),
        denominator_distinct=meta.get("denominator_distinct"),
        denominator_sum=meta.get("denominator_sum"),
        order=int(meta.get("order", 1000)),
        covered_by=meta.get("covered_by"),
    )
    read = _register_tables_read(sql, *(common_views()[v] for v in views_needed(sql)))
    unlisted = sorted(read - set(definition.register_tables) - set(REGISTER_REFERENCE))
    if unlisted:
        raise DefinitionError(
            f"{indicator_id}: reads {', '.join(REGISTERS_PREFIX + t for t in unlisted)} "
            "without a column of it in requires"
        )
    if definition.covered_by is not None and definition.covered_by not in common_views():
        raise DefinitionError(
            f"{indicator_id}: covered_by {definition.covered_by!r} is not a view in "
            "definitions/common/"
        )
    missing = [c for c in ROW_COLUMNS if c not in definition.columns]
    if missing:
        raise DefinitionError(f"{indicator_id}: the SELECT must return {', '.join(missing)}")
    return definition


def _register_tables_read(*sqls: str) -> set[str]:
    """The tables the SQL texts read as registers.<table>."""
    return {name for sql in sqls for name in remembered("registers", sql, _registers_read(sql))}


def _registers_read(sql: str) -> Callable[[], list[str]]:
    def work() -> list[str]:
        from sqlglot import exp

        from csc_insight.indicators.binding import parse

        alias = REGISTERS_PREFIX.rstrip(".")
        return sorted({t.name for t in parse(sql).find_all(exp.Table) if t.db == alias})

    return work


@cache
def _load() -> tuple[Definition, ...]:
    folder = files("csc_insight.indicators").joinpath("definitions")
    found = [
        parse_definition(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8"))
        for f in folder.iterdir()
        if f.name.endswith(".sql")
    ]
    return tuple(sorted(found, key=lambda d: (AREAS.index(d.area), d.order, d.id)))


def catalogue() -> list[Definition]:
    """Every indicator, ordered by area, then its `order`, then id."""
    return list(_load())


def get(indicator_id: str) -> Definition:
    for definition in _load():
        if definition.id == indicator_id:
            return definition
    raise KeyError(f"No indicator called {indicator_id!r}: see `csc-insight indicators --list`.")


@cache
def common_views() -> dict[str, str]:
    """Shared views (name -> SELECT) that definitions may use like tables."""
    folder = files("csc_insight.indicators").joinpath("definitions").joinpath("common")
    return {
        f.name.removesuffix(".sql"): f.read_text(encoding="utf-8").strip().rstrip(";")
        for f in folder.iterdir()
        if f.name.endswith(".sql")
    }


def views_needed(sql: str, kept: Iterable[str] = ()) -> list[str]:
    """The common views `sql` uses, directly or through each other, dependencies first.
    The views a view in `kept` uses are left out (it is read from a table made earlier)."""
    views = common_views()
    ordered: list[str] = []
    stop = set(kept)

    def visit(text: str) -> None:
        found = words(text)
        for name in sorted(views):
            if name not in ordered and name in found:
                if name not in stop:
                    visit(views[name])
                if name not in ordered:
                    ordered.append(name)

    visit(sql)
    return ordered


@lru_cache(maxsize=1024)
def words(sql: str) -> frozenset[str]:
    """The words of `sql` outside `--` comments (a view is used where its name is one)."""
    return frozenset(word_list(sql))


def word_list(sql: str) -> list[str]:
    """The words of `sql` outside `--` comments, in order, each as often as it appears."""
    return re.findall(r"\w+", _strip_comments(sql))


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)
