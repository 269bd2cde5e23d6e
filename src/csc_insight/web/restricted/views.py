"""The Administrator's restricted-record pages: flag, lift, grant, revoke, review."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from csc_insight.access import roles
from csc_insight.access.restricted import access
from csc_insight.access.restricted.models import Grant, RestrictedRecord
from csc_insight.store import snapshots
from csc_insight.web.policy import allow
from csc_insight.web.restricted.forms import FlagForm, GrantForm


@allow(roles.ADMIN)
@require_GET
@never_cache
def records(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "restricted/list.html",
        {
            "records": RestrictedRecord.objects.select_related("flagged_by", "lifted_by"),
            "named_roles": _named_roles(),
        },
    )


def _named_roles() -> str:
    return (
        ", ".join(
            label for value, label in roles.Role.choices if value in settings.RESTRICTED_ROLES
        )
        or "none"
    )


def _in_current_data(child_id: str) -> bool | None:
    try:
        with snapshots.connect(None) as con:
            found = con.execute(
                "SELECT count(*) FROM children WHERE child_id = ?", [child_id]
            ).fetchone()
    except snapshots.SnapshotError:
        return None
    return bool(found and found[0])


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
@never_cache
def record_new(request: HttpRequest) -> HttpResponse:
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = access.flag(data["child_id"], data["category"], data["reason"], request.user)
        messages.success(request, f"Record {made.child_id} is restricted")
        if _in_current_data(made.child_id) is False:
            messages.warning(
                request,
                f"{made.child_id} is not in the current data: check "
                "the ID (the restriction applies when the child appears)",
            )
        return redirect("restricted:record", record_id=made.pk)
    return render(request, "restricted/new.html", {"form": form})


@allow(roles.ADMIN)
@require_GET
@never_cache
def record(request: HttpRequest, record_id: int) -> HttpResponse:
    return _record_page(request, get_object_or_404(RestrictedRecord, pk=record_id), GrantForm())


def _record_page(
    request: HttpRequest, found: RestrictedRecord, form: GrantForm, status: int = 200
) -> HttpResponse:
    today = access.today()
    grants = [
        (g, g.status(today))
        for g in found.grants.select_related("user", "granted_by", "revoked_by")
    ]
    return render(
        request,
        "restricted/record.html",
        {"record": found, "grants": grants, "form": form, "named_roles": _named_roles()},
        status=status,
    )


@allow(roles.ADMIN)
@require_POST
def record_lift(request: HttpRequest, record_id: int) -> HttpResponse:
    found = get_object_or_404(RestrictedRecord, pk=record_id, lifted_at__isnull=True)
    access.lift(found, request.user)
    messages.success(
        request, f"The restriction on {found.child_id} is lifted; its grants are revoked"
    )
    return redirect("restricted:record", record_id=found.pk)


@allow(roles.ADMIN)
@require_POST
@never_cache
def grant_new(request: HttpRequest, record_id: int) -> HttpResponse:
    found = get_object_or_404(RestrictedRecord, pk=record_id, lifted_at__isnull=True)
    form = GrantForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        access.grant(found, data["user"], data["until"], data["reason"], request.user)
        messages.success(
            request,
            f"{data['user'].username} may open {found.child_id} until {data['until']:%d/%m/%Y}",
        )
        return redirect("restricted:record", record_id=found.pk)
    return _record_page(request, found, form, status=400)


@allow(roles.ADMIN)
@require_POST
def grant_revoke(request: HttpRequest, grant_id: int) -> HttpResponse:
    held = get_object_or_404(Grant.objects.select_related("record", "user"), pk=grant_id)
    access.revoke(held, request.user)
    messages.success(request, f"{held.user.username}'s access to {held.record.child_id} is revoked")
    return redirect("restricted:record", record_id=held.record_id)


@allow(roles.ADMIN)
@require_GET
@never_cache
def review(request: HttpRequest) -> HttpResponse:
    return render(request, "restricted/review.html", {"rows": access.review()})


@allow(roles.ADMIN)
@require_GET
def review_export(request: HttpRequest) -> HttpResponse:
    stamp = access.today().isoformat()
    response = HttpResponse(
        access.review_csv(access.review()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="restricted-grants-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
