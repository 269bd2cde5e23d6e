"""Forms for the Virtual School register's pages: a school and its Ofsted grade, and for a
child a school placement, a PEP, a term's attendance, a suspension or exclusion, a result
and post-16 activity. The child is the page's, never typed on these forms."""

from __future__ import annotations

import re
from typing import Any

from django import forms

from csc_insight.registers.virtual_school import SchoolYearError, parse_school_year
from csc_insight.registers.virtual_school_models import (
    OfstedGrade,
    PepGrade,
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)
from csc_insight.web.plans.forms import date_field
from csc_insight.web.registers.forms import yes_no
from csc_insight.web.registers.provider_forms import UniqueForm

YEAR_HINT = "For example 2019-20 (September to August)"


def _year(value: str) -> str:
    try:
        return parse_school_year(value).label
    except SchoolYearError:
        raise forms.ValidationError("Enter the school year as 2019-20") from None


def _percent(label: str, low: float, high: float, required: bool) -> forms.FloatField:
    # the messages go through %-formatting (min_value, max_value): no bare '%'
    words = f"Enter {label.lower()} as a number from {low:g} to {high:g}".replace("%", "%%")
    return forms.FloatField(
        label=label,
        required=required,
        min_value=low,
        max_value=high,
        error_messages={
            "required": f"Enter {label.lower()}",
            "invalid": words.replace("%%", "%"),
            "min_value": words,
            "max_value": words,
        },
    )


class SchoolForm(UniqueForm):
    ofsted_grade = forms.ChoiceField(
        label="Ofsted grade",
        choices=[("", "Not yet inspected"), *OfstedGrade.choices],
        required=False,
    )
    ofsted_date = date_field("Date of the Ofsted inspection")
    duplicate_field = "urn"
    duplicate_message = "A school with this URN is already on the list: edit that one"

    class Meta:
        model = VsSchool
        fields = ["name", "urn", "phase", "ofsted_grade", "ofsted_date"]
        help_texts = {"urn": "The school's unique reference number (6 or 7 digits), if it has one"}
        error_messages = {
            "name": {"required": "Enter the school's name"},
            "phase": {"required": "Choose the phase"},
        }

    def clean_urn(self) -> str:
        urn = re.sub(r"\s+", "", self.cleaned_data.get("urn") or "")
        if urn and not re.fullmatch(r"\d{6,7}", urn):
            raise forms.ValidationError("Enter a URN of 6 or 7 digits, or leave it blank")
        return urn

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        grade, graded = data.get("ofsted_grade"), data.get("ofsted_date")
        if grade and not graded and "ofsted_date" not in self.errors:
            self.add_error("ofsted_date", "Enter the date of the Ofsted inspection")
        if graded and not grade:
            self.add_error("ofsted_grade", "Choose the grade that inspection gave")
        return data


class PlacementForm(UniqueForm):
    start = date_field("On roll from", required=True)
    end = date_field("Left")
    duplicate_field = "start"
    duplicate_message = "The child is already on this school's roll from that day"

    class Meta:
        model = VsPlacement
        fields = ["school", "start", "end"]
        labels = {"school": "School or setting"}
        help_texts = {"school": "Add a school to the list first if it is not there"}
        error_messages = {"school": {"required": "Choose the school"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "Left must be on or after on roll from")
        return data


class PepForm(UniqueForm):
    held_on = date_field("Date of the PEP", required=True)
    grade = forms.ChoiceField(
        label="The Headteacher's quality grade",
        choices=[("", "Not yet graded"), *PepGrade.choices],
        required=False,
    )
    duplicate_field = "held_on"
    duplicate_message = "This child already has a PEP that day: edit that one"

    class Meta:
        model = VsPep
        fields = ["held_on", "grade", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class AttendanceForm(UniqueForm):
    year = forms.CharField(label="School year", help_text=YEAR_HINT, max_length=7)
    percent = _percent("Attendance (%)", 0, 100, required=True)
    duplicate_field = "term"
    duplicate_message = "This child's attendance for that term is already recorded: edit it"

    class Meta:
        model = VsAttendance
        fields = ["year", "term", "percent"]
        error_messages = {"term": {"required": "Choose the term"}}

    def clean_year(self) -> str:
        return _year(self.cleaned_data["year"])


class ExclusionForm(UniqueForm):
    start = date_field("Date of the exclusion", required=True)
    days = _percent("School days (suspension)", 0.5, 45, required=False)
    duplicate_field = "start"
    duplicate_message = "This child already has an exclusion of this type that day"

    class Meta:
        model = VsExclusion
        fields = ["start", "kind", "days", "reason"]
        labels = {"kind": "Type"}
        error_messages = {"kind": {"required": "Choose suspension or permanent exclusion"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        missing = data.get("days") is None and "days" not in self.errors
        if data.get("kind") == "suspension" and missing:
            self.add_error("days", "Enter the school days the suspension lasted")
        if data.get("kind") == "permanent":
            data["days"] = None
        return data


class ResultForm(UniqueForm):
    year = forms.CharField(label="School year", help_text=YEAR_HINT, max_length=7)
    expected = yes_no("Reached the standard")
    attainment8 = _percent("Attainment 8 score (key stage 4)", 0, 90, required=False)
    duplicate_field = "key_stage"
    duplicate_message = "This child already has a result for that key stage and year"

    class Meta:
        model = VsResult
        fields = ["year", "key_stage", "expected", "attainment8"]
        error_messages = {"key_stage": {"required": "Choose the key stage"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        value = self.initial.get("expected")
        if isinstance(value, bool):
            self.initial["expected"] = "true" if value else "false"

    def clean_year(self) -> str:
        return _year(self.cleaned_data["year"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        score, stage = data.get("attainment8"), data.get("key_stage")
        if score is not None and stage and stage != "ks4":
            self.add_error("attainment8", "Only key stage 4 has an Attainment 8 score")
        if data.get("expected") is None and score is None and "expected" not in self.errors:
            self.add_error("expected", "Say whether the standard was reached")
        return data


class ActivityForm(UniqueForm):
    recorded_on = date_field("As at", required=True)
    duplicate_field = "recorded_on"
    duplicate_message = "This young person's activity on that day is already recorded"

    class Meta:
        model = VsActivity
        fields = ["recorded_on", "activity"]
        error_messages = {"activity": {"required": "Choose the activity"}}
