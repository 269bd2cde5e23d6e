"""Django app config: The append-only access log of child-level views."""

from django.apps import AppConfig


class AccessLogConfig(AppConfig):
    name = "csc_insight.access.accesslog"
    label = "accesslog"
