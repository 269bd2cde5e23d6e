"""Django app config: The Data pages: upload returns, validation report, load history."""

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "csc_insight.web.imports"
    label = "imports"
