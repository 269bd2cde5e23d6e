"""One completed quarterly audit round for the demo, sampled from the current snapshot, with
audit content written for the demo (not copied from any council's audits): grades that vary
by section as real ones do (seeded, so the demo is the same each time), one moderation that
changes a grade, a write-up, and a finding raised as an action in the demo Service
Development Plan when `plans demo` has created it.

The round is for the quarter before the data's last one, audited in the weeks after that
quarter ends, inside the data's years; the demo auditor (`demo-auditor`) is named on it and
wrote its audits, and the demo manager moderated them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from csc_insight.access.roles import Role
from csc_insight.audits import services
from csc_insight.audits.cases import open_cases
from csc_insight.audits.grades import GRADES, SECTIONS
from csc_insight.audits.models import Round
from csc_insight.audits.sampling import SampleOptions
from csc_insight.indicators.coverage import data_extent
from csc_insight.indicators.engine import as_backend
from csc_insight.indicators.periods import parse_period, quarter, quarter_of, short_label
from csc_insight.plans.demo import DEMO_MANAGER, data_as_of, demo_user
from csc_insight.plans.models import Section
from csc_insight.store import snapshots

DEMO_AUDITOR = "demo-auditor"
# Chances of Outstanding, Good, Requires improvement, Inadequate per section: practice is
# strongest on response and oversight, weakest on the views of families and partners (the
# shape of seed 002's December 2019 summary).
GRADE_WEIGHTS = {
    "referral": (0.25, 0.55, 0.2, 0.0),
    "assessment": (0.15, 0.55, 0.25, 0.05),
    "intervention": (0.1, 0.45, 0.4, 0.05),
    "planning": (0.1, 0.5, 0.3, 0.1),
    "oversight": (0.3, 0.5, 0.2, 0.0),
    "voice": (0.1, 0.4, 0.4, 0.1),
    "family": (0.05, 0.35, 0.45, 0.15),
}
SEED = 2019
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
    "agencies are not consistently recorded."
)
RECOMMENDATIONS = (
    "Visits are planned with a purpose and recorded against it.\n"
    "Audits and assessments record the views of fathers, families and partner agencies.\n"
    "Direct-work tools are used to capture children's views between visits."
)
TITLE = "Demo quarterly audit"


def demo_quarter(as_of: date | None = None) -> str:
    """The quarter before the data's last one (`coverage.data_extent`, as the dashboards and
    `plans.demo.data_as_of` read it) when it had open cases (audited in the weeks after it
    ended, inside the data), else the last one."""
    with snapshots.connect() as con:
        extent = data_extent(as_backend(con))
        last = quarter(*quarter_of(extent.last if extent else as_of or date.today()))
        before = last.previous_quarters(1)[0]
        if open_cases(con, before.end):
            return before.label
    return last.label


def _overall(grades: list[str]) -> str:
    """The overall grade: the middle of the section grades (the lower of the two middles)."""
    order = [key for key, _ in GRADES]
    ranked = sorted(grades, key=order.index)
    return ranked[len(ranked) // 2]


@transaction.atomic
def create_demo_round(today: date | None = None) -> Round:
    """Create (or re-create) the demo round from the current snapshot as at `today`
    (default: the data's last day)."""
    today = today or data_as_of()
    quarter_label = demo_quarter(today)
    title = f"{TITLE} {short_label(quarter_label)}"
    Round.objects.filter(title=title).delete()
    auditor = demo_user(DEMO_AUDITOR, Role.AUDITOR)
    manager = demo_user(DEMO_MANAGER, Role.MANAGER)
    sample, snapshot_id = services.propose(quarter_label, SampleOptions())
    round_ = services.create_round(
        quarter_label,
        "quarterly",
        "",
        title,
        sample,
        [c.child_id for c in sample.chosen],
        snapshot_id,
        manager,
    )
    round_.auditors.add(auditor)
    # Open to the auditor for 90 days from the data's last day, or from the real date when
    # the demo is served without CSC_INSIGHT_TODAY.
    round_.access_until = max(today, services.today()) + timedelta(days=90)
    ended = parse_period(quarter_label).end
    first_day = min(ended + timedelta(days=10), today)
    rng = random.Random(SEED)
    keys = [key for key, _ in GRADES]
    for n, case in enumerate(round_.cases.all()):
        grades = {key: rng.choices(keys, weights=GRADE_WEIGHTS[key])[0] for key, _ in SECTIONS}
        sections = {
            key: {
                "grade": grades[key],
                "strengths": STRENGTHS[key],
                "improve": IMPROVE.get(key, "") if n % 2 == 0 else "",
                "evidence": "Case notes, supervision records and the latest plan.",
            }
            for key, _ in SECTIONS
        }
        overall = _overall(list(grades.values()))
        audited_on = min(first_day + timedelta(days=3 * n), today)
        audit = services.save_audit(case, auditor, audited_on, overall, sections, False, "")
        if n < 3:
            moved = {"overall": "outstanding" if n == 0 else overall}
            services.moderate(
                audit,
                manager,
                moved,
                "Agreed after discussion with the auditor."
                if moved["overall"] == overall
                else "Evidence of management oversight supports Outstanding.",
            )
    round_.summary, round_.recommendations = SUMMARY, RECOMMENDATIONS
    round_.save()
    target = (
        Section.objects.filter(
            plan__name__startswith="Service Development Plan ", title="Community"
        )
        .order_by("-plan__pk")
        .first()
    )
    if target is not None:
        finding = services.raise_action(
            round_,
            "The views of fathers and partner agencies are not consistently recorded.",
            target,
            {
                "ref": "A1",
                "action": "Practice workshop on engaging fathers and recording partners' views",
                "measure": "Next round grades Views of family and partners Good or better",
                "due": today + timedelta(days=90),
                "start": today,
            },
            "SM/TM",
            manager,
        )
        finding.action.updates.update(on=today)  # raised as at the data's last day
    return round_
