"""The demo's committee papers: the drafts a Safeguarding Sub-Committee would have before it
at its first meeting after the demo data end, so that every role, a Member too, finds
papers to open, edit and download (`csc-insight demo-papers`, run by `make demo`)."""

from __future__ import annotations

from datetime import date, timedelta

from csc_insight.audits.demo import TITLE as DEMO_ROUND
from csc_insight.audits.models import Round
from csc_insight.committee import services
from csc_insight.committee.models import Draft, Kind
from csc_insight.indicators.coverage import SnapshotData
from csc_insight.indicators.engine import as_backend
from csc_insight.plans.demo import data_as_of, plan_names
from csc_insight.plans.models import Plan
from csc_insight.store import snapshots

# The meeting: three weeks after the data's last day, time to write the papers.
MEETING_AFTER = timedelta(days=20)


def create_demo_drafts(today: date | None = None) -> list[Draft]:
    """The performance report and its non-public appendix for the data's latest complete
    quarter, the first demo plan's progress report and the demo audit round's quality
    assurance report (those two when `plans demo` and `audits demo` made them), for a
    meeting 20 days after `today` (default: the data's last day). Run again, it replaces
    the drafts it made, and leaves every draft a person made alone."""
    today = today or data_as_of()
    meeting = today + MEETING_AFTER
    Draft.objects.filter(meeting=meeting, created_by=None).delete()
    with snapshots.connect() as con:
        period = SnapshotData.read(as_backend(con)).latest_complete_quarter(today).label
    drafts = [
        services.create(Kind.PERFORMANCE, meeting, period),
        services.create(Kind.APPENDIX, meeting, period),
    ]
    plan = Plan.objects.filter(name=plan_names(today)[0]).first()
    if plan is not None:
        drafts.append(services.create(Kind.PLAN, meeting, plan_id=plan.pk))
    round_ = Round.objects.filter(title__startswith=DEMO_ROUND).order_by("-pk").first()
    if round_ is not None:
        drafts.append(services.create(Kind.AUDIT, meeting, audit_round=round_.pk))
    return drafts
