"""Server-side SVG charts (line, bar, sparkline) for the web dashboards and committee papers.

Each chart is one self-contained <svg role="img"> with a <title> and a <desc> that states
every plotted value in words, so a screen reader gets the same figures as the picture.
Colours are presentation attributes, never `style`, so the charts pass a strict CSP.
A value not drawn is a `Gap`: None is no data; a figure hidden to protect children is a Gap
that says so. A gap breaks a line and has no bar; the line and bar charts print its mark
("no data", "c") where the dot or bar would be, so that nothing drawn never reads as 0, and
the <desc> says it in words.
Callers still show a data table beside every chart: the SVG is not the only way to read it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

SVG_NS = "http://www.w3.org/2000/svg"
BLUE = "#1d70b8"
INK = "#0b0c0c"
GREY = "#505a5f"
LIGHT = "#b1b4b6"


@dataclass(frozen=True)
class Gap:
    """A value not drawn: what the chart's <desc> says for it, and the mark printed in its
    place on a line or bar chart."""

    said: str
    mark: str


NO_DATA = Gap("no data", "no data")
# (label, value): a number is drawn; None (no data) or a Gap is not.
Point = tuple[str, float | Gap | None]
Formatter = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _describe(points: Sequence[Point], fmt: Formatter) -> str:
    return "; ".join(f"{label}: {_said(v, fmt)}" for label, v in points) + "."


def _said(value: float | Gap | None, fmt: Formatter) -> str:
    gap = _gap(value)
    return fmt(value) if gap is None else gap.said  # type: ignore[arg-type]


def _gap(value: float | Gap | None) -> Gap | None:
    """The gap a value leaves (None when it is a number, drawn)."""
    if value is None:
        return NO_DATA
    return value if isinstance(value, Gap) else None


def _drawn(points: Sequence[Point]) -> list[tuple[str, float | None]]:
    """The points with every gap as None."""
    return [(label, None if isinstance(v, Gap) else v) for label, v in points]


def has_values(points: Sequence[Point]) -> bool:
    """Whether any point has a number to draw (a chart of none would look like zeros)."""
    return any(_gap(v) is None for _, v in points)


def _mark_gaps(svg: ET.Element, centres: list[float], points: Sequence[Point], y: float) -> None:
    """Print each gap's mark at height `y`, where its dot or bar would be."""
    for x, (_, value) in zip(centres, points, strict=True):
        gap = _gap(value)
        if gap is not None:
            _text(svg, x, y, gap.mark, size=11, fill=GREY)


def _svg(
    chart_id: str, title: str, description: str, width: int, height: int, css_class: str
) -> ET.Element:
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "class": css_class,
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "id": chart_id,
            "font-family": "Arial, sans-serif",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = description
    return svg


def _scale(points: Sequence[Point]) -> float:
    top = max((v for _, v in points if v is not None), default=0.0)
    return float(top) if top > 0 else 1.0


def _text(
    parent: ET.Element,
    x: float,
    y: float,
    content: str,
    anchor: str = "middle",
    size: int = 12,
    fill: str = INK,
) -> None:
    ET.SubElement(
        parent,
        "text",
        {
            "x": f"{x:.1f}",
            "y": f"{y:.1f}",
            "text-anchor": anchor,
            "font-size": str(size),
            "fill": fill,
            "aria-hidden": "true",
        },
    ).text = content


def _axes(
    svg: ET.Element,
    points: Sequence[Point],
    top: float,
    fmt: Formatter,
    box: tuple[float, float, float, float],
) -> list[float]:
    """Draw the axes and x labels; return each point's x centre."""
    left, right, upper, lower = box
    ET.SubElement(
        svg,
        "line",
        {"x1": str(left), "y1": str(lower), "x2": str(right), "y2": str(lower), "stroke": GREY},
    )
    ET.SubElement(
        svg,
        "line",
        {
            "x1": str(left),
            "y1": str(upper),
            "x2": str(right),
            "y2": str(upper),
            "stroke": LIGHT,
            "stroke-dasharray": "4 4",
        },
    )
    _text(svg, left - 6, lower + 4, fmt(0), anchor="end", fill=GREY)
    _text(svg, left - 6, upper + 4, fmt(top), anchor="end", fill=GREY)
    step = (right - left) / max(len(points), 1)
    centres = [left + step * (i + 0.5) for i in range(len(points))]
    for x, (label, _) in zip(centres, points, strict=True):
        _text(svg, x, lower + 16, label, size=11, fill=GREY)
    return centres


def _y(value: float, top: float, upper: float, lower: float) -> float:
    return lower - (lower - upper) * (value / top)


def line_chart(
    points: Sequence[Point],
    *,
    title: str,
    chart_id: str,
    fmt: Formatter = _plain,
    width: int = 560,
    height: int = 220,
) -> str:
    """A line over labelled values (e.g. eight quarters), with each value printed by its dot."""
    svg = _svg(chart_id, title, _describe(points, fmt), width, height, "csc-chart")
    given, points = points, _drawn(points)
    top = _scale(points)
    upper, lower = 24.0, height - 30.0
    centres = _axes(svg, points, top, fmt, (56.0, width - 12.0, upper, lower))
    _mark_gaps(svg, centres, given, lower - 6)
    run: list[str] = []
    runs = []
    for x, (_, value) in zip(centres, points, strict=True):
        if value is None:
            runs.append(run)
            run = []
        else:
            run.append(f"{x:.1f},{_y(value, top, upper, lower):.1f}")
    runs.append(run)
    for segment in runs:
        if len(segment) > 1:
            ET.SubElement(
                svg,
                "polyline",
                {"points": " ".join(segment), "fill": "none", "stroke": BLUE, "stroke-width": "3"},
            )
    for x, (label, value) in zip(centres, points, strict=True):
        if value is None:
            continue
        y = _y(value, top, upper, lower)
        ET.SubElement(
            svg,
            "circle",
            {
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": "4",
                "fill": BLUE,
                "data-label": label,
                "data-value": repr(float(value)),
            },
        )
        _text(svg, x, y - 9, fmt(value))
    return ET.tostring(svg, encoding="unicode")


def bar_chart(
    points: Sequence[Point],
    *,
    title: str,
    chart_id: str,
    fmt: Formatter = _plain,
    width: int = 560,
    height: int = 220,
) -> str:
    """Vertical bars over labelled values, each value printed above its bar."""
    svg = _svg(chart_id, title, _describe(points, fmt), width, height, "csc-chart")
    given, points = points, _drawn(points)
    top = _scale(points)
    upper, lower = 24.0, height - 30.0
    left, right = 56.0, width - 12.0
    centres = _axes(svg, points, top, fmt, (left, right, upper, lower))
    _mark_gaps(svg, centres, given, lower - 6)
    bar = (right - left) / max(len(points), 1) * 0.6
    for x, (label, value) in zip(centres, points, strict=True):
        if value is None:
            continue
        y = _y(value, top, upper, lower)
        ET.SubElement(
            svg,
            "rect",
            {
                "x": f"{x - bar / 2:.1f}",
                "y": f"{y:.1f}",
                "width": f"{bar:.1f}",
                "height": f"{lower - y:.1f}",
                "fill": BLUE,
                "data-label": label,
                "data-value": repr(float(value)),
            },
        )
        _text(svg, x, y - 5, fmt(value))
    return ET.tostring(svg, encoding="unicode")


def sparkline(
    points: Sequence[Point],
    *,
    title: str,
    chart_id: str,
    fmt: Formatter = _plain,
    width: int = 120,
    height: int = 32,
) -> str:
    """A small trend line for a table cell; its <desc> lists every value."""
    svg = _svg(chart_id, title, _describe(points, fmt), width, height, "csc-sparkline")
    points = _drawn(points)
    top = _scale(points)
    step = (width - 8) / max(len(points) - 1, 1)
    coords = [
        (4 + i * step, _y(v, top, 4.0, height - 4.0), label, v)
        for i, (label, v) in enumerate(points)
        if v is not None
    ]
    if len(coords) > 1:
        ET.SubElement(
            svg,
            "polyline",
            {
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in coords),
                "fill": "none",
                "stroke": BLUE,
                "stroke-width": "2",
            },
        )
    for x, y, label, value in coords:
        ET.SubElement(
            svg,
            "circle",
            {
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": "1.5",
                "fill": BLUE,
                "data-label": label,
                "data-value": repr(float(value)),
            },
        )
    return ET.tostring(svg, encoding="unicode")
