"""Forms for committee drafts: what paper for which meeting, and its narrative."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.audits.models import Round
from csc_insight.committee.models import Kind
from csc_insight.indicators import PeriodError, parse_period
from csc_insight.plans.models import Plan
from csc_insight.reports.paper import Meta, Narrative
from csc_insight.web.period_field import offer_periods
from csc_insight.web.plans.forms import GovukFields, date_field

LABELS = {
    "summary": "Summary",
    "recommendations": "Recommendation(s): one a line",
    "background": "Background",
    "current_position": "Current Position",
    "implications": "Corporate & Strategic Implications",
    "conclusion": "Conclusion",
    "committee": "Committee",
    "report_of": "Report of",
    "report_author": "Report author",
    "author_contact": "Author's contact details",
    "decision": "For Information or Decision",
}


class NewDraftForm(GovukFields, forms.Form):
    # Each is needed by one kind of paper, as its hint says.
    NEEDED_BY_ANOTHER_ANSWER = ("period", "plan", "audit_round")

    kind = forms.ChoiceField(label="Paper", choices=Kind.choices)
    meeting = date_field("Meeting date", required=True)
    # A list of the data's periods to choose from; any period (2019-20-Q3, asat:2020-03-31)
    # is accepted, as `csc-insight committee` accepts it.
    period = forms.CharField(
        label="Period",
        required=False,
        widget=forms.Select,
        help_text="Needed for the performance report and its appendix: the quarters and years of "
        "the data loaded",
    )
    plan = forms.ModelChoiceField(
        label="Plan",
        queryset=Plan.objects.all(),
        required=False,
        empty_label="No plan (not a plan progress report)",
        help_text="Needed for the plan progress report",
    )
    audit_round = forms.ModelChoiceField(
        label="Audit round",
        queryset=Round.objects.all(),
        required=False,
        empty_label="No audit round (not a quality assurance report)",
        help_text="Needed for the quality assurance report",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_periods(self, "period", empty="No period (not a performance paper)")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if kind not in (Kind.PERFORMANCE, Kind.APPENDIX):
            data["period"] = ""  # chosen to start with; only these papers are for a period
        elif not data.get("period"):
            self.add_error("period", "Choose the period the report is for")
        else:
            try:
                data["period"] = parse_period(data["period"]).label
            except PeriodError:
                self.add_error(
                    "period",
                    f"Choose a period from the list: “{data['period']}” is not a quarter, "
                    "year or date CSC Insight knows",
                )
        if kind == Kind.PLAN and not data.get("plan"):
            self.add_error("plan", "Choose the plan to report on")
        if kind == Kind.AUDIT and not data.get("audit_round"):
            self.add_error("audit_round", "Choose the audit round to report on")
        return data


class NarrativeForm(GovukFields, forms.Form):
    """The words the author writes; each paragraph on its own line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in Meta.names():
            self.fields[name] = forms.CharField(
                label=LABELS[name],
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2})
                if name == "author_contact"
                else forms.TextInput(),
            )
        for name in Narrative.names():
            self.fields[name] = forms.CharField(
                label=LABELS[name],
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        self.govuk()
