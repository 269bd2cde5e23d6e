"""Audit pages: plan a round, audit a case beside the journey, immediate concerns, moderation,
a plan action from a finding, the report; who may see what."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.audits.models import Alert, Audit, Case, Finding, Round
from csc_insight.plans.models import Plan
from csc_insight.store import snapshots

from ..pages import check_page
from .conftest import CHILDREN, make_audit_snapshot

pytestmark = pytest.mark.django_db
SECTION_POST = {
    f"{key}_grade": "good"
    for key in ("referral", "assessment", "intervention", "planning", "oversight", "voice")
}


def _plan_round(client) -> Round:
    query = "?quarter=2019-20-Q3&kind=quarterly&per_worker=1&workers=2"
    page = client.get(reverse("audits:new") + query)
    assert page.status_code == 200
    html = page.content.decode()
    check_page(html)
    assert "Never audited; SW1 holds 2 cases due for audit" in html
    assert "Leave blank for “Quarterly audit Q3 2019-20”" in html
    assert 'aria-describedby="id_title-hint"' in html
    # One case from each of two workers; the QA lead adds ZQ7002 by id.
    response = client.post(
        reverse("audits:new"),
        {
            "quarter": "2019-20-Q3",
            "kind": "quarterly",
            "per_worker": "1",
            "workers": "2",
            "child": ["ZQ7001", "ZQ7003"],
            "added": "zq7002\n",
            "title": "",
        },
    )
    round_ = Round.objects.get()
    assert response["Location"] == reverse("audits:round", args=[round_.pk])
    return round_


def _audit_post(**extra: str) -> dict[str, str]:
    """A completed audit form; version 0 = opened before the case had an audit."""
    return {
        "audited_on": "20/12/2019",
        "version": "0",
        **SECTION_POST,
        "family_grade": "requires_improvement",
        "family_improve": "Record the father's views.",
        "overall": "good",
        **extra,
    }


def test_plan_audit_moderate_act_and_report(clients, users, snap) -> None:
    manager = clients["manager"]
    round_ = _plan_round(manager)
    assert round_.title == "Quarterly audit Q3 2019-20"
    assert [(c.child_id, c.worker, c.reason) for c in round_.cases.all()] == [
        ("ZQ7001", "SW1", "Never audited; SW1 holds 2 cases due for audit"),
        ("ZQ7003", "SW2", "Never audited; SW2 holds 1 case due for audit"),
        ("ZQ7002", "SW1", "Added by the QA lead"),
    ]
    round_.auditors.add(users["auditor"])
    case = round_.cases.get(child_id="ZQ7001")
    url = reverse("audits:case", args=[round_.pk, case.pk])

    auditor = clients["auditor"]
    page = auditor.get(url)
    check_page(page.content)
    assert "Referral" in page.content.decode()  # the journey beside the form
    assert page["Cache-Control"].startswith("max-age=0")
    assert list(
        AccessEvent.objects.exclude(child_id="*list*").values_list("username", "child_id", "reason")
    ) == [("u-auditor", "ZQ7001", "case-file audit")]
    # the sampler showed the manager one case from each of two workers (issue 11 item 5)
    assert list(
        AccessEvent.objects.filter(child_id="*list*").values_list("username", "route", "child_ids")
    ) == [("u-manager", "audits:new", " ZQ7001 ZQ7003 ")]
    bad = auditor.post(url, _audit_post(overall=""))
    assert bad.status_code == 200
    assert "Choose an overall grade" in bad.content.decode()
    assert auditor.post(url, _audit_post()).status_code == 302
    audit = Audit.objects.get(case=case)
    assert audit.overall == "good"
    assert audit.sections.get(section="family").improve == "Record the father's views."

    # The auditor cannot moderate; a manager changes one grade, with a reason; both kept.
    assert auditor.get(reverse("audits:moderate", args=[round_.pk, case.pk])).status_code == 403
    moderation = {f"grade_{k.removesuffix('_grade')}": "good" for k in SECTION_POST} | {
        "grade_referral": "good",
        "grade_family": "good",
        "grade_overall": "outstanding",
        "reason": "Strong partner evidence in the core group notes.",
    }
    assert (
        manager.post(reverse("audits:moderate", args=[round_.pk, case.pk]), moderation).status_code
        == 302
    )
    kept = {g.section: (g.original, g.grade) for g in audit.moderation.grades.all()}
    assert kept["family"] == ("requires_improvement", "good")
    assert kept["overall"] == ("good", "outstanding")

    # Act: a plan action from the finding, linked both ways.
    plan = Plan.objects.create(name="SDP")
    section = plan.sections.create(title="Safe", position=1)
    act = reverse("audits:act", args=[round_.pk]) + f"?case={case.pk}&section=family"
    assert "Record the father&#x27;s views." in manager.get(act).content.decode()
    assert (
        manager.post(
            act,
            {
                "finding": "Fathers' views are not recorded.",
                "plan_section": section.pk,
                "ref": "9",
                "action": "Workshop on engaging fathers",
                "due": "31/03/2020",
                "leads": "TM",
            },
        ).status_code
        == 302
    )
    finding = Finding.objects.get()
    assert (finding.case, finding.section, finding.action.plan) == (case, "family", plan)
    assert finding.action.source_type == "audit"
    assert finding.action.source_reference == f"Quarterly audit Q3 2019-20, finding {finding.pk}"
    assert list(finding.action.audit_findings.all()) == [finding]

    # The report: aggregates, moderated grades, no child ids; only for those who may open
    # the round (issue 11 item 4: a Member read every round's report).
    round_.recommendations = "Record fathers' views.\nPlan visits."
    round_.save()
    for url in (
        reverse("audits:report", args=[round_.pk]),
        reverse("audits:report_docx", args=[round_.pk]),
    ):
        assert clients["member"].get(url).status_code == 403
    report = clients["analyst"].get(reverse("audits:report", args=[round_.pk]))
    html = report.content.decode()
    doc = check_page(html)
    assert [c for c in CHILDREN if c in html] == []
    assert "SW1" not in html
    caption = doc.xpath("string(//span[contains(@class, 'govuk-caption-l')])")
    assert caption == "Quarterly audit, Q3 2019-20"
    rows = {
        r.xpath("th")[0].text_content(): [td.text_content() for td in r.xpath("td")]
        for r in doc.xpath("//table[@id='grades']/tbody/tr")
    }
    # Staff (who may open the round) see the figures, small ones included.
    assert rows["Overall"] == ["1", "0", "0", "0", "100.0%"]
    assert doc.xpath("//table[@id='by-type']//td")[1].text_content() == "3"  # child in need
    assert "not shown to protect children" not in html
    staff = check_page(clients["manager"].get(reverse("audits:report", args=[round_.pk])).content)
    staff_rows = {
        r.xpath("th")[0].text_content(): [td.text_content() for td in r.xpath("td")]
        for r in staff.xpath("//table[@id='grades']/tbody/tr")
    }
    assert staff_rows["Overall"] == ["1", "0", "0", "0", "100.0%"]
    assert staff_rows["Views of family and partners"] == ["0", "1", "0", "0", "100.0%"]
    assert staff.xpath("//table[@id='by-type']//td")[1].text_content() == "3"
    assert "no cases audited that needed immediate notification" in html
    assert [li.text_content() for li in doc.xpath("//ol[@id='recommendations']/li")] == [
        "Record fathers' views.",
        "Plan visits.",
    ]
    assert clients["member"].get(reverse("audits:round", args=[round_.pk])).status_code == 403

    docx_response = clients["auditor"].get(reverse("audits:report_docx", args=[round_.pk]))
    target = Path(snapshots.snapshot_dir().parent / "r.docx")
    target.write_bytes(b"".join(docx_response.streaming_content))
    import docx

    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert [c for c in CHILDREN if c in text] == []
    grades = document.tables[1]
    assert [c.text for c in grades.rows[-1].cells] == ["Overall", "1", "0", "0", "0", "100.0%"]


def test_immediate_concern_alerts_managers(clients, users, snap) -> None:
    users["manager"].email = "manager@example.org"
    users["manager"].save()
    round_ = _plan_round(clients["manager"])
    case = round_.cases.first()
    url = reverse("audits:case", args=[round_.pk, case.pk])
    missing = clients["administrator"].post(url, _audit_post(immediate_concern="on"))
    assert "Say what the immediate concern is" in missing.content.decode()
    clients["administrator"].post(
        url, _audit_post(immediate_concern="on", concern_details="No visit for 10 weeks")
    )
    alert = Alert.objects.get()
    assert alert.details == "No visit for 10 weeks"
    assert [m.to for m in mail.outbox] == [["manager@example.org"]]
    assert case.child_id not in mail.outbox[0].body
    assert (
        "1 immediate concern raised"
        in clients["manager"].get(reverse("audits:list")).content.decode()
    )
    page = clients["manager"].get(reverse("audits:alerts"))
    check_page(page.content)
    assert "No visit for 10 weeks" in page.content.decode()
    clients["manager"].post(reverse("audits:acknowledge", args=[alert.pk]))
    alert.refresh_from_db()
    assert alert.acknowledged_by == users["manager"]
    # Saving the audit again does not raise a second alert.
    clients["administrator"].post(
        url,
        _audit_post(immediate_concern="on", version="1", concern_details="No visit for 10 weeks"),
    )
    assert Audit.objects.get(case=case).version == 2
    assert Alert.objects.count() == 1


def test_auditor_sees_only_their_rounds_cases(clients, users, snap) -> None:
    from django.contrib.auth import get_user_model

    round_ = _plan_round(clients["manager"])
    case = round_.cases.get(child_id="ZQ7003")
    outsider = get_user_model().objects.create_user("u-outsider", role="auditor")
    from django.test import Client

    other = Client()
    other.force_login(outsider)
    round_.auditors.add(users["auditor"])
    for who, status in ((clients["auditor"], 200), (other, 403)):
        assert who.get(reverse("audits:round", args=[round_.pk])).status_code == status
        assert who.get(reverse("audits:case", args=[round_.pk, case.pk])).status_code == status
        assert who.get(reverse("children:journey", args=["ZQ7003"])).status_code == status
    # A child outside the round stays hidden from the round's own auditor.
    Case.objects.filter(pk=case.pk).delete()
    assert clients["auditor"].get(reverse("children:journey", args=["ZQ7003"])).status_code == 403
    # When the round's access ends, so does the grant.
    round_.access_until = date(2020, 1, 1)
    round_.save()
    assert clients["auditor"].get(reverse("audits:round", args=[round_.pk])).status_code == 403
    assert clients["auditor"].get(reverse("children:journey", args=["ZQ7001"])).status_code == 403
    assert "Quarterly audit" not in clients["auditor"].get(reverse("audits:list")).content.decode()


def test_the_round_form_offers_the_data_quarters(clients, home) -> None:
    """A quarter is chosen from the data's quarters (no years, no years to date), newest
    first, the latest complete quarter chosen to start with; one asked for in a link that is
    not listed is kept as asked."""
    import lxml.html

    make_audit_snapshot(home, to_december=True)
    doc = lxml.html.document_fromstring(clients["manager"].get(reverse("audits:new")).content)
    options = doc.xpath("//select[@id='id_quarter']/option")
    labels = [o.get("value") for o in options]
    assert labels == ["2019-20-Q3", "2019-20-Q2", "2019-20-Q1"]
    assert options[0].text == "Q3 2019-20 (October to December 2019)"
    assert [o.get("value") for o in options if o.get("selected") is not None] == ["2019-20-Q3"]
    asked = clients["manager"].get(reverse("audits:new") + "?quarter=2019-20-Q4&kind=quarterly")
    doc = lxml.html.document_fromstring(asked.content)
    assert doc.xpath("//select[@id='id_quarter']/option[@selected]/@value") == ["2019-20-Q4"]


def test_thematic_round_needs_a_theme(clients, snap) -> None:
    page = clients["manager"].get(
        reverse("audits:new") + "?quarter=2019-20&kind=thematic&per_worker=3&workers=3"
    )
    html = page.content.decode()
    check_page(html)
    assert "Choose a quarter, such as Q3 2019-20" in html
    assert "Choose the theme of a thematic audit" in html


def test_trends_table_and_chart(clients, users, snap) -> None:
    first = _plan_round(clients["manager"])
    doc = check_page(clients["manager"].get(reverse("audits:round", args=[first.pk])).content)
    caption = doc.xpath("string(//span[contains(@class, 'govuk-caption-l')])")
    assert caption == "Quarterly audit, Q3 2019-20"
    for n, case in enumerate(first.cases.all()):
        clients["administrator"].post(
            reverse("audits:case", args=[first.pk, case.pk]),
            _audit_post(overall="good" if n else "inadequate"),
        )
    second = Round.objects.create(
        title="Q4", quarter="2019-20-Q4", snapshot_id=snap, access_until=date(2030, 1, 1)
    )
    case = second.cases.create(child_id="ZQ7001", position=1, case_type="cin")
    clients["administrator"].post(reverse("audits:case", args=[second.pk, case.pk]), _audit_post())
    page = clients["manager"].get(reverse("audits:trends"))
    doc = check_page(page.content)
    rows = {
        r.xpath("th")[0].text_content(): [td.text_content() for td in r.xpath("td")]
        for r in doc.xpath("//table[@id='trend']/tbody/tr")
    }
    assert rows["Overall"] == ["66.7%", "100.0%"]
    assert rows["Views of family and partners"] == ["0.0%", "0.0%"]
    headers = doc.xpath("//table[@id='trend']/thead/tr/th/text()")
    assert headers[-2:] == ["Q3 2019-20", "Q4 2019-20"]
    chart = " ".join(doc.xpath("//svg[@id='trend-overall']")[0].itertext())
    assert "Q3 2019-20" in chart and "2019-20-Q3" not in chart
    # A Member: 2 of 3 and 1 of 1 audits are small numbers, so their percentages are 'c'.
    member = check_page(clients["member"].get(reverse("audits:trends")).content)
    rows = {
        r.xpath("th")[0].text_content(): [td.text_content() for td in r.xpath("td")]
        for r in member.xpath("//table[@id='trend']/tbody/tr")
    }
    assert rows["Overall"] == ["c", "c"]
    assert member.xpath("//p[@id='disclosure-note']")
    chart = " ".join(member.xpath("//svg[@id='trend-overall']")[0].itertext())
    assert "not shown (small numbers)" in chart and "no data" not in chart


def test_second_of_two_auditors_saving_one_case_is_told(clients, users, snap) -> None:
    round_ = _plan_round(clients["manager"])
    case = round_.cases.first()
    url = reverse("audits:case", args=[round_.pk, case.pk])
    # Both opened the empty form (version 0); the manager saves first.
    assert clients["manager"].post(url, _audit_post(overall="good")).status_code == 302
    late = clients["administrator"].post(url, _audit_post(overall="inadequate"))
    assert late.status_code == 409
    assert "Someone else saved this audit after you opened it" in " ".join(
        check_page(late.content).text_content().split()
    )
    audit = Audit.objects.get(case=case)
    assert (audit.overall, audit.version) == ("good", 1)
    # Having opened it again (version 1), the administrator's change is saved.
    form = check_page(clients["administrator"].get(url).content)
    assert form.xpath("//input[@name='version']/@value") == ["1"]
    again = clients["administrator"].post(url, _audit_post(overall="inadequate", version="1"))
    assert again.status_code == 302
    audit.refresh_from_db()
    assert (audit.overall, audit.version) == ("inadequate", 2)
    # and a stale form from before that save is refused without touching the sections
    stale = clients["manager"].post(
        url, _audit_post(overall="good", version="1", family_improve="Stale words")
    )
    assert stale.status_code == 409
    assert audit.sections.get(section="family").improve == "Record the father's views."
