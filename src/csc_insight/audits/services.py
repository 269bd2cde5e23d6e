"""What the audit pages, the command line and the demo do to rounds, in one place: plan a
round from the sampler, save an audit (raising an alert on an immediate concern), moderate,
turn a finding into a plan action, and build the round report and the trends."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from csc_insight.access.roles import Role
from csc_insight.audits.cases import open_cases
from csc_insight.audits.grades import CASE_TYPE_LABELS, OVERALL, SECTIONS
from csc_insight.audits.models import (
    Alert,
    Audit,
    Case,
    Finding,
    Kind,
    ModeratedGrade,
    Moderation,
    Round,
    SectionGrade,
)
from csc_insight.audits.sampling import THEMES, Sample, SampleOptions, propose_sample
from csc_insight.audits.summary import AuditRecord, RoundSummary, Trend, summarise, trend
from csc_insight.indicators.periods import parse_period, short_label
from csc_insight.plans.rag import Rag
from csc_insight.store import snapshots

MANAGE = frozenset({Role.MANAGER, Role.ADMINISTRATOR})


def today() -> date:
    """Today, or the day set by CSC_INSIGHT_TODAY (a demo on historic data)."""
    from csc_insight.settings import fixed_today

    return fixed_today() or timezone.localdate()


# --- Who may see what ------------------------------------------------------------------


def may_open_round(user: Any, round_: Round) -> bool:
    """Child-level roles see every round; an Auditor only the rounds they are named on,
    until the round's access ends."""
    if user.role == Role.AUDITOR:
        return round_.access_until >= today() and round_.auditors.filter(pk=user.pk).exists()
    return user.role in (Role.MANAGER, Role.ANALYST, Role.ADMINISTRATOR)


def rounds_for(user: Any) -> Any:
    rounds = Round.objects.all()
    if user.role == Role.AUDITOR:
        rounds = rounds.filter(auditors=user, access_until__gte=today())
    return rounds


def auditor_has_child(user: Any, child_id: str) -> bool:
    """Whether an Auditor's open rounds include this child (the journey grant)."""
    return Case.objects.filter(
        child_id=child_id, round__auditors=user, round__access_until__gte=today()
    ).exists()


# --- Planning ---------------------------------------------------------------------------


def history() -> list[tuple[str, date]]:
    """Every audit done so far, as (child_id, date audited), for the sampler."""
    return list(Audit.objects.values_list("case__child_id", "audited_on"))


def propose(
    quarter: str, options: SampleOptions, include_restricted: bool = False
) -> tuple[Sample, str]:
    """The sampler's proposal from the current snapshot, and that snapshot's id; restricted
    records are left out unless the QA lead includes them."""
    from csc_insight.access.restricted.access import restricted_ids

    if not include_restricted:
        options = replace(options, exclude=options.exclude | restricted_ids())
    snap = snapshots.current()
    with snapshots.connect(snap.id) as con:
        return propose_sample(con, quarter, history(), options), snap.id


def unallocated_cases(round_: Round) -> dict[str, int] | None:
    """Cases open at the end of the round's quarter with no allocated worker, by case type
    label, on the round's snapshot (the sampler never takes them as a worker's cases); None
    when that snapshot is gone."""
    try:
        with snapshots.connect(round_.snapshot_id) as con:
            found = [c for c in open_cases(con, parse_period(round_.quarter).end) if not c.worker]
    except (snapshots.SnapshotError, OSError):
        return None
    counts: dict[str, int] = {}
    for case in found:
        label = CASE_TYPE_LABELS.get(case.case_type or "", "Other").lower()
        counts[label] = counts.get(label, 0) + 1
    return counts


def default_title(quarter: str, kind: str, theme: str) -> str:
    """The round's title when none is given, its quarter named as the papers name it:
    'Quarterly audit Q3 2019-20'."""
    name = short_label(quarter)
    if kind == Kind.THEMATIC and theme:
        return f"Thematic audit: {THEMES.get(theme, theme)}, {name}"
    return f"{Kind(kind).label} audit {name}"


@transaction.atomic
def create_round(
    quarter: str,
    kind: str,
    theme: str,
    title: str,
    sample: Sample,
    chosen: list[str],
    snapshot_id: str,
    user: Any = None,
) -> Round:
    """Store a round with the chosen children: the proposal's, then any added by hand."""
    period = parse_period(quarter)
    round_ = Round.objects.create(
        title=title or default_title(quarter, kind, theme),
        quarter=quarter,
        kind=kind,
        theme=theme,
        snapshot_id=snapshot_id,
        access_until=max(period.end, today()) + timedelta(days=92),
        created_by=user if user is not None and user.pk else None,
    )
    proposed = {c.child_id: c for c in sample.chosen}
    extra = [c for c in chosen if c not in proposed]
    held = {}
    if extra:
        with snapshots.connect(snapshot_id) as con:
            held = {c.child_id: c for c in open_cases(con, period.end)}
    for position, child_id in enumerate(dict.fromkeys(chosen), start=1):
        choice = proposed.get(child_id) or held.get(child_id)
        reason = getattr(choice, "reason", "") if child_id in proposed else "Added by the QA lead"
        Case.objects.create(
            round=round_,
            position=position,
            child_id=child_id,
            case_type=(choice.case_type or "") if choice else "",
            worker=(choice.worker or "") if choice else "",
            team=(choice.team or "") if choice else "",
            reason=reason,
        )
    return round_


# --- Auditing ---------------------------------------------------------------------------


def section_data(audit: Audit | None) -> dict[str, dict[str, str]]:
    if audit is None:
        return {}
    return {
        s.section: {
            "grade": s.grade,
            "strengths": s.strengths,
            "improve": s.improve,
            "evidence": s.evidence,
        }
        for s in audit.sections.all()
    }


class AuditConflict(Exception):
    """Someone saved this audit after the form being saved was opened."""


@transaction.atomic
def save_audit(
    case: Case,
    user: Any,
    audited_on: date,
    overall: str,
    sections: dict[str, dict[str, str]],
    concern: bool,
    concern_details: str,
    version: int | None = None,
) -> Audit:
    """Create or replace the case's audit; a newly raised immediate concern alerts at once.

    `version` is the audit's version when the form was opened (0: there was no audit yet);
    if it has changed since, nothing is saved and AuditConflict is raised. None skips the
    check (the demo)."""
    fields = {
        "auditor": user if user is not None and user.pk else None,
        "audited_on": audited_on,
        "overall": overall,
        "immediate_concern": concern,
        "concern_details": concern_details,
    }
    if version is None:
        audit, _ = Audit.objects.update_or_create(case=case, defaults=fields)
    elif version == 0:
        audit, made = Audit.objects.get_or_create(case=case, defaults=fields)
        if not made:
            raise AuditConflict
    else:
        if not Audit.objects.filter(case=case, version=version).update(
            version=F("version") + 1, updated_at=timezone.now(), **fields
        ):
            raise AuditConflict
        audit = Audit.objects.get(case=case)
    for key, _label in SECTIONS:
        SectionGrade.objects.update_or_create(
            audit=audit, section=key, defaults=sections.get(key, {})
        )
    if concern and not audit.alerts.exists():
        raise_alert(audit, user, concern_details)
    return audit


def raise_alert(audit: Audit, user: Any, details: str) -> Alert:
    """An in-app alert for every manager, and an email to those with an address."""
    alert = Alert.objects.create(
        audit=audit, details=details, raised_by=user if user is not None and user.pk else None
    )
    from django.contrib.auth import get_user_model

    to = list(
        get_user_model()
        .objects.filter(role=Role.MANAGER, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if to:
        case = audit.case
        link = reverse("audits:case", kwargs={"round_id": case.round_id, "case_id": case.pk})
        # No child id in an email: it names the round and case number and links to the app.
        send_mail(
            f"Immediate concern: {case.round.title}, case {case.position}",
            f"An auditor has raised an immediate concern in {case.round.title}, "
            f"case {case.position}.\n\nOpen it in CSC Insight: {link}\n",
            getattr(settings, "DEFAULT_FROM_EMAIL", None),
            to,
        )
    return alert


def open_alerts() -> Any:
    return Alert.objects.filter(acknowledged_at__isnull=True).select_related("audit__case__round")


def acknowledge(alert: Alert, user: Any) -> None:
    Alert.objects.filter(pk=alert.pk, acknowledged_at__isnull=True).update(
        acknowledged_by=user, acknowledged_at=timezone.now()
    )


# --- Moderation -------------------------------------------------------------------------


def grades_of(audit: Audit) -> dict[str, str]:
    """The auditor's grades: each section's and the overall one."""
    found = {s.section: s.grade for s in audit.sections.all()}
    found[OVERALL] = audit.overall
    return found


def effective_grades(audit: Audit) -> dict[str, str]:
    """The grades that count: the moderator's where the audit was moderated."""
    found = grades_of(audit)
    moderation = getattr(audit, "moderation", None)
    if moderation is not None:
        found |= {g.section: g.grade for g in moderation.grades.all()}
    return found


@transaction.atomic
def moderate(audit: Audit, user: Any, grades: dict[str, str], reason: str) -> Moderation:
    """Record the moderator's grades beside the auditor's (both kept), replacing an earlier
    moderation of the same audit."""
    Moderation.objects.filter(audit=audit).delete()
    moderation = Moderation.objects.create(
        audit=audit, reason=reason, moderator=user if user is not None and user.pk else None
    )
    original = grades_of(audit)
    for key, grade in grades.items():
        ModeratedGrade.objects.create(
            moderation=moderation, section=key, original=original.get(key, ""), grade=grade
        )
    return moderation


# --- Acting on findings -----------------------------------------------------------------


@transaction.atomic
def raise_action(
    round_: Round,
    text: str,
    plan_section: Any,
    action_fields: dict[str, Any],
    leads: str,
    user: Any = None,
    case: Case | None = None,
    section: str = "",
) -> Finding:
    """Record a finding and add it to a plan as an action, in one step, linked both ways:
    the finding points at the action, the action's source names the round and finding."""
    from csc_insight.plans import services as plans

    finding = Finding.objects.create(
        round=round_,
        case=case,
        section=section,
        text=text,
        created_by=user if user is not None and user.pk else None,
    )
    fields = {
        "section_id": plan_section.pk,
        "source_type": "audit",
        "indicator_id": "",
        "source_reference": f"{round_.title}, finding {finding.pk}"[:300],
        "specific_aim": text,
        **action_fields,
    }
    finding.action = plans.add_action(
        plan_section.plan,
        fields,
        plans.leads_from_text(leads),
        Rag.AMBER,
        "Raised from an audit finding",
        user,
    )
    finding.save(update_fields=["action"])
    return finding


# --- Reporting --------------------------------------------------------------------------


def records(round_: Round) -> list[AuditRecord]:
    found = []
    cases = round_.cases.select_related("audit__moderation").prefetch_related(
        "audit__sections", "audit__moderation__grades"
    )
    for case in cases:
        audit = getattr(case, "audit", None)
        case_type = case.case_type or None
        if audit is None:
            found.append(AuditRecord(case_type))
            continue
        grades = effective_grades(audit)
        moderation = getattr(audit, "moderation", None)
        found.append(
            AuditRecord(
                case_type,
                True,
                grades.pop(OVERALL) or None,
                {k: v for k, v in grades.items() if v},
                frozenset(s.section for s in audit.sections.all() if s.improve.strip()),
                audit.immediate_concern,
                moderation is not None,
                sum(1 for g in moderation.grades.all() if g.grade != g.original)
                if moderation is not None
                else 0,
            )
        )
    return found


@dataclass(frozen=True)
class RoundReport:
    """Everything the round report shows: aggregates and the QA lead's words, no child ids."""

    title: str
    quarter: str
    kind: str
    theme: str
    snapshot_id: str
    summary_text: str
    recommendations: str
    findings: list[tuple[str, str]]  # (finding, the plan action it became, or "")
    summary: RoundSummary
    auditors: int
    extra: dict[str, Any] = field(default_factory=dict)


def report(round_: Round) -> RoundReport:
    findings = [
        (f.text, f"{f.action.plan.name}, action {f.action.ref}" if f.action else "")
        for f in round_.findings.select_related("action__plan")
    ]
    return RoundReport(
        title=round_.title,
        quarter=round_.quarter,
        kind=round_.get_kind_display(),
        theme=THEMES.get(round_.theme, round_.theme),
        snapshot_id=round_.snapshot_id,
        summary_text=round_.summary,
        recommendations=round_.recommendations,
        findings=findings,
        summary=summarise(records(round_)),
        auditors=len(
            {
                a
                for a in Audit.objects.filter(case__round=round_).values_list(
                    "auditor_id", flat=True
                )
            }
            - {None}
        ),
    )


def trends(kind: str = Kind.QUARTERLY, rule: Any = None) -> Trend:
    """Grades per section over the quarterly rounds, oldest first (`rule`: see trend)."""
    rounds = Round.objects.filter(kind=kind).order_by("quarter", "pk")
    return trend([(r.quarter, records(r)) for r in rounds], rule)
