"""Routes for the plan pages."""

from django.urls import path

from csc_insight.web.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("new/", views.plan_new, name="new"),
    path("import/", views.plan_import, name="import"),
    path("mine/", views.my_actions, name="mine"),
    path("leads/", views.leads, name="leads"),
    path("<int:plan_id>/", views.plan_detail, name="detail"),
    path("<int:plan_id>/edit/", views.plan_edit, name="edit"),
    path("<int:plan_id>/sections/new/", views.section_new, name="section_new"),
    path("<int:plan_id>/reviews/new/", views.review_new, name="review_new"),
    path("<int:plan_id>/export.<str:kind>", views.plan_export, name="export"),
    path("<int:plan_id>/actions/new/", views.action_new, name="action_new"),
    path("<int:plan_id>/actions/<int:action_id>/", views.action_detail, name="action"),
    path("<int:plan_id>/actions/<int:action_id>/edit/", views.action_edit, name="action_edit"),
    path(
        "<int:plan_id>/actions/<int:action_id>/update/", views.action_update, name="action_update"
    ),
    path("<int:plan_id>/actions/<int:action_id>/move/", views.action_move, name="action_move"),
]
