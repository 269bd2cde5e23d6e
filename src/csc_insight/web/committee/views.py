"""The committee pages: drafts by meeting, a new draft, editing its narrative beside a
preview of the paper, and downloads (DOCX, PDF, HTML) of papers and agendas.

Non-public papers (the appendix) open only for the roles that see child-level data; every
child named in one that is previewed or downloaded is written to the access log.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access
from csc_insight.committee import services
from csc_insight.committee.models import Draft
from csc_insight.committee.performance import MASK
from csc_insight.reports.paper import Grid, Meta, Narrative, Paper
from csc_insight.reports.render import ConversionError, style_hash
from csc_insight.store.snapshots import SnapshotError
from csc_insight.web.committee.forms import NarrativeForm, NewDraftForm
from csc_insight.web.policy import allow

EDITORS = roles.CHILD_LEVEL  # Manager, Performance analyst, Administrator
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html",
}


def _may_open(request: HttpRequest, draft: Draft) -> None:
    if not draft.public and request.user.role not in EDITORS:
        raise PermissionDenied


def _log_children(request: HttpRequest, paper: Paper) -> None:
    if paper.public:
        return
    named = {
        row[0]
        for block in paper.body
        if isinstance(block, Grid) and block.header[:1] == ["Child"]
        for row in block.rows
    } - {MASK}
    for child_id in sorted(named):
        record_access(request, child_id, f"committee paper: {paper.subject}")


def _build(request: HttpRequest, draft: Draft) -> Paper | None:
    try:
        return services.build(draft)
    except services.PaperError as exc:
        messages.error(request, str(exc))
        return None


@allow(roles.EVERYONE)
@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    drafts = services.in_agenda_order(Draft.objects.select_related("plan"))
    if request.user.role not in EDITORS:
        drafts = [d for d in drafts if d.public]
    meetings: dict[date, list[Draft]] = {}
    for draft in drafts:
        meetings.setdefault(draft.meeting, []).append(draft)
    return render(
        request,
        "committee/list.html",
        {"meetings": meetings, "may_edit": request.user.role in EDITORS},
    )


@allow(EDITORS)
@require_http_methods(["GET", "POST"])
def draft_new(request: HttpRequest) -> HttpResponse:
    form = NewDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            draft = services.create(
                data["kind"],
                data["meeting"],
                data.get("period") or "",
                data["plan"].pk if data.get("plan") else None,
                data["audit_round"].pk if data.get("audit_round") else None,
                request.user,
            )
        except (services.PaperError, SnapshotError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Draft created: edit its words, then download it")
            return redirect("committee:edit", draft_id=draft.pk)
    return render(request, "committee/new.html", {"form": form})


@allow(EDITORS)
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = get_object_or_404(Draft, pk=draft_id)
    initial = {**Meta().to_dict(), **draft.meta, **draft.narrative}
    form = NarrativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        draft.narrative = {k: form.cleaned_data[k] for k in Narrative.names()}
        draft.meta = {k: form.cleaned_data[k] for k in Meta.names()}
        draft.save()
        messages.success(request, "Saved")
        return redirect("committee:edit", draft_id=draft.pk)
    paper = _build(request, draft)
    preview = None
    if paper is not None:
        from csc_insight.reports.render import body_html

        _log_children(request, paper)
        preview = mark_safe(body_html(paper))  # noqa: S308 (every text is escaped there)
    response = render(
        request,
        "committee/edit.html",
        {"draft": draft, "form": form, "paper": paper, "preview": preview},
    )
    if not draft.public:
        response["Cache-Control"] = "no-store"
    return response


def _file(request: HttpRequest, paper: Paper, fmt: str, name: str, back: str) -> HttpResponse:
    """The paper as a file; when it cannot be made (a PDF without LibreOffice), back to
    `back` saying why."""
    if fmt not in FORMATS:
        raise Http404("No such format")
    with tempfile.TemporaryDirectory(prefix="csc-paper-") as work:
        try:
            path = services.write(paper, fmt, Path(work) / f"paper.{fmt}")
        except ConversionError as exc:
            messages.error(request, f"The paper could not be made as {fmt.upper()}: {exc}")
            return redirect(back)
        # Opened before the folder goes: the open file stays readable (POSIX).
        handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it)
    # HTML opens in the browser (Content-Disposition: inline); DOCX and PDF download.
    response = FileResponse(
        handle, as_attachment=fmt != "html", filename=f"{name}.{fmt}", content_type=FORMATS[fmt]
    )
    if fmt == "html":
        response._csp_update = {"style-src": [style_hash()]}  # type: ignore[attr-defined]
    if not paper.public:
        response["Cache-Control"] = "no-store"
    return response


@allow(roles.EVERYONE)
@require_GET
def download(request: HttpRequest, draft_id: int, fmt: str) -> HttpResponse:
    draft = get_object_or_404(Draft, pk=draft_id)
    _may_open(request, draft)
    paper = _build(request, draft)
    if paper is None:
        return redirect("committee:list")
    _log_children(request, paper)
    back = (
        reverse("committee:edit", args=[draft.pk])
        if request.user.role in EDITORS
        else reverse("committee:list")
    )
    return _file(request, paper, fmt, f"{draft.kind}-{draft.meeting:%Y-%m-%d}", back)


@allow(roles.EVERYONE)
@require_GET
def agenda(request: HttpRequest, meeting: str, fmt: str) -> HttpResponse:
    try:
        day = date.fromisoformat(meeting)
    except ValueError as exc:
        raise Http404("No such meeting") from exc
    paper = services.agenda_for(day)
    return _file(request, paper, fmt, f"agenda-{day:%Y-%m-%d}", reverse("committee:list"))
