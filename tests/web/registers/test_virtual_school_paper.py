"""The Virtual School Headteacher's annual report, `committee virtual-school-annual --year
2019-20`: read back from HTML, DOCX (python-docx) and PDF (pdftotext, where LibreOffice is
installed), with figures worked out by hand; counts of 1 to 5 never shown; with no records,
and with nothing loaded, it says so in words ("no data", never 0)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from csc_insight.cli import main
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)

from .vs_data import add_looked_after, add_oc3

pytestmark = pytest.mark.django_db
HAS_SOFFICE = shutil.which("soffice") is not None
P = [f"P{i}" for i in range(1, 9)]  # Year 7 in 2019-20 (Year 6 in 2018-19)
Q = [f"Q{i}" for i in range(1, 8)]  # Year 11 in 2019-20


def _paper(out: Path, year: str = "2019-20") -> str:
    fmt = out.suffix[1:]
    args = ["committee", "virtual-school-annual", "--year", year, "--meeting", "2020-07-06"]
    assert main([*args, "--format", fmt, "--out", str(out)]) == 0
    if fmt == "html":
        import lxml.html

        body = lxml.html.parse(str(out)).getroot().body
        return " ".join(" ".join(body.itertext()).split())
    if fmt == "pdf":
        done = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        )
        return " ".join(done.stdout.split())
    doc = Document(str(out))
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _year(home: Path) -> None:
    """15 children looked after since 1 June 2018 (P1-P3 unaccompanied asylum seekers):
    P1-P8 in Year 7 at Vale School (Good) in 2019-20, at Hill Primary (Requires
    improvement) before; Q1-Q7 in Year 11 with no school recorded.

    PEPs: 2018-19, one each for P1-P8 in the summer (good): 8 of the 45 due (15 children x 3
    terms), all 8 good. 2019-20 to 31 March: P1-P8 in the autumn (P7 outstanding, P8
    requires improvement, the rest good) and the spring (good): 16 of the 30 due (Q1-Q7
    have none); 15 of the 16 graded good or better.
    Attendance 2019-20: P1 80 then 97 (88.5, persistent), P2 82 / 97 (89.5, persistent),
    P3 84 / 97 (90.5), P4-P8 96 / 97 (96.5): average 751 / 8 = 93.875.
    Suspensions: P1 once (3 days), P2 twice (2 and 1.5 days). KS4 results 2019-20: Q1-Q3
    reached grade 4 in English and maths, Q4-Q7 did not; Attainment 8 10, 20, ..., 70
    (average 40). Post-16: Q1 NEET, Q2-Q7 in education on 1 March 2020 (aged 16); R1, a
    care leaver aged 18, in education by the register but NEET (G5) by the OC3; P1's
    record (aged 12) is not counted."""
    rows = [(c, "2008-01-01", c in P[:3], "2018-06-01", None, "C2") for c in P]
    rows += [(c, "2004-01-01", False, "2018-06-01", None, "C2") for c in Q]
    add_looked_after(home, rows)
    add_oc3(home, "R1", "2001-10-01", "2020-03-31", "G5")
    vale = VsSchool.objects.create(
        urn="100002",
        name="Vale School",
        phase="secondary",
        ofsted_grade="good",
        ofsted_date=date(2018, 1, 1),
    )
    hill = VsSchool.objects.create(
        urn="100001",
        name="Hill Primary",
        phase="primary",
        ofsted_grade="requires_improvement",
        ofsted_date=date(2019, 1, 1),
    )
    for i, child in enumerate(P):
        VsPlacement.objects.create(
            child_id=child, school=hill, start=date(2018, 6, 1), end=date(2019, 8, 31)
        )
        VsPlacement.objects.create(child_id=child, school=vale, start=date(2019, 9, 1))
        VsPep.objects.create(child_id=child, held_on=date(2019, 5, 10), grade="good")
        autumn = {6: "outstanding", 7: "requires_improvement"}.get(i, "good")
        VsPep.objects.create(child_id=child, held_on=date(2019, 10, 10), grade=autumn)
        VsPep.objects.create(child_id=child, held_on=date(2020, 2, 10), grade="good")
        first = {0: 80.0, 1: 82.0, 2: 84.0}.get(i, 96.0)
        VsAttendance.objects.create(child_id=child, year="2019-20", term="autumn", percent=first)
        VsAttendance.objects.create(child_id=child, year="2019-20", term="spring", percent=97.0)
    for child, day, days in (
        ("P1", (2019, 11, 5), 3),
        ("P2", (2019, 11, 6), 2),
        ("P2", (2020, 1, 10), 1.5),
    ):
        VsExclusion.objects.create(child_id=child, start=date(*day), kind="suspension", days=days)
    for i, child in enumerate(Q):
        VsResult.objects.create(
            child_id=child,
            year="2019-20",
            key_stage="ks4",
            expected=i < 3,
            attainment8=10.0 * (i + 1),
        )
        VsActivity.objects.create(
            child_id=child, recorded_on=date(2020, 3, 1), activity="neet" if i == 0 else "education"
        )
    VsActivity.objects.create(child_id="R1", recorded_on=date(2020, 3, 1), activity="education")
    VsActivity.objects.create(child_id="P1", recorded_on=date(2020, 3, 1), activity="neet")


def test_the_paper_read_back(tmp_path: Path, home: Path, snapshot, monkeypatch, capsys) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    _year(home)
    text = _paper(tmp_path / "vs.html")
    assert "\tPublic\t" in capsys.readouterr().out
    assert "Virtual School Headteacher's Annual Report 2019-20" in text
    assert (
        "Measure 2018-19 2019-20 (to 31 March 2020) Children on the roll 15 15 PEPs held in "
        "the term (of those due) 18% 53% PEPs graded good or better 100% c Average attendance "
        "No data 93.9% Children persistently absent No data c Children suspended 0 c Children "
        "permanently excluded 0 0 Young people aged 16-18 NEET No data c"
    ) in text
    assert (
        "During 2019-20 (to 31 March 2020), 15 looked-after children of Nursery to Year 13 "
        "age were on the Virtual School's roll (each child counted once, at the year group "
        "of their age), compared to 15 children in 2018-19 (the same number)."
    ) in text
    assert "On 31 March 2020, 15 were looked after. Fewer than 6 of the year's children" in text
    assert (
        "PEPs held in the term they were due, in the terms of 2019-20 that had ended by 31 "
        "March 2020: 16 of the 30 PEPs due (53%)."
    ) in text
    assert (
        "16 PEPs were held. The Headteacher quality-assures each one, with the aim that none "
        "is graded less than good. Graded good or outstanding: not shown (with the other "
        "figures it would reveal a small number). Graded below good: fewer than 6."
    ) in text
    assert (
        "Attendance was recorded for 8 children in 2019-20. Average attendance: 93.9%. "
        "Persistently absent (missing 10% or more of possible sessions): not shown"
    ) in text
    assert (
        "Children suspended (fixed-term exclusion) at least once: fewer than 6, with fewer "
        "than 6 suspensions. Children permanently excluded: 0."
    ) in text
    assert "Average Attainment 8 score at key stage 4: 40.0 (7 young people with a score)." in text
    assert (
        "Young people aged 16-18 not in education, employment or training (NEET), as last "
        "recorded in the year: not shown"
    ) in text
    assert (
        "fewer than 6 of them have an OC3 activity, and it agrees with the register for 0." in text
    )
    for child in ("P1", "Q1", "R1"):
        assert f" {child} " not in f" {text} "
    docx = _paper(tmp_path / "vs.docx")
    assert "Key stage 3 (Years 7-9) | 8" in docx
    assert "Key stage 4 (Years 10-11) | 7" in docx
    assert "Early years (Nursery and Reception) | 0" in docx
    assert "Total | 15" in docx
    assert "Good | 8" in docx and "No school recorded | 7" in docx
    assert "Outstanding | c" in docx and "Good | 14" in docx and "Requires improvement | c" in docx
    assert (
        "Key stage 4: grade 4 or above in English and maths | 7 | c | c" in docx
    )  # 3 of 7 reached it: the 3 and the 4 who did not are both small
    assert (
        "Key stage 2: expected standard in reading, writing and maths | 0 | No data | No data"
        in docx
    )
    if HAS_SOFFICE:
        pdf = _paper(tmp_path / "vs.pdf")
        assert "Virtual School Headteacher's Annual Report 2019-20" in pdf
        assert "16 of the 30 PEPs due (53%)" in pdf


def test_no_records_and_nothing_loaded(tmp_path: Path, monkeypatch) -> None:
    """No snapshot and an empty register: no data, in words, and no zero for what is not
    known."""
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    text = _paper(tmp_path / "empty.html")
    assert "Children on the roll No data No data" in text
    assert "Average attendance No data No data" in text
    assert "Children suspended 0 0" in text  # none recorded
    assert (
        "No data: no returns are loaded, so which children were looked after, and their "
        "ages, are not known."
    ) in text
    assert "PEPs due: no data (who was looked after is not known)." in text
    assert "No PEPs were recorded in 2019-20 (to 31 March 2020)." in text
    assert "No attendance was recorded for 2019-20: no data." in text
    assert (
        "No suspensions or permanent exclusions were recorded in 2019-20 (to 31 March 2020)."
        in text
    )
    assert "No results were recorded for 2019-20: no data." in text
    assert "No post-16 activity was recorded for young people aged 16-18" in text
    docx = _paper(tmp_path / "empty.docx")
    assert "Children on the roll | No data | No data" in docx
    if HAS_SOFFICE:
        assert "No PEPs were recorded" in _paper(tmp_path / "empty.pdf")


def test_no_children_in_the_loaded_data(tmp_path: Path, snapshot, monkeypatch) -> None:
    """A snapshot with no looked-after child: the cohort is 0, not "no data"."""
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    text = _paper(tmp_path / "zero.html")
    assert "Children on the roll 0 0" in text
    assert (
        "No looked-after children of Nursery to Year 13 age were on the Virtual School's "
        "roll in 2019-20 (to 31 March 2020), compared to 0 in 2018-19."
    ) in text
    assert "No PEPs were due in the terms of 2019-20 that had ended." in text
    assert "No children were looked after on 31 March 2020." in text


def test_a_year_that_is_not_a_school_year(tmp_path: Path, capsys) -> None:
    args = ["committee", "virtual-school-annual", "--year", "2019-21", "--meeting", "2020-07-06"]
    assert main([*args, "--out", str(tmp_path / "x.html"), "--format", "html"]) == 1
    assert "A school year is written 2019-20" in capsys.readouterr().err
