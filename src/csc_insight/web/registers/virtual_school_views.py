"""The Virtual School register's pages, for Manager and above: the cohort as at today (the
looked-after children in Nursery to Year 13, from the current snapshot) with each child's
school, PEPs, attendance and alerts, and the schools with their Ofsted grades; a child's
page with every record; the forms; the import. The list is one access-log event with every
child id it showed, a child's page or form one event for the child; restricted records
show as "Restricted record" and open only as the child's journey does."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Model, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access, record_list
from csc_insight.access.restricted.access import hidden_from
from csc_insight.registers import services
from csc_insight.registers import virtual_school as vs
from csc_insight.registers import virtual_school_import as vs_import
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)
from csc_insight.registers.virtual_school_services import child_state, virtual_school_view
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow
from csc_insight.web.registers import virtual_school_forms as f
from csc_insight.web.registers.form_pages import bound, saved, shown
from csc_insight.web.registers.upload_page import import_page

TITLE = "Virtual School"
IMPORT_HELP = (
    "One of six files, known by its headings. Schools: CHILD, SCHOOL, PHASE, START and any "
    "of URN, OFSTED, OFSTED_DATE, END. PEPs: CHILD, PEP_DATE and any of GRADE, NOTES. "
    "Attendance: CHILD, YEAR (2019-20), TERM (autumn, spring, summer), ATTENDANCE (%). "
    "Exclusions: CHILD, EXCLUDED_ON, TYPE (suspension or permanent), DAYS (for a "
    "suspension), REASON. Results: CHILD, YEAR, KEY_STAGE (EYFS, KS1, KS2, KS4), EXPECTED "
    "(Y/N), ATTAINMENT8. Post-16 activity: CHILD, AS_AT, ACTIVITY (education, training, "
    "employment, NEET)."
)
RECORDS: dict[str, tuple[type[f.UniqueForm], type[Model], str]] = {
    "placement": (f.PlacementForm, VsPlacement, "a school placement"),
    "pep": (f.PepForm, VsPep, "a PEP"),
    "attendance": (f.AttendanceForm, VsAttendance, "a term's attendance"),
    "exclusion": (f.ExclusionForm, VsExclusion, "a suspension or exclusion"),
    "result": (f.ResultForm, VsResult, "a result"),
    "activity": (f.ActivityForm, VsActivity, "post-16 activity"),
}


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def vs_list(request: HttpRequest) -> HttpResponse:
    view = virtual_school_view()
    hidden = hidden_from(request.user, view.child_ids)
    record_list(
        request, [c for c in view.child_ids if c not in hidden], reason="virtual school register"
    )
    schools = VsSchool.objects.annotate(
        on_roll=Count(
            "placements",
            filter=Q(placements__start__lte=view.on)
            & (Q(placements__end__isnull=True) | Q(placements__end__gte=view.on)),
        )
    )
    return render(
        request,
        "registers/vs_list.html",
        {
            "view": view,
            "hidden": hidden,
            "alert_labels": vs.ALERTS,
            "grades": vs.GRADES,
            "schools": schools,
            "quarantined": services.quarantined(vs_import.REGISTER),
        },
    )


def _child(request: HttpRequest, child_id: str) -> None:
    if not may_view_child(request.user, child_id):
        raise PermissionDenied


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def vs_child(request: HttpRequest, child_id: str) -> HttpResponse:
    _child(request, child_id)
    state, known = child_state(child_id)
    if not known:
        raise Http404("No such child in the register or the current data")
    record_access(request, child_id, reason="virtual school register")
    return render(
        request,
        "registers/vs_child.html",
        {
            "state": state,
            "child_id": child_id,
            "alert_labels": vs.ALERTS,
            "grades": vs.GRADES,
            "placements": VsPlacement.objects.filter(child_id=child_id).select_related("school"),
            "peps": [
                (p, vs.term_of(p.held_on).label) for p in VsPep.objects.filter(child_id=child_id)
            ],
            "attendance": VsAttendance.objects.filter(child_id=child_id),
            "exclusions": VsExclusion.objects.filter(child_id=child_id),
            "results": VsResult.objects.filter(child_id=child_id),
            "activities": VsActivity.objects.filter(child_id=child_id),
        },
    )


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def vs_record(
    request: HttpRequest, child_id: str, what: str, record_id: int | None = None
) -> HttpResponse:
    """Add (no id) or edit one of a child's records."""
    if what not in RECORDS:
        raise Http404("No such part of the Virtual School register")
    _child(request, child_id)
    form_class, model, words = RECORDS[what]
    if record_id is None:
        record = model(child_id=child_id)
    else:
        record = get_object_or_404(model, pk=record_id, child_id=child_id)
    record_access(request, child_id, reason=f"virtual school register: {words}")
    form = bound(request, form_class, record)
    here = reverse("registers:virtual_school_child", args=[child_id])
    if saved(request, form, child_field=None):  # the child is the page's, checked above
        messages.success(request, f"{words[0].upper()}{words[1:]} for {child_id}: saved")
        return redirect(here)
    title = f"{'Add' if record_id is None else 'Edit'} {words}: {child_id}"
    return shown(
        request,
        "registers/record_form.html",
        {"form": form, "title": title, "back_url": here, "back_label": f"{TITLE}: {child_id}"},
    )


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def vs_school(request: HttpRequest, school_id: int | None = None) -> HttpResponse:
    """Add (no id) or edit a school and its Ofsted grade."""
    school = VsSchool() if school_id is None else get_object_or_404(VsSchool, pk=school_id)
    form = bound(request, f.SchoolForm, school)
    back = reverse("registers:virtual_school")
    if record := saved(request, form, child_field=None):
        messages.success(request, f"{record.name}: saved")
        return redirect(back)
    title = "Add a school" if school_id is None else f"Edit {school.name}"
    return shown(
        request,
        "registers/record_form.html",
        {"form": form, "title": title, "back_url": back, "back_label": TITLE},
    )


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def vs_upload(request: HttpRequest) -> HttpResponse:
    return import_page(
        request,
        lambda path: vs_import.import_file(path, request.user.get_username()),
        back="registers:virtual_school",
        context={"title": TITLE, "help": IMPORT_HELP},
    )
