from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "csc_insight.web.audits"
    label = "audits"
