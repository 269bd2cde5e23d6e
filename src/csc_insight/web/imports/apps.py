from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "csc_insight.web.imports"
    label = "imports"
