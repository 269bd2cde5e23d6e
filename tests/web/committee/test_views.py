"""Committee pages: start a draft, edit its words, preview and download it in every
format; Members get Public papers only; the appendix's children go to the access log;
the command line uses the saved words; plan and audit papers from their records."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import pytest
from django.urls import reverse

from csc_insight.reports.render import style_hash
from csc_insight.store import snapshots

from ..conftest import SNAPSHOT_ID
from ..pages import check_page

MEETING = "10/02/2020"


@pytest.fixture
def data(snapshot: str, home: Path) -> str:
    """The web tests' snapshot, plus a missing episode of C1's in Q2 2019-20 with no return
    home interview offered (an exception the appendix lists)."""
    con = duckdb.connect(str(snapshots.get(snapshot, home).path))
    con.execute(
        "INSERT INTO missing_episodes (child_id, missing_type, start_date, end_date, "
        "rhi_offered, source) VALUES ('C1', 'M', DATE '2019-08-01', "
        "DATE '2019-08-02', FALSE, 'x')"
    )
    con.close()
    return snapshot


def _start(client, kind: str, **extra: object) -> int:
    response = client.post(reverse("committee:new"), {"kind": kind, "meeting": MEETING, **extra})
    assert response.status_code == 302, response.content[:2000]
    return int(response["Location"].rstrip("/").split("/")[-1])


def _docx_text(content: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(content))
    return "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )


@pytest.mark.django_db
def test_write_preview_and_download(clients, data) -> None:
    analyst = clients["analyst"]
    draft_id = _start(analyst, "performance", period="2019-20-Q2")
    page = analyst.get(reverse("committee:edit", args=[draft_id]))
    doc = check_page(page.content)
    assert b"Children and Families Performance Report" in page.content
    caption = doc.xpath("string(//span[contains(@class, 'govuk-caption-l')])")
    assert caption.endswith(", Q2 2019-20")
    assert SNAPSHOT_ID.encode() in page.content
    form = {
        "committee": "Safeguarding Sub-Committee",
        "report_of": "Director",
        "report_author": "Head of Performance",
        "author_contact": "",
        "decision": "For Information",
        "summary": "Our own summary words.",
        "recommendations": "Note the report.",
        "background": "Why.",
        "current_position": "Where.",
        "implications": "",
        "conclusion": "End.",
    }
    assert analyst.post(reverse("committee:edit", args=[draft_id]), form).status_code == 302
    page = analyst.get(reverse("committee:edit", args=[draft_id]))
    assert b"Our own summary words." in page.content
    opened = analyst.get(reverse("committee:download", args=[draft_id, "html"]))
    # HTML opens in the browser, its own style allowed by the CSP; PDF and DOCX download.
    assert opened["Content-Disposition"].startswith("inline")
    assert style_hash() in opened["Content-Security-Policy"]
    html = b"".join(opened.streaming_content).decode()
    assert "Our own summary words." in html and SNAPSHOT_ID in html
    docx = b"".join(
        analyst.get(reverse("committee:download", args=[draft_id, "docx"])).streaming_content
    )
    assert "Our own summary words." in _docx_text(docx)
    pdf_response = analyst.get(reverse("committee:download", args=[draft_id, "pdf"]))
    assert pdf_response["Content-Disposition"].startswith("attachment")
    pdf = b"".join(pdf_response.streaming_content)
    assert pdf.startswith(b"%PDF")
    # A Member downloads the Public paper.
    member = clients["member"]
    assert member.get(reverse("committee:download", args=[draft_id, "docx"])).status_code == 200
    listing = member.get(reverse("committee:list"))
    check_page(listing.content)
    assert b"Children and Families Performance Report" in listing.content


@pytest.mark.django_db
def test_appendix_is_for_child_level_roles_and_logged(clients, data) -> None:
    from csc_insight.access.accesslog.models import AccessEvent

    draft_id = _start(clients["manager"], "appendix", period="2019-20-Q2")
    url = reverse("committee:download", args=[draft_id, "docx"])
    for role in ("member", "auditor"):
        assert clients[role].get(url).status_code == 403
        assert b"Non-public" not in clients[role].get(reverse("committee:list")).content
    response = clients["manager"].get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    text = _docx_text(b"".join(response.streaming_content))
    assert "C1" in text and "paragraphs 1, 2" in text
    events = AccessEvent.objects.filter(child_id="C1", route="committee:download")
    assert events.count() == 1


@pytest.mark.django_db
def test_agenda_lists_the_meetings_papers(clients, data) -> None:
    _start(clients["analyst"], "performance", period="2019-20-Q2")
    _start(clients["analyst"], "appendix", period="2019-20-Q2")
    response = clients["member"].get(reverse("committee:agenda", args=["2020-02-10", "docx"]))
    text = _docx_text(b"".join(response.streaming_content))
    assert "4. CHILDREN AND FAMILIES PERFORMANCE REPORT" in text
    assert "non-public appendix at Agenda Item 8." in text
    assert "7. EXCLUSION OF THE PUBLIC" in text
    assert "8. NON-PUBLIC APPENDIX: CHILDREN AND FAMILIES PERFORMANCE REPORT" in text


@pytest.mark.django_db
def test_plan_progress_report(clients, data) -> None:
    from csc_insight.plans import services as plans
    from csc_insight.plans.models import Plan

    plan = Plan.objects.create(name="Service Development Plan")
    section = plans.add_section(plan, "Safe")
    base = {"section_id": section.pk, "action": "Audit return interviews"}
    plans.add_action(
        plan, {**base, "ref": "1.1", "due": date(2020, 1, 31)}, [], "amber", on=date(2019, 10, 1)
    )
    done = plans.add_action(
        plan, {**base, "ref": "1.2", "due": date(2020, 1, 31)}, [], "green", on=date(2019, 10, 1)
    )
    plans.record_update(done, done.version, "blue", "Done", date(2019, 12, 1), None)
    plan.reviews.create(held_on=date(2019, 11, 1))
    draft_id = _start(clients["manager"], "plan", plan=plan.pk)
    html = b"".join(
        clients["member"]
        .get(reverse("committee:download", args=[draft_id, "html"]))
        .streaming_content
    ).decode()
    # 1.2 went Green -> Blue after the 1 November review; 1.1 (Amber) was due 31 January
    # and is overdue by the meeting on 10 February 2020.
    assert "1 of 2 actions complete" in html
    assert "1 moved Green→Blue" in html
    assert '<th scope="row">1.1</th><td>Audit return interviews</td><td>31/01/2020</td>' in html
    assert "Appendix 1: Service Development Plan" in html


def test_command_line_uses_the_saved_draft(
    clients, data, home: Path, tmp_path: Path, django_db_blocker
) -> None:
    from csc_insight.cli import main
    from csc_insight.committee.models import Draft

    with django_db_blocker.unblock():
        Draft.objects.create(
            kind="performance",
            meeting=date(2020, 2, 10),
            period="2019-20-Q2",
            snapshot_id=SNAPSHOT_ID,
            narrative={"summary": "Words from the draft."},
        )
    out = tmp_path / "paper.html"
    assert (
        main(
            [
                "report",
                "performance",
                "--period",
                "2019-20-Q2",
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
    assert "Words from the draft." in out.read_text(encoding="utf-8")
    assert (
        main(["report", "plan", "--meeting", "2020-02-10", "--format", "html", "--out", str(out)])
        == 2
    )


@pytest.mark.django_db
def test_audit_report_suppresses_small_counts(clients, data, users) -> None:
    from csc_insight.audits.models import Audit, Finding, Round

    round_ = Round.objects.create(
        title="December 2019 audits",
        quarter="2019-20-Q3",
        snapshot_id=SNAPSHOT_ID,
        access_until=date(2099, 1, 1),
    )
    for n in range(8):  # 7 graded Good overall, 1 Inadequate; all children in need
        case = round_.cases.create(
            child_id=f"C{n + 10}", position=n, case_type="cin", worker="Ada Quimby"
        )
        Audit.objects.create(
            case=case,
            auditor=users["auditor"],
            audited_on=date(2019, 12, 2),
            overall="good" if n else "inadequate",
        )
    Finding.objects.create(round=round_, text="Visits are not always purposeful.")
    draft_id = _start(clients["manager"], "audit", audit_round=round_.pk)
    html = b"".join(
        clients["member"]
        .get(reverse("committee:download", args=[draft_id, "html"]))
        .streaming_content
    ).decode()
    assert "Quality assurance report: December 2019 audits" in html
    # The 1 Inadequate and its partner 7 Good are hidden (see test_disclosure's audit case);
    # 8 audited, all children in need, is shown.
    overall = html[html.index('<th scope="row">Overall</th>') :].split("</tr>")[0]
    assert overall.count("<td>c</td>") == 3  # Good, Inadequate, and Good or better
    assert "<td>8</td>" in overall
    assert "8 of 8 sampled cases audited." in html
    assert "Visits are not always purposeful." in html
    assert "C10" not in html and "Ada Quimby" not in html


@pytest.mark.django_db
def test_a_pdf_without_libreoffice_says_why_instead_of_failing(
    clients, data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine without LibreOffice (soffice not on the PATH) cannot make a PDF: the download
    goes back where it came from with the reason, and DOCX still downloads."""
    draft_id = _start(clients["analyst"], "performance", period="2019-20-Q2")
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice, no libreoffice
    expected = (
        "The paper could not be made as PDF: LibreOffice (soffice), which makes the PDF, is "
        "not installed on this machine: make the DOCX instead, or install LibreOffice."
    )
    cases = [
        # an editor goes back to the draft, a Member to the list of papers
        ("analyst", reverse("committee:download", args=[draft_id, "pdf"]), "committee:edit"),
        ("member", reverse("committee:download", args=[draft_id, "pdf"]), "committee:list"),
        ("member", reverse("committee:agenda", args=["2020-02-10", "pdf"]), "committee:list"),
    ]
    for role, url, back in cases:
        response = clients[role].get(url)
        assert response.status_code == 302, (role, url)
        args = [draft_id] if back == "committee:edit" else []
        assert response["Location"] == reverse(back, args=args)
        page = check_page(clients[role].get(response["Location"]).content)
        errors = page.xpath("//*[contains(@class, 'govuk-notification-banner__heading')]")
        assert expected in " ".join(" ".join(e.text_content().split()) for e in errors), role
    docx = clients["member"].get(reverse("committee:download", args=[draft_id, "docx"]))
    assert docx.status_code == 200


@pytest.mark.django_db
def test_the_new_paper_form_offers_the_data_periods_and_the_audit_rounds(clients, data):
    """An author chooses the period and the audit round from lists instead of typing codes:
    the periods of the data loaded (its events run to 15 August 2019, so Q1 2019-20 is the
    latest complete quarter, chosen to start with) and the audit rounds by title."""
    from csc_insight.audits.models import Round

    round_ = Round.objects.create(
        title="December 2019 audits",
        quarter="2019-20-Q3",
        snapshot_id=SNAPSHOT_ID,
        access_until=date(2099, 1, 1),
    )
    doc = check_page(clients["analyst"].get(reverse("committee:new")).content)
    # Period, plan and round are each needed by one kind of paper: none is "(optional)".
    labels = [" ".join(label.text_content().split()) for label in doc.xpath("//form//label")]
    assert labels[:5] == ["Paper", "Meeting date", "Period", "Plan", "Audit round"]
    assert doc.xpath("string(//div[@id='id_plan-hint'])") == "Needed for the plan progress report"
    periods = [(o.get("value"), o.text) for o in doc.xpath("//select[@id='id_period']/option")]
    assert periods[:2] == [
        ("", "No period (not a performance paper)"),
        ("2019-20-Q1", "Q1 2019-20 (April to June 2019)"),
    ]
    assert doc.xpath("//select[@id='id_period']/option[@selected]/@value") == ["2019-20-Q1"]
    rounds = [(o.get("value"), o.text) for o in doc.xpath("//select[@id='id_audit_round']/option")]
    assert rounds[1:] == [(str(round_.pk), "December 2019 audits")]
    refused = clients["analyst"].post(
        reverse("committee:new"), {"kind": "performance", "meeting": MEETING, "period": ""}
    )
    assert refused.status_code == 200
    summary = check_page(refused.content).xpath(
        "//ul[contains(@class, 'govuk-error-summary__list')]//a/text()"
    )
    assert summary == ["Choose the period the report is for"]
    # A period asked for by a link that names none is kept in the list and named in the error.
    typo = clients["analyst"].post(
        reverse("committee:new"), {"kind": "performance", "meeting": MEETING, "period": "Q3"}
    )
    doc = check_page(typo.content)
    assert doc.xpath("//ul[contains(@class, 'govuk-error-summary__list')]//a/text()") == [
        "Choose a period from the list: “Q3” is not a quarter, year or date CSC Insight knows"
    ]
    assert doc.xpath("//select[@id='id_period']/option[@selected]/@value") == ["Q3"]


@pytest.mark.django_db
def test_the_list_of_papers_reads_the_audit_rounds_titles_in_one_query(
    clients, data, django_assert_num_queries
) -> None:
    from csc_insight.audits.models import Round
    from csc_insight.committee import services
    from csc_insight.committee.models import Draft

    rounds = [
        Round.objects.create(
            title=f"Round {n}",
            quarter="2019-20-Q3",
            snapshot_id=SNAPSHOT_ID,
            access_until=date(2099, 1, 1),
        )
        for n in (1, 2, 3)
    ]
    for round_ in rounds:
        _start(clients["manager"], "audit", audit_round=round_.pk)
    gone = rounds[2].pk
    rounds[2].delete()
    with django_assert_num_queries(2):  # the papers, then their rounds
        sources = [d.source for d in services.in_agenda_order(Draft.objects.all())]
    assert sources == ["Round 1", "Round 2", f"Audit round {gone} (deleted)"]
    page = clients["member"].get(reverse("committee:list")).content.decode()
    check_page(page)
    assert "Round 1" in page and f"Audit round {gone} (deleted)" in page
