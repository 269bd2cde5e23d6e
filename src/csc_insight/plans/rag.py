"""RAG ratings: Red, Amber, Green and Blue (complete), and reading them from text."""

from __future__ import annotations

from enum import StrEnum


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    BLUE = "blue"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[Rag, str] = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.BLUE: "Blue (complete)",
}
# Short words used in tables and movement summaries ("Amber→Green").
WORDS: dict[Rag, str] = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.BLUE: "Blue"}
EXPECTED = "Red, Amber, Green or Blue (complete)"

_SYNONYMS = {
    "r": Rag.RED, "red": Rag.RED,
    "a": Rag.AMBER, "amber": Rag.AMBER,
    "g": Rag.GREEN, "green": Rag.GREEN,
    "b": Rag.BLUE, "blue": Rag.BLUE, "blue (complete)": Rag.BLUE,
    "complete": Rag.BLUE, "completed": Rag.BLUE,
}  # fmt: skip


def parse_rag(text: object) -> Rag | None:
    """A RAG rating from the words plans use ('Green', 'amber', 'B', 'Complete'); else None."""
    return _SYNONYMS.get(str(text or "").strip().casefold())


# Cell colours for exports (the rating is always written in words too).
FILLS: dict[Rag, str] = {
    Rag.RED: "D4351C",
    Rag.AMBER: "FFDD00",
    Rag.GREEN: "00703C",
    Rag.BLUE: "1D70B8",
}
# Text colours that keep each fill readable (WCAG contrast).
INKS: dict[Rag, str] = {
    Rag.RED: "FFFFFF",
    Rag.AMBER: "0B0C0C",
    Rag.GREEN: "FFFFFF",
    Rag.BLUE: "FFFFFF",
}

CHOICES: list[tuple[str, str]] = [(r.value, r.label) for r in Rag]
