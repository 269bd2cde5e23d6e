"""The termly public paper from the registers: counts through the disclosure policy, no
child ids, and read back from the HTML and DOCX."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from docx import Document

from csc_insight.cli import main
from csc_insight.registers.models import CmeEntry, MissingEpisode

pytestmark = pytest.mark.django_db


def _episodes() -> None:
    """Eight episodes in September 2019 (children K0-K7), each returned the next day; six
    offered an RHI the day after the return (in time), two five days after (late); three
    accepted. One more episode in August (outside the term)."""
    for i in range(8):
        start = date(2019, 9, 1 + i)
        MissingEpisode.objects.create(
            child_id=f"K{i}",
            missing_from="care",
            start=start,
            returned_on=start + timedelta(days=1),
            rhi_offered_on=start + timedelta(days=2 if i < 6 else 6),
            rhi_accepted=i < 3,
        )
    MissingEpisode.objects.create(child_id="K9", missing_from="home", start=date(2019, 8, 1))
    for i in range(7):
        CmeEntry.objects.create(child_id=f"S{i}", category="at_risk", start=date(2019, 9, 1))
    CmeEntry.objects.create(child_id="S9", category="ehe", start=date(2019, 9, 1))


def test_missing_paper(tmp_path, capsys) -> None:
    """Episodes 8 by 8 children; in time 6 of 8 would give away 2 late: not shown; accepted
    3: 'fewer than 6'. Missing education: at risk 7, EHE 1 (small), so the total (8) is not
    shown; no snapshot: CP, CIN and EH no data."""
    _episodes()
    out = tmp_path / "missing.html"
    assert (
        main(
            [
                "report",
                "missing",
                "--term",
                "2019-09-01:2019-12-31",
                "--meeting",
                "2020-02-10",
                "--format",
                "html",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "\tPublic\t" in capsys.readouterr().out
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert (
        "In September-December 2019 there were 8 episodes of children going missing, by 8 children"
    ) in text
    assert (
        "offered within 72 hours of the return: not shown (with the number of episodes "
        "that had ended it would reveal a small number). Interviews accepted: fewer than "
        "6."
    ) in text
    assert "Total number of children being monitored: not shown" in text
    assert (
        "Electively Home Educated Children: fewer than 6. Children Missing Education / At "
        "risk of Missing Education children: 7 (CP, CIN and EH: no data)"
    ) in text
    assert "K0" not in text and "S0" not in text
    docx = tmp_path / "missing.docx"
    assert (
        main(
            [
                "report",
                "missing",
                "--term",
                "2019-09-01:2019-12-31",
                "--meeting",
                "2020-02-10",
                "--format",
                "docx",
                "--out",
                str(docx),
            ]
        )
        == 0
    )
    read = Document(str(docx))
    words = "\n".join(p.text for p in read.paragraphs)
    cells = [c.text for t in read.tables for row in t.rows for c in row.cells]
    assert "Children Missing From Care, Home and Education" in cells
    assert "8 episodes of children going missing" in words


def test_missing_paper_needs_a_term(tmp_path, capsys) -> None:
    assert (
        main(
            [
                "report",
                "missing",
                "--meeting",
                "2020-02-10",
                "--out",
                str(tmp_path / "x.html"),
                "--format",
                "html",
            ]
        )
        == 2
    )
    assert "--term" in capsys.readouterr().err
