"""The plan pages: list, plan at a glance with filters, actions and their history, edits,
RAG updates, reviews, my actions, leads, import with preview, DOCX and XLSX export."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from csc_insight.access import roles
from csc_insight.plans import services
from csc_insight.plans.indicator_value import current_values
from csc_insight.plans.models import Action, Lead, Plan, SourceType
from csc_insight.plans.rag import Rag
from csc_insight.web.dashboard.figures import page_policy
from csc_insight.web.imports.uploads import (
    SHEET_SUFFIXES,
    UploadRefused,
    safe_name,
    uploads_root,
)
from csc_insight.web.plans.forms import (
    ActionForm,
    ImportForm,
    LeadForm,
    NewActionForm,
    PlanForm,
    ReviewForm,
    SectionForm,
    UpdateForm,
)
from csc_insight.web.policy import allow

CONFLICT = (
    "Someone else changed this action while you were editing it. Your changes were "
    "not saved: check the action as it is now and make them again"
)
TOKEN_RE = re.compile(r"^[0-9a-f]{24}$")
FIELDS = (
    "ref",
    "specific_aim",
    "action",
    "measure",
    "source_type",
    "source_reference",
    "indicator_id",
    "start",
    "due",
    "area_lead",
)


def _editable(request: HttpRequest, action: Action) -> None:
    if not services.may_edit(request.user, action):
        raise PermissionDenied


def _indicators(actions: list[Action], user: Any) -> None:
    """Set `indicator_now` on each action linked to an indicator: its latest value, as the
    disclosure policy lets `user`'s audience see it."""
    linked = [a for a in actions if a.source_type == SourceType.INDICATOR and a.indicator_id]
    policy = page_policy(user)
    values = current_values(
        (a.indicator_id for a in linked), policy.rule if policy.suppresses else None
    )
    for a in linked:
        a.indicator_now = values[a.indicator_id]  # type: ignore[attr-defined]


@allow(roles.EVERYONE)
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for plan in Plan.objects.all():
        actions = services.actions_of(plan)
        glance = services.at_a_glance(plan, actions, services.today())
        rows.append({"plan": plan, "glance": glance})
    return render(request, "plans/list.html", {"rows": rows})


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = form.save()
        messages.success(request, f"Plan {plan.name} created: now add its sections")
        return redirect("plans:section_new", plan_id=plan.pk)
    return render(request, "plans/form.html", {"form": form, "title": "Create a plan"})


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Plan details saved")
        return redirect("plans:detail", plan_id=plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": f"Edit {plan.name}", "plan": plan}
    )


def _filtered(actions: list[Action], query: Any) -> tuple[list[Action], dict[str, str]]:
    chosen = {k: query.get(k, "") for k in ("section", "lead", "rag", "source")}
    shown = actions
    if chosen["section"]:
        shown = [a for a in shown if str(a.section_id) == chosen["section"]]
    if chosen["lead"]:
        shown = [a for a in shown if chosen["lead"] in {x.name for x in a.leads.all()}]
    if chosen["rag"]:
        shown = [a for a in shown if a.rag == chosen["rag"]]
    if chosen["source"]:
        shown = [a for a in shown if a.source_type == chosen["source"]]
    return shown, chosen


@allow(roles.EVERYONE)
@require_GET
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    actions = services.actions_of(plan)
    shown, chosen = _filtered(actions, request.GET)
    glance = services.at_a_glance(plan, shown, services.today())
    _indicators(shown, request.user)
    sections = [(s, [a for a in shown if a.section_id == s.pk]) for s in plan.sections.all()]
    leads = sorted({x.name for a in actions for x in a.leads.all()}, key=str.casefold)
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "glance": glance,
            "sections": sections,
            "chosen": chosen,
            "total": len(actions),
            "shown": len(shown),
            "leads": leads,
            "rags": list(Rag),
            "source_types": SourceType.choices,
            "editable": {a.pk for a in shown if services.may_edit(request.user, a)},
            "filtered": any(chosen.values()),
        },
    )


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def section_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_section(plan, form.cleaned_data["title"])
        messages.success(request, f"Section {form.cleaned_data['title']} added")
        return redirect("plans:detail", plan_id=plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": "Add a section", "plan": plan}
    )


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    form = ReviewForm(request.POST or None, initial={"held_on": services.today()})
    if request.method == "POST" and form.is_valid():
        plan.reviews.create(**form.cleaned_data)
        messages.success(request, "Review recorded: movement is now measured from it")
        return redirect("plans:detail", plan_id=plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": "Record a review", "plan": plan}
    )


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = {k: data[k] for k in FIELDS}
    fields["section_id"] = data["section"].pk
    if fields["source_type"] != SourceType.INDICATOR:
        fields["indicator_id"] = ""
    return fields


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def action_new(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, pk=plan_id)
    if not plan.sections.exists():
        messages.error(request, "Add a section before adding actions")
        return redirect("plans:section_new", plan_id=plan.pk)
    form = NewActionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = services.add_action(
            plan,
            _fields(data),
            services.leads_from_text(data["leads"]),
            Rag(data["rag"]),
            data["comment"],
            request.user,
        )
        messages.success(request, f"Action {action.ref} added")
        return redirect("plans:detail", plan_id=plan.pk)
    return render(
        request, "plans/form.html", {"form": form, "title": "Add an action", "plan": plan}
    )


def _action(plan_id: int, action_id: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related("plan", "section"), pk=action_id, plan_id=plan_id
    )


@allow(roles.EVERYONE)
@require_GET
def action_detail(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    action = _action(plan_id, action_id)
    _indicators([action], request.user)
    return render(
        request,
        "plans/action.html",
        {
            "plan": action.plan,
            "action": action,
            "updates": action.updates.select_related("by").order_by("-on", "-created_at", "-pk"),
            "may_edit": services.may_edit(request.user, action),
        },
    )


@allow(roles.EVERYONE)
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    action = _action(plan_id, action_id)
    _editable(request, action)
    initial = {k: getattr(action, k) for k in FIELDS} | {
        "section": action.section,
        "leads": action.lead_text,
        "version": action.version,
    }
    form = ActionForm(request.POST or None, plan=action.plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_action(
                action, data["version"] or 0, _fields(data), services.leads_from_text(data["leads"])
            )
        except services.EditConflict:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, f"Action {data['ref']} saved")
            return redirect("plans:action", plan_id=plan_id, action_id=action.pk)
    return render(
        request,
        "plans/form.html",
        {"form": form, "plan": action.plan, "title": f"Edit action {action.ref}"},
    )


@allow(roles.EVERYONE)
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    action = _action(plan_id, action_id)
    _editable(request, action)
    rag = request.GET.get("rag", action.rag)
    form = UpdateForm(
        request.POST or None,
        initial={"rag": rag, "on": services.today(), "version": action.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_update(
                action, data["version"], Rag(data["rag"]), data["comment"], data["on"], request.user
            )
        except services.EditConflict:
            form.add_error(None, CONFLICT)
        else:
            messages.success(request, f"Action {action.ref} updated")
            return redirect("plans:action", plan_id=plan_id, action_id=action.pk)
    title = f"Close action {action.ref}" if rag == Rag.BLUE else f"Update action {action.ref}"
    return render(
        request,
        "plans/form.html",
        {"form": form, "plan": action.plan, "action": action, "title": title},
    )


@allow(roles.ADMIN)
@require_POST
def action_move(request: HttpRequest, plan_id: int, action_id: int) -> HttpResponse:
    action = _action(plan_id, action_id)
    services.move(action, -1 if request.POST.get("direction") == "up" else 1)
    return redirect(f"{_plan_url(plan_id)}#action-{action.pk}")


def _plan_url(plan_id: int) -> str:
    from django.urls import reverse

    return reverse("plans:detail", kwargs={"plan_id": plan_id})


@allow(roles.EVERYONE)
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    actions = list(
        Action.objects.filter(leads__user=request.user)
        .distinct()
        .select_related("plan", "section")
        .prefetch_related("leads", "updates")
        .order_by("plan__name", "due", "ref")
    )
    today = services.today()
    return render(
        request,
        "plans/mine.html",
        {
            "actions": actions,
            "today": today,
            "overdue": {a.pk for a in actions if a.due and a.due < today and a.rag != Rag.BLUE},
        },
    )


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def leads(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        lead = get_object_or_404(Lead, pk=request.POST.get("lead"))
        form = LeadForm(request.POST)
        if form.is_valid():
            lead.user = form.cleaned_data["user"]
            lead.save(update_fields=["user"])
            who = lead.user.username if lead.user else "nobody"
            messages.success(request, f"Lead {lead.name} is now {who}")
        return redirect("plans:leads")
    people = LeadForm().fields["user"].queryset
    return render(
        request,
        "plans/leads.html",
        {"leads": Lead.objects.select_related("user"), "people": people},
    )


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest) -> HttpResponse:
    folder = uploads_root() / "plans"
    folder.mkdir(mode=0o700, exist_ok=True)
    token = request.POST.get("token", "")
    if request.method == "POST" and token:
        saved = list((folder / token).glob("*")) if TOKEN_RE.match(token) else []
        if len(saved) != 1:
            raise Http404("That upload has expired: upload the file again")
        try:
            _, plan, report = services.import_file(
                saved[0], request.POST.get("name") or None, request.user
            )
        finally:
            shutil.rmtree(folder / token)
        if plan is None:
            return render(
                request, "plans/import.html", {"form": ImportForm(), "report": report}, status=400
            )
        messages.success(request, f"Plan {plan.name} imported")
        return redirect("plans:detail", plan_id=plan.pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            name = safe_name(upload.name or "", allowed=SHEET_SUFFIXES)
        except UploadRefused as refused:
            form.add_error("file", str(refused))
        else:
            token = secrets.token_hex(12)
            (folder / token).mkdir(mode=0o700)
            path = folder / token / name
            with open(path, "wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            plan_doc, _, report = services.import_file(
                path, form.cleaned_data["name"] or None, save=False
            )
            if not report.ok or plan_doc is None:
                shutil.rmtree(folder / token)
                token = ""
            context |= {
                "preview": plan_doc,
                "report": report,
                "token": token,
                "file_name": upload.name,
                "name": form.cleaned_data["name"],
            }
    return render(
        request,
        "plans/import.html",
        context,
        status=400 if form.errors or ("report" in context and not context["report"].ok) else 200,
    )


@allow(roles.EVERYONE)
@require_GET
def plan_export(request: HttpRequest, plan_id: int, kind: str) -> HttpResponse:
    from csc_insight.plans.export_docx import write_docx
    from csc_insight.plans.export_xlsx import write_xlsx

    plan = get_object_or_404(Plan, pk=plan_id)
    writer = {"docx": write_docx, "xlsx": write_xlsx}.get(kind)
    if writer is None:
        raise Http404("No such format")
    out = tempfile.NamedTemporaryFile(suffix=f".{kind}")  # noqa: SIM115 (FileResponse closes it)
    writer(services.to_document(plan), Path(out.name))
    out.seek(0)
    name = f"{slugify(plan.name) or 'plan'}.{kind}"
    return FileResponse(out, as_attachment=True, filename=name)
