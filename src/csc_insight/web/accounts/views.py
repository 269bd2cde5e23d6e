"""Log in, log out, and the Administrator's Users pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from csc_insight.web import roles
from csc_insight.web.accounts.forms import RoleForm, UserCreateForm
from csc_insight.web.accounts.provision import create_user, disable_user
from csc_insight.web.policy import allow, public

login = public(
    auth_views.LoginView.as_view(
        template_name="accounts/login.html", redirect_authenticated_user=True
    )
)
logout = allow(roles.EVERYONE)(require_POST(auth_views.LogoutView.as_view()))


@allow(roles.ADMIN)
@require_GET
def users(request: HttpRequest) -> HttpResponse:
    people = get_user_model().objects.order_by("username")
    return render(
        request,
        "accounts/users.html",
        {"people": people, "role_choices": roles.Role.choices},
    )


@allow(roles.ADMIN)
@require_http_methods(["GET", "POST"])
def user_new(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        create_user(form.cleaned_data["username"], form.cleaned_data["role"],
                    form.cleaned_data["password"])
        messages.success(request, f"User {form.cleaned_data['username']} added")
        return redirect("accounts:users")
    return render(request, "accounts/user_new.html", {"form": form})


@allow(roles.ADMIN)
@require_POST
def user_role(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(get_user_model(), pk=user_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        person.role = form.cleaned_data["role"]
        person.save(update_fields=["role"])
        messages.success(request, f"{person.username} is now {person.get_role_display()}")
    return redirect("accounts:users")


@allow(roles.ADMIN)
@require_POST
def user_disable(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(get_user_model(), pk=user_id)
    if person.pk == request.user.pk:
        messages.error(request, "You cannot disable your own account")
    else:
        disable_user(person.pk)
        messages.success(request, f"{person.username} is disabled and logged out")
    return redirect("accounts:users")
