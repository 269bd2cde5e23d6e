"""A plan at a glance: counts by RAG, section and lead, completed of total, overdue and
due-soon actions, and the movement in RAG since the last review.

Works on `ActionState`s (plain data) so the same sums serve the web pages, the exports and
the tests without the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from csc_insight.plans.rag import WORDS, Rag

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class ActionState:
    """One action now, and its RAG history as (date, rating), oldest first."""

    key: object
    ref: str
    section: str
    rag: Rag
    due: date | None = None
    leads: tuple[str, ...] = ()
    history: tuple[tuple[date, Rag], ...] = field(default=())


def rag_counts(actions: Iterable[ActionState]) -> dict[Rag, int]:
    """Actions per rating, every rating present (zero where none), Red first."""
    found = Counter(a.rag for a in actions)
    return {r: found.get(r, 0) for r in Rag}


def by_section(actions: Sequence[ActionState]) -> dict[str, dict[Rag, int]]:
    """RAG counts per section, sections in the order their first action appears."""
    sections = list(dict.fromkeys(a.section for a in actions))
    return {s: rag_counts(a for a in actions if a.section == s) for s in sections}


def by_lead(actions: Sequence[ActionState]) -> dict[str, dict[Rag, int]]:
    """RAG counts per lead, leads sorted; an action with two leads counts for both."""
    leads = sorted({lead for a in actions for lead in a.leads}, key=str.casefold)
    return {lead: rag_counts(a for a in actions if lead in a.leads) for lead in leads}


def completed(actions: Sequence[ActionState]) -> tuple[int, int]:
    """(complete, total): Blue is complete."""
    return sum(a.rag is Rag.BLUE for a in actions), len(actions)


def completed_text(actions: Sequence[ActionState]) -> str:
    done, total = completed(actions)
    return f"{done} of {total} action{'s' if total != 1 else ''} complete"


def overdue(actions: Iterable[ActionState], today: date) -> list[ActionState]:
    """Not complete and due before today, earliest first."""
    late = [a for a in actions if a.rag is not Rag.BLUE and a.due is not None and a.due < today]
    return sorted(late, key=lambda a: (a.due, a.ref))


def due_soon(
    actions: Iterable[ActionState], today: date, days: int = DUE_SOON_DAYS
) -> list[ActionState]:
    """Not complete and due from today to `days` days ahead, earliest first."""
    until = today + timedelta(days=days)
    soon = [
        a
        for a in actions
        if a.rag is not Rag.BLUE and a.due is not None and today <= a.due <= until
    ]
    return sorted(soon, key=lambda a: (a.due, a.ref))


def rag_on(history: Sequence[tuple[date, Rag]], day: date) -> Rag | None:
    """The rating at the end of `day`; None when the action did not exist yet."""
    found = None
    for on, rag in history:
        if on > day:
            break
        found = rag
    return found


def movement(actions: Iterable[ActionState], since: date) -> Counter[tuple[Rag | None, Rag]]:
    """How many actions moved from each rating at `since` to each rating now.

    Unchanged actions are left out; (None, rating) counts actions added since.
    """
    moves: Counter[tuple[Rag | None, Rag]] = Counter()
    for a in actions:
        then = rag_on(a.history, since)
        if then is not a.rag:
            moves[(then, a.rag)] += 1
    return moves


def movement_lines(moves: Counter[tuple[Rag | None, Rag]]) -> list[str]:
    """'5 moved Amber→Green', most first; 'N added (Green)' for new actions."""
    lines = []
    for (then, now), n in sorted(moves.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        if then is None:
            lines.append(f"{n} added ({WORDS[now]})")
        else:
            lines.append(f"{n} moved {WORDS[then]}→{WORDS[now]}")
    return lines
