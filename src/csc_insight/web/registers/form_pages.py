"""Adding or editing one register record: the steps every register's form page shares.

A page binds its form to the request (`bound`); `saved` saves it when it was posted valid,
refusing (403) a record that names a child the user may not see, and making a new record
the user's where its register keeps who made each entry (`Recorded`); the page then writes
its access-log event, its message and its redirect. Otherwise `shown` renders the form, with
status 400 when a form on it has errors (so a failed POST is never mistaken for a success).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from csc_insight.registers.base_models import Recorded
from csc_insight.web.children.scope import may_view_child


def bound(
    request: HttpRequest, form_class: type[forms.ModelForm], instance: Model | None
) -> forms.ModelForm:
    """`form_class` for `instance` (None: a new record), bound to the request's POST if any."""
    return form_class(request.POST if request.method == "POST" else None, instance=instance)


def saved(
    request: HttpRequest,
    form: forms.ModelForm,
    *,
    child_field: str | None = "child_id",
) -> Any:
    """The record, saved, when the request posted `form` and it is valid; else None.

    `child_field` names the form's child id, checked before anything is saved (None: the
    record names no child). A new record of a register that keeps who made each entry
    (`Recorded`) is the user's."""
    if request.method != "POST" or not form.is_valid():
        return None
    if child_field and not may_view_child(request.user, form.cleaned_data[child_field]):
        raise PermissionDenied
    record = form.save(commit=False)
    if record.pk is None and isinstance(record, Recorded):
        record.created_by = request.user
    record.save()
    form.save_m2m()
    return record


def shown(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """The form page; status 400 when a form in `context` has errors."""
    failed = any(isinstance(v, forms.BaseForm) and v.errors for v in context.values())
    return render(request, template, context, status=400 if failed else 200)
