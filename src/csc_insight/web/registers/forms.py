"""Forms for the registers' pages: a missing episode, and a register file to import."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.registers.models import CmeEntry, MissingEpisode
from csc_insight.web.children.fields import ChildIdField
from csc_insight.web.plans.forms import GovukFields, date_field

YES_NO = [("", "Not recorded"), ("true", "Yes"), ("false", "No")]


def yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        required=False,
        empty_value=None,
        coerce=lambda v: {"true": True, "false": False}.get(v),
    )


class MissingEpisodeForm(GovukFields, forms.ModelForm):
    child_id = ChildIdField(
        label="Child ID",
        help_text="As in the returns",
        error_messages={"required": "Enter the child ID"},
    )
    start = date_field("Date missing from", required=True)
    reported_on = date_field("Date reported to police")
    risk_noted_at_placement = yes_no("Risk of going missing noted at placement")
    strategy_meeting_on = date_field("Strategy meeting")
    returned_on = date_field("Date found or returned")
    rhi_offered_on = date_field("Return interview offered")
    rhi_accepted = yes_no("Return interview accepted")
    rhi_held_on = date_field("Return interview held")
    lead_member_notified_on = date_field("Lead Member notified")

    class Meta:
        model = MissingEpisode
        fields = [
            "child_id",
            "missing_from",
            "start",
            "reported_by",
            "reported_on",
            "risk_noted_at_placement",
            "strategy_meeting_on",
            "returned_on",
            "how_found",
            "rhi_offered_on",
            "rhi_accepted",
            "rhi_held_on",
            "themes",
            "lead_member_notified_on",
        ]
        labels = {"missing_from": "Missing from"}
        widgets = {"themes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"missing_from": {"required": "Choose home or care"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("risk_noted_at_placement", "rhi_accepted"):
            value = self.initial.get(name)
            if isinstance(value, bool):
                self.initial[name] = "true" if value else "false"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start = data.get("start")
        returned = data.get("returned_on")
        for name in (
            "reported_on",
            "strategy_meeting_on",
            "returned_on",
            "rhi_offered_on",
            "rhi_held_on",
            "lead_member_notified_on",
        ):
            when = data.get(name)
            if start and when and when < start:
                self.add_error(
                    name, f"{self.fields[name].label} must be on or after the date missing from"
                )
        for name in ("rhi_offered_on", "rhi_held_on"):
            when = data.get(name)
            if returned and when and when < returned and name not in self.errors:
                self.add_error(
                    name,
                    f"{self.fields[name].label} must be on or after the date found or returned",
                )
        return data

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "start", "This child already has an episode starting that day: edit that one"
            )


class RegisterImportForm(GovukFields, forms.Form):
    file = forms.FileField(
        label="Register file",
        help_text="An .xlsx or .csv file",
        error_messages={"required": "Select a register file"},
    )


class CmeEntryForm(GovukFields, forms.ModelForm):
    child_id = ChildIdField(
        label="Child ID",
        help_text="As in the returns",
        error_messages={"required": "Enter the child ID"},
    )
    start = date_field("Monitored from", required=True)
    end = date_field("Monitored until")
    attendance = forms.FloatField(
        label="Attendance (%)",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": "Enter attendance as a number from 0 to 100",
            "min_value": "Enter attendance as a number from 0 to 100",
            "max_value": "Enter attendance as a number from 0 to 100",
        },
    )

    class Meta:
        model = CmeEntry
        fields = ["child_id", "category", "start", "end", "attendance", "school", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"category": {"required": "Choose the category"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "Monitored until must be on or after monitored from")
        return data

    def validate_unique(self) -> None:
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error(
                "start",
                "This child already has an entry in this category from that day: edit that one",
            )
