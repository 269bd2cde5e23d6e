"""`csc-insight plans ...` and the demo plans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csc_insight.cli import main
from csc_insight.plans.demo import create_demo_plans
from csc_insight.plans.models import Plan
from csc_insight.plans.services import actions_of, at_a_glance

pytestmark = pytest.mark.django_db


def test_demo_plans_have_varied_rag_history_and_overdue_items() -> None:
    sdp, exploitation = create_demo_plans(today=date(2020, 11, 1))
    glance = at_a_glance(sdp, actions_of(sdp), date(2020, 11, 1))
    assert glance["completed"] == "4 of 12 actions complete"
    # Overdue actions are Red or Amber, never Green (action 1 was Green and overdue; it is
    # now complete).
    assert [(a.ref, a.rag) for a in glance["overdue"]] == [("3", "red"), ("8", "amber")]
    assert [s for s in glance["sections"]] == [
        "Safe",
        "Potential",
        "Independence, involvement and choice",
        "Health and wellbeing",
        "Community",
    ]
    # Review 95 days before: actions 1, 2, 3, 4, 8 and 12 have changed since (hand-checked:
    # 1 was Green from 120 days before and Blue from 45 days before).
    assert sorted(glance["movement"]) == [
        "1 moved Amber→Blue",
        "1 moved Amber→Green",
        "1 moved Amber→Red",
        "1 moved Green→Blue",
        "1 moved Red→Amber",
        "1 moved Red→Green",
    ]
    assert exploitation.actions.count() == 8
    # Running it again replaces the demo plans rather than adding copies.
    create_demo_plans(today=date(2020, 11, 1))
    assert Plan.objects.count() == 2


def test_cli_import_list_export(tmp_path: Path, capsys) -> None:
    good = tmp_path / "plan.csv"
    good.write_text(
        "Section,Ref,Action,Due,Lead,RAG\nSafe,1,Do it,Oct-19,RG,Green\n", encoding="utf-8"
    )
    assert main(["plans", "import", str(good), "--name", "CLI plan"]) == 0
    assert main(["plans", "list"]) == 0
    out = capsys.readouterr().out
    assert "CLI plan\t1 actions" in out
    assert "CLI plan\t0 of 1 action complete\t1 overdue" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Section,Ref,Action,Due,Lead,RAG\nSafe,1,Do it,someday,RG,Mauve\n", encoding="utf-8"
    )
    assert main(["plans", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert (
        "bad.csv, row 2, column F 'RAG': Expected Red, Amber, Green or Blue (complete). "
        "(found 'Mauve')" in err
    )
    assert "Nothing was imported." in err
    assert Plan.objects.count() == 1
    out_file = tmp_path / "plan.docx"
    assert main(["plans", "export", "CLI plan", "--format", "docx", "--out", str(out_file)]) == 0
    assert out_file.stat().st_size > 0
    assert main(["plans", "export", "nope", "--format", "xlsx", "--out", "x.xlsx"]) == 1
