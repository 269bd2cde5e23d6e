"""Fast, deterministic CSV writing from numpy columns (pyarrow's C++ writer under the hood)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

DMY = "%d/%m/%Y"


def text(values: np.ndarray, date_format: str = DMY) -> object:
    """A column as a pyarrow string array: dates formatted, None/NaT/NaN as empty."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = np.asarray(values)
    if arr.dtype.kind == "M":
        dates = pa.array(arr.astype("datetime64[D]"), from_pandas=True)
        return pc.strftime(dates.cast(pa.timestamp("s")), format=date_format)
    if arr.dtype.kind == "f":
        return pa.array(
            np.where(np.isnan(arr), None, arr.astype(str)).astype(object), type=pa.string()
        )
    if arr.dtype.kind in "iub":
        return pa.array(arr.astype(str).astype(object), type=pa.string())
    return pa.array([None if v is None else str(v) for v in arr.tolist()], type=pa.string())


def yn(values: np.ndarray, yes: str = "Y", no: str = "N") -> np.ndarray:
    """Nullable flags as Y/N (or other spellings), None stays empty."""
    out = np.full(len(values), None, dtype=object)
    v = np.asarray(values, dtype=object)
    out[v == True] = yes  # noqa: E712 (object arrays hold True/False/None)
    out[v == False] = no  # noqa: E712
    return out


def write_csv(path: Path, columns: Mapping[str, np.ndarray], date_format: str = DMY) -> Path:
    """Write `columns` (heading -> values) with a plain header row and minimal quoting."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    names = list(columns)
    table = pa.table({f"c{i}": text(columns[n], date_format) for i, n in enumerate(names)})
    # Quote only when some value needs it (pyarrow's "needed" quotes every string).
    needs = any(
        pc.any(pc.match_substring_regex(col, '[,"\\n\\r]')).as_py() for col in table.columns
    )
    with open(path, "wb") as fh:
        fh.write((",".join(_quote(n) for n in names) + "\n").encode("utf-8"))
        if table.num_rows:
            pacsv.write_csv(
                table,
                fh,
                write_options=pacsv.WriteOptions(
                    include_header=False, quoting_style="needed" if needs else "none"
                ),
            )
    return path


def _quote(name: str) -> str:
    return f'"{name}"' if any(c in name for c in ',"\n') else name
