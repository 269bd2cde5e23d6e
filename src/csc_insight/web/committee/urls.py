"""Routes for committee papers."""

from django.urls import path

from csc_insight.web.committee import views

app_name = "committee"
urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/", views.draft_new, name="new"),
    path("<int:draft_id>/", views.draft_edit, name="edit"),
    path("<int:draft_id>/paper.<str:fmt>", views.download, name="download"),
    path("agenda/<str:meeting>.<str:fmt>", views.agenda, name="agenda"),
]
