"""Run a council's SQL once for every council in the pool: the query rewritten so that the
council key `la` is carried through it.

The indicator definitions, their shared views and the engine's own queries are written for
one council's snapshot. In the pool every table holds every council's rows, with the
council's code in a column `la`. `keyed(sql)` rewrites a query's syntax tree (sqlglot) so
that it gives, in one pass, each council's answer beside its code, exactly as if it had
been run on that council's tables alone:

- every SELECT returns `la` (last, so union branches line up and positions are kept);
- every join requires the same `la` on both sides (an inner or left join gets
  `AND x.la = anchor.la`; a cross join becomes an inner join on it), so rows of two
  councils never meet, even on keys that are not pseudonymised (days, teams, years);
- every GROUP BY, and every window's PARTITION BY, gains `la`;
- a SELECT over constants only (the engine's `periods` VALUES) is crossed with
  `pool_councils` (one row per council in the pool), so each council has its own periods;
- an aggregate with no GROUP BY gives one row however empty its input: it is grouped by
  `la` and then left-joined from `pool_councils`, and a council with no rows gets the row
  the same SELECT gives over no rows (COUNT 0, MIN NULL...), so a council with no reviews
  still gets its one row.

Why a rewrite, not a key in the definition files or in the binding: the definition files
and shared views stay one definition for every engine and for a council's own install,
and nobody writing a definition has to remember a council key in each join (a forgotten
one would silently mix councils). `binding.bind` only replaces placeholders with literals
and cannot add a join condition or a grouping column; the syntax tree can. The rewrite
refuses what it cannot carry the key through safely (RIGHT/FULL/USING joins, LIMIT,
DISTINCT ON, expression subqueries such as IN (SELECT ...), an unqualified * over a join),
so a new definition using one fails loudly in the pool tests instead of giving wrong
figures; none of today's does.

The rewritten SQL is DuckDB's dialect, like its input: `SparkBackend` transpiles it as it
does any other.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlglot import exp

KEY = "la"
COUNCILS = "pool_councils"  # one row per council: (la)
_ANCHOR = "pool_k_"
_INNER = "pool_a_"
_EMPTY = "pool_e_"


class KeyedSQLError(ValueError):
    """SQL the council key cannot be carried through safely."""


@lru_cache(maxsize=2048)
def keyed(sql: str) -> str:
    """`sql` (DuckDB SQL, one statement) rewritten to answer for every council at once,
    with the council's code in a column `la` (the last column of the result)."""
    import sqlglot
    from sqlglot import exp

    tree = sqlglot.parse_one(sql, read="duckdb")
    _check_placement(tree)
    owned = _owned(tree)
    # innermost first: a SELECT wrapped by `_every_council` is copied with its subqueries
    # already keyed (pre-order reversed puts every SELECT after all it contains)
    selects = list(tree.find_all(exp.Select, bfs=False))[::-1]
    root = tree
    for select in selects:
        windows, aggregates = owned.get(id(select), ([], False))
        replaced = _key_select(select, windows, aggregates)
        if select is root:
            root = replaced
    return root.sql(dialect="duckdb")


# --- the rewrite of one SELECT ----------------------------------------------------------


def _key_select(select: exp.Select, windows: list[exp.Window], aggregates: bool) -> exp.Expression:
    """Carry the key through `select` (its own clauses; nested SELECTs are done apart).
    `windows`: its own window functions; `aggregates`: whether it aggregates (`_owned`)."""
    from sqlglot import exp

    for arg in ("limit", "offset", "distinct_on"):
        if select.args.get(arg):
            raise KeyedSQLError(f"{arg.upper()} cannot be run per council in one pass")
    distinct = select.args.get("distinct")
    if distinct is not None and distinct.args.get("on"):
        raise KeyedSQLError("DISTINCT ON cannot be run per council in one pass")
    anchor = _anchor(select)
    for join in select.args.get("joins") or []:
        _key_join(join, anchor)
    stars = [e for e in select.expressions if _is_star(e)]
    if stars:
        sources = _sources(select)
        if any(isinstance(s, exp.Star) for s in stars) and sum(map(_is_keyed, sources)) > 1:
            raise KeyedSQLError("an unqualified * over a join would carry the key twice")
    else:
        select.append("expressions", _alias(_column(KEY, anchor), KEY))
    for window in windows:
        window.set("partition_by", [_column(KEY, anchor), *(window.args.get("partition_by") or [])])
    group = select.args.get("group")
    if group is not None:
        if any(group.args.get(k) for k in ("rollup", "cube", "grouping_sets")):
            raise KeyedSQLError("ROLLUP, CUBE and GROUPING SETS are not carried per council")
        group.append("expressions", _column(KEY, anchor))
        return select
    if not aggregates:
        return select
    if select.args.get("having") is not None:
        raise KeyedSQLError("HAVING without GROUP BY cannot be run per council in one pass")
    select.set("group", exp.Group(expressions=[_column(KEY, anchor)]))
    return _every_council(select)


def _anchor(select: exp.Select) -> str:
    """The alias of the FROM source, whose `la` the others are joined to. A SELECT whose
    FROM is not a keyed relation (VALUES, or no FROM) is crossed with `pool_councils` first."""
    from sqlglot import exp

    found = select.args.get("from_")
    source = found.this if found is not None else None
    if source is not None and _is_keyed(source):
        return _alias_of(source, select)
    select.set("from_", exp.From(this=_table(COUNCILS, _ANCHOR)))
    if source is not None:
        join = exp.Join(this=source, kind="CROSS")
        select.set("joins", [join, *(select.args.get("joins") or [])])
    return _ANCHOR


def _key_join(join: exp.Join, anchor: str) -> None:
    from sqlglot import exp

    source = join.this
    if join.args.get("using"):
        raise KeyedSQLError("JOIN ... USING is not carried per council: write ON")
    side = (join.side or "").upper()
    if side in ("RIGHT", "FULL"):
        raise KeyedSQLError(f"{side} JOIN is not carried per council: write it as a LEFT JOIN")
    if not _is_keyed(source):
        return  # VALUES: the same for every council
    if (join.kind or "").upper() not in ("", "INNER", "CROSS", "OUTER"):
        raise KeyedSQLError(f"{join.kind} JOIN is not carried per council")
    alias = _alias_of(source, join)
    same = exp.EQ(this=_column(KEY, alias), expression=_column(KEY, anchor))
    on = join.args.get("on")
    join.set("on", exp.And(this=exp.Paren(this=on), expression=same) if on is not None else same)
    if (join.kind or "").upper() == "CROSS":
        join.set("kind", None)


def _every_council(select: exp.Select) -> exp.Select:
    """An aggregate with no GROUP BY, now grouped by la, put under a left join from
    `pool_councils` so that each council has its row. A council with none gets the row the
    aggregate gives on no rows, taken from the same SELECT over no rows (WHERE FALSE): COUNT
    0, MIN NULL and whatever expression is made of them, each of its own type."""
    from sqlglot import exp

    with_ = select.args.get("with_")
    if with_ is not None:
        select.set("with_", None)
    names = []
    for at, projection in enumerate(select.expressions[:-1]):  # the last is la
        name = projection.alias_or_name if isinstance(projection, exp.Alias) else f"c{at}_"
        if not isinstance(projection, exp.Alias):
            marker = exp.Null()
            projection.replace(marker)
            marker.replace(_alias(projection, name))
        names.append(name)
    empty = select.copy()
    empty.set("expressions", empty.expressions[:-1])
    empty.set("group", None)
    empty.set("where", exp.Where(this=exp.false()))
    columns = [
        _alias(
            exp.Case(
                ifs=[
                    exp.If(
                        this=exp.Is(this=_column(KEY, _INNER), expression=exp.null()),
                        true=_column(name, _EMPTY),
                    )
                ],
                default=_column(name, _INNER),
            ),
            name,
        )
        for name in names
    ]
    marker = exp.Null()
    select.replace(marker)  # the select moves into the wrapper below, uncopied
    wrapper = exp.Select(
        expressions=[*columns, _alias(_column(KEY, _ANCHOR), KEY)],
        from_=exp.From(this=_table(COUNCILS, _ANCHOR)),
        joins=[
            exp.Join(
                this=exp.Subquery(this=select, alias=exp.TableAlias(this=_identifier(_INNER))),
                side="LEFT",
                on=exp.EQ(this=_column(KEY, _INNER), expression=_column(KEY, _ANCHOR)),
            ),
            exp.Join(
                this=exp.Subquery(this=empty, alias=exp.TableAlias(this=_identifier(_EMPTY))),
                kind="CROSS",
            ),
        ],
    )
    if with_ is not None:
        wrapper.set("with_", with_)
    marker.replace(wrapper)
    return wrapper


# --- helpers -------------------------------------------------------------------------


def _identifier(name: str) -> exp.Identifier:
    from sqlglot import exp

    return exp.Identifier(this=name, quoted=False)


def _column(name: str, table: str) -> exp.Column:
    """`table.name`, built without parsing (sqlglot's builders parse their strings, which
    cost as much as the rewrite itself)."""
    from sqlglot import exp

    return exp.Column(this=_identifier(name), table=_identifier(table))


def _table(name: str, alias: str) -> exp.Table:
    from sqlglot import exp

    return exp.Table(this=_identifier(name), alias=exp.TableAlias(this=_identifier(alias)))


def _alias(expression: exp.Expression, name: str) -> exp.Alias:
    from sqlglot import exp

    return exp.Alias(this=expression, alias=_identifier(name))


def _is_keyed(source: exp.Expression) -> bool:
    """A relation with an `la` column: a table or view of the pool, a CTE (keyed in turn)
    or a subquery; not VALUES."""
    from sqlglot import exp

    return isinstance(source, exp.Table | exp.Subquery)


def _sources(select: exp.Select) -> list[exp.Expression]:
    found = select.args.get("from_")
    sources = [found.this] if found is not None else []
    return sources + [join.this for join in select.args.get("joins") or []]


def _alias_of(source: exp.Expression, where: exp.Expression) -> str:
    from sqlglot import exp

    name = source.alias_or_name
    if not name:
        raise KeyedSQLError(f"give the subquery an alias: {where.sql('duckdb')[:80]}")
    if isinstance(source, exp.Subquery) and not source.alias:
        raise KeyedSQLError("give the subquery an alias")
    return name


def _is_star(projection: exp.Expression) -> bool:
    from sqlglot import exp

    return isinstance(projection, exp.Star) or (
        isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
    )


def _owned(tree: exp.Expression) -> dict[int, tuple[list[exp.Window], bool]]:
    """For each SELECT (by id): its own window functions, and whether it aggregates (an
    aggregate function of its own, outside a window); nested SELECTs' are their own. One
    walk of the tree: looking each node's SELECT up from the node would walk it again and
    again, which on the catalogue's queries cost as much as parsing them."""
    from sqlglot import exp

    found: dict[int, tuple[list[exp.Window], bool]] = {}
    todo: list[tuple[exp.Expression, exp.Select | None, bool]] = [(tree, None, False)]
    while todo:
        node, owner, in_window = todo.pop()
        if isinstance(node, exp.Select):
            owner, in_window = node, False
            found.setdefault(id(node), ([], False))
        elif owner is not None and isinstance(node, exp.Window):
            found[id(owner)][0].append(node)
            in_window = True
        elif owner is not None and isinstance(node, exp.AggFunc) and not in_window:
            found[id(owner)] = (found[id(owner)][0], True)
        todo.extend((child, owner, in_window) for child in node.iter_expressions())
    return found


def _check_placement(tree: exp.Expression) -> None:
    """Every SELECT must be a relation (the statement, a CTE, a FROM/JOIN subquery or a
    branch of a set operation): a subquery inside an expression would need the key as a
    correlation, which is not carried."""
    from sqlglot import exp

    relations = (exp.CTE, exp.SetOperation, exp.From, exp.Join)
    for select in tree.find_all(exp.Select, exp.SetOperation):
        parent = select.parent
        if isinstance(parent, exp.Subquery):
            while isinstance(parent, exp.Subquery):
                parent = parent.parent
            if not isinstance(parent, relations):
                raise KeyedSQLError(
                    "a subquery in an expression (IN, EXISTS, a scalar) is not carried per "
                    "council: join it instead"
                )
        elif parent is not None and not isinstance(parent, relations):
            raise KeyedSQLError(f"a SELECT under {type(parent).__name__} is not carried")
