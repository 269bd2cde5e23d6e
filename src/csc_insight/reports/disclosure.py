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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

SYMBOL = "c"


@dataclass(frozen=True)
class Rule:
    """What counts as small. `threshold` is the largest suppressed count."""

    threshold: int = 5
    suppress_zero: bool = False

    def small(self, count: float | None) -> bool:
        if count is None:
            return False
        low = 0 if self.suppress_zero else 1
        return low <= count <= self.threshold

    @property
    def note(self) -> str:
        zero = "0 to" if self.suppress_zero else "1 to"
        return (f"{SYMBOL}: not shown to protect children's identities: a count of {zero} "
                f"{self.threshold}, a figure from which one could be worked out, or a "
                "percentage of one.")


DEFAULT = Rule()


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
        return (any(any(r) for r in self.suppressed) or any(self.row_total_suppressed)
                or any(self.column_total_suppressed) or self.grand_total_suppressed)


def protect(rows: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]],
            rule: Rule = DEFAULT) -> Table:
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
    table.row_total_suppressed = ([hidden[i][m] for i in range(n)] if table.shows_row_totals
                                  else [False] * n)
    table.column_total_suppressed = (hidden[n][:m] if table.shows_column_totals
                                     else [False] * m)
    # With one row (or column) the grand total is that line's total; with one cell, the cell.
    table.grand_total_suppressed = hidden[-1][-1]
    return table


def _extended(table: Table) -> list[list[int]]:
    """The counts with their shown totals as an extra column and row (and the grand total
    in the corner when both are shown)."""
    ext = [list(row) + ([total] if table.shows_row_totals else [])
           for row, total in zip(table.counts, table.row_totals, strict=True)]
    if table.shows_column_totals:
        ext.append(table.column_totals + ([table.grand_total] if table.shows_row_totals
                                          else []))
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


def _first_bridge(hidden: list[list[bool]],
                  lines: tuple[list[bool], list[bool]]) -> _Bridge | None:
    """A hidden entry whose value the shown figures fix exactly, or None."""
    cells = [(i, j) for i, row in enumerate(hidden) for j, h in enumerate(row) if h]
    edges = [(_node(lines, 0, i), _node(lines, 1, j)) for i, j in cells]
    for index, (a, b) in enumerate(edges):
        if a == b:
            continue  # both lines unconstrained: nothing pins this entry
        rest = edges[:index] + edges[index + 1:]
        side_a = _reach(rest, a)
        if b not in side_a:
            return _Bridge(cells[index], side_a, _reach(rest, b))
    return None


def _close(ext: list[list[int]], hidden: list[list[bool]],
           lines: tuple[list[bool], list[bool]], bridge: _Bridge, n: int, m: int) -> None:
    """Hide one more entry: one that puts the bridge on a cycle if any does, otherwise one
    in the bridge's row or column (whichever has fewer hidden entries)."""
    rows, cols = len(ext), len(ext[0])
    known_zero_rows = {i for i in range(rows) if lines[0][i] and ext[i][-1] == 0
                       and not hidden[i][-1] and cols > m}
    known_zero_cols = {j for j in range(cols) if lines[1][j] and ext[-1][j] == 0
                       and not hidden[-1][j] and rows > n}

    free = [(i, j) for i in range(rows) for j in range(cols) if not hidden[i][j]]
    closing = {(i, j) for i, j in free
               if (_node(lines, 0, i) in bridge.side_a and _node(lines, 1, j) in bridge.side_b)
               or (_node(lines, 0, i) in bridge.side_b and _node(lines, 1, j) in bridge.side_a)}
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


def percent_hidden(numerator: float | None, denominator: float | None,
                   rule: Rule = DEFAULT) -> bool:
    """A percentage is hidden when its numerator or its denominator is small."""
    return rule.small(numerator) or rule.small(denominator)
