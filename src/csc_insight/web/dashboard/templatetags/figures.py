"""Template filters for indicator figures: values by unit, RAG words, evidence dates.
A value of None is "No data": missing is never shown as 0 or as a bare dash. A figure
suppressed by the disclosure policy prints as its symbol, "c"."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

from csc_insight.indicators import formatting, needs
from csc_insight.indicators.periods import short_label
from csc_insight.reports.disclosure import SYMBOL, is_suppressed

register = template.Library()

NO_DATA = "No data"
RAG_CLASSES = {
    "green": ("Green", "govuk-tag--green"),
    "amber": ("Amber", "govuk-tag--yellow"),
    "red": ("Red", "govuk-tag--red"),
}


def format_value(value: float | None, unit: str) -> str:
    """A figure as the dashboards print it: counts whole, the rest to one decimal place;
    NO_DATA when there is none."""
    if is_suppressed(value):
        return SYMBOL
    return formatting.format_value(value, unit, missing=NO_DATA)


@register.filter
def figure(value: float | None, unit: str) -> str:
    return format_value(value, unit)


@register.filter
def count(value: float | None) -> str:
    if value is None:
        return "–"
    if is_suppressed(value):
        return SYMBOL
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


@register.filter
def unavailable(status: str) -> str:
    """Why an indicator is not available, in words (`indicators.needs.explain`)."""
    return needs.explain(status)


@register.filter
def rag_label(rag: str | None) -> str:
    return RAG_CLASSES[rag][0] if rag in RAG_CLASSES else ""


@register.filter
def rag_class(rag: str | None) -> str:
    return RAG_CLASSES[rag][1] if rag in RAG_CLASSES else ""


@register.filter
def evidence(items: dict[str, Any]) -> str:
    """'referral 01/10/2019, authorised 20/12/2019, working days 58' from an evidence dict."""
    parts = []
    for key, value in items.items():
        if value is None:
            continue
        label = key.removesuffix("_date").replace("_", " ")
        if isinstance(value, date):
            value = f"{value:%d/%m/%Y}"
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        parts.append(f"{label} {value}")
    return ", ".join(parts)


@register.filter
def in_sentence(title: str) -> str:
    """A title inside a sentence: its first word in lower case unless it is an initialism
    ('Contacts decided ...' -> 'contacts decided ...'; 'LADO referrals' stays)."""
    first, _, rest = title.partition(" ")
    if first.isupper() and len(first) > 1:
        return title
    return f"{first.lower()} {rest}".rstrip() if rest else first.lower()


@register.filter
def plural(value: object) -> str:
    """'s' unless the count is 1: "fewer than 6" and "c" (a suppressed count) are plural."""
    return "" if value == 1 else "s"


@register.filter
def period_name(label: str) -> str:
    """'2019-20-Q3' as 'Q3 2019-20', as papers and the charts name a quarter."""
    return short_label(label)
