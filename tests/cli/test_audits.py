"""`csc-insight audits sample` and `audits demo`."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from csc_insight.audits.demo import GRADE_WEIGHTS, create_demo_round
from csc_insight.audits.models import Audit, Finding, Round
from csc_insight.audits.services import report
from csc_insight.cli import main
from csc_insight.plans.demo import create_demo_plans
from csc_insight.plans.models import Action, Plan, Review, Update

pytestmark = pytest.mark.django_db


def test_sample_table_and_json(snap, capsys) -> None:
    assert main(["audits", "sample", "--quarter", "2019-20-Q3", "--per-worker", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "2019-20-Q3: 2 cases from 3 open at 31/12/2019 (3 never audited, "
        "0 audited in the last two years, 0 with no allocated worker and not "
        "sampled); load 20200115T090000Z-a0d175"
    )
    assert out[2] == "ZQ7001\tcin\tSW1\tNever audited; SW1 holds 2 cases due for audit"
    assert main(["audits", "sample", "--quarter", "2019-20-Q3", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["child_id"] for c in data["chosen"]] == ["ZQ7001", "ZQ7002", "ZQ7003"]
    assert data["snapshot"] == "20200115T090000Z-a0d175"
    assert main(["audits", "sample", "--quarter", "2019-20"]) == 1
    assert "not a quarter" in capsys.readouterr().err


def test_demo_round_is_complete_and_feeds_the_plan(snap) -> None:
    create_demo_plans(today=date(2020, 1, 20))
    round_ = create_demo_round(today=date(2020, 1, 20))
    assert round_.title == "Demo quarterly audit Q1 2019-20"
    summary = report(round_).summary
    assert (summary.cases, summary.completed, summary.moderated) == (3, 3, 3)
    assert summary.changed_in_moderation == 1
    assert Finding.objects.get().action.plan.name == "Service Development Plan 2019-20"
    create_demo_round(today=date(2020, 1, 20))
    assert Round.objects.count() == 1


def _login(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_every_demo_role_does_its_job_inside_the_datas_years(snap, monkeypatch) -> None:
    """The hand snapshot's referrals are dated 1 May 2019: its last quarter is 2019-20-Q1,
    so the demo runs as at 30 June 2019 (CSC_INSIGHT_TODAY, as `make demo` serves it), and
    every plan, review, update and audit date falls in 2018-19 or 2019-20, with due dates
    no later than 90 days after that day."""
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2019-06-30")
    create_demo_plans()
    round_ = create_demo_round()
    as_of, latest_due = date(2019, 6, 30), date(2019, 9, 28)
    assert sorted(Plan.objects.values_list("name", flat=True)) == [
        "Exploitation and Missing Children Action Plan",
        "Service Development Plan 2019-20",
    ]
    assert all(
        date(2018, 4, 1) <= d <= as_of
        for d in [
            *Update.objects.values_list("on", flat=True),
            *Review.objects.values_list("held_on", flat=True),
            *Action.objects.values_list("start", flat=True),
            *Plan.objects.values_list("implementation_date", flat=True),
            *Audit.objects.values_list("audited_on", flat=True),
        ]
    )
    assert max(Action.objects.values_list("due", flat=True)) <= latest_due
    # No overdue action is rated Green.
    assert not Action.objects.filter(due__lt=as_of, rag="green").exists()

    # The auditor is named on the round, wrote its audits, and the report counts them.
    assert [u.username for u in round_.auditors.all()] == ["demo-auditor"]
    assert set(Audit.objects.values_list("auditor__username", flat=True)) == {"demo-auditor"}
    assert report(round_).auditors == 1
    auditor = _login("demo-auditor")
    assert auditor.get(reverse("audits:list")).status_code == 200
    assert auditor.get(reverse("audits:round", args=[round_.pk])).status_code == 200
    case = round_.cases.first()
    url = reverse("audits:case", args=[round_.pk, case.pk])
    assert auditor.get(url).status_code == 200
    form = {
        "audited_on": "28/06/2019",
        "version": str(case.audit.version),
        "overall": "requires_improvement",
        **{f"{key}_grade": "good" for key in GRADE_WEIGHTS},
    }
    assert auditor.post(url, form).status_code == 302
    case.audit.refresh_from_db()
    assert (case.audit.overall, case.audit.audited_on) == (
        "requires_improvement",
        date(2019, 6, 28),
    )

    # The manager leads actions (TM, DTM) and can update one.
    manager = _login("demo-manager")
    led = Action.objects.filter(leads__user__username="demo-manager").distinct()
    assert led.count() >= 5
    action = led.exclude(rag="blue").first()
    update = reverse("plans:action_update", args=[action.plan_id, action.pk])
    assert (
        manager.post(
            update,
            {"rag": "green", "comment": "On track", "on": "30/06/2019", "version": action.version},
        ).status_code
        == 302
    )
    action.refresh_from_db()
    assert action.rag == "green"


def test_demo_grades_vary_by_section(snap) -> None:
    """Seeded grades: the sections do not all share one split of grades (the old demo gave
    every section the same 2/5/2/0)."""
    round_ = create_demo_round(today=date(2019, 6, 30))
    rows = report(round_).summary.grades
    splits = {tuple(row.counts) for row in rows if row.label != "Overall"}
    assert len(splits) > 1


def test_demo_round_report_counts_its_auditor_in_one_font(snap, tmp_path) -> None:
    from docx import Document

    from csc_insight.audits.export_docx import write_docx

    round_ = create_demo_round(today=date(2019, 6, 30))
    doc = Document(str(write_docx(report(round_), tmp_path / "round.docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "audited by 1 auditor;" in text
    # Every heading used is Arial like the body: no theme font (Calibri Light) left.
    used = {p.style.name for p in doc.paragraphs}
    for name in used:
        fonts = doc.styles[name].element.rPr
        fonts = fonts.rFonts if fonts is not None else None
        attrs = dict(fonts.attrib) if fonts is not None else {}
        assert not any(k.endswith("Theme") for k in attrs), name
    assert {doc.styles[n].font.name for n in used if n.startswith("Heading")} == {"Arial"}


def test_round_page_warns_of_unallocated_cases(snap, home) -> None:
    import duckdb

    from csc_insight.store import snapshots

    # A fourth open case of need, with no allocation: never sampled, but the QA lead is told.
    con = duckdb.connect(str(snapshots.snapshot_dir(home) / f"{snap}.duckdb"))
    con.execute(
        "INSERT INTO referrals (referral_id, child_id, referral_date, source) "
        "VALUES ('RZQ7009', 'ZQ7009', DATE '2019-05-01', 't')"
    )
    con.close()
    round_ = create_demo_round(today=date(2019, 6, 30))
    assert "ZQ7009" not in {c.child_id for c in round_.cases.all()}
    page = _login("demo-manager").get(reverse("audits:round", args=[round_.pk]))
    text = " ".join(page.content.decode().split())
    assert "1 case (1 child in need) open at the end of Q1 2019-20 had no allocated worker" in text
    auditor = _login("demo-auditor").get(reverse("audits:round", args=[round_.pk]))
    assert "no allocated worker" not in auditor.content.decode()
