"""Disclosure control for public outputs: small counts suppressed so that no child can be
identified, and no suppressed count can be worked back out from what is published.

The rules (DfE's practice for published children's social care statistics):

- **Primary suppression.** A count from 1 to `Rule.threshold` (5 by default) is not shown.
  Zero is not disclosive by default (knowing that no child had something identifies no
  child); `Rule.suppress_zero=True` treats 0 as small too.
- **Totals.** A table's row and column totals (its marginals) and grand total are
  published, unless small themselves (or needed to protect another entry, below).
  A row total is only shown when the table has two or more columns (with one column the
  "total" is the cell itself), and likewise for column totals.
- **Secondary suppression.** Shown totals let a reader subtract: a row with one hidden
  cell gives it away. Write the table with its totals as an extra column and row (grand
  total in the corner), totals negated: then every complete line sums to zero. Think of the
  hidden entries as edges of a graph whose nodes are those lines (a line whose total is not
  shown at all is merged into a single free node). The shown figures fix a hidden entry's
  value exactly when, and only when, its edge is a *bridge* of that graph (lies on no
  cycle): along a cycle the entries can shift +t, -t, +t, ... keeping every line's sum. So
  while some hidden entry is a bridge, one more entry is hidden, preferring in turn one not
  already known to be zero (a zero cell, or one in a line whose shown total is zero, hides
  nothing), a count to a total, one that puts the bridge on a cycle, and the smallest.
  This also means no line holds exactly one hidden entry, and a small total hidden alone
  cannot be recovered from the grand total.
- **Percentages** whose numerator or denominator is suppressed are suppressed.
- **Symbol** 'c' (as DfE uses), explained by `Rule.note` in every document that uses it.
  A single headline count of 1-5 is written "fewer than 6" in sentences.

**One policy, three audiences.** `CSC_INSIGHT_SUPPRESS_BELOW` (default 6: counts 1 to 5
are suppressed; 0 publishes small numbers) sets the rule (`configured_rule()`);
`policy_for(audience)` says what each audience sees: public papers and Member pages apply
it, staff pages show every figure, and breakdowns by worker or team are never shown to
Members or the public.

**Figures linked by sums across a page.** A page or paper shows more than one table: an
indicator's quarters add up to its year (or year to date, which the forecast scales), its
groups add up to its total, and one indicator's count can be another's numerator.
`protect_sums` takes every figure on a page as a named value and the sums that tie them,
and hides more figures until no hidden one follows from the shown ones by any linear
combination of those sums (exact recovery over the reals, tested by rank).
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np

from csc_insight.reports.charts import Gap

SYMBOL = "c"
SETTING = "CSC_INSIGHT_SUPPRESS_BELOW"
DEFAULT_BELOW = 6


@dataclass(frozen=True)
class Rule:
    """What counts as small. `threshold` is the largest suppressed count."""

    threshold: int = 5
    suppress_zero: bool = False

    def small(self, count: float | None) -> bool:
        if count is None or isinstance(count, _Suppressed):
            return False
        low = 0 if self.suppress_zero else 1
        return low <= count <= self.threshold

    @property
    def active(self) -> bool:
        return self.suppress_zero or self.threshold >= 1

    @property
    def note(self) -> str:
        if not self.active:
            return (
                f"Small numbers are published: this council does not suppress them "
                f"({SETTING} is 0), so no figure is shown as {SYMBOL}."
            )
        zero = "0 to" if self.suppress_zero else "1 to"
        return (
            f"{SYMBOL}: not shown to protect children's identities: a count of {zero} "
            f"{self.threshold}, a figure from which one could be worked out, or a "
            "percentage of one."
        )

    def hides(
        self, unit: str, value: float | None, numerator: float | None, denominator: float | None
    ) -> bool:
        """Primary suppression of one figure: a small count, or a value derived (percentage,
        rate, mean, ratio) from a small numerator or denominator. A rate per 10,000 divides
        by the child population, which is never small."""
        if value is None:
            return False
        if unit == "count":
            return self.small(value)
        return self.small(numerator) or (unit != "rate_per_10k" and self.small(denominator))


DEFAULT = Rule()


def suppress_below() -> int:
    """The setting: counts from 1 up to (not including) this are suppressed; 0 turns
    suppression off. ValueError with the setting's name when it is not a whole number."""
    text = os.environ.get(SETTING, "").strip()
    if not text:
        return DEFAULT_BELOW
    try:
        below = int(text)
    except ValueError:
        raise ValueError(
            f"{SETTING} must be a whole number of 0 or more (6 suppresses "
            f"counts 1 to 5; 0 turns suppression off), not {text!r}"
        ) from None
    if below < 0:
        raise ValueError(f"{SETTING} must be 0 or more, not {below}")
    return below


def configured_rule() -> Rule:
    """The rule the install's setting asks for (threshold = the setting - 1)."""
    return Rule(threshold=max(suppress_below() - 1, 0))


class Audience(StrEnum):
    PUBLIC = "public"  # committee papers published with the agenda
    MEMBER = "member"  # elected Members signed in to the app
    STAFF = "staff"  # officers: analysts, managers, auditors, administrators


# Breakdowns that name or single out staff: never shown outside the staff audience.
STAFF_BREAKDOWNS = frozenset({"worker", "team"})


@dataclass(frozen=True)
class Policy:
    """What one audience sees: whether small numbers are suppressed (and by which rule) and
    whether breakdowns by worker or team are shown."""

    audience: Audience
    rule: Rule = DEFAULT

    @property
    def suppresses(self) -> bool:
        return self.audience != Audience.STAFF and self.rule.active

    @property
    def public(self) -> bool:
        """The name the committee papers use: suppression applies."""
        return self.suppresses

    def shows_breakdown(self, by: str | None) -> bool:
        return self.audience == Audience.STAFF or by not in STAFF_BREAKDOWNS

    def hides(
        self, unit: str, value: float | None, numerator: float | None, denominator: float | None
    ) -> bool:
        return self.suppresses and self.rule.hides(unit, value, numerator, denominator)


def policy_for(audience: Audience | str, rule: Rule | None = None) -> Policy:
    """The policy for an audience under `rule` (default: the install's setting)."""
    return Policy(Audience(audience), rule if rule is not None else configured_rule())


@dataclass
class Table:
    """Counts by row and column with their totals, and which of them are suppressed."""

    rows: list[str]
    columns: list[str]
    counts: list[list[int]]
    suppressed: list[list[bool]] = field(default_factory=list)
    row_total_suppressed: list[bool] = field(default_factory=list)
    column_total_suppressed: list[bool] = field(default_factory=list)
    grand_total_suppressed: bool = False

    @property
    def row_totals(self) -> list[int]:
        return [sum(row) for row in self.counts]

    @property
    def column_totals(self) -> list[int]:
        return [sum(col) for col in zip(*self.counts, strict=True)] if self.counts else []

    @property
    def grand_total(self) -> int:
        return sum(self.row_totals)

    @property
    def shows_row_totals(self) -> bool:
        return len(self.columns) > 1

    @property
    def shows_column_totals(self) -> bool:
        return len(self.rows) > 1

    def cell(self, i: int, j: int) -> str:
        return SYMBOL if self.suppressed[i][j] else f"{self.counts[i][j]:,}"

    def row_total(self, i: int) -> str:
        """The row's total; with one column that is the cell itself."""
        if not self.shows_row_totals:
            return self.cell(i, 0)
        return SYMBOL if self.row_total_suppressed[i] else f"{self.row_totals[i]:,}"

    def column_total(self, j: int) -> str:
        """The column's total; with one row that is the cell itself."""
        if not self.shows_column_totals:
            return self.cell(0, j)
        return SYMBOL if self.column_total_suppressed[j] else f"{self.column_totals[j]:,}"

    def grand(self) -> str:
        return SYMBOL if self.grand_total_suppressed else f"{self.grand_total:,}"

    @property
    def any_suppressed(self) -> bool:
        return (
            any(any(r) for r in self.suppressed)
            or any(self.row_total_suppressed)
            or any(self.column_total_suppressed)
            or self.grand_total_suppressed
        )


def protect(
    rows: Sequence[str],
    columns: Sequence[str],
    counts: Sequence[Sequence[int]],
    rule: Rule = DEFAULT,
) -> Table:
    """The table with primary and secondary suppression applied (see the module docstring)."""
    grid = [[int(v) for v in row] for row in counts]
    if len(grid) != len(rows) or any(len(r) != len(columns) for r in grid):
        raise ValueError("counts must have one row per row label and one value per column")
    table = Table(list(rows), list(columns), grid)
    n, m = len(rows), len(columns)
    ext = _extended(table)
    hidden = [[rule.small(v) for v in row] for row in ext]
    # Lines whose every entry (total included) is shown sum to zero with signs, so they
    # constrain the hidden entries; a line without its total shown constrains nothing.
    lines = ([table.shows_row_totals] * len(ext), [table.shows_column_totals] * len(ext[0]))
    while (bridge := _first_bridge(hidden, lines)) is not None:
        _close(ext, hidden, lines, bridge, n, m)
    table.suppressed = [row[:m] for row in hidden[:n]]
    table.row_total_suppressed = (
        [hidden[i][m] for i in range(n)] if table.shows_row_totals else [False] * n
    )
    table.column_total_suppressed = hidden[n][:m] if table.shows_column_totals else [False] * m
    # With one row (or column) the grand total is that line's total; with one cell, the cell.
    table.grand_total_suppressed = hidden[-1][-1]
    return table


def _extended(table: Table) -> list[list[int]]:
    """The counts with their shown totals as an extra column and row (and the grand total
    in the corner when both are shown)."""
    ext = [
        list(row) + ([total] if table.shows_row_totals else [])
        for row, total in zip(table.counts, table.row_totals, strict=True)
    ]
    if table.shows_column_totals:
        ext.append(table.column_totals + ([table.grand_total] if table.shows_row_totals else []))
    return ext


Node = object
FREE: Node = "free"  # every line without its total shown


def _node(lines: tuple[list[bool], list[bool]], kind: int, k: int) -> Node:
    return (kind, k) if lines[kind][k] else FREE


def _reach(edges: list[tuple[Node, Node]], start: Node) -> set[Node]:
    adjacency: dict[Node, list[Node]] = {}
    for x, y in edges:
        adjacency.setdefault(x, []).append(y)
        adjacency.setdefault(y, []).append(x)
    seen, stack = {start}, [start]
    while stack:
        for nxt in adjacency.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


@dataclass(frozen=True)
class _Bridge:
    cell: tuple[int, int]
    side_a: set[Node]  # what the cell's row reaches without it
    side_b: set[Node]  # what the cell's column reaches without it


def _first_bridge(hidden: list[list[bool]], lines: tuple[list[bool], list[bool]]) -> _Bridge | None:
    """A hidden entry whose value the shown figures fix exactly, or None."""
    cells = [(i, j) for i, row in enumerate(hidden) for j, h in enumerate(row) if h]
    edges = [(_node(lines, 0, i), _node(lines, 1, j)) for i, j in cells]
    for index, (a, b) in enumerate(edges):
        if a == b:
            continue  # both lines unconstrained: nothing pins this entry
        rest = edges[:index] + edges[index + 1 :]
        side_a = _reach(rest, a)
        if b not in side_a:
            return _Bridge(cells[index], side_a, _reach(rest, b))
    return None


def _close(
    ext: list[list[int]],
    hidden: list[list[bool]],
    lines: tuple[list[bool], list[bool]],
    bridge: _Bridge,
    n: int,
    m: int,
) -> None:
    """Hide one more entry: one that puts the bridge on a cycle if any does, otherwise one
    in the bridge's row or column (whichever has fewer hidden entries)."""
    rows, cols = len(ext), len(ext[0])
    known_zero_rows = {
        i for i in range(rows) if lines[0][i] and ext[i][-1] == 0 and not hidden[i][-1] and cols > m
    }
    known_zero_cols = {
        j for j in range(cols) if lines[1][j] and ext[-1][j] == 0 and not hidden[-1][j] and rows > n
    }

    free = [(i, j) for i in range(rows) for j in range(cols) if not hidden[i][j]]
    closing = {
        (i, j)
        for i, j in free
        if (_node(lines, 0, i) in bridge.side_a and _node(lines, 1, j) in bridge.side_b)
        or (_node(lines, 0, i) in bridge.side_b and _node(lines, 1, j) in bridge.side_a)
    }
    bi, bj = bridge.cell
    in_row = [(bi, k) for k in range(cols) if not hidden[bi][k]]
    in_col = [(k, bj) for k in range(rows) if not hidden[k][bj]]
    row_count = sum(hidden[bi])
    col_count = sum(hidden[k][bj] for k in range(rows))
    local = in_row if in_row and (row_count <= col_count or not in_col) else in_col
    candidates = [*closing, *local]
    if not candidates:
        raise AssertionError("a bridge with no entry left to hide")  # cannot happen

    def cost(cell: tuple[int, int]) -> tuple[bool, bool, bool, int, int, int]:
        # A cell that a shown zero total proves to be zero (or is zero) only when nothing
        # else will do, since hiding it hides nothing; counts before totals; one that
        # closes a cycle before one that only makes progress towards it; the smallest.
        i, j = cell
        pinned = i in known_zero_rows or j in known_zero_cols or ext[i][j] == 0
        return pinned, i >= n or j >= m, cell not in closing, ext[i][j], i, j

    i, j = min(candidates, key=cost)
    hidden[i][j] = True


def count_text(count: float | None, rule: Rule = DEFAULT) -> str:
    """A headline count as a public document writes it: "fewer than 6" when small."""
    if count is None:
        return "not available"
    if rule.small(count):
        return f"fewer than {rule.threshold + 1}"
    return f"{count:,.0f}"


def count_cell(count: float | None, rule: Rule = DEFAULT) -> str:
    """A count in a table cell: the symbol when small."""
    if count is None:
        return ""
    return SYMBOL if rule.small(count) else f"{count:,.0f}"


def percent_hidden(
    numerator: float | None, denominator: float | None, rule: Rule = DEFAULT
) -> bool:
    """A percentage is hidden when its numerator or its denominator is small."""
    return rule.small(numerator) or rule.small(denominator)


Key = Hashable
Sum = tuple[Key, Sequence[Key]]  # (total, parts): the parts add up to the total


def _determined(sums: Sequence[Sum], hidden: set[Key]) -> list[Key]:
    """Hidden keys whose value follows from the shown values and `sums` (the unit vector
    of the key lies in the row space of the sums restricted to the hidden keys)."""
    unknown = sorted({k for total, parts in sums for k in (total, *parts) if k in hidden}, key=repr)
    if not unknown:
        return []
    index = {k: i for i, k in enumerate(unknown)}
    rows = []
    for total, parts in sums:
        row = np.zeros(len(unknown))
        if total in index:
            row[index[total]] += 1.0
        for part in parts:
            if part in index:
                row[index[part]] -= 1.0
        if row.any():
            rows.append(row)
    if not rows:
        return []
    a = np.array(rows)
    _, s, vh = np.linalg.svd(a)
    rank = int((s > 1e-9 * max(1.0, s[0])).sum())
    null = vh[rank:]
    if null.shape[0] == 0:
        return list(unknown)
    return [k for k in unknown if np.abs(null[:, index[k]]).max() < 1e-9]


def protect_sums(
    values: Mapping[Key, float | None],
    sums: Iterable[Sum],
    rule: Rule = DEFAULT,
    hidden: Iterable[Key] = (),
    keep: Iterable[Key] = (),
) -> set[Key]:
    """The keys to hide among `values` (counts on one page or paper, keyed by anything):
    the small ones, those in `hidden` already (e.g. primary suppression decided elsewhere),
    and as few more as the greedy rule below needs so that no hidden key's value can be
    worked out from the shown ones through `sums`.

    While some hidden key is determined, one more key is hidden from a sum that holds one
    (see `_protect_component`), avoiding those in `keep` (a page's headline figures) when
    another will do. Keys in `sums` but not in `values` are treated as not shown (hidden)."""
    sums = [(t, list(p)) for t, p in sums]
    out = {k for k, v in values.items() if rule.small(v)} | set(hidden)
    out |= {k for t, p in sums for k in (t, *p) if k not in values}
    keep = set(keep)
    for component in _components(sums):
        _protect_component(values, component, out, keep)
    return out


def _components(sums: list[Sum]) -> list[list[Sum]]:
    """The sums split into groups that share no key (each is protected on its own)."""
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for total, parts in sums:
        for part in parts:
            parent[find(part)] = find(total)
    groups: dict[Key, list[Sum]] = {}
    for item in sums:
        groups.setdefault(find(item[0]), []).append(item)
    return list(groups.values())


def _protect_component(
    values: Mapping[Key, float | None], sums: list[Sum], out: set[Key], keep: set[Key]
) -> None:
    """Hide more keys of one component until none hidden is determined: each time the one,
    among the keys sharing a sum with a determined key, that leaves fewest determined (not
    a known zero first, then one not in `keep`, then a part before a total, then the
    smallest)."""
    totals = {t for t, _ in sums}

    def cost(key: Key, left: int) -> tuple[bool, int, bool, bool, float, str]:
        v = values.get(key) or 0
        return v == 0, left, key in keep, key in totals, float(v), repr(key)

    while determined := set(_determined(sums, out)):
        candidates = {k for t, p in sums if determined & {t, *p} for k in (t, *p) if k not in out}
        if not candidates:  # fixed through a chain: widen to every sum touching a hidden key
            candidates = {k for t, p in sums if out & {t, *p} for k in (t, *p) if k not in out}
        if not candidates:  # every figure tied to it is hidden already
            break
        out.add(min(candidates, key=lambda k: cost(k, len(_determined(sums, out | {k})))))


class _Suppressed:
    """A figure an audience does not see: formats as the symbol, is a gap in charts that
    says why (`shown_value`)."""

    def __format__(self, spec: str) -> str:
        return SYMBOL

    def __str__(self) -> str:
        return SYMBOL

    def __repr__(self) -> str:
        return "SUPPRESSED"

    def __float__(self) -> float:
        raise TypeError("a suppressed figure has no value")

    def __reduce__(self) -> str:
        return "SUPPRESSED"  # unpickled (from the figure cache) as the one instance


SUPPRESSED: object = _Suppressed()


def is_suppressed(value: object) -> bool:
    return value is SUPPRESSED


# A figure not shown, in a chart: its mark is the table's symbol, its text alternative says why.
NOT_SHOWN = Gap("not shown (small numbers)", SYMBOL)


def shown_value(value: object) -> float | Gap | None:
    """A value for a chart (`reports.charts.Point`): the NOT_SHOWN gap when suppressed."""
    return NOT_SHOWN if value is SUPPRESSED else value  # type: ignore[return-value]


def _quarter_labels(label: str) -> list[str]:
    """The quarters whose flows add up to the period `label` (itself for a quarter; none
    for a period that is not made of whole quarters)."""
    from csc_insight.indicators.periods import PeriodError, parse_period, quarter, quarter_of

    try:
        period = parse_period(label)
    except PeriodError:
        return []
    if period.kind == "quarter":
        return [label]
    if period.kind not in ("year", "ytd"):
        return []
    year, last = quarter_of(period.end)
    if quarter(year, last).end != period.end:
        return []
    return [quarter(year, q).label for q in range(1, last + 1)]


def _measures(unit: str, fig: Any) -> dict[str, float | None]:
    """The counts a figure is made of: 'n' (the count, or the numerator) and 'd'."""
    n = fig.value if unit == "count" and fig.numerator is None else fig.numerator
    return {"n": n} if unit == "count" else {"n": n, "d": fig.denominator}


def disclose(
    results: Mapping[str, Any],
    trends: Mapping[str, Sequence[Any]],
    breakdown: Mapping[str, Sequence[Any]] | None,
    policy: Policy,
) -> tuple[dict[str, Any], dict[str, list[Any]], dict[str, list[Any]]]:
    """Indicator results, their trends and a breakdown as `policy`'s audience sees them on
    one page: every figure it shows goes through primary and secondary suppression
    together, and suppressed values (and numerators, denominators, forecasts, bands, RAG
    ratings) are replaced by SUPPRESSED.

    The sums a reader could use, per indicator and per count ('n' numerator, 'd'
    denominator): a flow's year and year to date (which the forecast scales) are the sum
    of their quarters; a stock's year is its last quarter; the groups of a breakdown and
    the bands add up to the total. Two indicators whose counts are equal in every period
    shown (e.g. referrals and the numerator of the contact conversion rate) are taken to
    count the same children: their figures are tied, period by period and group by group.
    """
    import dataclasses

    from csc_insight.indicators.periods import parse_period

    breakdown = breakdown or {}
    if not policy.suppresses:
        return (
            dict(results),
            {k: list(v) for k, v in trends.items()},
            {k: list(v) for k, v in breakdown.items()},
        )
    rule = policy.rule
    values: dict[Key, float | None] = {}
    sums: list[Sum] = []
    series: dict[tuple[str, str], dict[tuple[str, str | None], float | None]] = {}

    def add(ident: str, unit: str, fig: Any, group: str | None = None) -> None:
        if fig is None:
            return
        for m, v in _measures(unit, fig).items():
            if v is None:
                continue
            values[(ident, m, fig.period, group)] = v
            series.setdefault((ident, m), {})[(fig.period, group)] = v

    live = {i: r for i, r in results.items() if r.status == "ok"}
    for ident, r in live.items():
        unit = r.unit
        add(ident, unit, r)
        for fig in (
            *r.previous_quarters,
            r.same_period_last_year,
            r.last_year_outturn,
            *trends.get(ident, ()),
        ):
            add(ident, unit, fig)
        for row in breakdown.get(ident, ()):
            add(ident, unit, dataclasses.replace(row, period=r.period), row.key or "")
        if r.bands:
            for band, n in r.bands.items():
                values[(ident, "n", r.period, ("band", band))] = n
            sums.append(
                (
                    (ident, "n", r.period, None),
                    [(ident, "n", r.period, ("band", b)) for b in r.bands],
                )
            )
        labels = {p for (i, _, p, _) in values if i == ident}
        ytd_label = None
        if r.period_type == "flow" and r.forecast is not None:
            ytd_label = parse_period(r.period).year_to_date().label
            labels.add(ytd_label)
        for label in labels:
            quarters = _quarter_labels(label)
            if quarters == [label] or not quarters:
                continue
            for m in _measures(unit, r):
                if r.period_type == "flow":
                    sums.append(((ident, m, label, None), [(ident, m, q, None) for q in quarters]))
                else:
                    sums.append(((ident, m, label, None), [(ident, m, quarters[-1], None)]))
        if ytd_label is not None:
            for m in _measures(unit, r):
                parts = [values.get((ident, m, q, None)) for q in _quarter_labels(ytd_label)]
                values.setdefault(
                    (ident, m, ytd_label, None), sum(parts) if None not in parts else None
                )  # type: ignore[arg-type]
            so_far = getattr(r, "year_to_date", None)
            if unit == "count" and isinstance(r.forecast, int | float) and so_far is not None:
                # the forecast is the year to date scaled to the year: its count is known
                values[(ident, "n", ytd_label, None)] = so_far.value
        groups = {g for (i, _, _, g) in values if i == ident and isinstance(g, str)}
        if groups:
            for m in _measures(unit, r):
                sums.append(
                    ((ident, m, r.period, None), [(ident, m, r.period, g) for g in sorted(groups)])
                )
    # Counts of two indicators equal in every period and group shown are the same count.
    names = sorted(series)
    for a_index, a in enumerate(names):
        for b in names[a_index + 1 :]:
            if a[0] == b[0]:
                continue
            common = series[a].keys() & series[b].keys()
            if (
                len(common) >= 2
                and all(series[a][k] == series[b][k] for k in common)
                and any(series[a][k] for k in common)
            ):
                sums += [((*a, p, g), [(*b, p, g)]) for p, g in common]
    primary = {
        k
        for k, v in values.items()
        if rule.small(v) and not (k[1] == "d" and live[k[0]].unit == "rate_per_10k")
    }
    headlines = {(i, m, r.period, None) for i, r in live.items() for m in ("n", "d")}
    hidden = protect_sums(values, sums, Rule(threshold=0), primary, keep=headlines)

    def masked(ident: str, unit: str, fig: Any, group: str | None = None) -> Any:
        if fig is None:
            return fig
        gone = {m for m in _measures(unit, fig) if (ident, m, fig.period, group) in hidden}
        if not gone:
            return fig
        return dataclasses.replace(
            fig,
            value=None if fig.value is None else SUPPRESSED,
            numerator=SUPPRESSED if "n" in gone and fig.numerator is not None else fig.numerator,
            denominator=SUPPRESSED
            if "d" in gone and fig.denominator is not None
            else fig.denominator,
        )

    shown_results: dict[str, Any] = dict(results)
    shown_trends: dict[str, list[Any]] = {k: list(v) for k, v in trends.items()}
    shown_breakdown: dict[str, list[Any]] = {k: list(v) for k, v in breakdown.items()}
    for ident, r in live.items():
        unit = r.unit
        new = masked(ident, unit, r)
        if new is not r and r.rag is not None:  # a figure with no target keeps "No target"
            new = dataclasses.replace(new, rag=SYMBOL)
        changes: dict[str, Any] = {
            "previous_quarters": [masked(ident, unit, f) for f in r.previous_quarters],
            "same_period_last_year": masked(ident, unit, r.same_period_last_year),
            "last_year_outturn": masked(ident, unit, r.last_year_outturn),
        }
        if r.forecast is not None and r.period_type == "flow":
            ytd = parse_period(r.period).year_to_date().label
            if any((ident, m, ytd, None) in hidden for m in _measures(unit, r)):
                changes["forecast"] = SUPPRESSED
                if (so_far := getattr(r, "year_to_date", None)) is not None:
                    changes["year_to_date"] = dataclasses.replace(
                        so_far,
                        value=None if so_far.value is None else SUPPRESSED,
                        numerator=None if so_far.numerator is None else SUPPRESSED,
                        denominator=None if so_far.denominator is None else SUPPRESSED,
                    )
        if r.bands and any((ident, "n", r.period, ("band", b)) in hidden for b in r.bands):
            changes["bands"] = {
                b: SUPPRESSED if (ident, "n", r.period, ("band", b)) in hidden else n
                for b, n in r.bands.items()
            }
        shown_results[ident] = dataclasses.replace(new, **changes)
        shown_trends[ident] = [masked(ident, unit, f) for f in trends.get(ident, ())]
        shown_breakdown[ident] = [
            masked(ident, unit, dataclasses.replace(row, period=r.period), row.key or "")
            for row in breakdown.get(ident, ())
        ]
    return shown_results, shown_trends, shown_breakdown
