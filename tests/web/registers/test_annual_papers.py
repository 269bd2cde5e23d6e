"""The annual public papers from the LADO and private fostering registers, generated with
`csc-insight committee` and read back (HTML, python-docx, and pdftotext when LibreOffice is
installed): counts through the disclosure policy, the year compared with the one before,
no case reference or child id, and sensible wording when there is nothing to report."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from docx import Document

from csc_insight.cli import main
from csc_insight.indicators.periods import financial_year
from csc_insight.registers.annual_papers import compared, part_of
from csc_insight.registers.models import (
    AwarenessActivity,
    LadoContact,
    PrivateFostering,
    PrivateFosteringVisit,
)
from csc_insight.reports.disclosure import DEFAULT

pytestmark = pytest.mark.django_db


def _paper(tmp_path: Path, kind: str, year: str, fmt: str = "html") -> Path:
    out = tmp_path / f"{kind}-{year}.{fmt}"
    args = ["committee", kind, "--year", year, "--meeting", "2020-07-06"]
    assert main([*args, "--format", fmt, "--out", str(out)]) == 0
    return out


def _text(path: Path) -> str:
    import html
    import re

    page = re.sub(r"<style.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _lado() -> None:
    """2019-20: 8 referrals about education staff, received on Mondays from 1 July 2019, each
    with its initial meeting the next day and concluded 14 days after (6 substantiated, 2
    unsubstantiated); 6 consultations in September. 2018-19: 4 referrals, concluded."""
    for i in range(8):
        received = date(2019, 7, 1) + timedelta(weeks=i)
        LadoContact.objects.create(
            reference=f"LADO-19-{i}",
            received_on=received,
            sector="education",
            category="physical",
            met_threshold=True,
            initial_meeting_on=received + timedelta(days=1),
            outcome="substantiated" if i < 6 else "unsubstantiated",
            concluded_on=received + timedelta(days=14),
        )
    for i in range(6):
        LadoContact.objects.create(
            reference=f"LADO-19-C{i}",
            received_on=date(2019, 9, 2 + i),
            sector="education",
            category="suitability",
            met_threshold=False,
        )
    for i in range(4):
        LadoContact.objects.create(
            reference=f"LADO-18-{i}",
            received_on=date(2018, 6, 4 + i),
            sector="sport",
            category="sexual",
            met_threshold=True,
            initial_meeting_on=date(2018, 6, 11),
            outcome="unfounded",
            concluded_on=date(2018, 7, 31),
        )


def test_lado_paper(tmp_path, capsys) -> None:
    """Contacts 14 = 8 referrals + 6 consultations (no small count: all shown). 2018-19: 4
    referrals and 4 contacts, small: 'fewer than 6', so the change is a direction only.
    Outcomes 6 and 2: the 2 is small and the 6 is hidden with it (the total 8 is shown).
    Every referral concluded within one month: 100% within each timescale."""
    _lado()
    text = _text(_paper(tmp_path, "lado-annual", "2019-20"))
    assert "\tPublic\t" in capsys.readouterr().out
    assert (
        "In 2019-20 (April 2019 to March 2020) the LADO received 14 contacts about adults who "
        "work with children. 8 met the threshold for a referral and 6 were consultations "
        "(advice given, no further LADO process)."
    ) in text
    assert (
        "There were 8 referrals in 2019-20, compared to fewer than 6 referrals in 2018-19 (an "
        "increase); and 14 contacts in all, compared to fewer than 6 contacts in 2018-19 (an "
        "increase)."
    ) in text
    assert (
        "Initial evaluation meetings held within 5 working days of the referral: 8 of the 8 "
        "referrals received in the year (100%)."
    ) in text
    assert "8 referrals were concluded in 2019-20." in text
    assert "Substantiated c Unsubstantiated c Unfounded 0 False 0 Malicious 0 No further " in text
    assert "action 0 Total 8" in text
    assert "Within one month 8 One to three months 0" in text
    assert "100% were concluded within one month, 100% within three months and 100% within " in text
    assert "Referrals still open on 31 March 2020: 0." in text
    assert "LADO-1" not in text
    docx = _paper(tmp_path, "lado-annual", "2019-20", "docx")
    read = Document(str(docx))
    cells = [c.text for t in read.tables for row in t.rows for c in row.cells]
    assert "Local Authority Designated Officer (LADO) Annual Report 2019-20" in cells
    words = "\n".join(p.text for p in read.paragraphs)
    assert "the LADO received 14 contacts about adults who work with children" in words


def test_lado_paper_with_no_contacts(tmp_path) -> None:
    _lado()
    text = _text(_paper(tmp_path, "lado-annual", "2020-21"))
    assert (
        "The LADO received no contacts or referrals about adults who work with children in "
        "2020-21 (April 2020 to March 2021), compared to 8 referrals and 14 contacts in all in "
        "2019-20."
    ) in text
    assert "No referrals were concluded in 2020-21." in text
    assert "Referrals still open on 31 March 2021: 0." in text
    assert "Initial evaluation meetings" not in text


def _awareness() -> None:
    AwarenessActivity.objects.create(
        held_on=date(2019, 7, 8),
        kind="pf_week",
        title="Stall at the library",
        audience="Residents",
        attendees=40,
    )
    AwarenessActivity.objects.create(
        held_on=date(2019, 10, 15), kind="training", title="Safeguarding training", attendees=3
    )
    AwarenessActivity.objects.create(held_on=date(2018, 10, 1), kind="briefing", title="Schools")


def test_private_fostering_paper_with_no_arrangements(tmp_path) -> None:
    """None notified in 2019-20, 2018-19 or 2017-18; two activities in 2019-20 (one
    before); an attendance of 3 is shown as 'c'."""
    _awareness()
    text = _text(_paper(tmp_path, "private-fostering-annual", "2019-20"))
    assert (
        "No private fostering arrangements were notified in 2019-20. None were notified in "
        "2018-19 or 2017-18 either: no arrangement has been notified for three years."
    ) in text
    assert "No private fostering arrangements were notified in the year." in text
    assert (
        "2 awareness activities were recorded in 2019-20 (Training session: 1; Private "
        "Fostering Week event: 1), compared to 1 in 2018-19."
    ) in text
    assert (
        "08/07/2019 Stall at the library Private Fostering Week event Residents 40 15/10/2019 "
        "Safeguarding training Training session Not recorded c"
    ) in text
    assert "Initial visits" not in text
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    pdf = _paper(tmp_path, "private-fostering-annual", "2019-20", "pdf")
    read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(read.stdout.split())
    assert "No private fostering arrangements were notified in 2019-20." in flat
    assert "Stall at the library" in flat


def test_private_fostering_paper_with_an_arrangement(tmp_path) -> None:
    """C7 notified 1 Oct 2019: visited 3 Oct, assessed 1 Nov, visits 14 Nov and 30 Dec.
    One arrangement: 'fewer than 6', and the timeliness figures are not shown. The year
    after has none, with fewer than 6 the year before."""
    row = PrivateFostering.objects.create(
        child_id="C7",
        notified_on=date(2019, 10, 1),
        initial_visit_on=date(2019, 10, 3),
        assessment_completed_on=date(2019, 11, 1),
    )
    for day in (date(2019, 11, 14), date(2019, 12, 30)):
        PrivateFosteringVisit.objects.create(arrangement=row, visited_on=day)
    text = _text(_paper(tmp_path, "private-fostering-annual", "2019-20"))
    assert (
        "Fewer than 6 private fostering arrangements were notified in 2019-20 (April 2019 to "
        "March 2020), compared to 0 notifications in 2018-19 (an increase)."
    ) in text
    assert (
        "Arrangements in place at some time in the year: fewer than 6; arrangements that "
        "ended in the year: 0."
    ) in text
    assert "Initial visits within 7 days of notification: not shown" in text
    assert "No awareness activity was recorded in 2019-20 (0 activities in 2018-19)." in text
    assert "C7" not in text
    later = _text(_paper(tmp_path, "private-fostering-annual", "2020-21"))
    assert (
        "No private fostering arrangements were notified in 2020-21. In 2019-20 there were "
        "fewer than 6 notifications."
    ) in later


def test_sentences_keep_small_numbers_out() -> None:
    before = financial_year(2018)
    assert compared((9, False), (6, False), "6", "referrals", before, DEFAULT) == (
        ", compared to 6 referrals in 2018-19 (an increase of 50%)"
    )
    assert compared((6, False), (4, False), "fewer than 6", "referrals", before, DEFAULT) == (
        ", compared to fewer than 6 referrals in 2018-19 (an increase)"
    )
    # two small counts: not even which way they moved; a hidden count: no size of change
    assert compared((2, False), (4, False), "fewer than 6", "x", before, DEFAULT) == (
        ", compared to fewer than 6 x in 2018-19"
    )
    assert compared((12, True), (6, False), "6", "x", before, DEFAULT).endswith("(an increase)")
    assert part_of(8, 10, "visits", DEFAULT).startswith("not shown")  # 2 late: small
    assert part_of(6, 12, "visits", DEFAULT) == "6 of the 12 visits (50%)"
    assert part_of(10, 10, "visits", DEFAULT) == "10 of the 10 visits (100%)"
    assert part_of(10, 10, "visits", DEFAULT, hidden=True).startswith("not shown")


def test_the_paper_needs_a_year(tmp_path, capsys) -> None:
    base = ["committee", "lado-annual", "--meeting", "2020-07-06", "--out", str(tmp_path / "x")]
    assert main(base) == 2
    assert "--year" in capsys.readouterr().err
    assert main([*base, "--year", "2019-20-Q3"]) == 1
    assert "A year is written 2019-20" in capsys.readouterr().err
