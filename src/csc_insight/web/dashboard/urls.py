"""Routes for the dashboards (phase 2 adds overview, area and indicator pages here)."""

from django.urls import path

from csc_insight.web.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.start, name="start"),
]
