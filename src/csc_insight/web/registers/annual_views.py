"""The LADO and private fostering pages, for Manager and above: each register with its
alerts and the current year's figures, the forms, a private fostering arrangement's visits
and the awareness activity. Every list is one access-log event (the LADO's by case
reference, private fostering's by child), every form on an entry one event for it;
restricted children show as "Restricted record"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access, record_list
from csc_insight.access.restricted.access import hidden_from
from csc_insight.registers import annual_services, lado, private_fostering, services
from csc_insight.registers.lado_import import REGISTER as LADO
from csc_insight.registers.models import AwarenessActivity, LadoContact, PrivateFostering
from csc_insight.registers.private_fostering_import import AWARENESS
from csc_insight.registers.private_fostering_import import REGISTER as FOSTERING
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow
from csc_insight.web.registers.annual_forms import (
    AwarenessForm,
    LadoContactForm,
    PrivateFosteringForm,
    VisitForm,
)
from csc_insight.web.registers.form_pages import bound, saved, shown


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def lado_list(request: HttpRequest) -> HttpResponse:
    view = annual_services.lado_view()
    record_list(request, view.references, reason="LADO register")
    return render(
        request,
        "registers/lado_list.html",
        {"view": view, "alert_labels": lado.ALERTS, "quarantined": services.quarantined(LADO)},
    )


def _lado_form(request: HttpRequest, contact: LadoContact | None) -> HttpResponse:
    form = bound(request, LadoContactForm, contact)
    if record := saved(request, form, child_field=None):
        record_access(request, record.reference, reason="LADO register: saved")
        messages.success(request, f"Contact {record.reference} saved")
        return redirect("registers:lado")
    return shown(request, "registers/lado_form.html", {"form": form, "contact": contact})


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def lado_new(request: HttpRequest) -> HttpResponse:
    return _lado_form(request, None)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def lado_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(LadoContact, pk=contact_id)
    record_access(request, contact.reference, reason="LADO register: edit")
    return _lado_form(request, contact)


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def fostering_list(request: HttpRequest) -> HttpResponse:
    view = annual_services.fostering_view()
    hidden = hidden_from(request.user, view.child_ids)
    record_list(
        request,
        [c for c in view.child_ids if c not in hidden],
        reason="private fostering register",
    )
    rows = [(row, a, a.next_visit_due(view.on)) for row, a in view.entries]
    return render(
        request,
        "registers/fostering_list.html",
        {
            "view": view,
            "rows": rows,
            "hidden": hidden,
            "alert_labels": private_fostering.ALERTS,
            "activities": AwarenessActivity.objects.all()[:100],
            "quarantined": services.quarantined(FOSTERING) + services.quarantined(AWARENESS),
        },
    )


def _arrangement(request: HttpRequest, arrangement_id: int) -> PrivateFostering:
    arrangement = get_object_or_404(PrivateFostering, pk=arrangement_id)
    if not may_view_child(request.user, arrangement.child_id):
        raise PermissionDenied
    return arrangement


def _fostering_form(
    request: HttpRequest, arrangement: PrivateFostering | None, visit_form: VisitForm | None = None
) -> HttpResponse:
    if visit_form is not None:  # a visit was posted: the arrangement's own form is unbound
        form = PrivateFosteringForm(instance=arrangement)
    else:
        form = bound(request, PrivateFosteringForm, arrangement)
        if record := saved(request, form):
            record_access(request, record.child_id, reason="private fostering register: saved")
            messages.success(request, f"Arrangement for {record.child_id} saved")
            return redirect("registers:fostering_edit", arrangement_id=record.pk)
        if arrangement is not None:
            visit_form = VisitForm(arrangement=arrangement)
    return shown(
        request,
        "registers/fostering_form.html",
        {
            "form": form,
            "arrangement": arrangement,
            "visit_form": visit_form,
            "visits": arrangement.visits.all() if arrangement else [],
        },
    )


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def fostering_new(request: HttpRequest) -> HttpResponse:
    return _fostering_form(request, None)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def fostering_edit(request: HttpRequest, arrangement_id: int) -> HttpResponse:
    arrangement = _arrangement(request, arrangement_id)
    record_access(request, arrangement.child_id, reason="private fostering register: edit")
    return _fostering_form(request, arrangement)


@allow(roles.CHILD_LEVEL)
@require_POST
@never_cache
def fostering_visit(request: HttpRequest, arrangement_id: int) -> HttpResponse:
    arrangement = _arrangement(request, arrangement_id)
    record_access(request, arrangement.child_id, reason="private fostering register: visit")
    form = VisitForm(request.POST, arrangement=arrangement)
    if form.is_valid():
        form.save()
        messages.success(request, f"Visit on {form.instance.visited_on:%d/%m/%Y} saved")
        return redirect("registers:fostering_edit", arrangement_id=arrangement.pk)
    return _fostering_form(request, arrangement, visit_form=form)


def _awareness_form(request: HttpRequest, activity: AwarenessActivity | None) -> HttpResponse:
    form = bound(request, AwarenessForm, activity)
    if record := saved(request, form, child_field=None):
        messages.success(request, f"{record.title} saved")
        return redirect("registers:fostering")
    return shown(request, "registers/awareness_form.html", {"form": form, "activity": activity})


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def awareness_new(request: HttpRequest) -> HttpResponse:
    return _awareness_form(request, None)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def awareness_edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    return _awareness_form(request, get_object_or_404(AwarenessActivity, pk=activity_id))
