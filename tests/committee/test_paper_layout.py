"""Committee papers print right: every PDF page is A4, carries "Page N of M" and the
paper's classification, the plan appendix's nine columns sit on landscape pages with the
header row repeated on each, and no word or date in a table cell is broken across lines.

The papers are the five kinds (performance, appendix, plan, audit, agenda) built from the
hand-made snapshot and from a plan and an audit round written here as plain data. A word
broken inside a cell ("Specifi c aim", "22/10/2 026") shows up as a word that the PDF's
text holds fewer times than the document does.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hand_snapshot import build_hand, publish

from csc_insight.audits.summary import GradeRow, RoundSummary
from csc_insight.committee.agenda import agenda
from csc_insight.committee.audit_report import audit_report
from csc_insight.committee.performance import appendix, performance_report
from csc_insight.committee.plan_progress import plan_report
from csc_insight.plans.document import ActionRow, Comment, Header, PlanDocument, Section
from csc_insight.plans.rag import Rag
from csc_insight.plans.summary import ActionState
from csc_insight.reports.paper import Grid, Paper
from csc_insight.reports.render import docx_to_pdf, to_docx
from csc_insight.store import snapshots

MEETING = date(2020, 2, 10)
# A4 in PostScript points, either way up (pdfinfo rounds to 3 decimals).
A4 = {(595.304, 841.89), (841.89, 595.304)}


def _plan() -> tuple[PlanDocument, list[ActionState]]:
    """Two sections of eleven actions each: enough rows to run over several landscape
    pages, with long words ("Specific", "accommodation", "Safeguarding") and dates."""
    sections, states = [], []
    for s, title in enumerate(("Safe", "Health and wellbeing")):
        actions = []
        for n in range(11):
            ref = f"{s + 1}.{n + 1}"
            actions.append(
                ActionRow(
                    section=title,
                    ref=ref,
                    rag=Rag.AMBER,
                    action="Weekly tracker of assessments nearing 45 working days, reviewed "
                    "by the Safeguarding Sub-Committee",
                    specific_aim="Specific aim: care leavers live in suitable accommodation",
                    source="Performance indicator: care_leavers_suitable_accom_pct",
                    measure="Accommodation reviewed at every pathway plan review",
                    due=date(2020, 10, 22),
                    leads=("DTM", "TM"),
                    comments=[
                        Comment(
                            "Recruitment under way; interviews arranged",
                            date(2019, 10, 22),
                            Rag.AMBER,
                        ),
                        Comment("Tracker in use", date(2020, 1, 14), Rag.GREEN),
                    ],
                )
            )
            states.append(
                ActionState(
                    key=ref,
                    ref=ref,
                    section=title,
                    rag=Rag.AMBER,
                    due=date(2020, 10, 22),
                    leads=("DTM", "TM"),
                )
            )
        sections.append(Section(title, actions))
    return PlanDocument(Header(name="Service Development Plan 2019-20"), sections), states


class _Round:
    title, quarter, snapshot_id = "Quarterly audit 2019-20-Q3", "2019-20-Q3", ""
    summary_text, recommendations, findings = "", "Visits are purposeful.", []
    auditors = 3
    summary = RoundSummary(
        cases=9,
        completed=9,
        by_type=[("Child in need", 4), ("Child protection", 5)],
        grades=[GradeRow("Overall", [2, 5, 2, 0], 9, 77.8)],
        themes=["Voice of the child"],
        concerns=0,
        moderated=3,
        changed_in_moderation=1,
    )


def _papers() -> dict[str, Paper]:
    con = snapshots.connect()
    performance = performance_report(con, "2019-20-Q3", MEETING)
    private = appendix(con, "2019-20-Q3", MEETING)
    plan, states = _plan()
    return {
        "performance": performance,
        "appendix": private,
        "plan": plan_report(plan, states, MEETING, on=date(2020, 1, 31)),
        "audit": audit_report(_Round(), MEETING),
        "agenda": agenda([performance, private], MEETING),
    }


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h))
        for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    ]


def _words(text: str) -> Counter[str]:
    """Words as a line break may not split them: a break after a hyphen is allowed, so
    hyphenated words count as their parts."""
    return Counter(w for token in text.split() for w in token.split("-") if len(w) > 1)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Paper, Path, Path]]:
    home = tmp_path_factory.mktemp("layout")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CSC_INSIGHT_HOME", str(home))
        publish(home, "hand-1", build_hand)
        made = {}
        for kind, paper in _papers().items():
            docx = to_docx(paper, home / f"{kind}.docx")
            made[kind] = (paper, docx, docx_to_pdf(docx, home / f"{kind}.pdf"))
    return made


KINDS = ["performance", "appendix", "plan", "audit", "agenda"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_page_is_a4_numbered_and_classified(printed, kind: str) -> None:
    paper, _, pdf = printed[kind]
    sizes = _sizes(pdf)
    pages = _pages(pdf)
    assert len(sizes) == len(pages) >= 1
    assert set(sizes) <= A4, sizes
    # The appendix is Non-public: its header names Schedule 12A on every page.
    label = "Public" if paper.public else "Schedule 12A"
    for n, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"Page {n} of {len(pages)}" in flat, (kind, n)
        assert label in flat, (kind, n)
    if not paper.public:
        assert all("Non-public" in " ".join(p.split()) for p in pages)


def test_plan_appendix_is_landscape_with_repeated_headers(printed) -> None:
    _, _, pdf = printed["plan"]
    sizes, pages = _sizes(pdf), _pages(pdf)
    landscape = [p for s, p in zip(sizes, pages, strict=True) if s[0] > s[1]]
    # The cover report is portrait; the 22 actions take more than one landscape page, and
    # every one of those pages starts its table with the header row.
    assert sizes[0][0] < sizes[0][1]
    assert len(landscape) >= 2
    for page in landscape:
        assert re.search(
            r"Ref\s+Specific aim\s+Source\s+Action\s+Measure/outcome\s+Due"
            r"\s+Lead\s+Comments\s+RAG",
            page,
        ), page[:400]


@pytest.mark.parametrize("kind", KINDS)
def test_no_word_or_date_is_broken_in_a_table(printed, kind: str) -> None:
    from docx import Document

    _, docx, pdf = printed[kind]
    cells = " ".join(
        c.text for t in Document(str(docx)).tables for row in t.rows for c in row.cells
    )
    wanted = _words(cells)
    found = _words(" ".join(_pages(pdf)))
    broken = {w: n for w, n in wanted.items() if found[w] < n}
    assert broken == {}


def test_columns_are_never_narrower_than_their_longest_word() -> None:
    from csc_insight.reports.render import column_widths

    # "accommodation" is 13 characters: at 0.2 cm a character and 0.45 cm padding its
    # column needs 3.05 cm; "Due" holds a date (10 characters): 2.45 cm.
    grid = Grid(
        "t", ["Ref", "Specific aim", "Due"], [["1", "Suitable accommodation", "22/10/2026"]]
    )
    widths = column_widths(grid, 12.0)
    assert sum(widths) == pytest.approx(12.0)
    assert widths[1] >= 3.05 and widths[2] >= 2.45 and widths[0] >= 1.05
