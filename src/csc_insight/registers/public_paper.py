"""What every annual public paper from the registers (LADO, private fostering, IRO, virtual
school) says the same way: a figure the disclosure policy hides (`HIDDEN`, `said`), "M of N"
(`part_of`), a year compared with the one before (`compared`), a protected table as a grid
(`grid`) and the paper itself, public, with the disclosure note (`meta_paper`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from csc_insight.indicators.periods import Period
from csc_insight.reports.disclosure import SYMBOL, Rule, Table
from csc_insight.reports.disclosure import count_text as n
from csc_insight.reports.paper import Grid, Paper

HIDDEN = "not shown (with the other figures it would reveal a small number)"


def said(shown: str, count: int, rule: Rule) -> str:
    """A protected table's figure for a sentence: the count, "fewer than 6" when small, or
    HIDDEN when it is hidden to protect another."""
    if shown != SYMBOL:
        return f"{count:,}"
    return n(count, rule) if rule.small(count) else HIDDEN


def part_of(part: int, whole: int, noun: str, rule: Rule, hidden: bool = False) -> str:
    """'8 of the 10 {noun} (80%)', or HIDDEN when M, N or N - M is small or `hidden`."""
    if hidden or any(rule.small(x) for x in (part, whole, whole - part)):
        return HIDDEN
    return f"{part:,} of the {whole:,} {noun} ({round(100 * part / whole)}%)"


def compared(
    now: tuple[int, bool],
    then: tuple[int, bool],
    then_text: str,
    what: str,
    before: Period,
    rule: Rule,
) -> str:
    """', compared to 4 in 2018-19 (an increase of 50%)': `now` and `then` are (count,
    hidden by secondary suppression); the change is a direction only, and its size is
    given only when neither count is small or hidden, and no direction when both are."""
    (a, a_hidden), (b, b_hidden) = now, then
    text = f", compared to {then_text} {what} in {before.label}"
    if all(rule.small(x) or h for x, h in (now, then)):
        return text  # which way two small counts moved is not said either
    if a == b:
        return text + " (the same number)"
    change = "an increase" if a > b else "a decrease"
    if b and not (rule.small(a) or rule.small(b) or a_hidden or b_hidden):
        change += f" of {round(100 * abs(a - b) / b)}%"
    return f"{text} ({change})"


def grid(caption: str, header: list[str], labels: Sequence[str], table: Table) -> Grid:
    rows = [
        [label, *(table.cell(i, j) for j in range(len(table.columns)))]
        + ([table.row_total(i)] if table.shows_row_totals else [])
        for i, label in enumerate(labels)
    ]
    if table.shows_column_totals:
        rows.append(
            [
                "Total",
                *(table.column_total(j) for j in range(len(table.columns))),
                *([table.grand()] if table.shows_row_totals else []),
            ]
        )
    return Grid(caption, header + (["Total"] if table.shows_row_totals else []), rows)


def _notes(rule: Rule) -> list[str]:
    if not rule.threshold:
        return []
    return [f"Counts of 1 to {rule.threshold} are written 'fewer than {rule.threshold + 1}'."]


def meta_paper(kind: str, subject: str, year: Period, meeting: date, rule: Rule) -> Paper:
    return Paper(
        kind=kind,
        subject=f"{subject} {year.label}",
        meeting=meeting,
        public=True,
        period=year.label,
        notes=_notes(rule),
        disclosure=rule if rule.threshold else None,
    )
