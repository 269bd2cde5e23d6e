"""Django app config: Committee papers: drafts, previews and downloads."""

from django.apps import AppConfig


class CommitteeConfig(AppConfig):
    name = "csc_insight.committee"
    label = "committee"
