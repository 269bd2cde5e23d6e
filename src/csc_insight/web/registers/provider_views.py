"""The providers and safeguarding champions registers' pages.

Providers name children only as counts (looked-after children placed with each provider,
from the SSDA903 URN), so the register and its forms are for Manager and above, and no
child id is shown or logged. Champions are staff: every role but Member may read the
register; Manager and above keep it. Imports quarantine bad rows as every register does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django import forms
from django.contrib import messages
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.registers import champions, champions_import, providers, providers_import, services
from csc_insight.registers.missing_import import ImportResult
from csc_insight.registers.models import (
    AssuranceReturn,
    Champion,
    Department,
    Provider,
    ProviderInspection,
    ProviderVisit,
    TrainingRecord,
)
from csc_insight.web.policy import allow
from csc_insight.web.registers import provider_forms as f
from csc_insight.web.registers.form_pages import bound, saved, shown
from csc_insight.web.registers.upload_page import import_page

# What each import page says about its file.
IMPORT_HELP = {
    "providers": (
        "One row per provider, or one per inspection or visit to give its history, with the "
        "headings URN, NAME and TYPE (IFA, SUPPORTED or HOME) and any of RATING "
        "(Outstanding, Good, Requires improvement, Inadequate, Not yet inspected), INSPECTED, "
        "VISITED, VISIT_RESULT (Met, Partly met, Not met) and NOTES."
    ),
    "champions": (
        "One of three files, known by its headings. Champions: DEPARTMENT, NAME, ROLE, "
        "APPOINTED, ENDED, CHIEF_OFFICER (a department with no NAME has no champion). "
        "Assurance returns: DEPARTMENT, HALF_YEAR (2019-20-H1), RECEIVED, ASSURANCE (green, "
        "amber or red), ACTIONS. Training: NAME, COURSE, COMPLETED, DEPARTMENT."
    ),
}
TITLES = {"providers": "Providers", "champions": "Safeguarding champions"}


def _form_page(
    request: HttpRequest,
    form_class: type[forms.ModelForm],
    instance: Model,
    title: str,
    back: tuple[str, str],
    done: str,
) -> HttpResponse:
    """Add or edit one record: the form, saved and back to `done` when valid."""
    form = bound(request, form_class, instance)
    if saved(request, form, child_field=None):
        messages.success(request, f"{title}: saved")
        return redirect(done)
    return shown(
        request,
        "registers/record_form.html",
        {"form": form, "title": title, "back_url": back[0], "back_label": back[1]},
    )


def _import(
    request: HttpRequest, kind: str, run: Callable[[Path, str], ImportResult]
) -> HttpResponse:
    return import_page(
        request,
        lambda path: run(path, request.user.get_username()),
        back=f"registers:{kind}",
        context={
            "title": TITLES[kind],
            "help": IMPORT_HELP[kind],
        },
    )


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def providers_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "registers/providers_list.html",
        {
            "view": services.providers_view(),
            "alert_labels": providers.ALERTS,
            "quarantined": services.quarantined(providers_import.REGISTER),
        },
    )


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def provider_detail(request: HttpRequest, provider_id: int) -> HttpResponse:
    row = get_object_or_404(Provider, pk=provider_id)
    view = services.providers_view()
    state = next(p for p in view.providers if p.provider_id == row.pk)
    return render(
        request,
        "registers/provider.html",
        {"provider": row, "state": state, "alert_labels": providers.ALERTS, "view": view},
    )


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def provider_new(request: HttpRequest) -> HttpResponse:
    back = (reverse("registers:providers"), "Providers")
    title = "Add a provider"
    return _form_page(request, f.ProviderForm, Provider(), title, back, "registers:providers")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def provider_edit(request: HttpRequest, provider_id: int) -> HttpResponse:
    row = get_object_or_404(Provider, pk=provider_id)
    here = reverse("registers:provider", args=[row.pk])
    return _form_page(request, f.ProviderForm, row, f"Edit {row.name}", (here, row.name), here)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def inspection_new(request: HttpRequest, provider_id: int) -> HttpResponse:
    row = get_object_or_404(Provider, pk=provider_id)
    here = reverse("registers:provider", args=[row.pk])
    record = ProviderInspection(provider=row)
    title = f"Add an Ofsted inspection: {row.name}"
    return _form_page(request, f.InspectionForm, record, title, (here, row.name), here)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def visit_new(request: HttpRequest, provider_id: int) -> HttpResponse:
    row = get_object_or_404(Provider, pk=provider_id)
    here = reverse("registers:provider", args=[row.pk])
    record = ProviderVisit(provider=row)
    title = f"Add a monitoring visit: {row.name}"
    return _form_page(request, f.VisitForm, record, title, (here, row.name), here)


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def providers_upload(request: HttpRequest) -> HttpResponse:
    return _import(request, "providers", providers_import.import_file)


@allow(roles.STAFF)  # staff, not children: every role but Member
@require_GET
def champions_list(request: HttpRequest) -> HttpResponse:
    view = services.champions_view()
    return render(
        request,
        "registers/champions_list.html",
        {
            "view": view,
            "alert_labels": champions.ALERTS,
            "returns": AssuranceReturn.objects.select_related("department")[:100],
            "quarantined": services.quarantined(champions_import.REGISTER),
            "may_edit": request.user.role in roles.CHILD_LEVEL,
        },
    )


CHAMPION_FORMS: dict[str, tuple[type[forms.ModelForm], type[Model], str]] = {
    "department": (f.DepartmentForm, Department, "a department"),
    "champion": (f.ChampionForm, Champion, "a safeguarding champion"),
    "return": (f.AssuranceForm, AssuranceReturn, "an assurance return"),
    "training": (f.TrainingForm, TrainingRecord, "training completed"),
}


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def champions_record(request: HttpRequest, what: str, record_id: int | None = None) -> HttpResponse:
    """Add (no id) or edit one department, champion, assurance return or training record."""
    if what not in CHAMPION_FORMS:
        raise Http404("No such part of the champions register")
    form_class, model, words = CHAMPION_FORMS[what]
    record = model() if record_id is None else get_object_or_404(model, pk=record_id)
    title = f"{'Add' if record_id is None else 'Edit'} {words}"
    back = (reverse("registers:champions"), "Safeguarding champions")
    return _form_page(request, form_class, record, title, back, "registers:champions")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def champions_upload(request: HttpRequest) -> HttpResponse:
    return _import(request, "champions", champions_import.import_file)
