"""`csc-insight demo-papers`: the demo's committee drafts for the meeting after the data."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest
from django.test import Client

from csc_insight.audits.demo import create_demo_round
from csc_insight.cli import main
from csc_insight.committee.models import Draft
from csc_insight.plans.demo import create_demo_plans

pytestmark = pytest.mark.django_db


def test_demo_papers_are_drafts_every_role_can_open(snap, users, capsys) -> None:
    """The audit snapshot's events are of 1 May 2019: the demo's day is the end of that
    quarter, 30 June 2019, so the meeting is 20 July 2019; the performance papers are for
    the latest complete quarter, Q4 2018-19, as the dashboards show by default; the plan and
    audit papers are the demo plan's and the demo round's. A Member opens the public ones.
    Run again, it replaces its own drafts and keeps a person's."""
    create_demo_plans()
    round_ = create_demo_round()
    assert main(["demo-papers"]) == 0
    printed = capsys.readouterr().out.splitlines()
    drafts = list(Draft.objects.order_by("pk"))
    assert [(d.kind, d.meeting, d.period) for d in drafts] == [
        ("performance", date(2019, 7, 20), "2018-19-Q4"),
        ("appendix", date(2019, 7, 20), "2018-19-Q4"),
        ("plan", date(2019, 7, 20), ""),
        ("audit", date(2019, 7, 20), ""),
    ]
    assert drafts[2].plan.name == "Service Development Plan 2019-20"
    assert drafts[3].audit_round == round_.pk
    assert printed[0].split("\t")[1:] == [
        "Children and Families Performance Report",
        "20 July 2019",
        "2018-19-Q4",
    ]
    member = Client()
    member.force_login(users["member"])
    listed = member.get("/committee/").content.decode()
    for draft in drafts:
        assert (f"/committee/{draft.pk}/" in listed) == draft.public, draft.kind
    # listed as the agenda orders them: performance, audit, plan, then the Part 2 appendix
    analyst = Client()
    analyst.force_login(users["analyst"])
    doc = lxml.html.document_fromstring(analyst.get("/committee/").content)
    rows = [
        [" ".join(c.text_content().split()) for c in r.xpath("td")][:2]
        for r in doc.xpath("//tbody/tr")
    ]
    assert rows == [
        ["Children and Families Performance Report", "Q4 2018-19"],
        ["Quality assurance report from an audit round", "Demo quarterly audit Q1 2019-20"],
        ["Service plan progress report", "Service Development Plan 2019-20"],
        ["Non-public appendix to the performance report", "Q4 2018-19"],
    ]
    kept = Draft.objects.create(
        kind="performance",
        meeting=date(2019, 7, 20),
        period="2019-20-Q1",
        created_by=users["analyst"],
    )
    assert main(["demo-papers"]) == 0
    assert Draft.objects.count() == 5 and Draft.objects.filter(pk=kept.pk).exists()
