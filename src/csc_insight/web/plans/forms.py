"""Forms for plans, sections, actions, updates, reviews, imports and leads.

Dates are typed as dd/mm/yyyy (or yyyy-mm-dd); every message says what to enter.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from csc_insight.plans.indicator_value import choices as indicator_choices
from csc_insight.plans.models import Plan, Section, SourceType
from csc_insight.plans.rag import CHOICES as RAG_CHOICES
from csc_insight.plans.services import today

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"]
DATE_HINT = "For example, 31/10/2020"


_CLASSES = {
    "Textarea": "govuk-textarea",
    "Select": "govuk-select",
    "ClearableFileInput": "govuk-file-upload",
    "FileInput": "govuk-file-upload",
}


class GovukFields:
    """Gives each widget its GOV.UK class, hint and error links (aria-describedby).

    A field that is not required is labelled "(optional)" (`plans/_field.html`), unless the
    form names it in NEEDED_BY_ANOTHER_ANSWER: required when another field has a certain
    answer (its `clean` says so, and its hint should say when)."""

    NEEDED_BY_ANOTHER_ANSWER: tuple[str, ...] = ()

    fields: dict[str, forms.Field]
    _errors: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name in self.NEEDED_BY_ANOTHER_ANSWER:
            self.fields[name].needed_by_another_answer = True  # type: ignore[attr-defined]
        self.govuk()

    def govuk(self) -> None:
        errors = self._errors or {}  # None until validated: never validate from here
        for name, field in self.fields.items():
            widget = field.widget
            base = _CLASSES.get(type(widget).__name__, "govuk-input")
            if isinstance(widget, forms.DateInput):
                base += " govuk-input--width-10"
            described = [f"id_{name}-hint"] if field.help_text else []
            if name in errors:
                base += f" {base.split()[0]}--error"
                described.append(f"id_{name}-error")
            widget.attrs["class"] = base
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        self.govuk()


def date_field(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y"),
        help_text=DATE_HINT,
        error_messages={
            "invalid": f"{label} must be a real date, for example 31/10/2020",
            "required": f"Enter the {label.lower()}",
        },
    )


class PlanForm(GovukFields, forms.ModelForm):
    implementation_date = date_field("Implementation date")
    review_date = date_field("Review date")

    class Meta:
        model = Plan
        fields = [
            "name",
            "duration",
            "relevant_strategies",
            "monitoring_board",
            "owner",
            "implementation_date",
            "review_date",
            "monitoring_frequency",
            "aims",
            "people_involved",
        ]
        error_messages = {"name": {"required": "Enter the plan's name"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, review = data.get("implementation_date"), data.get("review_date")
        if start and review and review < start:
            self.add_error("review_date", "Review date must be on or after the implementation date")
        return data


class SectionForm(GovukFields, forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Section title",
        error_messages={"required": "Enter the section's title"},
    )


class ActionForm(GovukFields, forms.Form):
    # Needed when the action's source is an indicator, as its hint says.
    NEEDED_BY_ANOTHER_ANSWER = ("indicator_id",)

    section = forms.ModelChoiceField(
        queryset=Section.objects.none(), empty_label=None, label="Section"
    )
    ref = forms.CharField(
        max_length=20, label="Ref", error_messages={"required": "Enter the action's reference"}
    )
    specific_aim = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Specific aim"
    )
    action = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Action",
        error_messages={"required": "Enter the action to be taken"},
    )
    measure = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Measure/outcome"
    )
    source_type = forms.ChoiceField(
        choices=[("", "None")] + SourceType.choices, required=False, label="Source"
    )
    source_reference = forms.CharField(
        max_length=300,
        required=False,
        label="Source reference",
        help_text="For example, Ofsted 2016 recommendation 1",
    )
    indicator_id = forms.ChoiceField(
        choices=(),
        required=False,
        label="Indicator",
        help_text="Needed when the source is an indicator: its latest value is shown beside "
        "the action",
    )
    start = date_field("Start date")
    due = date_field("Due date")
    leads = forms.CharField(
        max_length=300,
        required=False,
        label="Lead",
        help_text="Initials or names, separated by /, for example RG/HS",
    )
    area_lead = forms.CharField(max_length=200, required=False, label="Area lead")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = plan.sections.all()
        self.fields["indicator_id"].choices = [("", "None")] + indicator_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source_type") == SourceType.INDICATOR and not data.get("indicator_id"):
            self.add_error("indicator_id", "Select the indicator this action is linked to")
        start, due = data.get("start"), data.get("due")
        if start and due and due < start:
            self.add_error("due", "Due date must be on or after the start date")
        return data


class NewActionForm(ActionForm):
    rag = forms.ChoiceField(choices=RAG_CHOICES, label="RAG status", initial="amber")
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Comment"
    )


class UpdateForm(GovukFields, forms.Form):
    rag = forms.ChoiceField(
        choices=RAG_CHOICES,
        label="RAG status",
        error_messages={"invalid_choice": "Select Red, Amber, Green or Blue"},
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Comment",
        error_messages={"required": "Enter a comment on progress"},
    )
    on = date_field("Date of update", required=True)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_on(self) -> Any:
        on = self.cleaned_data["on"]
        if on > today():
            raise forms.ValidationError("Date of update must be today or in the past")
        return on


class ReviewForm(GovukFields, forms.Form):
    held_on = date_field("Date of review", required=True)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Note")


class ImportForm(GovukFields, forms.Form):
    file = forms.FileField(
        label="Plan spreadsheet",
        help_text="An .xlsx or .csv file",
        error_messages={"required": "Select a plan spreadsheet"},
    )
    name = forms.CharField(
        max_length=200,
        required=False,
        label="Plan name",
        help_text="Leave blank to use the name in the file",
    )


class LeadForm(GovukFields, forms.Form):
    user = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        label="User",
        empty_label="Nobody",
    )
