"""Routes for logging in and out and managing users."""

from django.urls import path

from csc_insight.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("two-factor/", views.second_factor_page, name="second_factor"),
    path("two-factor/setup/<str:token>/", views.second_factor_setup, name="second_factor_setup"),
    path("users/", views.users, name="users"),
    path("users/new/", views.user_new, name="user_new"),
    path("users/<int:user_id>/role/", views.user_role, name="user_role"),
    path("users/<int:user_id>/disable/", views.user_disable, name="user_disable"),
    path("users/<int:user_id>/two-factor/", views.user_second_factor, name="user_second_factor"),
]
