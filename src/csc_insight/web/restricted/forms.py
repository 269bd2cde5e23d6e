"""Forms for restricting a record and granting a user time-limited access to it."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from csc_insight.access.restricted.access import MAX_GRANT_DAYS, today
from csc_insight.access.restricted.models import Category
from csc_insight.web.children.fields import ChildIdField
from csc_insight.web.plans.forms import DATE_FORMATS, DATE_HINT, GovukFields


class FlagForm(GovukFields, forms.Form):
    child_id = ChildIdField(
        label="Child ID",
        help_text="As in the returns, for example the LA child id in the CIN census",
        error_messages={"required": "Enter the child ID"},
    )
    category = forms.ChoiceField(
        choices=Category.choices,
        label="Why it is restricted",
        error_messages={"required": "Choose why it is restricted"},
    )
    reason = forms.CharField(
        max_length=300,
        label="Details",
        help_text="Who decided, and on what basis",
        error_messages={"required": "Enter the details"},
    )


class GrantForm(GovukFields, forms.Form):
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label="User",
        error_messages={"required": "Choose the user"},
    )
    until = forms.DateField(
        input_formats=DATE_FORMATS,
        label="Open until (inclusive)",
        help_text=f"{DATE_HINT}; at most {MAX_GRANT_DAYS} days from today",
        error_messages={
            "required": "Enter the last day of access",
            "invalid": "Enter a date as dd/mm/yyyy",
        },
    )
    reason = forms.CharField(
        max_length=300,
        label="Why they need it",
        error_messages={"required": "Enter why they need it"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["user"].queryset = users  # type: ignore[attr-defined]
        self.fields["user"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.username} ({u.get_role_display()})"
        )

    def clean_until(self) -> date:
        until: date = self.cleaned_data["until"]
        if until < today():
            raise forms.ValidationError("The last day of access must be today or later")
        if (until - today()).days > MAX_GRANT_DAYS:
            raise forms.ValidationError(
                f"A grant lasts at most {MAX_GRANT_DAYS} days: choose an earlier date"
            )
        return until
