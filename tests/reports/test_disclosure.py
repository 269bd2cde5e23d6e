"""Disclosure control: hand-checked tables, and a property test that no suppressed cell of a
random table can be worked out from what is published."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from csc_insight.reports.disclosure import (
    Rule,
    Table,
    count_cell,
    count_text,
    percent_hidden,
    protect,
)


def _shown(table: Table) -> list[list[str]]:
    return [[table.cell(i, j) for j in range(len(table.columns))] for i in range(len(table.rows))]


def test_a_small_count_takes_a_two_by_two_block_with_it() -> None:
    # 3 is small. Its row then has one hidden cell, so the smallest other count in the row
    # (10) goes; its column likewise (8); then 9 closes the rectangle 3-10 / 8-9, so each
    # hidden cell can shift by +t/-t around it without changing a total.
    table = protect(["a", "b"], ["x", "y", "z"], [[3, 10, 12], [8, 9, 20]])
    assert _shown(table) == [["c", "c", "12"], ["c", "c", "20"]]
    assert [table.row_total(i) for i in range(2)] == ["25", "37"]
    assert [table.column_total(j) for j in range(3)] == ["11", "19", "32"]
    assert table.grand() == "62"


def test_nothing_small_nothing_hidden_and_zero_is_shown_by_default() -> None:
    table = protect(["a", "b"], ["x", "y"], [[0, 10], [7, 9]])
    assert _shown(table) == [["0", "10"], ["7", "9"]]
    assert not table.any_suppressed


def test_zero_can_be_made_small() -> None:
    table = protect(["a", "b"], ["x", "y"], [[0, 10], [7, 9]], Rule(suppress_zero=True))
    assert _shown(table) == [["c", "c"], ["c", "c"]]


def test_a_small_total_is_protected_like_a_cell() -> None:
    # Row a is 4 + 0 = 4: the cell 4 and the total 4 are small. Column x then has one
    # hidden cell, so 7 below it is hidden too; row b's total 27 would give 7 back, and the
    # grand total 31 would give row a's total back (31 - 27), so 27 goes as well. The 0
    # stays: hiding a zero hides nothing. Now a1 + b1 = 11 and a's total + b's = 31 leave
    # a1 anywhere from 0 to 11.
    table = protect(["a", "b"], ["x", "y"], [[4, 0], [7, 20]])
    assert _shown(table) == [["c", "0"], ["c", "20"]]
    assert [table.row_total(i) for i in range(2)] == ["c", "c"]
    assert [table.column_total(j) for j in range(2)] == ["11", "20"]
    assert table.grand() == "31"


def test_a_complement_is_never_a_known_zero() -> None:
    # Audit grades: only the Overall row has grades, 7 Good and 1 Inadequate. The 1 needs
    # a partner in its row (7, as the zeros hide nothing); each column then needs a second
    # hidden entry, and every other cell in them is proved zero by its row's total of 0,
    # so the column totals are hidden instead. 8 = Good + Inadequate leaves the 1 unknown.
    grid = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 7, 0, 1]]
    table = protect(["Assessment", "Planning", "Overall"], ["O", "G", "R", "I"], grid)
    assert _shown(table) == [["0", "0", "0", "0"], ["0", "0", "0", "0"], ["0", "c", "0", "c"]]
    assert [table.column_total(j) for j in range(4)] == ["0", "c", "0", "c"]
    assert table.row_total(2) == "8"


def test_one_column_needs_a_second_hidden_row() -> None:
    # With one column the row totals are the cells, so only the column total constrains:
    # 2 alone would be 40 - 10 - 28; the next smallest (10) is hidden with it.
    table = protect(["a", "b", "c"], ["n"], [[2], [10], [28]])
    assert _shown(table) == [["c"], ["c"], ["28"]]
    assert table.column_total(0) == "40"


def test_threshold_is_a_setting() -> None:
    table = protect(["a"], ["x", "y", "z"], [[7, 12, 30]], Rule(threshold=10))
    assert _shown(table) == [["c", "c", "30"]]


def test_headline_counts_and_percentages() -> None:
    assert count_text(4) == "fewer than 6"
    assert count_text(6) == "6"
    assert count_text(0) == "0"
    assert count_text(1234) == "1,234"
    assert count_cell(5) == "c"
    assert count_cell(12) == "12"
    assert percent_hidden(3, 40) is True
    assert percent_hidden(30, 4) is True
    assert percent_hidden(30, 40) is False


def _entries(table: Table) -> tuple[list[list[bool]], list[bool], list[bool]]:
    """The table with its shown totals as an extra column and row (grand total in the
    corner): which entries are hidden, and which lines are complete (total shown)."""
    n, m = len(table.rows), len(table.columns)
    hidden = [
        [table.suppressed[i][j] for j in range(m)]
        + ([table.row_total_suppressed[i]] if table.shows_row_totals else [])
        for i in range(n)
    ]
    if table.shows_column_totals:
        hidden.append(
            list(table.column_total_suppressed)
            + ([table.grand_total_suppressed] if table.shows_row_totals else [])
        )
    rows = [table.shows_row_totals] * len(hidden)
    cols = [table.shows_column_totals] * len(hidden[0])
    return hidden, rows, cols


def _determined(table: Table) -> list[tuple[int, int]]:
    """Hidden entries (cells or totals) whose value follows from what is shown, by any
    linear combination of the table's equations.

    Unknowns: the hidden entries. Equations: in every complete line (a row whose total is
    shown as a column, a column whose total is shown as a row, and the totals row and
    column themselves), the entries add up to the line's total. An entry is determined
    exactly when its unit vector lies in the row space of those equations, i.e. adding it
    as a row does not raise the rank.
    """
    hidden, rows, cols = _entries(table)
    last_row, last_col = len(hidden) - 1, len(hidden[0]) - 1
    unknown = [(i, j) for i, row in enumerate(hidden) for j, h in enumerate(row) if h]
    equations = []
    for i, complete in enumerate(rows):
        if complete:  # entries before the last add up to the last
            equations.append(
                [(-1.0 if j == last_col else 1.0) if r == i else 0.0 for r, j in unknown]
            )
    for j, complete in enumerate(cols):
        if complete:
            equations.append(
                [(-1.0 if i == last_row else 1.0) if c == j else 0.0 for i, c in unknown]
            )
    if not unknown or not equations:
        return []
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = []
    for k, cell in enumerate(unknown):
        unit = np.zeros(len(unknown))
        unit[k] = 1.0
        if np.linalg.matrix_rank(np.vstack([a, unit])) == rank:
            found.append(cell)
    return found


counts = st.one_of(st.integers(0, 6), st.integers(0, 40))
tables = st.integers(1, 5).flatmap(
    lambda n: st.integers(1, 5).flatmap(
        lambda m: st.lists(st.lists(counts, min_size=m, max_size=m), min_size=n, max_size=n)
    )
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_suppressed_cell_can_be_recomputed(grid: list[list[int]]) -> None:
    """For any table of counts: every count of 1-5 is hidden, cells and totals alike; and
    no hidden entry (cell, row or column total, grand total) is fixed by the shown cells
    and totals, taken in any linear combination of rows, columns and the totals row and
    column (see `_determined`).

    This is exact recovery over the reals. It implies that no row or column with a shown
    total holds exactly one hidden entry, and that no set of rows and columns can be
    combined to isolate one, nor a hidden total be had from the grand total. (Bounds from
    non-negativity can still narrow a hidden entry's range; complements are chosen away
    from cells a zero total proves to be zero, but that is not what this test proves.)
    """
    rule = Rule()
    table = protect(
        [f"r{i}" for i in range(len(grid))], [f"c{j}" for j in range(len(grid[0]))], grid, rule
    )
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if rule.small(value):
                assert table.cell(i, j) == "c"
            if not table.suppressed[i][j]:
                assert table.cell(i, j) == f"{value:,}"
    for i, total in enumerate(table.row_totals):
        if rule.small(total):
            assert table.row_total(i) == "c"
    for j, total in enumerate(table.column_totals):
        if rule.small(total):
            assert table.column_total(j) == "c"
    if rule.small(table.grand_total):
        assert table.grand() == "c"
    assert _determined(table) == []
