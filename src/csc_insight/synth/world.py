"""The generated world: every canonical table as columns (numpy arrays), plus format-only facts.

Columns are numpy arrays: dates as `datetime64[D]` (NaT = not happened / still open), strings,
nullable flags and nullable integers as object arrays (None = not recorded), other integers
and floats as numeric arrays. `World.tables()` turns them into rows of Python values keyed by
the canonical column names of `store/schema.sql`, for tests that compare a load with the truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

Columns = dict[str, np.ndarray]


@dataclass
class World:
    profile: str
    seed: int
    start: date
    end: date
    data: dict[str, Columns]  # canonical table -> columns
    extra: dict[str, Columns] = field(default_factory=dict)  # facts only some formats carry

    def rows(self, table: str) -> int:
        cols = self.data[table]
        return len(next(iter(cols.values()))) if cols else 0

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Canonical table name -> rows as dicts of Python values (date, bool, int, str, None)."""
        return {name: to_rows(cols) for name, cols in self.data.items()}

    def collection_years(self) -> list[int]:
        """Ending years of the collection years (1 April to 31 March) overlapping the window."""
        first = self.start.year + (1 if self.start >= date(self.start.year, 4, 1) else 0)
        last = self.end.year + (1 if self.end >= date(self.end.year, 4, 1) else 0)
        return list(range(first, last + 1))


def to_rows(cols: Columns) -> list[dict[str, Any]]:
    names = list(cols)
    values = [_python(cols[n]) for n in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def _python(arr: np.ndarray) -> list[Any]:
    if arr.dtype.kind == "M":
        return arr.astype("datetime64[D]").astype(object).tolist()
    if arr.dtype.kind == "f":
        return [None if np.isnan(v) else v for v in arr.tolist()]
    return arr.tolist()


def latest(keys: np.ndarray, when: np.ndarray, wanted: np.ndarray, value: np.ndarray | None = None):
    """For each of the `wanted` keys, the latest `when` of its rows in `keys` (NaT when it has
    none dated), and with `value` also the value on that row (None when none)."""
    ok = ~np.isnat(when)
    k, w = keys[ok].astype(str), when[ok]
    v = value[ok] if value is not None else None
    order = np.lexsort((w, k))
    k, w = k[order], w[order]
    last = np.ones(len(k), bool)
    last[:-1] = k[1:] != k[:-1]
    pos = np.searchsorted(k[last], wanted.astype(str))
    pos = np.clip(pos, 0, max(len(k[last]) - 1, 0))
    found = (k[last][pos] == wanted.astype(str)) if len(k[last]) else np.zeros(len(wanted), bool)
    out = np.where(
        found, w[last][pos] if len(k[last]) else np.datetime64("NaT"), np.datetime64("NaT")
    ).astype("datetime64[D]")
    if value is None:
        return out
    vals = np.full(len(wanted), None, dtype=object)
    if len(k[last]):
        vals[found] = v[order][last][pos][found]
    return out, vals
