"""The audit pages: rounds, planning a round, the audit form beside the child's journey,
moderation, raising plan actions from findings, alerts, the round report and the trends.
Every view declares its roles; an Auditor is further limited to their own rounds."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access, record_list
from csc_insight.access.restricted.access import hidden_from, may_see, restricted_ids
from csc_insight.audits import services
from csc_insight.audits.grades import CASE_TYPE_LABELS, GRADE_LABELS, OVERALL, SECTIONS
from csc_insight.audits.models import Alert, Case, Round
from csc_insight.audits.sampling import SampleError, SampleOptions
from csc_insight.common.child_ids import is_canonical, normalise_child_id
from csc_insight.store import snapshots
from csc_insight.store.journey import ChildNotFound, child_journey
from csc_insight.web.audits.forms import (
    ActForm,
    AuditForm,
    AuditorsForm,
    CreateRoundForm,
    ModerateForm,
    PlanRoundForm,
    WriteUpForm,
)
from csc_insight.web.policy import allow

MANAGE = services.MANAGE
CASE_ROLES = roles.CHILD_LEVEL | {roles.Role.AUDITOR}
AUDIT_ROLES = MANAGE | {roles.Role.AUDITOR}
RESTRICTED = "restricted"  # the journey panel's stand-in for a record the user may not open


def _round(request: HttpRequest, round_id: int) -> Round:
    round_ = get_object_or_404(Round, pk=round_id)
    if not services.may_open_round(request.user, round_):
        raise PermissionDenied
    return round_


def _case(request: HttpRequest, round_id: int, case_id: int) -> Case:
    round_ = _round(request, round_id)
    return get_object_or_404(Case.objects.select_related("round"), pk=case_id, round=round_)


@allow(roles.EVERYONE)
@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = services.rounds_for(request.user).prefetch_related("cases__audit")
    rows = [
        {
            "round": r,
            "cases": len(r.cases.all()),
            "done": sum(1 for c in r.cases.all() if hasattr(c, "audit")),
            "may_open": services.may_open_round(request.user, r),
        }
        for r in rounds
    ]
    manager = request.user.role in MANAGE
    return render(
        request,
        "audits/list.html",
        {
            "rows": rows,
            "manager": manager,
            "alerts": services.open_alerts().count() if manager else 0,
        },
    )


@allow(MANAGE)
@require_http_methods(["GET", "POST"])
def round_new(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    form = PlanRoundForm(source or None, initial={"kind": "quarterly"})
    context: dict[str, Any] = {"form": form}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        options = SampleOptions(
            per_worker=data["per_worker"],
            workers=data["workers"],
            include_recent=data["include_recent"],
            theme=data["theme"] or None if data["kind"] == "thematic" else None,
        )
        try:
            sample, snapshot_id = services.propose(
                data["quarter"], options, data["include_restricted"]
            )
        except snapshots.SnapshotError as missing:
            form.add_error(None, str(missing))
        except SampleError as refused:
            form.add_error("theme" if options.theme else "quarter", str(refused))
        else:
            create = CreateRoundForm(
                request.POST if request.method == "POST" else None,
                default=services.default_title(data["quarter"], data["kind"], data["theme"]),
            )
            if request.method == "POST" and create.is_valid():
                chosen = _chosen(request.POST.getlist("child"), sample)
                chosen += create.cleaned_data["added"]
                if not chosen:
                    create.add_error(None, "Choose at least one case")
                else:
                    round_ = services.create_round(
                        data["quarter"],
                        data["kind"],
                        data["theme"],
                        create.cleaned_data["title"],
                        sample,
                        chosen,
                        snapshot_id,
                        request.user,
                    )
                    messages.success(
                        request, f"{round_.title} planned with {round_.cases.count()} cases"
                    )
                    return redirect("audits:round", round_id=round_.pk)
            ids = [c.child_id for c in sample.chosen]
            hidden = hidden_from(request.user, ids)
            context |= {
                "sample": sample,
                "create": create,
                "snapshot_id": snapshot_id,
                "hidden": hidden,
                "rows": [
                    (c, CASE_TYPE_LABELS.get(c.case_type or "", "Not open")) for c in sample.chosen
                ],
            }
            shown = [i for i in ids if i not in hidden]
            record_list(
                request,
                shown,
                reason=f"audit sample {sample.quarter}: "
                f"{len(shown)} of {len(ids)} children shown, snapshot {snapshot_id}",
            )
    return render(request, "audits/new.html", context)


def _chosen(ticked: list[str], sample: Any) -> list[str]:
    """The ticked cases: a child id, or '#N' (the Nth of the proposal) for a restricted
    record whose id the QA lead may not see; anything else is ignored."""
    chosen = []
    for value in ticked:
        if value.startswith("#") and value[1:].isdigit():
            if int(value[1:]) < len(sample.chosen):
                chosen.append(sample.chosen[int(value[1:])].child_id)
        elif is_canonical(key := normalise_child_id(value)):
            chosen.append(key)
    return chosen


@allow(CASE_ROLES)
@require_GET
@never_cache
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    cases = round_.cases.select_related("audit__moderation")
    manager = request.user.role in MANAGE
    ids = [case.child_id for case in cases]
    hidden = hidden_from(request.user, ids)
    shown = [i for i in ids if i not in hidden]
    record_list(
        request, shown, reason=f"audit round {round_.pk}: {len(shown)} of {len(ids)} children shown"
    )
    return render(
        request,
        "audits/round.html",
        {
            "round": round_,
            "cases": cases,
            "manager": manager,
            # restricted records in the sample: the QA lead swaps them or arranges grants;
            # those this user may not open show neither id nor case type
            "restricted": restricted_ids() & set(ids),
            "hidden": hidden,
            "type_labels": CASE_TYPE_LABELS,
            "grade_labels": GRADE_LABELS,
            "auditors_form": AuditorsForm(initial={"auditors": round_.auditors.all()})
            if manager
            else None,
            "may_audit": request.user.role in AUDIT_ROLES,
            "unallocated": _unallocated_text(services.unallocated_cases(round_)) if manager else "",
        },
    )


def _unallocated_text(counts: dict[str, int] | None) -> str:
    """'31 cases (21 early help, 10 care leaver)' or '' when there are none."""
    if not counts:
        return ""
    total = sum(counts.values())
    kinds = ", ".join(f"{n} {label}" for label, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"{total} case{'s' if total != 1 else ''} ({kinds})"


@allow(MANAGE)
@require_POST
def round_auditors(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    form = AuditorsForm(request.POST)
    if form.is_valid():
        round_.auditors.set(form.cleaned_data["auditors"])
        messages.success(request, "Auditors saved")
    return redirect("audits:round", round_id=round_.pk)


@allow(MANAGE)
@require_http_methods(["GET", "POST"])
def round_write_up(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    form = WriteUpForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Write-up saved")
        return redirect("audits:round", round_id=round_.pk)
    return render(
        request, "audits/form.html", {"form": form, "title": "Write up the round", "round": round_}
    )


def _journey(request: HttpRequest, child_id: str, snapshot_id: str) -> Any:
    """The child's journey from the round's snapshot (else the current one), access-logged
    (the page shows the child's id even when no load holds them); RESTRICTED for a
    restricted record the user holds no grant for (the page shows neither id nor type)."""
    if not may_see(request.user, child_id):
        return RESTRICTED
    record_access(request, child_id, reason="case-file audit")
    for wanted in (snapshot_id, None):
        try:
            with snapshots.connect(wanted) as con:
                return child_journey(con, child_id)
        except (snapshots.SnapshotError, ChildNotFound):
            continue
    return None


@allow(AUDIT_ROLES)
@require_http_methods(["GET", "POST"])
@never_cache
def audit_case(request: HttpRequest, round_id: int, case_id: int) -> HttpResponse:
    case = _case(request, round_id, case_id)
    audit = getattr(case, "audit", None)
    initial: dict[str, Any] = {"audited_on": services.today(), "version": 0}
    if audit is not None:
        initial |= {
            "audited_on": audit.audited_on,
            "overall": audit.overall,
            "version": audit.version,
            "immediate_concern": audit.immediate_concern,
            "concern_details": audit.concern_details,
        }
        for key, values in services.section_data(audit).items():
            initial |= {f"{key}_{part}": value for part, value in values.items()}
    form = AuditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_audit(
                case,
                request.user,
                data["audited_on"],
                data["overall"],
                form.sections(),
                data["immediate_concern"],
                data["concern_details"],
                version=data["version"],
            )
        except services.AuditConflict:
            form.add_error(
                None,
                "Someone else saved this audit after you opened it, so your "
                "changes are not saved. Open the case again to see theirs, then "
                "make your changes.",
            )
            status = 409
        else:
            if saved.immediate_concern:
                messages.warning(
                    request, "Immediate concern raised: the managers have been alerted"
                )
            messages.success(request, f"Audit of case {case.position} saved")
            return redirect("audits:round", round_id=round_id)
    return render(
        request,
        "audits/case.html",
        {
            "case": case,
            "round": case.round,
            "form": form,
            "audit": audit,
            "journey": _journey(request, case.child_id, case.round.snapshot_id),
            "type_labels": CASE_TYPE_LABELS,
            "improvements": [
                (key, label)
                for key, label in SECTIONS
                if audit is not None and services.section_data(audit).get(key, {}).get("improve")
            ],
            "manager": request.user.role in MANAGE,
        },
        status=status,
    )


@allow(MANAGE)
@require_http_methods(["GET", "POST"])
@never_cache
def moderate(request: HttpRequest, round_id: int, case_id: int) -> HttpResponse:
    case = _case(request, round_id, case_id)
    audit = getattr(case, "audit", None)
    if audit is None:
        messages.error(request, "Audit the case before moderating it")
        return redirect("audits:round", round_id=round_id)
    if audit.auditor_id == request.user.pk:
        raise PermissionDenied("A second person moderates an audit")
    original = services.grades_of(audit)
    form = ModerateForm(request.POST or None, grades=services.effective_grades(audit))
    if request.method == "POST" and form.is_valid():
        services.moderate(audit, request.user, form.grades(), form.cleaned_data["reason"])
        messages.success(request, f"Moderation of case {case.position} saved")
        return redirect("audits:round", round_id=round_id)
    rows = [
        (label, GRADE_LABELS.get(original.get(key, ""), "Not graded"), form[f"grade_{key}"])
        for key, label in [*SECTIONS, (OVERALL, "Overall")]
    ]
    return render(
        request,
        "audits/moderate.html",
        {"case": case, "round": case.round, "form": form, "rows": rows},
    )


@allow(MANAGE)
@require_http_methods(["GET", "POST"])
def act(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    case = None
    section = request.GET.get("section", "")
    if case_id := request.GET.get("case", ""):
        case = get_object_or_404(Case, pk=int(case_id) if case_id.isdigit() else 0, round=round_)
    initial: dict[str, Any] = {}
    if case is not None and hasattr(case, "audit"):
        improve = services.section_data(case.audit).get(section, {}).get("improve", "")
        initial = {"finding": improve, "action": improve}
    form = ActForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        finding = services.raise_action(
            round_,
            data["finding"],
            data["plan_section"],
            {
                "ref": data["ref"],
                "action": data["action"],
                "measure": data["measure"],
                "due": data["due"],
                "start": services.today(),
            },
            data["leads"],
            request.user,
            case,
            section if case is not None else "",
        )
        messages.success(
            request, f"Action {finding.action.ref} added to {finding.action.plan.name}"
        )
        return redirect("audits:round", round_id=round_.pk)
    return render(
        request,
        "audits/form.html",
        {"form": form, "title": "Raise a plan action from a finding", "round": round_},
    )


@allow(MANAGE)
@require_GET
def alerts(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/alerts.html",
        {
            "open": services.open_alerts(),
            "done": Alert.objects.filter(acknowledged_at__isnull=False).select_related(
                "audit__case__round", "acknowledged_by"
            )[:50],
        },
    )


@allow(MANAGE)
@require_POST
def alert_acknowledge(request: HttpRequest, alert_id: int) -> HttpResponse:
    services.acknowledge(get_object_or_404(Alert, pk=alert_id), request.user)
    messages.success(request, "Alert acknowledged")
    return redirect("audits:alerts")


def _shown_report(request: HttpRequest, round_: Round) -> Any:
    """The round report as the user's audience may see it (Members: small counts
    suppressed, reports.disclosure)."""
    import dataclasses

    from csc_insight.committee.audit_report import shown_summary
    from csc_insight.web.dashboard.figures import page_policy

    report = services.report(round_)
    policy = page_policy(request.user)
    if not policy.suppresses:
        return report
    return dataclasses.replace(
        report,
        summary=shown_summary(report.summary, policy.rule),
        extra={**report.extra, "note": policy.rule.note},
    )


@allow(CASE_ROLES)  # who may open the round (the same rule as the round page)
@require_GET
def round_report(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = _round(request, round_id)
    report = _shown_report(request, round_)
    return render(
        request,
        "audits/report.html",
        {
            "round": round_,
            "report": report,
            "recommendations": [
                line for line in report.recommendations.splitlines() if line.strip()
            ],
        },
    )


@allow(CASE_ROLES)
@require_GET
def round_report_docx(request: HttpRequest, round_id: int) -> HttpResponse:
    from csc_insight.audits.export_docx import write_docx

    round_ = _round(request, round_id)
    out = tempfile.NamedTemporaryFile(suffix=".docx")  # noqa: SIM115 (FileResponse closes it)
    write_docx(_shown_report(request, round_), Path(out.name))
    out.seek(0)
    return FileResponse(
        out, as_attachment=True, filename=f"{slugify(round_.title) or 'audit-round'}.docx"
    )


@allow(roles.EVERYONE)
@require_GET
def trends(request: HttpRequest) -> HttpResponse:
    from csc_insight.indicators.periods import short_label
    from csc_insight.reports.charts import line_chart
    from csc_insight.reports.disclosure import NOT_SHOWN, SYMBOL
    from csc_insight.web.dashboard.figures import page_policy

    policy = page_policy(request.user)
    found = services.trends(rule=policy.rule if policy.suppresses else None)
    # a figure hidden to protect children is said as hidden, not as missing
    overall = [NOT_SHOWN if v == SYMBOL else v for v in dict(found.rows)["Overall"]]
    chart = ""
    if len(found.rounds) > 1:
        chart = mark_safe(
            line_chart(  # noqa: S308 (our own SVG, labels are escaped by ET)
                list(zip(map(short_label, found.rounds), overall, strict=True)),
                title="Audits graded Good or better overall, %",
                chart_id="trend-overall",
                fmt=lambda v: f"{v:.0f}%",
            )
        )
    return render(
        request,
        "audits/trends.html",
        {"trend": found, "chart": chart, "note": policy.rule.note if policy.suppresses else ""},
    )
