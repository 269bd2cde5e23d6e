"""Django app config: the user model, with a role each."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "csc_insight.access.accounts"
    label = "accounts"
