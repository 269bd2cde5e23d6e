"""Registers > Register papers: the papers of registers/paper_registry.py made on the web as
the command line makes them. Manager and above; a posted form (CSRF); the year or term from
a list, the meeting's date and the format checked; the DOCX read back with python-docx."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from csc_insight.cli.committee import KINDS
from csc_insight.registers.models import LadoContact
from csc_insight.registers.paper_registry import BY_KIND, PAPERS, term_choices, year_choices

from ..pages import check_page

pytestmark = pytest.mark.django_db
LADO = reverse("registers:paper", args=["lado-annual"])
FORM = {"when": "2019-20", "meeting": "06/07/2020", "format": "docx"}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-06-30")  # in 2020-21, the summer term


def _lado() -> None:
    """2019-20: 7 referrals about education staff (Mondays from 1 July 2019), each with its
    initial meeting the next day; 2018-19: none."""
    for i in range(7):
        received = date(2019, 7, 1) + timedelta(weeks=i)
        LadoContact.objects.create(
            reference=f"LADO-{i}",
            received_on=received,
            sector="education",
            category="physical",
            met_threshold=True,
            initial_meeting_on=received + timedelta(days=1),
        )


def test_one_registry_drives_the_command_and_the_page(clients) -> None:
    assert set(BY_KIND) <= set(KINDS)  # `csc-insight committee KIND`
    page = check_page(clients["manager"].get(reverse("registers:papers")).content)
    links = page.xpath("//ul[@id='register-papers']//a")
    assert [a.text_content() for a in links] == [p.title for p in PAPERS]
    assert [a.get("href") for a in links] == [
        reverse("registers:paper", args=[p.kind]) for p in PAPERS
    ]


def test_the_register_page_links_to_the_papers_for_managers_only(clients) -> None:
    link = "Make a register paper"
    assert link in clients["manager"].get(reverse("registers:index")).content.decode()
    assert link not in clients["auditor"].get(reverse("registers:index")).content.decode()


@pytest.mark.parametrize("role", ["manager", "analyst", "administrator"])
def test_a_manager_and_above_download_the_docx(clients, role) -> None:
    _lado()
    response = clients[role].post(LADO, FORM)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="lado-annual-2020-07-06.docx"'
    doc = Document(io.BytesIO(b"".join(response.streaming_content)))
    words = " ".join(p.text for p in doc.paragraphs)
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Subject: Local Authority Designated Officer (LADO) Annual Report 2019-20" in cells
    assert "7 referrals" in words  # 7 is over the disclosure threshold: shown as it is
    assert "LADO-0" not in words + cells  # no case reference in a public paper


@pytest.mark.parametrize("role", ["anonymous", "member", "auditor"])
def test_others_may_not(clients, role) -> None:
    for response in (clients[role].get(LADO), clients[role].post(LADO, FORM)):
        assert response.status_code == (302 if role == "anonymous" else 403)


def test_the_form_offers_years_or_terms_and_checks_the_answers(clients) -> None:
    page = check_page(clients["manager"].get(LADO).content)
    years = page.xpath("//select[@id='id_when']/option")
    assert [o.get("value") for o in years] == [v for v, _ in year_choices(date(2020, 6, 30))]
    assert years[0].get("value") == "2020-21"
    assert page.xpath("//select[@id='id_when']/option[@selected]")[0].get("value") == "2019-20"
    term = check_page(clients["manager"].get(reverse("registers:paper", args=["missing"])).content)
    values = [o.get("value") for o in term.xpath("//select[@id='id_when']/option")]
    assert values[:3] == ["2020-04-01:2020-08-31", "2020-01-01:2020-03-31", "2019-09-01:2019-12-31"]
    assert values == [v for v, _ in term_choices(date(2020, 6, 30))]
    bad = clients["manager"].post(LADO, {**FORM, "when": "2019-20-Q3", "meeting": "31/02/2020"})
    assert bad.status_code == 400
    summary = check_page(bad.content).xpath("//div[@class='govuk-error-summary']")[0]
    text = " ".join(summary.text_content().split())
    assert "Choose a financial year from the list" in text
    assert "Meeting date must be a real date" in text
    assert clients["manager"].get(reverse("registers:paper", args=["nope"])).status_code == 404


def test_a_pdf_without_libreoffice_is_an_error_on_the_form(
    clients, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _lado()
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no soffice, no libreoffice
    response = clients["manager"].post(LADO, {**FORM, "format": "pdf"})
    assert response.status_code == 400
    summary = check_page(response.content).xpath("//div[@class='govuk-error-summary']")[0]
    assert (
        "The paper could not be made as PDF: LibreOffice (soffice), which makes the PDF, is "
        "not installed on this machine: make the DOCX instead, or install LibreOffice."
    ) in " ".join(summary.text_content().split())


def test_the_termly_paper_as_html(clients) -> None:
    form = {"when": "2019-09-01:2019-12-31", "meeting": "10/02/2020", "format": "html"}
    response = clients["manager"].post(reverse("registers:paper", args=["missing"]), form)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html"
    assert "inline" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    assert "Children Missing From Care, Home and Education" in text
    assert "September-December 2019" in text


def test_the_form_needs_its_csrf_token(users) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["manager"])
    assert client.post(LADO, FORM).status_code == 403
    page = check_page(client.get(LADO).content)
    token = page.xpath("//input[@name='csrfmiddlewaretoken']")[0].get("value")
    assert client.post(LADO, {**FORM, "csrfmiddlewaretoken": token}).status_code == 200
