"""The SVG charts: well-formed, a text alternative naming every value, the values plotted."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from csc_insight.reports.charts import Gap, bar_chart, has_values, line_chart, sparkline

NS = {"svg": "http://www.w3.org/2000/svg"}
POINTS = [("Q1", 2.0), ("Q2", None), ("Q3", 4.0), ("Q4", 1.0)]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything not well-formed


@pytest.mark.parametrize(
    "draw, shape", [(line_chart, "circle"), (bar_chart, "rect"), (sparkline, "circle")]
)
def test_chart_has_text_alternative_and_values(draw, shape) -> None:
    root = _parse(draw(POINTS, title="Contacts <by quarter>", chart_id="c1"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find("svg:title", NS).text == "Contacts <by quarter>"
    assert root.find("svg:desc", NS).text == "Q1: 2; Q2: no data; Q3: 4; Q4: 1."
    plotted = [
        (e.get("data-label"), e.get("data-value")) for e in root.iter(f"{{{NS['svg']}}}{shape}")
    ]
    assert plotted == [("Q1", "2.0"), ("Q3", "4.0"), ("Q4", "1.0")]
    assert not [e for e in root.iter() if "style" in e.attrib]


def test_line_breaks_at_a_missing_value() -> None:
    root = _parse(line_chart(POINTS, title="t", chart_id="c2"))
    lines = root.findall("svg:polyline", NS)
    assert len(lines) == 1  # Q1 stands alone; Q3-Q4 is the one segment
    assert len(lines[0].get("points").split()) == 2


def test_tallest_bar_reaches_the_top_and_labels_use_the_formatter() -> None:
    root = _parse(
        bar_chart(
            [("A", 50.0), ("B", 25.0)],
            title="t",
            chart_id="c3",
            fmt=lambda v: f"{v:.1f}%",
            height=220,
        )
    )
    a, b = root.findall("svg:rect", NS)
    assert float(a.get("y")) == 24.0  # the top of the plot area
    assert float(a.get("height")) == pytest.approx(2 * float(b.get("height")))
    assert root.find("svg:desc", NS).text == "A: 50.0%; B: 25.0%."
    assert "50.0%" in [t.text for t in root.findall("svg:text", NS)]


def test_all_missing_draws_no_marks() -> None:
    root = _parse(line_chart([("Q1", None)], title="t", chart_id="c4"))
    assert root.findall("svg:circle", NS) == []
    assert root.find("svg:desc", NS).text == "Q1: no data."


HIDDEN = Gap("not shown (small numbers)", "c")


@pytest.mark.parametrize(
    "draw, shape", [(line_chart, "circle"), (bar_chart, "rect"), (sparkline, "circle")]
)
def test_a_hidden_figure_is_a_gap_that_says_why(draw, shape) -> None:
    """A figure hidden to protect children is not drawn, like a missing one, but the text
    alternative says so instead of "no data"."""
    points = [("Q1", 2.0), ("Q2", HIDDEN), ("Q3", None), ("Q4", 1.0)]
    root = _parse(draw(points, title="t", chart_id="c5"))
    assert root.find("svg:desc", NS).text == (
        "Q1: 2; Q2: not shown (small numbers); Q3: no data; Q4: 1."
    )
    plotted = [e.get("data-label") for e in root.iter(f"{{{NS['svg']}}}{shape}")]
    assert plotted == ["Q1", "Q4"]
    assert has_values(points)
    assert not has_values([("Q1", HIDDEN), ("Q2", None)])


@pytest.mark.parametrize("draw", [line_chart, bar_chart])
def test_a_gap_is_marked_where_its_bar_or_dot_would_be(draw) -> None:
    """No bar must not read as a bar of 0: the gap's mark stands on the axis in its place,
    and a drawn value has none."""
    root = _parse(draw([("Q1", 2.0), ("Q2", HIDDEN), ("Q3", None)], title="t", chart_id="c6"))
    texts = {t.text: float(t.get("x")) for t in root.findall("svg:text", NS)}
    labels = {t.text: float(t.get("x")) for t in root.findall("svg:text", NS) if t.text[0] == "Q"}
    assert texts["c"] == labels["Q2"]
    assert texts["no data"] == labels["Q3"]
    assert [t.text for t in root.findall("svg:text", NS)].count("no data") == 1
