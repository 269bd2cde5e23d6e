"""The register pages: an overview for everyone (counts only), and for Manager and above the
missing register, each child's episodes, the form and the import. Every page that shows a
child id is written to the access log; restricted records show as "Restricted record"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access, record_list
from csc_insight.access.restricted.access import hidden_from
from csc_insight.registers import (
    annual_services,
    champions,
    cme,
    lado,
    missing,
    private_fostering,
    providers,
    services,
    virtual_school,
)
from csc_insight.registers.missing_import import REGISTER as MISSING
from csc_insight.registers.missing_import import import_file
from csc_insight.registers.models import CmeEntry, MissingEpisode
from csc_insight.registers.virtual_school_services import virtual_school_view
from csc_insight.store import snapshots
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow
from csc_insight.web.registers.form_pages import bound, saved, shown
from csc_insight.web.registers.forms import CmeEntryForm, MissingEpisodeForm
from csc_insight.web.registers.upload_page import import_page


@allow(roles.STAFF)  # counts not suppressed: not for Members (they read the papers)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    view = services.missing_view()
    term = services.current_term()
    return render(
        request,
        "registers/index.html",
        {
            "view": view,
            "alert_labels": missing.ALERTS,
            "cme_lines": cme.report_lines(services.cme_view(term).counts),
            "lado": annual_services.lado_view(),
            "lado_alerts": lado.ALERTS,
            "fostering": annual_services.fostering_view(),
            "fostering_alerts": private_fostering.ALERTS,
            "child_level": request.user.role in roles.CHILD_LEVEL,
            # providers and safeguarding champions
            "providers_view": services.providers_view(),
            "provider_alerts": providers.ALERTS,
            "champions_view": services.champions_view(training=0),
            "champion_alerts": champions.ALERTS,
            **_iro_index(),
            "virtual_school": virtual_school_view(),
            "virtual_school_alerts": virtual_school.ALERTS,
        },
    )


def _iro_index() -> dict[str, object]:
    """The IRO service's counts and alerts for the Registers page."""
    from csc_insight.registers import iro, iro_services
    from csc_insight.web.registers.iro_views import summary

    view = iro_services.iro_view(contacts_shown=0)
    return {"iro_view": view, "iro_summary": summary(view), "iro_alerts": iro.ALERTS}


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def missing_list(request: HttpRequest) -> HttpResponse:
    view = services.missing_view()
    hidden = hidden_from(request.user, view.child_ids)
    record_list(request, [c for c in view.child_ids if c not in hidden], reason="missing register")
    return render(
        request,
        "registers/missing_list.html",
        {
            "view": view,
            "hidden": hidden,
            "alert_labels": missing.ALERTS,
            "quarantined": services.quarantined(MISSING),
        },
    )


def _child_known(child_id: str) -> bool:
    if MissingEpisode.objects.filter(child_id=child_id).exists():
        return True
    try:
        with snapshots.connect(None) as con:
            found = con.execute(
                "SELECT count(*) FROM children WHERE child_id = ?", [child_id]
            ).fetchone()
    except snapshots.SnapshotError:
        return False
    return bool(found and found[0])


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def missing_child(request: HttpRequest, child_id: str) -> HttpResponse:
    if not may_view_child(request.user, child_id):
        raise PermissionDenied
    if not _child_known(child_id):
        raise Http404("No such child in the register or the current data")
    record_access(request, child_id, reason="missing register")
    return render(
        request,
        "registers/missing_child.html",
        {
            "child_id": child_id,
            "view": services.missing_view(child_id),
            "alert_labels": missing.ALERTS,
            "entries": MissingEpisode.objects.filter(child_id=child_id),
        },
    )


def _missing_form(request: HttpRequest, episode: MissingEpisode | None) -> HttpResponse:
    form = bound(request, MissingEpisodeForm, episode)
    if record := saved(request, form):
        if episode is None:
            record_access(request, record.child_id, reason="missing register: new episode")
        messages.success(request, f"Episode for {record.child_id} saved")
        return redirect("registers:missing_child", child_id=record.child_id)
    return shown(request, "registers/missing_form.html", {"form": form, "episode": episode})


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def missing_new(request: HttpRequest) -> HttpResponse:
    return _missing_form(request, None)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def missing_edit(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = get_object_or_404(MissingEpisode, pk=episode_id)
    if not may_view_child(request.user, episode.child_id):
        raise PermissionDenied
    record_access(request, episode.child_id, reason="missing register: edit episode")
    return _missing_form(request, episode)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def missing_import(request: HttpRequest) -> HttpResponse:
    return import_page(
        request,
        lambda path: import_file(path, request.user.get_username(), request.user),
        back="registers:missing",
        template="registers/missing_import.html",
        added="episodes ",
    )


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def cme_list(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("term", "").strip()
    error = ""
    term = services.current_term()
    if text:
        try:
            term = cme.parse_term(text)
        except cme.TermError as bad:
            error = str(bad)
    view = services.cme_view(term)
    hidden = hidden_from(request.user, view.child_ids)
    record_list(
        request,
        [c for c in view.child_ids if c not in hidden],
        reason=f"missing education register {term.start}:{term.end}",
    )
    return render(
        request,
        "registers/cme_list.html",
        {
            "view": view,
            "term": term,
            "term_text": text or f"{term.start}:{term.end}",
            "error": error,
            "hidden": hidden,
            "lines": cme.report_lines(view.counts),
            "quarantined": services.quarantined("cme"),
        },
        status=400 if error else 200,
    )


def _cme_form(request: HttpRequest, entry: CmeEntry | None) -> HttpResponse:
    form = bound(request, CmeEntryForm, entry)
    if record := saved(request, form):
        record_access(request, record.child_id, reason="missing education register: saved")
        messages.success(request, f"Entry for {record.child_id} saved")
        return redirect("registers:cme")
    return shown(request, "registers/cme_form.html", {"form": form, "entry": entry})


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def cme_new(request: HttpRequest) -> HttpResponse:
    return _cme_form(request, None)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def cme_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = get_object_or_404(CmeEntry, pk=entry_id)
    if not may_view_child(request.user, entry.child_id):
        raise PermissionDenied
    record_access(request, entry.child_id, reason="missing education register: edit")
    return _cme_form(request, entry)
