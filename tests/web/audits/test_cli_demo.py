"""`csc-insight audits sample` and `audits demo`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from csc_insight.cli import main
from csc_insight.web.audits.demo import create_demo_round
from csc_insight.web.audits.models import Finding, Round
from csc_insight.web.audits.services import report
from csc_insight.web.plans.demo import create_demo_plans

pytestmark = pytest.mark.django_db


def test_sample_table_and_json(snap, capsys) -> None:
    assert main(["audits", "sample", "--quarter", "2019-20-Q3", "--per-worker", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("2019-20-Q3: 2 cases from 3 open at 31/12/2019 (3 never audited, "
                      "0 audited in the last two years); load 20200115T090000Z-a0d175")
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
    assert round_.title == "Demo quarterly audit 2019-20-Q1"
    summary = report(round_).summary
    assert (summary.cases, summary.completed, summary.moderated) == (3, 3, 3)
    assert summary.changed_in_moderation == 1
    assert Finding.objects.get().action.plan.name == "Service Development Plan 2020-21"
    create_demo_round(today=date(2020, 1, 20))
    assert Round.objects.count() == 1
