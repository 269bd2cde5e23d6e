"""Routes for child-level pages; child ids are path segments, never query strings, and only
their canonical form matches (web/converters.py): any other spelling is 404."""

from django.urls import path

from csc_insight.web import converters  # noqa: F401 (registers the child_id converter)
from csc_insight.web.children import views

app_name = "children"
urlpatterns = [
    path("<child_id:child_id>/", views.journey, name="journey"),
]
