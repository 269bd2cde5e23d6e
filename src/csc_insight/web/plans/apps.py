from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "csc_insight.web.plans"
    label = "plans"
