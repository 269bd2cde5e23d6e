"""The non-public appendix to the termly missing paper: every child behind the counts, with
the dates and alerts that decided them, unsuppressed; a restricted record counted but not
named; read back from the HTML and DOCX the command writes."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.cli import main
from csc_insight.registers.cme import Term
from csc_insight.registers.missing_appendix import missing_appendix
from csc_insight.registers.models import CmeEntry, MissingEpisode
from csc_insight.reports.paper import Grid

pytestmark = pytest.mark.django_db
TERM = Term(date(2019, 9, 1), date(2019, 12, 31))


def _records(flagged_by) -> None:
    """K1: missing 2-4 Oct, interview offered 10 Oct (6 days after the return: late),
    accepted, held 11 Oct. K2: missing from 20 Dec and not back by 31 Dec (11 days, no Lead
    Member notification). K3: restricted. K4: August, outside the term. S1: at risk."""
    MissingEpisode.objects.create(
        child_id="K1",
        missing_from="care",
        start=date(2019, 10, 2),
        returned_on=date(2019, 10, 4),
        rhi_offered_on=date(2019, 10, 10),
        rhi_accepted=True,
        rhi_held_on=date(2019, 10, 11),
        themes="Peer group; exploitation risk",
    )
    MissingEpisode.objects.create(child_id="K2", missing_from="home", start=date(2019, 12, 20))
    MissingEpisode.objects.create(
        child_id="K3", missing_from="care", start=date(2019, 11, 5), returned_on=date(2019, 11, 5)
    )
    MissingEpisode.objects.create(child_id="K4", missing_from="home", start=date(2019, 8, 1))
    CmeEntry.objects.create(child_id="S1", category="at_risk", start=date(2019, 9, 1))
    RestrictedRecord.objects.create(
        child_id="K3", category="staff", reason="test", flagged_by=flagged_by
    )


def _grids(paper) -> list[Grid]:
    return [b for b in paper.body if isinstance(b, Grid)]


def test_appendix_lists_each_child_with_dates_and_alerts(users) -> None:
    _records(users["administrator"])
    paper = missing_appendix(TERM, date(2020, 2, 10))
    assert not paper.public
    assert paper.classification.startswith("Non-public") and "paragraphs 1, 2" in (
        paper.classification
    )
    episodes, monitored = _grids(paper)
    assert episodes.caption == "Episodes in September-December 2019: 3, by 3 children"
    assert episodes.rows == [
        [
            "K1",
            "Care",
            "02/10/2019",
            "04/10/2019",
            "2",
            "10/10/2019",
            "Yes",
            "11/10/2019",
            "Peer group; exploitation risk",
            "No return interview offered within 72 hours",
        ],
        [
            "K2",
            "Home",
            "20/12/2019",
            "Still missing on 31/12/2019",
            "11",
            "Not recorded",
            "Not recorded",
            "Not recorded",
            "Not recorded",
            "Missing more than 7 days and the Lead Member not notified",
        ],
        ["Restricted record", "", "", "", "", "", "", "", "", ""],
    ]
    assert monitored.rows == [
        ["S1", "At risk of missing education", "01/09/2019", "Still monitored", "No data"]
    ]
    assert "No returns are loaded" in monitored.note


def test_appendix_with_nothing_recorded_says_so() -> None:
    paper = missing_appendix(TERM, date(2020, 2, 10))
    text = [getattr(b, "text", "") for b in paper.body]
    assert "No data: no returns are loaded and the register is empty." in text
    assert "No child was monitored in September-December 2019." in text
    assert _grids(paper) == []


def test_command_writes_the_appendix(users, tmp_path, capsys) -> None:
    _records(users["administrator"])
    args = ["--term", "2019-09-01:2019-12-31", "--meeting", "2020-02-10"]
    html, docx = tmp_path / "a.html", tmp_path / "a.docx"
    assert (
        main(["committee", "missing-appendix", *args, "--format", "html", "--out", str(html)]) == 0
    )
    assert "\tNon-public: exempt under Schedule 12A" in capsys.readouterr().out
    text = " ".join(html.read_text(encoding="utf-8").split())
    assert "Peer group; exploitation risk" in text and "K3" not in text
    assert (
        main(["committee", "missing-appendix", *args, "--format", "docx", "--out", str(docx)]) == 0
    )
    cells = [c.text for t in Document(str(docx)).tables for row in t.rows for c in row.cells]
    assert "Still missing on 31/12/2019" in cells
    assert "Restricted record" in cells
