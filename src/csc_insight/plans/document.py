"""A plan as plain data: what an import reads and what the DOCX and XLSX exports write.

The web app converts its stored plans to and from these, so import, export and the command
line share one shape and none of them needs the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from csc_insight.plans.rag import Rag

# Header fields in the order the seed plans print them: (attribute, label).
HEADER_FIELDS: list[tuple[str, str]] = [
    ("name", "Name"),
    ("duration", "Duration"),
    ("relevant_strategies", "Relevant strategies"),
    ("monitoring_board", "Board responsible for monitoring action plan"),
    ("owner", "Owner"),
    ("implementation_date", "Implementation date"),
    ("review_date", "Review date"),
    ("monitoring_frequency", "Frequency of monitoring/reporting"),
    ("aims", "Aims"),
    ("people_involved", "People involved in delivering the plan"),
]


@dataclass
class Header:
    name: str
    duration: str = ""
    relevant_strategies: str = ""
    monitoring_board: str = ""
    owner: str = ""
    implementation_date: date | None = None
    review_date: date | None = None
    monitoring_frequency: str = ""
    aims: str = ""
    people_involved: str = ""


@dataclass
class Comment:
    text: str
    on: date | None = None
    rag: Rag | None = None  # the rating set with this comment, if any


@dataclass
class ActionRow:
    section: str
    ref: str
    action: str
    rag: Rag
    specific_aim: str = ""
    source: str = ""
    measure: str = ""
    start: date | None = None
    due: date | None = None
    leads: tuple[str, ...] = ()
    area_lead: str = ""
    comments: list[Comment] = field(default_factory=list)
    row: int | None = None  # the spreadsheet row it was read from

    @property
    def lead_text(self) -> str:
        return "/".join(self.leads)


@dataclass
class Section:
    title: str
    actions: list[ActionRow] = field(default_factory=list)


@dataclass
class PlanDocument:
    header: Header
    sections: list[Section] = field(default_factory=list)

    def actions(self) -> list[ActionRow]:
        return [a for s in self.sections for a in s.actions]
