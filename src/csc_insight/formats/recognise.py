"""Saying what an unrecognised file looks closest to, so a person can fix it.

For a CSV file whose header row matches no table of any return, `closest` names the table
(an SSDA903 table, a local extras file or an Annex A list) that shares most required
headings with it, which of that table's required headings are missing, and which of the
file's headings are not in it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from csc_insight.formats.tabular import Column, normalise_heading

MAX_NAMED = 8  # headings named in one message, before "and N more"


def _tables() -> Iterator[tuple[str, Sequence[Column]]]:
    from csc_insight.formats import annexa_columns, local_extras, ssda903

    for name, columns in ssda903.TABLES.items():
        yield f"the SSDA903 {ssda903.LABELS[name]} table", columns
    for name, columns in local_extras.TABLES.items():
        yield f"the local extras file {name}.csv", columns
    for number, spec in annexa_columns.LISTS.items():
        yield f"Annex A List {number} ({spec.title})", spec.columns


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMED])
    more = len(names) - MAX_NAMED
    return shown + (f" and {more} more" if more > 0 else "")


def closest_to(headings: Sequence[object]) -> str | None:
    """The sentence for a header row; None when it shares no heading with any table."""
    keys = {normalise_heading(h): str(h).strip() for h in headings}
    keys.pop("", None)
    best: tuple[float, int, str, list[str], list[str]] | None = None
    for order, (label, columns) in enumerate(_tables()):
        names = {normalise_heading(n) for c in columns for n in (c.heading, *c.aliases)}
        required = [c for c in columns if c.required]
        present = sum(1 for c in required if normalise_heading(c.heading) in keys)
        if not present:
            continue
        share = present / len(set(keys) | {normalise_heading(c.heading) for c in required})
        missing = [c.heading for c in required if normalise_heading(c.heading) not in keys]
        extra = [text for key, text in keys.items() if key not in names]
        if best is None or (share, -order) > (best[0], -best[1]):
            best = (share, order, label, missing, extra)
    if best is None:
        return None
    _, _, label, missing, extra = best
    parts = [f"It looks closest to {label}"]
    if missing:
        parts.append(
            f"missing required heading{'s' if len(missing) > 1 else ''} {_listed(missing)}"
        )
    if extra:
        parts.append(f"with heading{'s' if len(extra) > 1 else ''} not in it: {_listed(extra)}")
    return "; ".join(parts) + "."


def closest(path: Path) -> str | None:
    """`closest_to` for the header row of a CSV file; None for other files."""
    if path.suffix.lower() not in (".csv", ".txt"):
        return None
    from csc_insight.formats.ssda903 import first_row

    return closest_to(first_row(path))
