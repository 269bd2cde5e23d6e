"""Seed 002 tells its early help rows for the year to date, with the forecast against last
year: "15 referrals to Early Help year to date with a year-end forecast of 20, lower than
last year's figure of 27." The performance report does the same for those two rows, under
the same disclosure rule as every count.

Q3 2019-20's year to date is 1 April - 31 December 2019: 275 of the year's 366 days, so a
forecast F comes from a year to date of round(F * 275 / 366)."""

from __future__ import annotations

from csc_insight.committee import figures
from csc_insight.committee.performance import HEADLINES, figures_body
from csc_insight.indicators import Figure, Result

PUBLIC = figures.Policy(public=True)
PRIVATE = figures.Policy(public=False)


def _result(
    forecast: float | None,
    outturn: int | None,
    value: float | None = 4,
    indicator: str = "eh_referrals",
    title: str = "Referrals to early help",
) -> Result:
    return Result(
        id=indicator,
        title=title,
        area="Early help",
        unit="count",
        polarity="neutral",
        period_type="flow",
        period="2019-20-Q3",
        snapshot="s",
        status="ok",
        value=value,
        numerator=value,
        forecast=forecast,
        last_year_outturn=Figure("2018-19", outturn, outturn),
        previous_quarters=[Figure("2019-20-Q2", 6, 6)],
        same_period_last_year=Figure("2018-19-Q3", 8, 8),
    )


def test_year_to_date_forecast_and_last_year() -> None:
    # 21.3 * 275 / 366 = 16.0: 16 so far; the forecast 21 is fewer than 2018-19's 22
    assert figures.year_to_date_sentence(_result(21.3, 22), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: 16 in the year to Q3 2019-20; year-end forecast 21, fewer "
        "than last year (22)."
    )
    # 21.9 is shown as 22, the same as last year; 21.9 * 275 / 366 = 16.5 rounds to 16
    assert figures.year_to_date_sentence(_result(21.9, 22), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: 16 in the year to Q3 2019-20; year-end forecast 22, the same "
        "as last year (22)."
    )


def test_small_numbers_follow_the_disclosure_rule() -> None:
    # 5.3 * 275 / 366 = 4 so far: small, so the forecast scaled from it is not published
    assert figures.year_to_date_sentence(_result(5.3, 1), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: fewer than 6 in the year to Q3 2019-20."
    )
    assert figures.year_to_date_sentence(_result(5.3, 1), "Q3 2019-20", PRIVATE) == (
        "Referrals to early help: 4 in the year to Q3 2019-20; year-end forecast 5, more "
        "than last year (1)."
    )
    # 8.0 * 275 / 366 = 6 so far; last year's 4 is small and is not compared exactly
    assert figures.year_to_date_sentence(_result(8.0, 4), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: 6 in the year to Q3 2019-20; year-end forecast 8, compared "
        "with fewer than 6 last year."
    )


def test_no_data_is_not_zero() -> None:
    assert figures.year_to_date_sentence(_result(None, None, value=None), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: no data in Q3 2019-20."
    )


def test_the_report_tells_the_early_help_rows_for_the_year_to_date() -> None:
    assert HEADLINES["Early help"] == ["eh_referrals", "short_break_children"]
    results = [
        _result(21.3, 22),
        _result(
            8.0,
            6,
            value=5,
            indicator="short_break_children",
            title="Disabled children who received a short break",
        ),
    ]
    headlines = figures_body(results, "2019-20-Q3", PUBLIC)[1]
    assert headlines.rows == [
        [
            "Early help",
            (
                "Referrals to early help: 16 in the year to Q3 2019-20; year-end forecast 21, "
                "fewer than last year (22).\n"
                "Disabled children who received a short break: 6 in the year to Q3 2019-20; "
                "year-end forecast 8, more than last year (6)."
            ),
        ]
    ]


def test_a_hidden_forecast_hides_the_year_to_date(monkeypatch) -> None:
    """The forecast gives the year to date (and back): when the forecast is not published,
    neither is the year to date, and the row is told for the quarter."""
    monkeypatch.setattr(figures, "forecast_shown", lambda result, policy: figures.SYMBOL)
    assert figures.year_to_date_sentence(_result(21.3, 22), "Q3 2019-20", PUBLIC) == (
        "Referrals to early help: fewer than 6 in Q3 2019-20, fewer than the previous "
        "quarter (6) and fewer than the same quarter last year (8)."
    )


def test_a_trend_with_no_figure_is_a_table_not_an_empty_chart() -> None:
    """Early help's trend is its first headline, referrals to early help: with a figure in
    one quarter it is drawn (a chart with its table); with none in any of the five quarters
    an empty chart would read as a line of zeros, so only the table of "no data" is shown."""
    drawn = figures_body([_result(21.3, 22)], "2019-20-Q3", PRIVATE)
    assert [type(b).__name__ for b in drawn[2:4]] == ["Heading", "Chart"]
    empty = _result(None, None, value=None)
    empty.previous_quarters = [Figure("2019-20-Q2", None, no_data="no records in the period")]
    blank = figures_body([empty], "2019-20-Q3", PRIVATE)
    assert [type(b).__name__ for b in blank[2:4]] == ["Heading", "Grid"]
    assert blank[3].caption == "Referrals to early help, last five quarters"
    assert blank[3].rows == [["Q2 2019-20", "no data"], ["Q3 2019-20", "no data"]]


def test_a_hidden_quarter_is_said_in_the_chart_not_as_no_data() -> None:
    """In a public paper Q3's 4 referrals are "c" in the table; the chart leaves a gap there,
    and its text alternative says why rather than "no data". With every quarter hidden there
    is nothing to draw: the table alone."""
    chart = figures_body([_result(21.3, 22)], "2019-20-Q3", PUBLIC)[3]
    assert type(chart).__name__ == "Chart"
    assert chart.grid.rows == [["Q2 2019-20", "6"], ["Q3 2019-20", "c"]]
    assert "<desc" in chart.svg
    assert "Q2 2019-20: 6; Q3 2019-20: not shown (small numbers).</desc>" in chart.svg
    assert chart.svg.count("<circle") == 1  # Q2 alone is drawn
    hidden = _result(21.3, 22)
    hidden.previous_quarters = [Figure("2019-20-Q2", 3, 3)]
    table = figures_body([hidden], "2019-20-Q3", PUBLIC)[3]
    assert type(table).__name__ == "Grid"
    assert table.rows == [["Q2 2019-20", "c"], ["Q3 2019-20", "c"]]
