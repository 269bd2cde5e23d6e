"""Parsing period labels: quarters, years, year to date, rolling 12 months, as-at dates."""

from datetime import date

import pytest

from csc_insight.indicators.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2019-20-Q1", date(2019, 4, 1), date(2019, 6, 30), "quarter"),
        ("2019-20-Q3", date(2019, 10, 1), date(2019, 12, 31), "quarter"),
        ("2019-20-Q4", date(2020, 1, 1), date(2020, 3, 31), "quarter"),
        ("2019-20", date(2019, 4, 1), date(2020, 3, 31), "year"),
        ("2019-20-YTD-Q3", date(2019, 4, 1), date(2019, 12, 31), "ytd"),
        ("rolling-12m:2019-12-31", date(2019, 1, 1), date(2019, 12, 31), "rolling"),
        ("rolling-12m:2020-02-29", date(2019, 3, 1), date(2020, 2, 29), "rolling"),
        ("asat:2019-12-31", date(2019, 12, 31), date(2019, 12, 31), "asat"),
        ("ytd:2019-12-15", date(2019, 4, 1), date(2019, 12, 15), "ytd"),
    ],
)
def test_parse(text, start, end, kind):
    period = parse_period(text)
    assert (period.start, period.end, period.kind, period.label) == (start, end, kind, text)


@pytest.mark.parametrize(
    "text",
    [
        "2019-21",
        "2019-20-Q5",
        "Q3",
        "asat:2019-02-30",
        "",
        "9999-00-Q1",
        "asat:9999-12-31",
        "9999-00-Q4",
        "asat:1899-12-31",
    ],
)
def test_bad_labels(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_comparison_periods():
    q3 = parse_period("2019-20-Q3")
    assert [p.label for p in q3.previous_quarters()] == [
        "2018-19-Q3",
        "2018-19-Q4",
        "2019-20-Q1",
        "2019-20-Q2",
    ]
    assert q3.same_period_last_year().label == "2018-19-Q3"
    assert q3.last_year_outturn().label == "2018-19"
    assert q3.year_to_date().label == "2019-20-YTD-Q3"
    assert q3.fy == "2019-20"
    assert parse_period("2019-20-YTD-Q3").same_period_last_year().label == "2018-19-YTD-Q3"
    assert parse_period("asat:2020-02-29").same_period_last_year().label == "asat:2019-02-28"
    assert parse_period("2019-20").same_period_last_year().label == "2018-19"
    # a quarter that crosses the calendar year
    assert parse_period("2019-20-Q4").previous_quarters()[0].label == "2018-19-Q4"


@pytest.mark.parametrize(
    ("text", "short", "words"),
    [
        ("2019-20-Q3", "Q3 2019-20", "Q3 2019-20 (October to December 2019)"),
        ("2019-20-Q4", "Q4 2019-20", "Q4 2019-20 (January to March 2020)"),
        ("2019-20", "2019-20", "2019-20 (April 2019 to March 2020)"),
        (
            "2019-20-YTD-Q3",
            "Q3 2019-20-YTD",
            "2019-20 year to date (April 2019 to 31 December 2019)",
        ),
        (
            "ytd:2019-12-15",
            "ytd:2019-12-15",
            "2019-20 year to date (April 2019 to 15 December 2019)",
        ),
        ("rolling-12m:2019-12-31", "rolling-12m:2019-12-31", "rolling-12m:2019-12-31"),
        ("asat:2019-12-31", "asat:2019-12-31", "asat:2019-12-31"),
    ],
)
def test_a_period_names_itself(text, short, words):
    """Papers name a period short ('Q3 2019-20'); the dashboards add its months."""
    period = parse_period(text)
    assert (period.short_name(), period.describe()) == (short, words)
