"""Routes for the Data pages."""

from django.urls import path

from csc_insight.web.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.data, name="data"),
    path("upload/", views.upload, name="upload"),
    path("uploads/<slug:batch>/", views.result, name="result"),
    path("snapshots/<slug:snapshot_id>/use/", views.use_snapshot, name="use_snapshot"),
    path(
        "snapshots/<slug:snapshot_id>/validation/<slug:rule_id>/",
        views.validation_rule,
        name="validation_rule",
    ),
    path(
        "snapshots/<slug:snapshot_id>/validation.xlsx",
        views.validation_xlsx,
        name="validation_xlsx",
    ),
]
