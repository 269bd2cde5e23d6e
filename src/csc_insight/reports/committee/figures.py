"""Indicator results as a paper writes them: values, comparisons and headline sentences,
with disclosure control applied when the paper is public.

A value is hidden in a public paper when it is a count of 1 to the threshold, or is derived
(a percentage, rate, mean or ratio) from a numerator or denominator that is. Sentences say
"fewer than 6" for a small headline count and compare two values only when both are shown.
England and London figures are DfE's published values and are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from csc_insight.indicators import Figure, Result, parse_period
from csc_insight.reports.disclosure import DEFAULT, SYMBOL, Rule, is_suppressed

COMPARATOR_UNITS = ("percent", "rate_per_10k", "ratio", "mean")


@dataclass(frozen=True)
class Policy:
    """How a paper shows figures: public papers apply `rule`; non-public show everything."""

    public: bool
    rule: Rule = DEFAULT


def number(value: float | None, unit: str) -> str:
    """A value in the unit's usual form: 77, 43.2%, 611.1, 3.6."""
    if value is None:
        return "-"
    if unit == "count":
        return f"{value:,.0f}"
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text}%" if unit == "percent" else text


def hidden(unit: str, value: float | None, numerator: float | None,
           denominator: float | None, policy: Policy) -> bool:
    return policy.public and policy.rule.hides(unit, value, numerator, denominator)


def shown(unit: str, figure: Figure | Result | None, policy: Policy) -> str:
    """A figure as a table cell: the value, '-' when none, the symbol when hidden."""
    if figure is None or figure.value is None:
        return "-"
    if is_suppressed(figure.value) or hidden(unit, figure.value, figure.numerator,
                                             figure.denominator, policy):
        return SYMBOL
    return number(figure.value, unit)


def forecast_shown(result: Result, policy: Policy) -> str:
    """The year-end forecast. A count's forecast is the year to date scaled to the year, so
    it is hidden when the year-to-date count it was scaled from is small."""
    if result.forecast is None:
        return "-"
    if is_suppressed(result.forecast) or is_suppressed(result.value):
        return SYMBOL
    if policy.public and result.unit == "count":
        ytd = parse_period(result.period).year_to_date()
        scale = ytd.days / ytd.financial_year().days
        if policy.rule.small(round(result.forecast * scale)):
            return SYMBOL
    elif policy.public and hidden(result.unit, result.value, result.numerator,
                                  result.denominator, policy):
        return SYMBOL
    return number(result.forecast, result.unit)


def comparator(result: Result, name: str) -> str:
    found = result.comparators.get(name) or {}
    if result.unit not in COMPARATOR_UNITS or found.get("value") is None:
        return "-"
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


def _compare(unit: str, now: Result, then: Figure | None, what: str,
             policy: Policy) -> str | None:
    if then is None or then.value is None:
        return None
    then_text = _words(unit, then, policy)
    if then_text is None:
        return None
    if is_suppressed(now.value):
        return f"compared with {then_text} in {what}"
    exact = not (hidden(unit, now.value, now.numerator, now.denominator, policy)
                 or hidden(unit, then.value, then.numerator, then.denominator, policy)
                 or (unit == "count" and policy.public
                     and (policy.rule.small(now.value) or policy.rule.small(then.value))))
    if not exact or now.value is None:
        return f"compared with {then_text} in {what}"
    if now.value == then.value:
        return f"the same as {what} ({then_text})"
    more = now.value > then.value
    word = ("more than" if more else "fewer than") if unit == "count" else (
        "higher than" if more else "lower than")
    return f"{word} {what} ({then_text})"


def sentence(result: Result, period_name: str, policy: Policy) -> str:
    """One headline sentence from the figures, e.g. "Contacts: 77 in Q3 2019-20, fewer
    than the previous quarter (80) and more than the same quarter last year (70); year-end
    forecast 305; England 22.6%, London 18.8%." """
    unit = result.unit
    when = f"at the end of {period_name}" if result.period_type == "stock" else (
        f"in {period_name}")
    value = _words(unit, result, policy)
    if result.value is None:
        return f"{result.title}: no figure {when}."
    if value is None:
        return f"{result.title}: not published {when} (small numbers)."
    parts = [f"{result.title}: {value} {when}"]
    compared = [c for c in (
        _compare(unit, result, result.previous_quarters[-1] if result.previous_quarters
                 else None, "the previous quarter", policy),
        _compare(unit, result, result.same_period_last_year, "the same quarter last year",
                 policy)) if c]
    if compared:
        parts.append(", " + " and ".join(compared))
    extra = []
    if result.forecast is not None and (f := forecast_shown(result, policy)) != SYMBOL:
        extra.append(f"year-end forecast {f}")
    benchmarks = [f"{label} {comparator(result, key)}" for key, label in
                  (("england", "England"), ("london", "London"))
                  if comparator(result, key) != "-"]
    if benchmarks:
        extra.append(", ".join(benchmarks))
    if extra:
        parts.append("; " + "; ".join(extra))
    return "".join(parts) + "."
