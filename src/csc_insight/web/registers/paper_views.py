"""Making the registers' committee papers on the web, as `csc-insight committee KIND` makes
them: the papers of registers/paper_registry.py, each for a year or a term, a meeting and a
format (DOCX, PDF or HTML), downloaded at once. Manager and above; the form is posted
(CSRF-protected). A paper that is not public (none is, yet) is not cached by the browser
and every child it names is written to the access log, as for committee drafts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access
from csc_insight.registers import bridge, services
from csc_insight.registers.paper_registry import BY_KIND, PAPERS, RegisterPaper
from csc_insight.reports.paper import Grid, Paper
from csc_insight.reports.render import ConversionError, style_hash, write
from csc_insight.web.policy import allow
from csc_insight.web.registers.form_pages import shown
from csc_insight.web.registers.paper_forms import RegisterPaperForm

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html",
}


@allow(roles.CHILD_LEVEL)
@require_GET
def papers(request: HttpRequest) -> HttpResponse:
    return render(request, "registers/papers.html", {"papers": PAPERS})


def _entry(kind: str) -> RegisterPaper:
    try:
        return BY_KIND[kind]
    except KeyError as missing:
        raise Http404("No such register paper") from missing


def _download(request: HttpRequest, paper: Paper, fmt: str, name: str) -> FileResponse:
    with tempfile.TemporaryDirectory(prefix="csc-register-paper-") as work:
        path = write(paper, fmt, Path(work) / f"paper.{fmt}")
        handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it; POSIX keeps it)
    response = FileResponse(
        handle,
        as_attachment=fmt != "html",
        filename=f"{name}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
    if fmt == "html":
        response._csp_update = {"style-src": [style_hash()]}  # type: ignore[attr-defined]
    if not paper.public:
        response["Cache-Control"] = "no-store"
        named = {
            row[0]
            for block in paper.body
            if isinstance(block, Grid) and block.header[:1] == ["Child"]
            for row in block.rows
        }
        for child_id in sorted(named):
            record_access(request, child_id, f"register paper: {paper.subject}")
    return response


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def paper(request: HttpRequest, kind: str) -> HttpResponse:
    entry = _entry(kind)
    form = RegisterPaperForm(
        entry,
        services.today(),
        bridge.first_day(entry.register),
        request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = entry.build(data["when"], data["meeting"])
            return _download(request, made, data["format"], f"{kind}-{data['meeting']:%Y-%m-%d}")
        except ConversionError as exc:
            form.add_error(None, f"The paper could not be made as {data['format'].upper()}: {exc}")
    return shown(request, "registers/paper_form.html", {"form": form, "paper": entry})
