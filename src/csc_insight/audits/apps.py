"""Django app config: Case-file audits: rounds, audit forms, moderation, alerts, reports."""

from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "csc_insight.audits"
    label = "audits"
