"""Write the SSDA903 tables as one XML file, in the shape `formats.ssda903_xml` reads:

    Message
    ├ Header/CollectionDetails: Collection (SSDA903), Year, ReferenceDate
    └ Children/Child*
      ├ Header: CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB  (or a bare CHILD when the
      │         child is in no Header row)
      ├ Episodes/Episode*, Reviews/Review*    (the table's columns but CHILD)
      └ UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing: one element per row

Dates are ISO (yyyy-mm-dd); blank values are left out; one element per line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import numpy as np

from csc_insight.synth.csvout import text

# table -> (container element or None, row element)
ELEMENTS = {
    "episodes": ("Episodes", "Episode"),
    "reviews": ("Reviews", "Review"),
    "uasc": (None, "UASC"),
    "oc2": (None, "OC2"),
    "oc3": (None, "OC3"),
    "ad1": (None, "AD1"),
    "placed_adoption": (None, "PlacedAdoption"),
    "prev_perm": (None, "PrevPerm"),
    "missing": (None, "Missing"),
}


def _rows(columns: Mapping[str, np.ndarray]) -> list[dict[str, str]]:
    names = list(columns)
    values = [text(columns[n], "%Y-%m-%d").to_pylist() for n in names]  # type: ignore[attr-defined]
    return [
        {n: v for n, v in zip(names, row, strict=True) if v not in (None, "")}
        for row in zip(*values, strict=True)
    ]


def _element(tag: str, fields: Mapping[str, str], indent: str) -> list[str]:
    inner = [
        f"{indent}  <{k}>{escape(v)}</{k}>"
        for k, v in fields.items()
        if k != "CHILD" or tag == "Header"
    ]
    return [f"{indent}<{tag}>", *inner, f"{indent}</{tag}>"]


def write_903_xml(tables: Mapping[str, Mapping[str, np.ndarray]], path: Path, end: date) -> Path:
    """Write `tables` (as write_903 builds them: table -> heading -> values) to `path`."""
    header = {row["CHILD"]: row for row in _rows(tables["header"])}
    by_child: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for name in ELEMENTS:
        for row in _rows(tables[name]):
            by_child[row["CHILD"]][name].append(row)
    year = end.year if end.month < 4 else end.year + 1
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<Message>",
        "  <Header>",
        "    <CollectionDetails>",
        "      <Collection>SSDA903</Collection>",
        f"      <Year>{year}</Year>",
        f"      <ReferenceDate>{year}-03-31</ReferenceDate>",
        "    </CollectionDetails>",
        "  </Header>",
        "  <Children>",
    ]
    order = list(header) + sorted(set(by_child) - set(header))
    for child in order:
        lines.append("    <Child>")
        if child in header:
            lines += _element("Header", header[child], "      ")
        else:
            lines.append(f"      <CHILD>{escape(child)}</CHILD>")
        for name, (container, tag) in ELEMENTS.items():
            rows = by_child[child].get(name, []) if child in by_child else []
            if not rows:
                continue
            if container:
                lines.append(f"      <{container}>")
            for row in rows:
                lines += _element(tag, row, "        " if container else "      ")
            if container:
                lines.append(f"      </{container}>")
        lines.append("    </Child>")
    lines += ["  </Children>", "</Message>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
