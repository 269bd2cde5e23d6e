"""The form field for a child id: every form that takes one cleans it to the canonical
form (common/child_ids.py) before anything checks or stores it."""

from __future__ import annotations

from typing import Any

from django import forms

from csc_insight.common.child_ids import ALLOWED, ChildIdError, canonical_child_id

INVALID = f"Enter a child ID of {ALLOWED} only"


def clean_child_id(raw: str) -> str:
    """The canonical id, or a ValidationError in the words the forms use."""
    try:
        return canonical_child_id(raw)
    except ChildIdError as bad:
        raise forms.ValidationError(INVALID, code="invalid") from bad


class ChildIdField(forms.CharField):
    """A child id, trimmed and upper-cased: `cl00000006` is stored as `CL00000006`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        return clean_child_id(text) if text else text
