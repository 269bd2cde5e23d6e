"""Headline sentences and default narratives read as a person would write them: a
percentage with nothing to count says none were held, a suppressed count is compared by
direction only, and no default Conclusion asks Members to do anything."""

from __future__ import annotations

from datetime import date

from csc_insight.audits.summary import GradeRow, RoundSummary
from csc_insight.committee import audit_report, performance, plan_progress
from csc_insight.committee.figures import Policy, sentence
from csc_insight.indicators import Figure, Result
from csc_insight.plans.document import Header, PlanDocument

PUBLIC = Policy(public=True)


def _result(
    indicator_id: str,
    title: str,
    unit: str,
    value: float | None,
    numerator: float | None,
    denominator: float | None,
    previous: Figure | None = None,
) -> Result:
    return Result(
        id=indicator_id,
        title=title,
        area="x",
        unit=unit,
        polarity="up",
        period_type="flow",
        period="2019-20-Q3",
        snapshot="s",
        status="ok",
        value=value,
        numerator=numerator,
        denominator=denominator,
        previous_quarters=[previous] if previous else [],
    )


def test_no_icpc_held_says_none_were_held() -> None:
    # icpc_15wd_pct's denominator is "ICPCs held in the period (on or after the S47
    # start)": with none held the sentence says so instead of "no figure".
    result = _result("icpc_15wd_pct", "ICPCs within 15 working days", "percent", None, 0, 0)
    assert sentence(result, "Q3 2019-20", PUBLIC) == (
        "ICPCs within 15 working days: none, as no ICPCs were held in Q3 2019-20."
    )
    # Missing data (no denominator at all) is not "none held".
    missing = _result("icpc_15wd_pct", "ICPCs within 15 working days", "percent", None, None, None)
    assert "none, as" not in sentence(missing, "Q3 2019-20", PUBLIC)


def test_suppressed_counts_compared_by_direction() -> None:
    # 7 now, 3 last quarter (suppressed): 7 > 3 whatever the hidden figure is (1-5).
    shown = _result("contacts", "Contacts", "count", 7, 7, None, Figure("2019-20-Q2", 3, 3, None))
    assert sentence(shown, "Q3 2019-20", PUBLIC) == (
        "Contacts: 7 in Q3 2019-20, more than the previous quarter (fewer than 6)."
    )
    # 2 now and 4 then, both suppressed: the order would disclose, so neither is given.
    both = _result("contacts", "Contacts", "count", 2, 2, None, Figure("2019-20-Q2", 4, 4, None))
    assert sentence(both, "Q3 2019-20", PUBLIC) == (
        "Contacts: fewer than 6 in Q3 2019-20, as in the previous quarter."
    )


SUMMARY = RoundSummary(
    cases=9,
    completed=9,
    by_type=[("Child in need", 9)],
    grades=[GradeRow("Overall", [2, 5, 2, 0], 9, 77.8)],
    themes=[],
    concerns=0,
    moderated=3,
    changed_in_moderation=1,
)


class _Round:
    title, quarter, snapshot_id = "Round", "2019-20-Q4", ""
    summary_text = ""
    recommendations = "Visits are planned with a purpose."
    findings: list = []
    summary = SUMMARY
    auditors = 2


def test_conclusions_hold_no_recommendation() -> None:
    plan = PlanDocument(header=Header(name="Plan"), sections=[])
    conclusions = [
        performance.default_narrative("2019-20-Q3").conclusion,
        performance.default_narrative("2019-20-Q3", public=False).conclusion,
        plan_progress.default_narrative(plan, []).conclusion,
        audit_report.default_narrative(_Round()).conclusion,
    ]
    for text in conclusions:
        assert "asked to" not in text and "should" not in text, text
    # The auditors' recommendations are their own section of the body, and the summary
    # counts the auditors.
    paper = audit_report.audit_report(_Round(), date(2020, 5, 1))
    assert "Visits are planned with a purpose." not in paper.narrative.conclusion
    assert paper.narrative.summary.endswith("audits completed by 2 auditors.")
