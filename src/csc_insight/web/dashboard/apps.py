"""Django app config: Performance dashboards: overview, areas, indicators, drill-down."""

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "csc_insight.web.dashboard"
    label = "dashboard"
