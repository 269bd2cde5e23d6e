"""Forms for the providers and safeguarding champions registers' pages."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.registers.champions import HALF_EXPECTED, HalfYearError, parse_half_year
from csc_insight.registers.models import (
    AssuranceReturn,
    Champion,
    Department,
    Provider,
    ProviderInspection,
    ProviderVisit,
    TrainingRecord,
)
from csc_insight.registers.providers import URN_EXPECTED, normal_urn
from csc_insight.web.plans.forms import GovukFields, date_field


class UniqueForm(GovukFields, forms.ModelForm):
    """A model form whose unique constraint is reported on one field, in words."""

    duplicate_field = ""
    duplicate_message = ""

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
            self.instance.validate_unique()
        except forms.ValidationError:
            self.add_error(self.duplicate_field, self.duplicate_message)


class ProviderForm(UniqueForm):
    duplicate_field = "urn"
    duplicate_message = "A provider with this URN is already on the register: edit that one"

    class Meta:
        model = Provider
        fields = ["name", "urn", "kind", "notes"]
        help_texts = {"urn": "The Ofsted unique reference number, such as SC123456"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": "Enter the provider's name"},
            "urn": {"required": "Enter the provider's Ofsted URN"},
            "kind": {"required": "Choose the type of provider"},
        }

    def clean_urn(self) -> str:
        urn = normal_urn(self.cleaned_data.get("urn") or "")
        if urn is None:
            raise forms.ValidationError(f"Enter {URN_EXPECTED}")
        return urn


class InspectionForm(UniqueForm):
    inspected_on = date_field("Inspection date", required=True)
    duplicate_field = "inspected_on"
    duplicate_message = "This provider already has an inspection that day"

    class Meta:
        model = ProviderInspection
        fields = ["inspected_on", "rating"]
        error_messages = {"rating": {"required": "Choose the Ofsted rating"}}


class VisitForm(UniqueForm):
    visited_on = date_field("Monitoring visit", required=True)
    duplicate_field = "visited_on"
    duplicate_message = "This provider already has a monitoring visit that day"

    class Meta:
        model = ProviderVisit
        fields = ["visited_on", "result", "notes"]
        labels = {"result": "Result against the national minimum standards"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"result": {"required": "Choose the visit's result"}}


class DepartmentForm(UniqueForm):
    duplicate_field = "name"
    duplicate_message = "This department is already on the register"

    class Meta:
        model = Department
        fields = ["name", "chief_officer"]
        labels = {"name": "Department"}
        error_messages = {"name": {"required": "Enter the department's name"}}


class ChampionForm(UniqueForm):
    appointed_on = date_field("Date appointed", required=True)
    ended_on = date_field("Stood down")
    duplicate_field = "appointed_on"
    duplicate_message = "This champion is already recorded from that day"

    class Meta:
        model = Champion
        fields = ["department", "name", "role", "appointed_on", "ended_on"]
        error_messages = {
            "department": {"required": "Choose the department"},
            "name": {"required": "Enter the champion's name"},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("appointed_on"), data.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", "Stood down must be on or after the date appointed")
        return data


class AssuranceForm(UniqueForm):
    received_on = date_field("Date received", required=True)
    duplicate_field = "half_year"
    duplicate_message = "This department's return for that half-year is already recorded"

    class Meta:
        model = AssuranceReturn
        fields = ["department", "half_year", "received_on", "assurance", "actions"]
        help_texts = {"half_year": "For example 2019-20-H1 (April-September) or 2019-20-H2"}
        widgets = {"actions": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "department": {"required": "Choose the department"},
            "half_year": {"required": "Enter the half-year"},
            "assurance": {"required": "Choose the level of assurance"},
        }

    def clean_half_year(self) -> str:
        try:
            return parse_half_year(self.cleaned_data.get("half_year") or "").label
        except HalfYearError:
            raise forms.ValidationError(f"Enter {HALF_EXPECTED}") from None


class TrainingForm(UniqueForm):
    completed_on = date_field("Date completed", required=True)
    duplicate_field = "completed_on"
    duplicate_message = "This training is already recorded for that person and day"

    class Meta:
        model = TrainingRecord
        fields = ["name", "department", "course", "completed_on"]
        error_messages = {
            "name": {"required": "Enter who completed the training"},
            "course": {"required": "Enter the course"},
        }
