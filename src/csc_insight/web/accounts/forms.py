"""Forms for logging in and managing users."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password

from csc_insight.access.accounts.provision import validate_username
from csc_insight.access.roles import Role


class UserCreateForm(forms.Form):
    username = forms.CharField(max_length=150, validators=[validate_username])
    role = forms.ChoiceField(choices=Role.choices)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("A user with this username already exists")
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "password" in data:
            try:
                validate_password(data["password"])
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=Role.choices)


class CodeForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        label="Code from your authenticator app",
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app",
            "invalid": "Enter the code as 6 digits, for example 123456",
        },
    )


class SecondFactorForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("require", "Require"),
            ("optional", "Optional"),
            ("reset", "Reset"),
            ("link", "New setup link"),
        ]
    )
