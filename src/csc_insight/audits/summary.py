"""A round's summary of findings (the shape of seed 002's December 2019 summary) and the
trend of grades across rounds, from plain audit records: no Django, no child ids."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from csc_insight.audits.grades import (
    CASE_TYPES,
    GOOD_OR_BETTER,
    GRADES,
    OVERALL,
    SECTIONS,
)

NOT_OPEN = "Not open at the end of the quarter"


@dataclass(frozen=True)
class AuditRecord:
    """One case in a round: its type and, once audited, its (moderated) grades."""

    case_type: str | None
    complete: bool = False
    overall: str | None = None
    grades: dict[str, str] = field(default_factory=dict)  # section key -> grade key
    improve: frozenset[str] = frozenset()  # sections with areas to improve written
    concern: bool = False
    moderated: bool = False
    changed_in_moderation: int = 0  # grades the moderator changed


@dataclass(frozen=True)
class GradeRow:
    label: str
    counts: list[int]  # one per grade, best first
    graded: int
    good_or_better: float | None  # percentage


@dataclass(frozen=True)
class RoundSummary:
    cases: int
    completed: int
    by_type: list[tuple[str, int]]
    grades: list[GradeRow]  # the sections, then Overall
    themes: list[str]
    concerns: int
    moderated: int
    changed_in_moderation: int
    grade_labels: list[str] = field(default_factory=lambda: [label for _, label in GRADES])
    # The recurring themes as data: (section label, audits with areas to improve in it).
    improve: list[tuple[str, int]] = field(default_factory=list)


def theme_lines(improve: Sequence[tuple[str, int]], completed: int, count: Any = str) -> list[str]:
    """The recurring themes in words, one line per number of audits (sections with the
    same number share a line rather than repeating it): 'Voice of the child and Planning:
    areas to improve in 5 of 9 audits'. `count` writes a number (e.g. disclosure's
    count_text for a public paper)."""
    by_count: dict[int, list[str]] = {}
    for label, n in improve:
        by_count.setdefault(n, []).append(label)
    lines = []
    for n, labels in by_count.items():
        names = labels[0] if len(labels) == 1 else (", ".join(labels[:-1]) + " and " + labels[-1])
        lines.append(f"{names}: areas to improve in {count(n)} of {count(completed)} audits")
    return lines


def _row(label: str, grades: Sequence[str]) -> GradeRow:
    counts = Counter(grades)
    graded = sum(counts[key] for key, _ in GRADES)
    good = sum(counts[key] for key in GOOD_OR_BETTER)
    return GradeRow(
        label,
        [counts[key] for key, _ in GRADES],
        graded,
        round(100 * good / graded, 1) if graded else None,
    )


def summarise(records: Sequence[AuditRecord]) -> RoundSummary:
    done = [r for r in records if r.complete]
    types = Counter(r.case_type for r in records)
    by_type = [(label, types[key]) for key, label in CASE_TYPES]
    if types[None]:
        by_type.append((NOT_OPEN, types[None]))
    rows = [
        _row(label, [r.grades[key] for r in done if key in r.grades]) for key, label in SECTIONS
    ]
    rows.append(_row("Overall", [r.overall for r in done if r.overall]))
    improve = Counter(key for r in done for key in r.improve)
    recurring = [
        (label, improve[key])
        for key, label in sorted(SECTIONS, key=lambda s: -improve[s[0]])
        if improve[key] >= 2 and improve[key] * 3 >= len(done)
    ]
    return RoundSummary(
        cases=len(records),
        completed=len(done),
        by_type=by_type,
        grades=rows,
        themes=theme_lines(recurring, len(done)),
        improve=recurring,
        concerns=sum(1 for r in done if r.concern),
        moderated=sum(1 for r in done if r.moderated),
        changed_in_moderation=sum(r.changed_in_moderation for r in done),
    )


@dataclass(frozen=True)
class Trend:
    rounds: list[str]
    rows: list[tuple[str, list[float | str | None]]]  # section -> % Good or better per round


def trend(rounds: Sequence[tuple[str, Sequence[AuditRecord]]], rule: Any = None) -> Trend:
    """% of completed audits graded Good or better, per section and overall, round by round.
    With a disclosure `rule` (reports.disclosure.Rule, for Members) a percentage of a small
    number of audits, or of a small number Good or better, is 'c'."""
    summaries = [summarise(records) for _, records in rounds]
    labels = [label for _, label in SECTIONS] + ["Overall"]

    def shown(row: GradeRow) -> float | str | None:
        if rule is None or row.good_or_better is None:
            return row.good_or_better
        good = sum(
            n for (key, _), n in zip(GRADES, row.counts, strict=True) if key in GOOD_OR_BETTER
        )
        return (
            "c"
            if rule.hides("percent", row.good_or_better, good, row.graded)
            else (row.good_or_better)
        )

    return Trend(
        [name for name, _ in rounds],
        [(label, [shown(s.grades[i]) for s in summaries]) for i, label in enumerate(labels)],
    )


__all__ = ["OVERALL", "AuditRecord", "GradeRow", "RoundSummary", "Trend", "summarise", "trend"]
