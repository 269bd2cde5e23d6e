"""Plan pages: permissions, creating and updating actions, history, summary, conflicts,
invalid dates, import with preview and its report, exports."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csc_insight.plans import services
from csc_insight.plans.models import Action, Lead, Plan, Update

from ..pages import check_page

pytestmark = pytest.mark.django_db
WHO = ["anonymous", "member", "auditor", "manager", "analyst", "administrator"]


@pytest.fixture
def plan(users) -> Plan:
    plan = Plan.objects.create(name="Service Development Plan 2020-21", owner="Head of service")
    safe = services.add_section(plan, "Safe")
    fields = {
        "section_id": safe.pk,
        "ref": "1",
        "action": "Recruit a chair for CIN meetings",
        "due": date(2020, 1, 31),
    }
    action = services.add_action(
        plan,
        fields,
        services.leads_from_text("RG/HS"),
        "amber",
        "Started",
        users["administrator"],
        on=date(2019, 4, 1),
    )
    Lead.objects.filter(name="RG").update(user=users["manager"])
    assert action.version == 1
    return plan


def _action(plan: Plan) -> Action:
    return plan.actions.get()


def test_get_permissions_by_role(clients, plan) -> None:
    action = _action(plan)
    urls = {
        reverse("plans:list"): [302, 200, 200, 200, 200, 200],
        reverse("plans:detail", args=[plan.pk]): [302, 200, 200, 200, 200, 200],
        reverse("plans:action", args=[plan.pk, action.pk]): [302, 200, 200, 200, 200, 200],
        reverse("plans:mine"): [302, 200, 200, 200, 200, 200],
        # Only the lead (the manager, through lead RG) and Administrators may edit.
        reverse("plans:action_update", args=[plan.pk, action.pk]):
            [302, 403, 403, 200, 403, 200],
        reverse("plans:action_edit", args=[plan.pk, action.pk]): [302, 403, 403, 200, 403, 200],
        reverse("plans:new"): [302, 403, 403, 403, 403, 200],
        reverse("plans:edit", args=[plan.pk]): [302, 403, 403, 403, 403, 200],
        reverse("plans:section_new", args=[plan.pk]): [302, 403, 403, 403, 403, 200],
        reverse("plans:review_new", args=[plan.pk]): [302, 403, 403, 403, 403, 200],
        reverse("plans:action_new", args=[plan.pk]): [302, 403, 403, 403, 403, 200],
        reverse("plans:leads"): [302, 403, 403, 403, 403, 200],
        reverse("plans:import"): [302, 403, 403, 403, 403, 200],
        reverse("plans:action_move", args=[plan.pk, action.pk]): [302, 403, 403, 403, 403, 405],
    }  # fmt: skip
    for url, expected in urls.items():
        for who, status in zip(WHO, expected, strict=True):
            response = clients[who].get(url)
            assert response.status_code == status, (url, who)
            if status in (200, 403) and response["Content-Type"].startswith("text/html"):
                check_page(response.content)


def test_member_cannot_post_an_update(clients, plan) -> None:
    action = _action(plan)
    url = reverse("plans:action_update", args=[plan.pk, action.pk])
    response = clients["member"].post(
        url, {"rag": "green", "comment": "x", "on": "01/02/2020", "version": 1}
    )
    assert response.status_code == 403
    assert Action.objects.get().rag == "amber"


def test_lead_changes_rag_with_dated_comment_and_history_shows(clients, plan) -> None:
    action = _action(plan)
    url = reverse("plans:action_update", args=[plan.pk, action.pk])
    response = clients["manager"].post(
        url, {"rag": "green", "comment": "Chair in post", "on": "14/01/2020", "version": 1}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.rag, action.version) == ("green", 2)
    assert list(Update.objects.values_list("on", "previous_rag", "rag", "comment")) == [
        (date(2019, 4, 1), "", "amber", "Started"),
        (date(2020, 1, 14), "amber", "green", "Chair in post"),
    ]
    page = check_page(
        clients["member"].get(reverse("plans:action", args=[plan.pk, action.pk])).content
    )
    rows = [
        " ".join(r.text_content().split()) for r in page.xpath("//table[@id='history']//tbody/tr")
    ]
    assert rows == [
        "14 Jan 2020 Amber to Green Chair in post u-manager",
        "1 Apr 2019 Amber Started u-administrator",
    ]


def test_second_of_two_concurrent_edits_is_told(clients, plan) -> None:
    action = _action(plan)
    url = reverse("plans:action_update", args=[plan.pk, action.pk])
    first = clients["manager"].post(
        url, {"rag": "green", "comment": "Done part", "on": "14/01/2020", "version": 1}
    )
    assert first.status_code == 302
    second = clients["administrator"].post(
        url, {"rag": "red", "comment": "Stalled", "on": "14/01/2020", "version": 1}
    )
    assert second.status_code == 200
    page = check_page(second.content)
    summary = " ".join(
        page.xpath("//div[contains(@class,'govuk-error-summary')]")[0].text_content().split()
    )
    assert "Someone else changed this action while you were editing it" in summary
    assert page.xpath("//title")[0].text_content().startswith("Error: ")
    action.refresh_from_db()
    assert (action.rag, action.version) == ("green", 2)
    assert Update.objects.count() == 2

    edit = reverse("plans:action_edit", args=[plan.pk, action.pk])
    stale = clients["administrator"].post(
        edit, {"section": action.section_id, "ref": "1", "action": "Changed", "version": 1}
    )
    assert stale.status_code == 200
    assert "Someone else changed this action" in stale.content.decode()
    assert Action.objects.get().action == "Recruit a chair for CIN meetings"


def test_invalid_dates_are_refused_with_govuk_errors(clients, plan) -> None:
    action = _action(plan)
    url = reverse("plans:action_update", args=[plan.pk, action.pk])
    response = clients["administrator"].post(
        url, {"rag": "green", "comment": "x", "on": "31/02/2020", "version": 1}
    )
    assert response.status_code == 200
    page = check_page(response.content)
    assert page.xpath("//ul[contains(@class,'govuk-error-summary__list')]/li/a/@href") == ["#id_on"]
    assert "Date of update must be a real date, for example 31/10/2020" in response.content.decode()
    assert page.xpath("//input[@id='id_on']/@aria-describedby") == ["id_on-hint id_on-error"]
    new = reverse("plans:action_new", args=[plan.pk])
    response = clients["administrator"].post(
        new,
        {
            "section": action.section_id,
            "ref": "2",
            "action": "Another",
            "rag": "green",
            "start": "01/03/2020",
            "due": "01/02/2020",
        },
    )
    assert "Due date must be on or after the start date" in response.content.decode()
    assert Action.objects.count() == 1


def test_summary_filters_and_movement(clients, plan, users) -> None:
    safe = plan.sections.get()
    potential = services.add_section(plan, "Potential")
    for ref, section, rag, due in (
        ("2", safe, "blue", date(2019, 6, 30)),
        ("3", potential, "red", date(2019, 5, 1)),
    ):
        services.add_action(
            plan,
            {"section_id": section.pk, "ref": ref, "action": f"Do {ref}", "due": due},
            services.leads_from_text("AM"),
            rag,
            on=date(2019, 4, 1),
        )
    plan.reviews.create(held_on=date(2019, 12, 31))
    action = _action_ref(plan, "3")
    services.record_update(action, 1, "amber", "Better", date(2020, 1, 10), users["manager"])
    page = check_page(clients["member"].get(reverse("plans:detail", args=[plan.pk])).content)
    text = lambda xp: " ".join(page.xpath(xp)[0].text_content().split())  # noqa: E731
    assert text("//p[@id='completed']") == "1 of 3 actions complete"
    assert page.xpath("//table[@id='rag-counts']//tbody//td/text()") == ["0", "2", "0", "1"]
    assert "1 moved Red→Amber" in text("//div[@id='movement']")
    # Actions 1 (due 31 Jan 2020) and 3 (1 May 2019) are past due and not complete.
    assert "Overdue (2)" in page.text_content()
    filtered = check_page(
        clients["member"].get(reverse("plans:detail", args=[plan.pk]) + "?lead=AM&rag=blue").content
    )
    rows = filtered.xpath("//tr[starts-with(@id,'action-')]/td[1]")
    assert [r.text_content() for r in rows] == ["2"]


def _action_ref(plan: Plan, ref: str) -> Action:
    return plan.actions.get(ref=ref)


def test_reorder(clients, plan) -> None:
    section = plan.sections.get()
    services.add_action(
        plan, {"section_id": section.pk, "ref": "2", "action": "Second"}, [], "green"
    )
    second = _action_ref(plan, "2")
    url = reverse("plans:action_move", args=[plan.pk, second.pk])
    assert clients["administrator"].post(url, {"direction": "up"}).status_code == 302
    assert [a.ref for a in section.actions.order_by("position")] == ["2", "1"]


def test_my_actions_and_lead_assignment(clients, plan, users) -> None:
    page = check_page(clients["manager"].get(reverse("plans:mine")).content)
    assert [" ".join(t.text_content().split()) for t in page.xpath("//tbody/tr/td[2]")] == ["1"]
    hs = Lead.objects.get(name="HS")
    response = clients["administrator"].post(
        reverse("plans:leads"), {"lead": hs.pk, "user": users["auditor"].pk}
    )
    assert response.status_code == 302
    page = check_page(clients["auditor"].get(reverse("plans:mine")).content)
    assert len(page.xpath("//tbody/tr")) == 1
    assert (
        clients["auditor"]
        .get(reverse("plans:action_update", args=[plan.pk, _action(plan).pk]))
        .status_code
        == 200
    )


CSV_GOOD = (
    "Section,Ref,Specific aim,Action,Measure/outcome,Due,Lead,Comments,RAG\n"
    "Safe,1,Aim,Recruit,Feedback,Oct-19,RG,Sept: done,Green\n"
    "Community,2,Aim,Youth forum,Minutes,30/11/2019,SC,,Blue\n"
)


def test_import_preview_then_confirm(clients) -> None:
    url = reverse("plans:import")
    upload = SimpleUploadedFile("sdp.csv", CSV_GOOD.encode(), content_type="text/csv")
    preview = clients["administrator"].post(url, {"file": upload, "name": "Imported SDP"})
    assert preview.status_code == 200
    page = check_page(preview.content)
    assert Plan.objects.count() == 0
    token = page.xpath("//input[@name='token']/@value")[0]
    done = clients["administrator"].post(url, {"token": token, "name": "Imported SDP"})
    assert done.status_code == 302
    plan = Plan.objects.get()
    assert plan.name == "Imported SDP"
    assert [(a.section.title, a.ref, a.rag, a.lead_text, a.due) for a in plan.actions.all()] == [
        ("Safe", "1", "green", "RG", date(2019, 10, 31)),
        ("Community", "2", "blue", "SC", date(2019, 11, 30)),
    ]
    assert Update.objects.get(action__ref="1").comment == "Sept: done"


def test_import_with_unreadable_rows_imports_nothing(clients) -> None:
    bad = CSV_GOOD + "Safe,3,Aim,Act,Out,31/13/2019,RG,,Purple\n"
    upload = SimpleUploadedFile("sdp.csv", bad.encode(), content_type="text/csv")
    response = clients["administrator"].post(reverse("plans:import"), {"file": upload})
    assert response.status_code == 400
    page = check_page(response.content)
    rows = [
        [" ".join(c.text_content().split()) for c in r.xpath("td")]
        for r in page.xpath("//table[@id='problems']/tbody/tr")
    ]
    assert rows == [
        ["sdp.csv", "4", "I: RAG", "Purple", "Expected Red, Amber, Green or Blue (complete)."],
        [
            "sdp.csv",
            "4",
            "F: Due",
            "31/13/2019",
            "Expected a date such as 31/10/2019, 2019-10-31 or Oct-19 (the end of that month).",
        ],
    ]
    assert not page.xpath("//input[@name='token']")
    assert Plan.objects.count() == 0 and Action.objects.count() == 0


@pytest.mark.parametrize("file", ["sdp.xml", "sdp.png"])
def test_import_refuses_a_file_not_a_workbook_or_csv(clients, file) -> None:
    upload = SimpleUploadedFile(file, CSV_GOOD.encode(), content_type="text/csv")
    response = clients["administrator"].post(reverse("plans:import"), {"file": upload})
    assert response.status_code == 400
    summary = check_page(response.content).xpath("//div[@class='govuk-error-summary']")[0]
    assert " ".join(summary.text_content().split()) == (
        f"There is a problem {file} is not an .xlsx or .csv file"
    )
    assert Plan.objects.count() == 0


def test_import_is_one_transaction(users, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.csv"
    path.write_text(CSV_GOOD, encoding="utf-8")
    calls = {"n": 0}
    real = services.add_action

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "add_action", failing)
    with pytest.raises(RuntimeError):
        services.import_file(path, "P")
    assert (Plan.objects.count(), Action.objects.count()) == (0, 0)


def test_exports_download(clients, plan) -> None:
    import docx
    import openpyxl

    response = clients["member"].get(reverse("plans:export", args=[plan.pk, "docx"]))
    assert response.status_code == 200
    assert 'filename="service-development-plan-2020-21.docx"' in response["Content-Disposition"]
    document = docx.Document(BytesIO(b"".join(response.streaming_content)))
    assert [c.text for c in document.tables[1].rows[1].cells][-1] == "Amber"
    response = clients["member"].get(reverse("plans:export", args=[plan.pk, "xlsx"]))
    sheet = openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert sheet["E13"].value == "Recruit a chair for CIN meetings"
    assert clients["member"].get(reverse("plans:export", args=[plan.pk, "pdf"])).status_code == 404


def test_indicator_source_shows_no_data_loaded(clients, plan) -> None:
    action = _action(plan)
    Action.objects.filter(pk=action.pk).update(source_type="indicator", indicator_id="cla_open")
    page = check_page(
        clients["member"].get(reverse("plans:action", args=[plan.pk, action.pk])).content
    )
    assert page.xpath("//span[@id='indicator-value']")[0].text == "no data loaded"


def test_the_indicator_is_marked_needed_when_the_source_is_an_indicator(clients, plan) -> None:
    new = reverse("plans:action_new", args=[plan.pk])
    page = check_page(clients["administrator"].get(new).content)
    labels = {
        label.get("for"): " ".join(label.text_content().split())
        for label in page.xpath("//form//label")
    }
    # Required only with one answer to Source: the hint says so, not "(optional)".
    assert labels["id_indicator_id"] == "Indicator"
    assert labels["id_source_type"] == "Source (optional)"
    hint = page.xpath("//div[@id='id_indicator_id-hint']")[0].text_content().strip()
    assert hint.startswith("Needed when the source is an indicator")
    response = clients["administrator"].post(
        new,
        {
            "section": _action(plan).section_id,
            "ref": "2",
            "action": "Reduce re-referrals",
            "rag": "green",
            "source_type": "indicator",
        },
    )
    page = check_page(response.content)
    assert page.xpath("//ul[contains(@class,'govuk-error-summary__list')]/li/a/@href") == [
        "#id_indicator_id"
    ]
    assert "Select the indicator this action is linked to" in response.content.decode()
    assert Action.objects.count() == 1
