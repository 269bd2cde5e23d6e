"""Routes for restricted records; records are addressed by number, never by child id."""

from django.urls import path

from csc_insight.web.restricted import views

app_name = "restricted"
urlpatterns = [
    path("", views.records, name="list"),
    path("new", views.record_new, name="new"),
    path("review", views.review, name="review"),
    path("review.csv", views.review_export, name="review_export"),
    path("<int:record_id>/", views.record, name="record"),
    path("<int:record_id>/lift", views.record_lift, name="lift"),
    path("<int:record_id>/grants/new", views.grant_new, name="grant"),
    path("grants/<int:grant_id>/revoke", views.grant_revoke, name="revoke"),
]
