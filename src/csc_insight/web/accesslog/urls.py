"""Routes for the access log."""

from django.urls import path

from csc_insight.web.accesslog import views

app_name = "accesslog"
urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", views.export, name="export"),
]
