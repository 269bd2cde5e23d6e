"""Plan summaries: counts, completed of total, overdue, due soon, movement since review."""

from __future__ import annotations

from datetime import date

from csc_insight.plans.rag import Rag
from csc_insight.plans.summary import (
    ActionState,
    by_lead,
    by_section,
    completed_text,
    due_soon,
    movement,
    movement_lines,
    overdue,
    rag_counts,
)

R, A, G, B = Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE
D = date
ACTIONS = [
    ActionState(
        1, "1", "Safe", G, D(2020, 1, 31), ("RG",), ((D(2019, 4, 1), A), (D(2019, 9, 2), G))
    ),
    ActionState(
        2, "2", "Safe", B, D(2019, 10, 31), ("HS", "RG"), ((D(2019, 4, 1), G), (D(2019, 11, 1), B))
    ),
    ActionState(3, "3", "Potential", A, D(2020, 2, 10), ("HS",), ((D(2019, 4, 1), A),)),
    ActionState(
        4, "4", "Potential", R, D(2020, 3, 1), ("AM",), ((D(2019, 4, 1), A), (D(2020, 1, 20), R))
    ),
    ActionState(5, "5", "Safe", G, None, ("AM",), ((D(2020, 1, 5), G),)),
]
TODAY = date(2020, 2, 1)


def test_counts() -> None:
    assert rag_counts(ACTIONS) == {R: 1, A: 1, G: 2, B: 1}
    assert by_section(ACTIONS) == {
        "Safe": {R: 0, A: 0, G: 2, B: 1},
        "Potential": {R: 1, A: 1, G: 0, B: 0},
    }
    assert by_lead(ACTIONS) == {
        "AM": {R: 1, A: 0, G: 1, B: 0},
        "HS": {R: 0, A: 1, G: 0, B: 1},
        "RG": {R: 0, A: 0, G: 1, B: 1},
    }
    assert completed_text(ACTIONS) == "1 of 5 actions complete"


def test_overdue_and_due_soon() -> None:
    # Action 2 is past due but complete, so not overdue; 5 has no due date.
    assert [a.ref for a in overdue(ACTIONS, TODAY)] == ["1"]
    assert [a.ref for a in due_soon(ACTIONS, TODAY)] == ["3", "4"]
    assert [a.ref for a in due_soon(ACTIONS, TODAY, days=10)] == ["3"]


def test_movement_since_review() -> None:
    moves = movement(ACTIONS, since=D(2019, 12, 31))
    assert dict(moves) == {(A, R): 1, (None, G): 1}
    assert movement_lines(movement(ACTIONS, since=D(2019, 6, 30))) == [
        "1 moved Amber→Green",
        "1 moved Amber→Red",
        "1 moved Green→Blue",
        "1 added (Green)",
    ]
