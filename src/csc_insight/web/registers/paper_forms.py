"""The form for making a register's committee paper: the year or term, the meeting's date
and the format (registers/paper_registry.py says which papers there are)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from csc_insight.registers.paper_registry import (
    SCHOOL_YEAR,
    YEAR,
    PaperChoiceError,
    RegisterPaper,
    choices,
)
from csc_insight.web.plans.forms import GovukFields, date_field

FORMATS = (
    ("docx", "Word (DOCX), to edit before the meeting"),
    ("pdf", "PDF, as the committee will read it"),
    ("html", "Web page (HTML), to read now"),
)


class RegisterPaperForm(GovukFields, forms.Form):
    when = forms.ChoiceField()
    meeting = date_field("Meeting date", required=True)
    format = forms.ChoiceField(choices=FORMATS, initial="docx", widget=forms.RadioSelect)

    def __init__(
        self, paper: RegisterPaper, today: date, since: date | None, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.paper = paper
        field = self.fields["when"]
        offered = choices(paper, today, since)
        field.choices = offered
        # the last complete year or term is the usual paper's
        field.initial = offered[1][0] if len(offered) > 1 else offered[0][0]
        if paper.chooses == YEAR:
            field.label = "Financial year"
            field.help_text = "The year the paper reports on, April to March"
        elif paper.chooses == SCHOOL_YEAR:
            field.label = "School year"
            field.help_text = "The school year the paper reports on, September to August"
        else:
            field.label = "Term"
            field.help_text = "The school term the paper reports on"
        field.error_messages["invalid_choice"] = f"Choose a {field.label.lower()} from the list"
        self.govuk()

    def clean_when(self) -> Any:
        try:
            return self.paper.read(self.cleaned_data["when"])
        except PaperChoiceError as bad:
            raise forms.ValidationError(str(bad)) from bad
