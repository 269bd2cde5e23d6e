"""Routes for child-level pages; child ids are path segments, never query strings."""

from django.urls import path

from csc_insight.web.children import views

app_name = "children"
urlpatterns = [
    path("<slug:child_id>/", views.journey, name="journey"),
]
