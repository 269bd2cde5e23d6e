"""A committee paper as plain data, ready for any renderer (DOCX, HTML, PDF).

The cover report layout follows the City's Safeguarding Sub-Committee papers (seeds 002 and
003): a front table (Committee, Dated, Subject, Public / Non-public, Report of, Report
author, For Information), then Summary, Recommendation(s), Main Report (Background, Current
Position, the generated figures, Corporate & Strategic Implications, Conclusion),
Appendices and the author's contact. The narrative is what the author edits; everything in
`body` and `appendices` is generated from the data and is never edited by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any, Self

from csc_insight.reports.disclosure import SYMBOL, Rule

# Schedule 12A to the Local Government Act 1972, Part 1: the paragraphs papers cite.
SCHEDULE_12A = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
}


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Grid:
    """A table: a caption, a header row and body rows of text, and a note under it."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class Chart:
    """A chart (SVG from reports.charts) and the table of the same figures."""

    svg: str
    grid: Grid


@dataclass
class Landscape:
    """Where a printed paper turns landscape (`on`) or back to portrait, for wide tables.
    HTML ignores it."""

    on: bool = True


Block = Heading | Para | Bullets | Grid | Chart | Landscape


class _AuthorFields:
    """What the author edits on a draft, kept there as a dict of field name to text: the
    field names, the dict, and back (fields it does not name keep their defaults)."""

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> Self:
        """An instance with the fields of `data` that it has; anything else is ignored."""
        return cls(**{k: v for k, v in data.items() if k in cls.names()})


@dataclass
class Narrative(_AuthorFields):
    """The sections the report author writes; each paragraph on its own line."""

    summary: str = ""
    recommendations: str = ""
    background: str = ""
    current_position: str = ""
    implications: str = ""
    conclusion: str = ""


@dataclass
class Meta(_AuthorFields):
    """Who the paper is from and for; editable with the narrative."""

    committee: str = "Safeguarding Sub-Committee"
    report_of: str = "Director of Children's Services"
    report_author: str = "Head of Strategy and Performance"
    author_contact: str = ""
    decision: str = "For Information"


@dataclass
class Appendix:
    title: str
    blocks: list[Block]
    landscape: bool = False  # printed on landscape pages (wide tables)


@dataclass
class Paper:
    kind: str  # performance, appendix, plan, audit, agenda
    subject: str
    meeting: date
    public: bool
    meta: Meta = field(default_factory=Meta)
    narrative: Narrative = field(default_factory=Narrative)
    body: list[Block] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    exempt_paragraphs: tuple[int, ...] = ()
    period: str | None = None
    snapshot: str | None = None
    generated_at: datetime = field(default_factory=lambda: datetime.now().astimezone())
    cover: bool = True  # False: no front table or narrative (the agenda)
    # Indicator id -> the text the paper shows for its value (for cross-checks).
    figures: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The disclosure rule the paper's figures went through: its note (what 'c' stands for)
    # is printed after `notes` where the paper shows a 'c', and always when the rule
    # suppresses nothing (the note then says so).
    disclosure: Rule | None = None

    @property
    def classification(self) -> str:
        if self.public:
            return "Public"
        paragraphs = ", ".join(str(p) for p in self.exempt_paragraphs)
        return (
            f"Non-public: exempt under Schedule 12A to the Local Government Act 1972, "
            f"Part 1, paragraph{'s' if len(self.exempt_paragraphs) > 1 else ''} "
            f"{paragraphs}"
        )

    @property
    def provenance(self) -> str:
        made = self.generated_at.strftime("%d/%m/%Y %H:%M")
        source = f"data snapshot {self.snapshot}" if self.snapshot else "records held"
        return f"Generated by CSC Insight on {made} from {source}."

    def front(self) -> list[tuple[str, str]]:
        """The front table, label and value, in the papers' order."""
        return [
            ("Committee:", self.meta.committee),
            ("Dated:", self.meeting.strftime("%d/%m/%Y")),
            ("Subject:", self.subject),
            ("Classification:", self.classification),
            ("Report of:", self.meta.report_of),
            ("Report author:", self.meta.report_author),
            ("", self.meta.decision),
        ]


_SYMBOL_WORD = re.compile(rf"(?<![\w'-]){re.escape(SYMBOL)}(?![\w'-])")


def shows_symbol(blocks: list[Block]) -> bool:
    """Whether any of `blocks` shows the suppression symbol: a table cell (or a line of one)
    that is the symbol, or the symbol as a word of a paragraph or bullet (the safe side:
    the note is printed when in doubt)."""
    for block in blocks:
        grid = block.grid if isinstance(block, Chart) else block
        if isinstance(grid, Grid):
            lines = (line.strip() for row in grid.rows for c in row for line in str(c).splitlines())
            if SYMBOL in lines:
                return True
        texts = block.items if isinstance(block, Bullets) else [getattr(block, "text", "")]
        if not isinstance(block, Heading) and any(_SYMBOL_WORD.search(t) for t in texts):
            return True
    return False


def paragraphs(text: str) -> list[str]:
    """A narrative field's paragraphs: one per non-blank line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def as_dict(paper: Paper) -> dict[str, Any]:
    return asdict(paper)
