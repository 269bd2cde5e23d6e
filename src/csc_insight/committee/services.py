"""Drafts to papers, for the pages and the command line alike: build a draft's paper from
its snapshot or records, create drafts, the meeting's agenda, and writing a file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from django.utils import timezone

from csc_insight.committee.models import Draft, Kind
from csc_insight.reports.paper import Meta, Narrative, Paper


class PaperError(Exception):
    """A draft whose paper cannot be built (no snapshot, no plan or round)."""


def _narrative(draft: Draft) -> Narrative | None:
    return Narrative.from_dict(draft.narrative) if draft.narrative else None


def _meta(draft: Draft) -> Meta:
    return Meta.from_dict(draft.meta)


def build(draft: Draft) -> Paper:
    """The draft's paper: numbers rebuilt from its snapshot or records, words from the draft."""
    from csc_insight.access.restricted.access import restricted_ids
    from csc_insight.store import snapshots

    narrative, meta = _narrative(draft), _meta(draft)
    if draft.kind in (Kind.PERFORMANCE, Kind.APPENDIX):
        from csc_insight.committee import performance

        try:
            con = snapshots.connect(draft.snapshot_id or None)
        except snapshots.SnapshotError as exc:
            raise PaperError(str(exc)) from exc
        try:
            if draft.kind == Kind.PERFORMANCE:
                paper = performance.performance_report(
                    con, draft.period, draft.meeting, narrative, meta
                )
            else:
                paper = performance.appendix(
                    con, draft.period, draft.meeting, narrative, meta, masked=restricted_ids()
                )
        finally:
            con.close()
        # The snapshot's own id when it records one, else the id it is published under.
        paper.snapshot = paper.snapshot or draft.snapshot_id or snapshots.current_id()
        return paper
    if draft.kind == Kind.PLAN:
        from csc_insight.committee.plan_progress import plan_report
        from csc_insight.plans import services as plans

        if draft.plan is None:
            raise PaperError("This draft has no plan.")
        plan = draft.plan
        last = plan.reviews.filter(held_on__lt=draft.meeting).order_by("-held_on").first()
        states = [plans.state(a) for a in plans.actions_of(plan)]
        return plan_report(
            plans.to_document(plan),
            states,
            draft.meeting,
            min(timezone.localdate(), draft.meeting),
            last.held_on if last else None,
            narrative,
            meta,
        )
    if draft.kind == Kind.AUDIT:
        from csc_insight.audits import services as audits
        from csc_insight.audits.models import Round
        from csc_insight.committee.audit_report import audit_report

        found = Round.objects.filter(pk=draft.audit_round).first()
        if found is None:
            raise PaperError("This draft has no audit round.")
        return audit_report(audits.report(found), draft.meeting, narrative, meta)
    raise PaperError(f"Unknown kind {draft.kind!r}")


def create(
    kind: str,
    meeting: date,
    period: str = "",
    plan_id: int | None = None,
    audit_round: int | None = None,
    user: Any = None,
) -> Draft:
    """A new draft; performance papers pin the current snapshot and start from the default
    narrative, so what the author edits is what will be exported."""
    from csc_insight.store import snapshots

    snapshot = ""
    if kind in (Kind.PERFORMANCE, Kind.APPENDIX):
        snapshot = snapshots.current().id
    draft = Draft(
        kind=kind,
        meeting=meeting,
        period=period,
        snapshot_id=snapshot,
        plan_id=plan_id,
        audit_round=audit_round,
        created_by=user if user is not None and user.pk else None,
    )
    draft.meta = Meta().to_dict()
    draft.narrative = build(draft).narrative.to_dict()
    draft.save()
    return draft


def find(
    kind: str,
    meeting: date,
    period: str = "",
    plan_id: int | None = None,
    audit_round: int | None = None,
) -> Draft | None:
    """The latest draft matching a scheduled run's arguments."""
    found = Draft.objects.filter(kind=kind, meeting=meeting)
    if period:
        found = found.filter(period=period)
    if plan_id is not None:
        found = found.filter(plan_id=plan_id)
    if audit_round is not None:
        found = found.filter(audit_round=audit_round)
    return found.order_by("-updated_at", "-pk").first()


def listing(draft: Draft) -> Paper:
    """What the agenda needs of a draft (subject, Part, paragraphs, who from), without
    building its figures."""
    from csc_insight.committee import performance

    subject = {
        Kind.PERFORMANCE: performance.SUBJECT,
        Kind.APPENDIX: performance.APPENDIX_SUBJECT,
    }.get(Kind(draft.kind))
    if draft.kind == Kind.PLAN:
        subject = f"{draft.plan.name}: progress report" if draft.plan else "Plan progress"
    if draft.kind == Kind.AUDIT:
        from csc_insight.audits.models import Round

        found = Round.objects.filter(pk=draft.audit_round).first()
        subject = f"Quality assurance report: {found.title if found else 'audit round'}"
    return Paper(
        kind=draft.kind,
        subject=subject or draft.get_kind_display(),
        meeting=draft.meeting,
        public=draft.public,
        meta=_meta(draft),
        exempt_paragraphs=() if draft.public else performance.EXEMPT,
        period=draft.period or None,
    )


# The order of a meeting's papers, on its agenda and wherever they are listed.
AGENDA_ORDER = [Kind.PERFORMANCE, Kind.AUDIT, Kind.PLAN, Kind.APPENDIX]


def in_agenda_order(drafts: Iterable[Draft]) -> list[Draft]:
    """Drafts by meeting, newest first, and within a meeting in AGENDA_ORDER; their audit
    rounds' titles read (`Draft.source`) in one query, not one a paper."""
    ordered = sorted(
        drafts,
        key=lambda d: (-d.meeting.toordinal(), AGENDA_ORDER.index(Kind(d.kind)), d.pk),
    )
    Draft.read_round_titles(ordered)
    return ordered


def agenda_for(meeting: date) -> Paper:
    """The agenda of every draft saved for the meeting."""
    from csc_insight.committee.agenda import agenda

    drafts = in_agenda_order(Draft.objects.filter(meeting=meeting).select_related("plan"))
    meta = _meta(drafts[0]) if drafts else Meta()
    return agenda([listing(d) for d in drafts], meeting, meta)


def write(paper: Paper, fmt: str, path: Path) -> Path:
    from csc_insight.reports.render import write as render

    return render(paper, fmt, path)
