"""Binding `:name` parameters into SQL as literals, through sqlglot's syntax tree.

Indicator definitions, their shared views and validation rules are written in DuckDB SQL
with named placeholders (`:wd_limit`, `:year_end`, `IN (:eet_codes)`; DuckDB's own `$name`
is read the same way). `bind` parses the SQL, replaces each placeholder with a literal
expression built from its value and renders the tree for a dialect, so a value is always
a literal of its own type: a string holding a quote is escaped by the generator of the
dialect written and cannot end the literal early, and a placeholder inside a string or a
comment is left alone.

    bind("SELECT * FROM t WHERE d <= :year_end AND a IN (:codes)",
         {"year_end": date(2020, 3, 31), "codes": ["F1", "F2"]}, pretty=False)
    # SELECT * FROM t WHERE d <= CAST('2020-03-31' AS DATE) AND a IN ('F1', 'F2')

Values: bool -> TRUE/FALSE, int/float/Decimal -> a number, date -> CAST(... AS DATE),
datetime -> CAST(... AS TIMESTAMP), str -> a string, None -> NULL, and a list, tuple or
set (a set sorted) -> its items, one literal each, where the placeholder is an item of a
list such as `IN (...)`.

Also here: `placeholders(sql)` (the names used), `parse(sql)` (the cached tree, which the
catalogue reads a definition's columns from), `literal(value)` (the expression) and
`literal_sql(value, dialect)` (its text).

The placeholders found, the bound text and the literals' text are kept on disk between
processes (sqlcache.py), so that a run of the catalogue need not import sqlglot at all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from csc_insight.indicators.sqlcache import remembered

if TYPE_CHECKING:  # sqlglot is imported when first used: importing the engine stays quick
    from sqlglot import exp

_LISTS = (list, tuple, set, frozenset)
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
_WORD = re.compile(r"[\w:]")


class BindError(ValueError):
    """A placeholder with no value, or a value that cannot be bound where it is used."""


def bind(
    sql: str, params: Mapping[str, Any], dialect: str = "duckdb", *, pretty: bool = True
) -> str:
    """`sql` (DuckDB SQL) with each `:name` replaced by `params[name]` as a literal,
    rendered for `dialect`. Parameters that `sql` does not use are ignored.
    Pretty (one clause a line) by default: that keeps each comment where it was, where
    sqlglot's one-line output moves them or, after a run of comment lines, drops some.

    Raises BindError naming the parameter when a placeholder has no value, is positional
    (`?`, `$1`), or has a value that cannot be a literal there (a list outside a list of
    items); sqlglot's ParseError when `sql` is not one statement it can read.
    """
    names = _names(sql)
    try:
        used = tuple((name, _frozen(params[name])) for name in names if name in params)
        hash(used)
    except (TypeError, BindError):  # not a key (a dict, say): bound uncached, to fail
        return _bind(sql, params, dialect, pretty)
    if len(used) < len(names):
        return _bind(sql, params, dialect, pretty)  # raises for the missing one
    return _bind_cached(sql, used, dialect, pretty)


def placeholders(sql: str) -> list[str]:
    """The names of the placeholders in `sql`, in order of first use."""
    return list(_names(sql))


def literal_sql(value: Any, dialect: str = "duckdb") -> str:
    """One scalar value as a SQL literal for `dialect`, e.g. `CAST('2020-03-31' AS DATE)`."""
    try:
        return _literal_sql(_frozen(value), dialect)
    except TypeError:  # not a key: rendered uncached, to fail
        return literal(value).sql(dialect=dialect)


@lru_cache(maxsize=512)
def parse(sql: str) -> exp.Expression:
    """DuckDB SQL with placeholders, parsed once: the tree is shared, so copy it before
    changing it. Raises sqlglot's ParseError when `sql` is not one statement."""
    import sqlglot

    return sqlglot.parse_one(_as_dollar(sql), read="duckdb")


def literal(value: Any, name: str = "value") -> exp.Expression:
    """The sqlglot expression for one scalar value (`name` is for the error message)."""
    from sqlglot import exp

    if value is None:
        return exp.null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | Decimal):
        return exp.Literal.number(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BindError(f"SQL parameter :{name} is {value!r}, which has no SQL literal")
        return exp.Literal.number(repr(value))
    # datetime is a date too: test it first
    if isinstance(value, datetime):
        return exp.cast(exp.Literal.string(value.isoformat(sep=" ")), exp.DataType.Type.TIMESTAMP)
    if isinstance(value, date):
        return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.Type.DATE)
    if isinstance(value, str):
        return exp.Literal.string(value)
    raise BindError(
        f"SQL parameter :{name} has a value of type {type(value).__name__}, "
        "which cannot be bound (use a bool, number, date, string or list of them)"
    )


# --- helpers ------------------------------------------------------------------------


def _as_dollar(sql: str) -> str:
    """`:name` written `$name`, which sqlglot reads as a placeholder wherever it stands:
    DuckDB's `alias: expr` makes it read `SELECT :x AS y` as an alias with no expression.
    Tokens, not text: a colon in a string or a comment is left as it is; and `a:b` and
    `x::int` are not placeholders."""
    from sqlglot.dialects.dialect import Dialect
    from sqlglot.tokens import TokenType

    tokens = Dialect.get_or_raise("duckdb").tokenize(sql)
    starts = []
    for colon, after in zip(tokens, tokens[1:], strict=False):
        if (
            colon.token_type == TokenType.COLON
            and after.start == colon.end + 1
            and _IDENTIFIER.fullmatch(sql, after.start, after.end + 1)
            and not (colon.start and _WORD.match(sql, colon.start - 1))
        ):
            starts.append(colon.start)
    for start in reversed(starts):
        sql = sql[:start] + "$" + sql[start + 1 :]
    return sql


@lru_cache(maxsize=512)
def _names(sql: str) -> tuple[str, ...]:
    def work() -> list[str]:
        from sqlglot import exp

        found = [_name(node) for node in parse(sql).find_all(exp.Placeholder)]
        return list(dict.fromkeys(found))

    return tuple(remembered("names", sql, work))


@lru_cache(maxsize=1024)
def _literal_sql(frozen: Hashable, dialect: str) -> str:
    # sqlglot's generator costs about a millisecond a call; the engine writes the same
    # period dates for every definition
    return remembered(
        "literal", (frozen, dialect), lambda: literal(_thawed(frozen)).sql(dialect=dialect)
    )


def _name(node: exp.Placeholder) -> str:
    name = node.name
    if not _IDENTIFIER.fullmatch(name):  # `?`, `$1`
        raise BindError(
            f"positional SQL parameter {node.sql('duckdb')} is not supported: name it, as :name"
        )
    return name


@lru_cache(maxsize=1024)
def _bind_cached(
    sql: str, used: tuple[tuple[str, Hashable], ...], dialect: str, pretty: bool
) -> str:
    # rendering is most of bind's time, and every compute() binds the same SQL again; the
    # answer is kept on disk for the next process (sqlcache.py)
    return remembered(
        "bind",
        (sql, used, dialect, pretty),
        lambda: _bind(sql, {name: _thawed(value) for name, value in used}, dialect, pretty),
    )


def _bind(sql: str, params: Mapping[str, Any], dialect: str, pretty: bool) -> str:
    from sqlglot import exp

    tree = parse(sql).copy()
    # listed first: the walk must not see the nodes put in place of the placeholders
    for node in list(tree.find_all(exp.Placeholder)):
        name = _name(node)
        if name not in params:
            given = ", ".join(f":{k}" for k in sorted(params)) or "none"
            raise BindError(f"SQL parameter :{name} has no value (given: {given})")
        value = params[name]
        if not isinstance(value, _LISTS):
            bound = literal(value, name)
            bound.add_comments(node.comments)  # a comment after the placeholder stays
            node.replace(bound)
            continue
        parent, key = node.parent, node.arg_key
        siblings = parent.args.get(key) if parent is not None else None
        if not isinstance(siblings, list):
            raise BindError(
                f"SQL parameter :{name} is a list, but is not used as an item "
                f"of a list such as IN (:{name})"
            )
        at = next(i for i, sibling in enumerate(siblings) if sibling is node)
        items = _items(value, name)
        items[-1].add_comments(node.comments)
        parent.set(key, [*siblings[:at], *items, *siblings[at + 1 :]])
    return tree.sql(dialect=dialect, pretty=pretty)


def _ordered(value: Any, name: str) -> list[Any]:
    """A list's items in order; a set's sorted, so that the SQL is the same run after run."""
    if not isinstance(value, set | frozenset):
        return list(value)
    try:
        return sorted(value)
    except TypeError:
        raise BindError(
            f"SQL parameter :{name} is a set of values that cannot be sorted: give a list"
        ) from None


def _items(value: Any, name: str) -> list[exp.Expression]:
    """The literals of a list value's items."""
    items = _ordered(value, name)
    if not items:
        raise BindError(f"SQL parameter :{name} is an empty list")
    if any(isinstance(item, _LISTS) for item in items):
        raise BindError(f"SQL parameter :{name} is a list of lists")
    return [literal(item, name) for item in items]


def _frozen(value: Any) -> Hashable:
    """A cache key for a value. Its type and repr go with it: True == 1 == 1.0 and
    0.0 == -0.0, but each is written differently."""
    if isinstance(value, _LISTS):
        return "list", tuple(_frozen(item) for item in _ordered(value, "value"))
    return type(value).__name__, repr(value), value


def _thawed(frozen: Any) -> Any:
    """The value `_frozen` made a key of (a list for any list, tuple or set)."""
    if frozen[0] == "list":
        return [_thawed(item) for item in frozen[1]]
    return frozen[2]
