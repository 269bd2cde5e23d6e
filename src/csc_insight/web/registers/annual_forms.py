"""Forms for the LADO and private fostering pages: a LADO contact, a private fostering
arrangement, a visit, an awareness activity."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.registers.models import (
    AwarenessActivity,
    LadoContact,
    PrivateFostering,
    PrivateFosteringVisit,
)
from csc_insight.web.children.fields import ChildIdField
from csc_insight.web.plans.forms import GovukFields, date_field
from csc_insight.web.registers.forms import yes_no


def _not_before(form: forms.Form, data: dict[str, Any], first: str, later: tuple[str, ...]) -> None:
    start = data.get(first)
    for name in later:
        when = data.get(name)
        if start and when and when < start and name not in form.errors:
            form.add_error(
                name,
                f"{form.fields[name].label} must be on or after the "
                f"{str(form.fields[first].label).lower()}",
            )


class LadoContactForm(GovukFields, forms.ModelForm):
    received_on = date_field("Date received", required=True)
    met_threshold = yes_no("Met the threshold for a referral")
    initial_meeting_on = date_field("Initial evaluation meeting")
    concluded_on = date_field("Date concluded")

    class Meta:
        model = LadoContact
        fields = [
            "reference",
            "received_on",
            "source",
            "sector",
            "role",
            "category",
            "met_threshold",
            "initial_meeting_on",
            "outcome",
            "concluded_on",
            "notes",
        ]
        help_texts = {
            "reference": "The LADO's case reference, not the adult's name",
            "role": "For example teacher, sports coach",
        }
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "reference": {
                "required": "Enter the case reference",
                "unique": "A contact with this case reference is already in the register",
            },
            "sector": {"required": "Choose the sector"},
            "category": {"required": "Choose the allegation category"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        value = self.initial.get("met_threshold")
        if isinstance(value, bool):
            self.initial["met_threshold"] = "true" if value else "false"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _not_before(self, data, "received_on", ("initial_meeting_on", "concluded_on"))
        return data


class PrivateFosteringForm(GovukFields, forms.ModelForm):
    child_id = ChildIdField(
        label="Child ID",
        help_text="As in the returns",
        error_messages={"required": "Enter the child ID"},
    )
    notified_on = date_field("Date notified", required=True)
    initial_visit_on = date_field("Initial visit")
    assessment_completed_on = date_field("Assessment completed")
    ended_on = date_field("Arrangement ended")

    class Meta:
        model = PrivateFostering
        fields = [
            "child_id",
            "notified_on",
            "notified_by",
            "initial_visit_on",
            "assessment_completed_on",
            "ended_on",
            "end_reason",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        _not_before(
            self,
            data,
            "notified_on",
            ("initial_visit_on", "assessment_completed_on", "ended_on"),
        )
        return data

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "notified_on",
                "This child already has an arrangement notified that day: edit that one",
            )


class VisitForm(GovukFields, forms.ModelForm):
    visited_on = date_field("Date of visit", required=True)

    class Meta:
        model = PrivateFosteringVisit
        fields = ["visited_on", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, arrangement: PrivateFostering, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "visit")  # beside the arrangement's form on one page
        super().__init__(*args, **kwargs)
        self.instance.arrangement = arrangement

    def clean_visited_on(self) -> Any:
        day = self.cleaned_data["visited_on"]
        arrangement = self.instance.arrangement
        if day < arrangement.notified_on:
            raise forms.ValidationError("The date of visit must be on or after the date notified")
        if arrangement.ended_on and day > arrangement.ended_on:
            raise forms.ValidationError(
                "The date of visit must be on or before the day the arrangement ended"
            )
        if arrangement.visits.filter(visited_on=day).exists():
            raise forms.ValidationError("A visit on that day is already recorded")
        return day


class AwarenessForm(GovukFields, forms.ModelForm):
    held_on = date_field("Date", required=True)

    class Meta:
        model = AwarenessActivity
        fields = ["held_on", "kind", "title", "audience", "attendees", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "kind": {"required": "Choose the kind of activity"},
            "title": {"required": "Enter what the activity was"},
            "attendees": {
                "invalid": "Enter the attendees as a whole number",
                "min_value": "Enter the attendees as a whole number of 0 or more",
            },
        }

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("title", "An activity with this title on that day is already recorded")
