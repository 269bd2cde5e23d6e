"""The IRO service pages, for Manager and above: the register (caseloads, the looked-after
children with an alert, escalations and recent contacts), one child's reviews, contacts
and escalations, the forms and the import. Every list is one access-log event with the
children it showed, a child's page or a form one event for the child; restricted children
show as "Restricted record" and their pages open only as the child's journey does."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access, record_list
from csc_insight.access.restricted.access import hidden_from
from csc_insight.formats.code_words import REVIEW_PARTICIPATION
from csc_insight.registers import iro, iro_import, iro_services, services
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.web.children.scope import may_view_child
from csc_insight.web.policy import allow
from csc_insight.web.registers.form_pages import bound, saved, shown
from csc_insight.web.registers.iro_forms import ContactForm, EscalationForm
from csc_insight.web.registers.upload_page import import_page

TITLE = "IRO service"
IMPORT_HELP = (
    "One of two files, known by its headings. Escalations: CHILD, IRO, RAISED, ISSUE (care "
    "planning, placement, education, health, contact, permanence, delay, other) and any of "
    "STAGE (informal, stage 1, stage 2, stage 3, Cafcass), STAGE_DATE, RESOLVED with OUTCOME "
    "(resolved, partly resolved, not resolved, withdrawn), NOTES. Contacts: CHILD, IRO, DATE, "
    "TYPE (visit, phone, video) and NOTES. IRO: initials or a code, not a full name."
)


def _part(part: int, whole: int) -> str:
    return f"{part} of {whole} ({round(100 * part / whole)}%)" if whole else "None"


def summary(view: iro_services.IroView) -> list[tuple[str, str]]:
    """The year's figures (staff pages: not suppressed), label and value; "No data" where
    the returns give none."""
    y, r = view.year, view.register
    no_data = y is None or not y.covered
    reviews = (
        "No data" if no_data or y is None or y.due is None else _part(y.in_time or 0, len(y.due))
    )
    took_part = "No data" if no_data or y is None else _part(y.participated, len(y.aged_four_plus))
    return [
        (f"Reviews due by {min(view.as_at, r.year.end):%-d %B %Y}, held in time", reviews),
        ("Reviews of children aged 4 or over where the child took part", took_part),
        ("Placement moves", "No data" if no_data or y is None else str(len(y.moves))),
        ("Escalations raised", str(len(r.raised))),
        ("Escalations open", str(sum(1 for _, e in view.escalations if e.open_on(view.on)))),
        ("IRO contacts recorded", str(len(r.contacts))),
    ]


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def iro_list(request: HttpRequest) -> HttpResponse:
    view = iro_services.iro_view()
    hidden = hidden_from(request.user, view.child_ids)
    record_list(
        request, [c for c in view.child_ids if c not in hidden], reason="IRO service register"
    )
    return render(
        request,
        "registers/iro_list.html",
        {
            "view": view,
            "summary": summary(view),
            "hidden": hidden,
            "alert_labels": iro.ALERTS,
            "no_iro": iro.NO_IRO,
            "quarantined": services.quarantined(iro_import.REGISTER),
        },
    )


@allow(roles.CHILD_LEVEL)
@require_GET
@never_cache
def iro_child(request: HttpRequest, child_id: str) -> HttpResponse:
    if not may_view_child(request.user, child_id):
        raise PermissionDenied
    record = iro_services.child_record(child_id)
    if not record.known:
        raise Http404("No such child in the register or the current data")
    record_access(request, child_id, reason="IRO service register")
    reviews = [
        (d, REVIEW_PARTICIPATION.get(record.codes.get(d.held) or "", "Not recorded"))
        for d in record.due
    ]
    return render(
        request,
        "registers/iro_child.html",
        {"record": record, "reviews": reviews, "alert_labels": iro.ALERTS},
    )


def _form(
    request: HttpRequest,
    form_class: type[EscalationForm] | type[ContactForm],
    instance: Model | None,
    what: str,
) -> HttpResponse:
    form = bound(request, form_class, instance)
    if record := saved(request, form):
        record_access(request, record.child_id, reason=f"IRO service register: {what} saved")
        messages.success(request, f"{what.capitalize()} for {record.child_id} saved")
        return redirect("registers:iro")
    title = f"Edit the {what}" if instance is not None else f"Add an {what}"
    if what == "contact" and instance is None:
        title = "Record an IRO contact"
    return shown(
        request,
        "registers/iro_form.html",
        {"form": form, "title": title, "instance": instance, "what": what},
    )


def _own(request: HttpRequest, model: type[Model], pk: int, what: str) -> Model:
    found = get_object_or_404(model, pk=pk)
    child_id = found.child_id  # type: ignore[attr-defined]
    if not may_view_child(request.user, child_id):
        raise PermissionDenied
    record_access(request, child_id, reason=f"IRO service register: edit {what}")
    return found


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def escalation_new(request: HttpRequest) -> HttpResponse:
    return _form(request, EscalationForm, None, "escalation")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def escalation_edit(request: HttpRequest, escalation_id: int) -> HttpResponse:
    found = _own(request, IroEscalation, escalation_id, "escalation")
    return _form(request, EscalationForm, found, "escalation")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def contact_new(request: HttpRequest) -> HttpResponse:
    return _form(request, ContactForm, None, "contact")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    found = _own(request, IroContact, contact_id, "contact")
    return _form(request, ContactForm, found, "contact")


@allow(roles.CHILD_LEVEL)
@require_http_methods(["GET", "POST"])
@never_cache
def iro_upload(request: HttpRequest) -> HttpResponse:
    return import_page(
        request,
        lambda path: iro_import.import_file(path, request.user.get_username(), request.user),
        back="registers:iro",
        context={"title": TITLE, "help": IMPORT_HELP},
    )
