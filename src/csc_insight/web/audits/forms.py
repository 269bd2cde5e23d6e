"""Forms for planning a round, auditing a case, moderating, raising a plan action from a
finding, and writing up a round. GOV.UK classes come from the plans app's GovukFields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from csc_insight.access.roles import Role
from csc_insight.audits.grades import GRADES, OVERALL, SECTIONS
from csc_insight.audits.models import Kind, Round
from csc_insight.audits.sampling import THEMES
from csc_insight.common.child_ids import ALLOWED, ChildIdError, canonical_child_id
from csc_insight.indicators.periods import PeriodError, parse_period
from csc_insight.plans.models import Section
from csc_insight.web.period_field import offer_periods
from csc_insight.web.plans.forms import GovukFields, date_field

GRADE_OPTIONS = [("", "Choose a grade"), *GRADES]
SECTION_GRADE_OPTIONS = [("", "Not graded"), *GRADES]
TEXT = forms.Textarea(attrs={"rows": 3})
NO_IDS = "Write about practice, not people: no child ids or names."


class PlanRoundForm(GovukFields, forms.Form):
    # The data's quarters to choose from; any quarter typed in a link (2019-20-Q3) is accepted.
    quarter = forms.CharField(
        label="Quarter",
        widget=forms.Select,
        help_text="The quarters of the data loaded: the cases open at the quarter's end",
    )
    kind = forms.ChoiceField(label="Kind of audit", choices=Kind.choices)
    theme = forms.ChoiceField(
        label="Theme",
        required=False,
        choices=[("", "No theme"), *THEMES.items()],
        help_text="Thematic audits only: the children the indicator counts in the quarter",
    )
    per_worker = forms.IntegerField(
        label="Cases from each worker", min_value=1, max_value=20, initial=3
    )
    workers = forms.IntegerField(label="Number of workers", min_value=1, max_value=50, initial=3)
    include_recent = forms.BooleanField(
        label="Include cases audited in the last 12 months", required=False
    )
    include_restricted = forms.BooleanField(
        label="Include restricted records",
        required=False,
        help_text="Left out unless ticked; an auditor then needs a grant from an "
        "Administrator as well as the round",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_periods(self, "quarter", quarters_only=True)

    def clean_quarter(self) -> str:
        text = self.cleaned_data["quarter"].strip()
        try:
            period = parse_period(text)
        except PeriodError:
            period = None
        if period is None or period.kind != "quarter":
            raise forms.ValidationError("Choose a quarter, such as Q3 2019-20")
        return period.label

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Kind.THEMATIC and not data.get("theme"):
            self.add_error("theme", "Choose the theme of a thematic audit")
        return data


class CreateRoundForm(GovukFields, forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        required=False,
        help_text="Leave blank for the round's usual title",  # `__init__` names it
    )
    added = forms.CharField(
        label="Add cases by child id",
        required=False,
        widget=TEXT,
        help_text="One child id a line, for cases the sample left out",
    )

    def __init__(self, *args: Any, default: str, **kwargs: Any) -> None:
        """`default`: the title a round planned with no title is given."""
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = f"Leave blank for “{default}”"

    def clean_added(self) -> list[str]:
        try:
            return [
                canonical_child_id(line)
                for line in self.cleaned_data["added"].splitlines()
                if line.strip()
            ]
        except ChildIdError as bad:
            raise forms.ValidationError(f"Child ids are {ALLOWED} only") from bad


class AuditForm(GovukFields, forms.Form):
    audited_on = date_field("Date audited", required=True)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in SECTIONS:
            self.fields[f"{key}_grade"] = forms.ChoiceField(
                label=f"{label}: grade", choices=SECTION_GRADE_OPTIONS, required=False
            )
            self.fields[f"{key}_strengths"] = forms.CharField(
                label=f"{label}: strengths", required=False, widget=TEXT
            )
            self.fields[f"{key}_improve"] = forms.CharField(
                label=f"{label}: areas to improve", required=False, widget=TEXT
            )
            self.fields[f"{key}_evidence"] = forms.CharField(
                label=f"{label}: evidence notes", required=False, widget=TEXT
            )
        self.fields["overall"] = forms.ChoiceField(
            label="Overall grade",
            choices=GRADE_OPTIONS,
            error_messages={"required": "Choose an overall grade"},
        )
        self.fields["immediate_concern"] = forms.BooleanField(
            label="This case needs immediate escalation to the team and service manager",
            required=False,
        )
        self.fields["concern_details"] = forms.CharField(
            label="What the concern is", required=False, widget=TEXT
        )
        self.govuk()

    def section_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (
                label,
                [self[f"{key}_{part}"] for part in ("grade", "strengths", "improve", "evidence")],
            )
            for key, label in SECTIONS
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("immediate_concern") and not data.get("concern_details", "").strip():
            self.add_error("concern_details", "Say what the immediate concern is")
        return data

    def sections(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            key: {
                part: data[f"{key}_{part}"]
                for part in ("grade", "strengths", "improve", "evidence")
            }
            for key, _ in SECTIONS
        }


class ModerateForm(GovukFields, forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=TEXT,
        help_text=("Why you agree, or why you changed grades"),
        error_messages={"required": "Give the reason for your moderation"},
    )

    def __init__(self, *args: Any, grades: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in [*SECTIONS, (OVERALL, "Overall")]:
            self.fields[f"grade_{key}"] = forms.ChoiceField(
                label=f"{label}: moderated grade",
                choices=SECTION_GRADE_OPTIONS,
                required=False,
                initial=grades.get(key, ""),
            )
        self.fields["reason"] = self.fields.pop("reason")
        self.govuk()

    def grades(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[f"grade_{key}"] for key, _ in [*SECTIONS, (OVERALL, "Overall")]
        }


class PlanSectionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Section) -> str:
        return f"{obj.plan.name}: {obj.title}"


class ActForm(GovukFields, forms.Form):
    finding = forms.CharField(label="Finding", widget=TEXT, help_text=NO_IDS)
    plan_section = PlanSectionChoice(
        label="Plan and section",
        queryset=Section.objects.select_related("plan"),
        empty_label="Choose a plan section",
    )
    ref = forms.CharField(label="Action reference", max_length=20)
    action = forms.CharField(label="Action", widget=TEXT, help_text=NO_IDS)
    measure = forms.CharField(label="Measure/outcome", required=False, widget=TEXT)
    due = date_field("Due date")
    leads = forms.CharField(
        label="Leads",
        required=False,
        max_length=200,
        help_text="Names or initials separated by /, for example TM/DTM",
    )


class WriteUpForm(GovukFields, forms.ModelForm):
    class Meta:
        model = Round
        fields = ["summary", "recommendations", "access_until"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "recommendations": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "summary": "Shown to Members in the round report. " + NO_IDS,
            "recommendations": "One a line. Shown to Members. " + NO_IDS,
        }

    access_until = date_field("Auditors' access ends", required=True)


class AuditorsForm(forms.Form):
    auditors = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.filter(role=Role.AUDITOR, is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
