from django.apps import AppConfig


class AccessLogConfig(AppConfig):
    name = "csc_insight.web.accesslog"
    label = "accesslog"
