"""The IRO Annual Report, generated with `csc-insight committee iro-annual` and read back
(HTML, python-docx, pdftotext) over the hand-made snapshot and register (iro_data.py, where
every figure is worked out): counts through the disclosure policy with secondary
suppression, the year compared with the one before, no child id or IRO named, and "No
data" (never zero) where no returns are loaded or the data do not reach the year."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from csc_insight.cli import main
from csc_insight.indicators.periods import financial_year
from csc_insight.registers.iro_paper import iro_paper
from csc_insight.reports.disclosure import Rule
from csc_insight.reports.render import write

from .iro_data import make_iro_register, make_iro_snapshot

pytestmark = pytest.mark.django_db
MEETING = "2020-07-06"


def _paper(tmp_path: Path, year: str, fmt: str = "html") -> Path:
    out = tmp_path / f"iro-{year}.{fmt}"
    args = ["committee", "iro-annual", "--year", year, "--meeting", MEETING]
    assert main([*args, "--format", fmt, "--out", str(out)]) == 0
    return out


def _text(path: Path) -> str:
    page = re.sub(r"<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _names_nobody(text: str) -> None:
    assert not re.search(r"\b(L\d\d|M[12]|AB|CD|EF)\b", text)


def test_the_paper_for_2019_20(tmp_path, home, capsys) -> None:
    """Public. Reviews: 36 of 41 in time, 88% (a percentage: neither count is small);
    2018-19 60 of 60. Participation 37 of 40: the 3 who did not take part are small, so not
    shown, and in the table PN7's 3 is hidden and PN2's 7 with it (the total 40 would give
    it away). Moves 8: CARPL 6 and CHILD 2, both hidden (2 is small; 6 = 8 - 2). Disputes 8
    against 2 (small: a direction only): care planning 6 resolved; education 1 resolved and
    1 open: every small cell hidden and the 6 and 7 with them, so the closed total is not
    shown either. Contacts 28 (20 visits, 8 phone calls), none in 2018-19; 20 of the 22
    children looked after had one (the 2 without are small: not shown)."""
    make_iro_snapshot(home)
    make_iro_register()
    text = _text(_paper(tmp_path, "2019-20"))
    assert "\tPublic\t" in capsys.readouterr().out
    assert (
        "Children looked after on 31 March 2020: 22. IROs who recorded contacts or disputes "
        "in 2019-20: 3, an average of 7 children per IRO"
    ) in text
    assert (
        "In 2019-20 (April 2019 to March 2020), 41 reviews of looked-after children were due, "
        "and 88% of them were held by their due date, compared to 100% of the 60 due in "
        "2018-19."
    ) in text
    assert "Children whose review was held in the year: 20." in text
    assert "The last review out of timescale was due in March 2020." in text
    assert (
        "Reviews of children aged 4 or over held in 2019-20: 40 (and of children under 4, not "
        "counted here: 0). Reviews in which the child took part (attended and spoke, or made "
        "their views known through an advocate or another way): not shown (with the other "
        "figures it would reveal a small number); in 2018-19: 54 of the 60 reviews (90%)."
    ) in text
    assert (
        "Attended and spoke for themselves 30 Attended; an advocate spoke for them c Attended; "
        "views given non-verbally 0"
    ) in text
    assert "Did not attend; views not given c Not recorded 0 Total 40" in text
    assert (
        "There were 8 placement moves in 2019-20, by 8 children, compared to 0 moves in "
        "2018-19 (an increase). Unplanned endings"
    ) in text
    assert "the placement's status only c Unplanned: the carer or provider ended it" in text
    assert "Unplanned: the child asked to end it c" in text
    assert (
        "IROs raised 8 disputes about children's plans in 2019-20 (April 2019 to March 2020), "
        "compared to fewer than 6 disputes in 2018-19 (an increase)."
    ) in text
    assert "Care planning c 0 0 0 0 c Education c 0 0 0 c c Total c 0 0 0 c 8" in text
    assert (
        "Of the disputes raised in 2019-20, resolved or closed by 31 March 2020: not shown "
        "(with the other figures it would reveal a small number)"
    ) in text
    assert "Disputes still open on 31 March 2020, whenever they were raised: fewer than 6." in text
    assert (
        "IROs recorded 28 contacts with children between reviews in 2019-20, compared to 0 "
        "contacts in 2018-19 (an increase)."
    ) in text
    assert "Visit 20 Phone call 8 Video call 0 Total 28" in text
    assert (
        "had at least one IRO contact between reviews: not shown (with the other figures it "
        "would reveal a small number)."
    ) in text
    _names_nobody(text)


def test_the_figures_without_suppression(tmp_path, home) -> None:
    """A council that publishes small numbers (threshold 0) sees the figures themselves: the
    moves 6 planned and 2 at the child's request; 7 of the 8 disputes closed by 31 March, all
    7 within 20 working days of their last stage (L07's: stage 1 from 7 Oct, closed 17 Oct)."""
    make_iro_snapshot(home)
    make_iro_register()
    paper = iro_paper(financial_year(2019), date(2020, 7, 6), Rule(threshold=0))
    text = _text(write(paper, "html", tmp_path / "open.html"))
    assert (
        "another way): 37 of the 40 reviews (92%); in 2018-19: 54 of the 60 reviews (90%)." in text
    )
    assert "Unplanned endings (" in text and "): 2 of the 8 moves (25%)." in text
    assert "Planned: carrying out the care plan, or the placement's status only 6" in text
    assert "Unplanned: the child asked to end it 2" in text
    assert "Care planning 6 0 0 0 0 6 Education 1 0 0 0 1 2 Total 7 0 0 0 1 8" in text
    assert (
        "resolved or closed by 31 March 2020: 7; of those, closed within 20 working days of "
        "reaching their last stage: 7 of the 7 disputes (100%)."
    ) in text
    assert (
        "Informal: with the social worker or team manager 7 Formal stage 1: team manager 1" in text
    )
    assert "20 of the 22 children looked after (91%)" in text


def test_the_paper_as_docx_and_pdf(tmp_path, home) -> None:
    make_iro_snapshot(home)
    make_iro_register()
    read = Document(str(_paper(tmp_path, "2019-20", "docx")))
    cells = [c.text for t in read.tables for row in t.rows for c in row.cells]
    assert "Independent Reviewing Officer (IRO) Annual Report 2019-20" in cells
    assert cells[cells.index("Type") : cells.index("Type") + 8] == [
        "Type",
        "Contacts",
        "Visit",
        "20",
        "Phone call",
        "8",
        "Video call",
        "0",
    ]
    words = "\n".join(p.text for p in read.paragraphs)
    assert "88% of them were held by their due date" in words
    _names_nobody(words + " ".join(cells))
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = _paper(tmp_path, "2019-20", "pdf")
    got = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(got.stdout.split())
    assert "41 reviews of looked-after children were due, and 88% of them" in flat
    assert "IROs raised 8 disputes about children's plans in 2019-20" in flat


def test_no_returns_and_no_records(tmp_path) -> None:
    """Nothing loaded and an empty register: no data for what the returns give, never 0;
    no disputes recorded; contacts not recorded at all, so no data either."""
    text = _text(_paper(tmp_path, "2019-20"))
    assert "reviews held in time: no data;" in text
    assert "Children looked after on 31 March 2020: no data (no returns are loaded)." in text
    for heading in (
        "Reviews held in time",
        "Children's participation in their reviews",
        "Placement moves",
    ):
        assert f"{heading} No data: no SSDA903 returns are loaded." in text
    assert (
        "No disputes raised by IROs are recorded for 2019-20 (April 2019 to March 2020) (0 in "
        "2018-19). Disputes still open on 31 March 2020, whenever they were raised: 0."
    ) in text
    assert "No data: the register holds no IRO contacts with children between reviews" in text
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = _paper(tmp_path, "2019-20", "pdf")
    got = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert "No data: no SSDA903 returns are loaded." in " ".join(got.stdout.split())


def test_a_year_the_data_do_not_reach(tmp_path, home) -> None:
    """The returns start on 1 June 2018: 2017-18 is no data; its year after has figures."""
    make_iro_snapshot(home)
    text = _text(_paper(tmp_path, "2017-18"))
    assert (
        "Reviews held in time No data: the loaded returns run from 1 June 2018 to 31 March "
        "2020 and do not reach 2017-18."
    ) in text
    later = _text(_paper(tmp_path, "2018-19"))
    assert "compared to no data for 2017-18." in later
    assert "No review has been out of timescale since the loaded data start (June 2018)." in later
    assert "No looked-after child moved placement in 2018-19 (no data in 2017-18)." in later
