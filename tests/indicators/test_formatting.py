"""The one value formatter (indicators/formatting.py), with the options the dashboards,
papers and plans each print with. Expected strings worked out by hand."""

import pytest

from csc_insight.indicators.formatting import format_value


@pytest.mark.parametrize(
    ("value", "unit", "dashboard", "paper", "plan"),
    [
        # counts: whole, thousands separated, rounded half to even
        (77, "count", "77", "77", "77"),
        (1234, "count", "1,234", "1,234", "1,234"),
        (2.5, "count", "2", "2", "2"),
        (0, "count", "0", "0", "0"),
        # percentages: one decimal place; papers drop a bare '.0'
        (43.0, "percent", "43.0%", "43%", "43.0%"),
        (100 / 3, "percent", "33.3%", "33.3%", "33.3%"),
        (200 / 3, "percent", "66.7%", "66.7%", "66.7%"),
        (0.0, "percent", "0.0%", "0%", "0.0%"),
        # plans write a percentage without a thousands separator
        (1234.5, "percent", "1,234.5%", "1,234.5%", "1234.5%"),
        # rates per 10,000: one decimal place (a paper keeps '.0'), thousands separated
        (611.14, "rate_per_10k", "611.1", "611.1", "611.1"),
        (1234.56, "rate_per_10k", "1,234.6", "1,234.6", "1,234.6"),
        (500.0, "rate_per_10k", "500.0", "500.0", "500.0"),
        # means and ratios: one decimal place, in papers too: "4.3 (last year 4)" would read
        # the 4 as a count (and a small one)
        (3.55, "mean", "3.5", "3.5", "3.5"),  # 3.55 is stored as 3.5499...
        (2.0, "ratio", "2.0", "2.0", "2.0"),
        (18.25, "ratio", "18.2", "18.2", "18.2"),
        # missing is not zero: each audience words it
        (None, "count", "No data", "-", "no data"),
        (None, "percent", "No data", "-", "no data"),
    ],
)
def test_format_value(value, unit, dashboard, paper, plan) -> None:
    assert format_value(value, unit, missing="No data") == dashboard
    assert format_value(value, unit, missing="-", trim=True) == paper
    assert format_value(value, unit, group_percent=False) == plan


def test_the_three_callers_print_as_before() -> None:
    from csc_insight.committee.figures import number
    from csc_insight.reports.disclosure import SUPPRESSED
    from csc_insight.web.dashboard.templatetags.figures import format_value as dashboard

    assert number(43.0, "percent") == "43%"
    assert number(None, "count") == "-"
    assert dashboard(43.0, "percent") == "43.0%"
    assert dashboard(None, "rate_per_10k") == "No data"
    assert dashboard(SUPPRESSED, "count") == "c"
    assert format_value(None, "mean") == "no data"
