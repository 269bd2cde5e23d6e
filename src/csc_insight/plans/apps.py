"""Django app config: Improvement plans with RAG-rated actions."""

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "csc_insight.plans"
    label = "plans"
