"""Django app config: A child's journey page."""

from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "csc_insight.web.children"
    label = "children"
