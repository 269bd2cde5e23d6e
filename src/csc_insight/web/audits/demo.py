"""One completed quarterly audit round for the demo, sampled from the current snapshot, with
audit content written for the demo (not copied from any council's audits): varied grades,
one moderation that changes a grade, a write-up, and a finding raised as an action in the
demo Service Development Plan when `plans demo` has created it."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction

from csc_insight.audits.grades import SECTIONS
from csc_insight.audits.sampling import SampleOptions
from csc_insight.indicators.periods import quarter, quarter_of
from csc_insight.store import snapshots
from csc_insight.web.audits import services
from csc_insight.web.audits.models import Round
from csc_insight.web.plans.models import Section

GRADE_CYCLE = ["good", "good", "outstanding", "requires_improvement", "good", "good",
               "requires_improvement", "outstanding", "good"]
STRENGTHS = {
    "referral": "Contact recorded promptly with a clear rationale for the decision.",
    "assessment": "Analytical assessment that tests hypotheses about the family.",
    "intervention": "Purposeful direct work and good partnership with school.",
    "planning": "Plan is specific and reviewed on time; actions are tracked.",
    "oversight": "Reflective supervision recorded, drawing on systemic practice.",
    "voice": "Wishes and feelings recorded in the child's own words.",
    "family": "Parents' views are recorded at each review.",
}
IMPROVE = {
    "intervention": "Visits should be planned with a stated purpose and recorded against it.",
    "family": "Seek and record the views of partner agencies and of fathers.",
    "voice": "Use direct-work tools to gather the child's views between visits.",
}
SUMMARY = (
    "Audits found child-focused, reflective practice, with assessments completed within "
    "timescales and supervision that keeps plans on track.\n\n"
    "Visits are regular but not always purposeful, and the views of fathers and partner "
    "agencies are not consistently recorded.")
RECOMMENDATIONS = (
    "Visits are planned with a purpose and recorded against it.\n"
    "Audits and assessments record the views of fathers, families and partner agencies.\n"
    "Direct-work tools are used to capture children's views between visits.")
TITLE = "Demo quarterly audit"


def demo_quarter() -> str:
    """The last full quarter the current snapshot's referrals reach into."""
    with snapshots.connect() as con:
        (latest,) = con.execute("SELECT max(referral_date) FROM referrals").fetchone()
    y, q = quarter_of(latest or date.today())
    return quarter(y, q).label


@transaction.atomic
def create_demo_round(today: date | None = None) -> Round:
    """Create (or re-create) the demo round from the current snapshot."""
    today = today or services.today()
    quarter_label = demo_quarter()
    title = f"{TITLE} {quarter_label}"
    Round.objects.filter(title=title).delete()
    sample, snapshot_id = services.propose(quarter_label, SampleOptions())
    round_ = services.create_round(quarter_label, "quarterly", "", title, sample,
                                   [c.child_id for c in sample.chosen], snapshot_id)
    round_.access_until = today + timedelta(days=90)
    for n, case in enumerate(round_.cases.all()):
        grades = {key: GRADE_CYCLE[(n + i) % len(GRADE_CYCLE)]
                  for i, (key, _) in enumerate(SECTIONS)}
        sections = {key: {"grade": grades[key], "strengths": STRENGTHS[key],
                          "improve": IMPROVE.get(key, "") if n % 2 == 0 else "",
                          "evidence": "Case notes, supervision records and the latest plan."}
                    for key, _ in SECTIONS}
        overall = GRADE_CYCLE[n % len(GRADE_CYCLE)]
        audit = services.save_audit(case, None, today - timedelta(days=14 - n), overall,
                                    sections, False, "")
        if n < 3:
            moved = {"overall": "outstanding" if n == 0 else overall}
            services.moderate(audit, None, moved,
                              "Agreed after discussion with the auditor."
                              if moved["overall"] == overall else
                              "Evidence of management oversight supports Outstanding.")
    round_.summary, round_.recommendations = SUMMARY, RECOMMENDATIONS
    round_.save()
    target = Section.objects.filter(plan__name="Service Development Plan 2020-21",
                                    title="Community").first()
    if target is not None:
        services.raise_action(
            round_, "The views of fathers and partner agencies are not consistently recorded.",
            target, {"ref": "A1", "action": "Practice workshop on engaging fathers and "
                     "recording partners' views", "measure": "Next round grades Views of "
                     "family and partners Good or better", "due": today + timedelta(days=90),
                     "start": today},
            "SM/TM")
    return round_
