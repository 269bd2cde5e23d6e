"""Forms for the IRO service pages: an escalation (a dispute an IRO raised) and an IRO's
contact with a child between reviews."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.web.children.fields import ChildIdField
from csc_insight.web.plans.forms import DATE_HINT, GovukFields, date_field


def _child() -> ChildIdField:
    return ChildIdField(
        label="Child ID",
        help_text="As in the returns",
        error_messages={"required": "Enter the child ID"},
    )


IRO_ERRORS = {
    "required": "Enter the IRO's initials or code",
    "max_length": "The IRO's initials or code must be 20 characters or fewer",
}


class EscalationForm(GovukFields, forms.ModelForm):
    child_id = _child()
    raised_on = date_field("Date raised", required=True)
    stage_on = date_field("Date it reached this stage")
    resolved_on = date_field("Date resolved or closed")

    class Meta:
        model = IroEscalation
        fields = [
            "child_id",
            "iro",
            "raised_on",
            "category",
            "stage",
            "stage_on",
            "resolved_on",
            "outcome",
            "notes",
        ]
        help_texts = {"outcome": "Leave blank while the escalation is open"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "iro": IRO_ERRORS,
            "category": {"required": "Choose the issue"},
            "stage": {"required": "Choose the stage reached"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage_on"].help_text = f"Leave blank for the date raised. {DATE_HINT}"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        raised, stage_on = data.get("raised_on"), data.get("stage_on")
        if raised and stage_on and stage_on < raised and "stage_on" not in self.errors:
            self.add_error(
                "stage_on", "Date it reached this stage must be on or after the date raised"
            )
        start = stage_on or raised
        resolved, outcome = data.get("resolved_on"), data.get("outcome")
        if start and resolved and resolved < start and "resolved_on" not in self.errors:
            self.add_error(
                "resolved_on",
                "Date resolved or closed must be on or after the date raised and the date it "
                "reached its stage",
            )
        if outcome and not resolved and "resolved_on" not in self.errors:
            self.add_error("resolved_on", "Enter the date resolved or closed with the outcome")
        if resolved and not outcome and "outcome" not in self.errors:
            self.add_error("outcome", "Choose the outcome with the date resolved or closed")
        return data

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "category",
                "This child already has an escalation about this issue raised that day: "
                "edit that one",
            )


class ContactForm(GovukFields, forms.ModelForm):
    child_id = _child()
    contact_on = date_field("Date", required=True)

    class Meta:
        model = IroContact
        fields = ["child_id", "iro", "contact_on", "kind", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"iro": IRO_ERRORS, "kind": {"required": "Choose the type of contact"}}

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "kind", "A contact of this type on that day is already recorded for this child"
            )
