"""Indicator values as text, by unit: the one formatter behind the dashboards, the committee
papers and the plans' linked indicators. Counts are whole with thousands separated; every
other unit has one decimal place, and a percentage its sign:

    format_value(1234, "count")                     '1,234'
    format_value(43.0, "percent")                   '43.0%'
    format_value(43.0, "percent", trim=True)        '43%'    (papers drop a bare '.0')
    format_value(4.0, "ratio", trim=True)           '4.0'    (from percentages only: 4.0
                                                              beside 4.3 is a ratio, not 4)
    format_value(611.14, "rate_per_10k")            '611.1'
    format_value(None, "count")                     'no data'

Missing is never zero: None reads `missing`, which each audience words its own way.
"""

from __future__ import annotations


def format_value(
    value: float | None,
    unit: str,
    *,
    missing: str = "no data",
    trim: bool = False,
    group_percent: bool = True,
) -> str:
    """`value` in `unit`'s usual form. `trim` drops a percentage's '.0' ('43%', not '43.0%');
    `group_percent=False` writes a percentage without a thousands separator."""
    if value is None:
        return missing
    if unit == "count":
        return f"{value:,.0f}"
    text = f"{value:.1f}" if unit == "percent" and not group_percent else f"{value:,.1f}"
    if trim and unit == "percent":
        text = text.removesuffix(".0")
    return f"{text}%" if unit == "percent" else text
