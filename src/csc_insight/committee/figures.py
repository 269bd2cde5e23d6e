"""Indicator results as a paper writes them: values, comparisons and headline sentences,
with disclosure control applied when the paper is public.

A value is hidden in a public paper when it is a count of 1 to the threshold, or is derived
(a percentage, rate, mean or ratio) from a numerator or denominator that is. Sentences say
"fewer than 6" for a small headline count and compare two values only when both are shown.
England and London figures are DfE's published values and are shown as they are; one from
another year than the period's (DfE's file for the year is not out, or not shipped) is
labelled with its year: "52% (2020-21)". A regional pool's median ("Region, quarterly",
loaded with `benchmarks load`) is always the period's own year: `region_comparator` gives
it, or NO_DATA where the region has no value.

Missing is not zero: a figure with no data reads NO_DATA ("no data") in tables, its
sentence says so and why, and it has no forecast and no comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from csc_insight.indicators import Figure, Result, parse_period
from csc_insight.indicators.coverage import NO_RECORDS
from csc_insight.indicators.formatting import format_value
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, is_suppressed

COMPARATOR_UNITS = ("percent", "rate_per_10k", "ratio", "mean")
NO_DATA = "no data"
NOT_PUBLISHED = "not published"
NOT_COMPARABLE = "n/a"  # a count: England's total is not comparable with one authority's


@dataclass(frozen=True)
class Policy:
    """How a paper shows figures: public papers apply `rule`; non-public show everything."""

    public: bool
    rule: Rule = DEFAULT


def number(value: float | None, unit: str) -> str:
    """A value in the unit's usual form: 77, 43.2%, 611.1, 3.6."""
    return format_value(value, unit, missing="-", trim=True)


def hidden(
    unit: str,
    value: float | None,
    numerator: float | None,
    denominator: float | None,
    policy: Policy,
) -> bool:
    return policy.public and policy.rule.hides(unit, value, numerator, denominator)


def shown(unit: str, figure: Figure | Result | None, policy: Policy) -> str:
    """A figure as a table cell: the value, NO_DATA when there is none, the symbol when
    hidden ('-' only when the paper has no such comparison period)."""
    if figure is None:
        return "-"
    if figure.value is None:
        return NO_DATA
    if is_suppressed(figure.value) or hidden(
        unit, figure.value, figure.numerator, figure.denominator, policy
    ):
        return SYMBOL
    return number(figure.value, unit)


def forecast_shown(result: Result, policy: Policy) -> str:
    """The year-end forecast. A count's forecast is the year to date scaled to the year, so
    it is hidden when the year-to-date count it was scaled from is small."""
    if result.forecast is None:
        return NO_DATA if result.period_type == "flow" else "-"
    if is_suppressed(result.forecast) or is_suppressed(result.value):
        return SYMBOL
    if policy.public and result.unit == "count":
        so_far = None if result.year_to_date is None else result.year_to_date.value
        if so_far is None or is_suppressed(so_far) or policy.rule.small(so_far):
            return SYMBOL
    elif policy.public and hidden(
        result.unit, result.value, result.numerator, result.denominator, policy
    ):
        return SYMBOL
    return number(result.forecast, result.unit)


def comparator(result: Result, name: str) -> str:
    """A published comparator: '52%', '52% (2020-21)' when it is another year's, NOT_PUBLISHED
    when DfE publish none for the indicator, NOT_COMPARABLE for a count."""
    if result.unit not in COMPARATOR_UNITS:
        return NOT_COMPARABLE
    found = result.comparators.get(name) or {}
    if found.get("value") is None:
        return NOT_PUBLISHED
    text = number(float(found["value"]), result.unit)
    year = found.get("year")
    return f"{text} ({year})" if year and year != parse_period(result.period).fy else text


REGION = "region_quarterly"


def region_loaded(results: list[Result]) -> bool:
    """Whether a regional pool's table is loaded for the results' year (the engine then
    gives each indicator it holds a `region_quarterly` comparator, with or without a value)."""
    return any(REGION in r.comparators for r in results)


def region_comparator(result: Result) -> str:
    """The regional pool's median: '48%', NO_DATA where the region has no value for the
    indicator, NOT_COMPARABLE for a count (as England's)."""
    if result.unit not in COMPARATOR_UNITS:
        return NOT_COMPARABLE
    found = result.comparators.get(REGION) or {}
    if found.get("value") is None:
        return NO_DATA
    return number(float(found["value"]), result.unit)


def _words(unit: str, figure: Figure | Result, policy: Policy) -> str | None:
    """A value inside a sentence, or None when it is not published."""
    if figure.value is None or is_suppressed(figure.value):
        return None
    if unit == "count" and policy.public and policy.rule.small(figure.value):
        return f"fewer than {policy.rule.threshold + 1}"
    if hidden(unit, figure.value, figure.numerator, figure.denominator, policy):
        return None
    return number(figure.value, unit)


def _compare(unit: str, now: Result, then: Figure | None, what: str, policy: Policy) -> str | None:
    if then is None or then.value is None:
        return None
    then_text = _words(unit, then, policy)
    if then_text is None:
        return None
    if is_suppressed(now.value):
        return f"compared with {then_text} in {what}"
    exact = not (
        hidden(unit, now.value, now.numerator, now.denominator, policy)
        or hidden(unit, then.value, then.numerator, then.denominator, policy)
        or (
            unit == "count"
            and policy.public
            and (policy.rule.small(now.value) or policy.rule.small(then.value))
        )
    )
    if now.value is None:
        return None
    if (
        not exact
        and unit == "count"
        and policy.rule.small(now.value)
        and policy.rule.small(then.value)
    ):
        return f"as in {what}"  # both fewer than the threshold: the order is not shown
    if now.value == then.value:
        return f"the same as {what} ({then_text})"
    more = now.value > then.value
    word = (
        ("more than" if more else "fewer than")
        if unit == "count"
        else ("higher than" if more else "lower than")
    )
    return f"{word} {what} ({then_text})"


def _none_counted(indicator_id: str, when: str) -> str | None:
    """'no ICPCs were held in Q3 2019-20': what a percentage with nothing to count had
    none of, from its definition's denominator ('ICPCs held in the period (...)')."""
    from csc_insight.indicators import get

    try:
        counted = get(indicator_id).denominator or ""
    except KeyError:
        return None
    counted = re.sub(r"\s*\(.*?\)", "", counted)
    counted = counted.replace(" in the period", "").replace(" at period end", "").strip()
    if not counted:
        return None
    words = counted.split()
    if len(words) > 1 and (words[1] == "held" or words[1].endswith("ed")):
        words.insert(1, "were")
    return f"no {' '.join(words)} {when}"


def sentence(result: Result, period_name: str, policy: Policy) -> str:
    """One headline sentence from the figures, e.g. "Contacts: 77 in Q3 2019-20, fewer
    than the previous quarter (80) and more than the same quarter last year (70); year-end
    forecast 305; England 22.6%, London 18.8%." """
    unit = result.unit
    when = (
        f"at the end of {period_name}" if result.period_type == "stock" else (f"in {period_name}")
    )
    value = _words(unit, result, policy)
    if result.value is None:
        reason = getattr(result, "no_data", None)
        nothing_counted = reason == NO_RECORDS or (reason is None and result.denominator == 0)
        if nothing_counted and (none := _none_counted(result.id, when)):
            return f"{result.title}: none, as {none}."
        why = f" ({reason})" if reason else ""
        return f"{result.title}: {NO_DATA} {when}{why}."
    if value is None:
        return f"{result.title}: not published {when} (small numbers)."
    parts = [f"{result.title}: {value} {when}"]
    compared = [
        c
        for c in (
            _compare(
                unit,
                result,
                result.previous_quarters[-1] if result.previous_quarters else None,
                "the previous quarter",
                policy,
            ),
            _compare(
                unit, result, result.same_period_last_year, "the same quarter last year", policy
            ),
        )
        if c
    ]
    if compared:
        parts.append(", " + " and ".join(compared))
    extra = []
    if result.forecast is not None and (f := forecast_shown(result, policy)) != SYMBOL:
        extra.append(f"year-end forecast {f}")
    benchmarks = [
        f"{label} {comparator(result, key)}"
        for key, label in (("england", "England"), ("london", "London"))
        if comparator(result, key) not in (NOT_PUBLISHED, NOT_COMPARABLE)
    ]
    if benchmarks:
        extra.append(", ".join(benchmarks))
    if extra:
        parts.append("; " + "; ".join(extra))
    return "".join(parts) + "."


def year_to_date(result: Result) -> Figure | None:
    """A count's year-to-date figure, the one its forecast is scaled from (see
    `forecast_shown`); None for anything else."""
    so_far = result.year_to_date
    if result.forecast is None or result.unit != "count" or result.value is None or so_far is None:
        return None
    if is_suppressed(result.forecast):  # hidden with the figures it could give back
        return Figure(so_far.period, result.forecast, result.forecast)  # type: ignore[arg-type]
    return so_far


def year_to_date_sentence(result: Result, period_name: str, policy: Policy) -> str:
    """A count told for the year to date, as seed 002 tells its early help rows, e.g.
    "Referrals to early help: 15 in the year to Q3 2019-20; year-end forecast 20, fewer
    than last year (27)." Anything without a year to date gets `sentence`. The year to date
    is published exactly when the forecast scaled from it is (or said to be small), since
    either gives the other."""
    so_far = year_to_date(result)
    forecast = forecast_shown(result, policy)
    small = policy.public and so_far is not None and policy.rule.small(so_far.value)
    if so_far is None or (forecast == SYMBOL and not small):
        return sentence(result, period_name, policy)
    parts = [f"{result.title}: {_words(result.unit, so_far, policy)} in the year to {period_name}"]
    if forecast not in ("-", SYMBOL):
        parts.append(f"; year-end forecast {forecast}")
        outturn = result.last_year_outturn
        then = None if outturn is None else _words(result.unit, outturn, policy)
        if outturn is not None and outturn.value is not None and then is not None:
            ahead = round(result.forecast or 0) - outturn.value
            if policy.public and policy.rule.small(outturn.value):
                parts.append(f", compared with {then} last year")
            elif ahead == 0:
                parts.append(f", the same as last year ({then})")
            else:
                parts.append(f", {'more' if ahead > 0 else 'fewer'} than last year ({then})")
    return "".join(parts) + "."
