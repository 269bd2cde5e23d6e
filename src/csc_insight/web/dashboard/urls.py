"""Routes for the start page and the dashboards; child-level lists take ids from the path."""

from django.urls import path

from csc_insight.web.dashboard import drilldown, views

app_name = "dashboard"
urlpatterns = [
    path("", views.start, name="start"),
    path("performance/", views.overview, name="overview"),
    path("performance/<slug:area_slug>/", views.area, name="area"),
    path("indicators/<slug:indicator_id>/", views.indicator, name="indicator"),
    path(
        "indicators/<slug:indicator_id>/<str:period>/children/",
        drilldown.drilldown,
        name="children",
    ),
]
