"""Django app config: restricted records and the grants that open them."""

from django.apps import AppConfig


class RestrictedConfig(AppConfig):
    name = "csc_insight.access.restricted"
    label = "restricted"
