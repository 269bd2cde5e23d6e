"""Log in, log out, and the Administrator's Users pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from csc_insight.access import roles
from csc_insight.access.accounts.provision import create_user, disable_user
from csc_insight.web.accounts import second_factor
from csc_insight.web.accounts.forms import CodeForm, RoleForm, SecondFactorForm, UserCreateForm
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
    people = (
        get_user_model()
        .objects.order_by("username")
        .annotate(
            has_second_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True))
        )
    )
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
        create_user(
            form.cleaned_data["username"], form.cleaned_data["role"], form.cleaned_data["password"]
        )
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


@allow(roles.EVERYONE)
@require_http_methods(["GET", "POST"])
@never_cache
def second_factor_page(request: HttpRequest) -> HttpResponse:
    """Enter a code (a device is set up), or set one up (scan, then enter a code)."""
    device = second_factor.device_of(request.user)
    if device is not None and request.user.is_verified():  # type: ignore[union-attr]
        return render(request, "accounts/second_factor_on.html")
    if device is None and not second_factor.may_set_up(request):
        # required, none set up, and no setup link opened: the password is not enough
        return render(
            request,
            "accounts/setup_link_needed.html",
            status=403 if request.method == "POST" else 200,
        )
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if second_factor.check_code(request, form.cleaned_data["code"]):
            wanted = request.POST.get("next") or request.GET.get("next") or ""
            if not url_has_allowed_host_and_scheme(
                wanted, {request.get_host()}, request.is_secure()
            ):
                wanted = reverse("dashboard:start")
            if device is None:
                messages.success(request, "Two-factor authentication is set up")
            return redirect(wanted)
        form.add_error(
            "code",
            "That code is wrong or has expired: enter the code your "
            "app shows now (after several wrong codes you must wait)",
        )
    pending = None if device else second_factor.pending_device(request.user)
    return render(
        request,
        "accounts/second_factor.html",
        {
            "form": form,
            "setting_up": pending is not None,
            "qr": second_factor.qr_svg(pending) if pending else "",
            "secret": second_factor.secret_text(pending) if pending else "",
            "next": request.GET.get("next", ""),
        },
        status=400 if form.errors else 200,
    )


@allow(roles.EVERYONE)
@require_GET
@never_cache
def second_factor_setup(request: HttpRequest, token: str) -> HttpResponse:
    """The Administrator's one-time setup link: this session may now set up an
    authenticator (signed in as the user it was made for, before it expires)."""
    if not second_factor.open_setup_link(request, token):
        return render(request, "accounts/setup_link_needed.html", {"invalid": True}, status=404)
    return redirect("accounts:second_factor")


@allow(roles.ADMIN)
@require_POST
@never_cache
def user_second_factor(request: HttpRequest, user_id: int) -> HttpResponse:
    """Require, make optional or reset a user's second factor. Where it is required and
    none is set up, the response is the one-time setup link for the user (shown once)."""
    person = get_object_or_404(get_user_model(), pk=user_id)
    form = SecondFactorForm(request.POST)
    if form.is_valid():
        action = form.cleaned_data["action"]
        if action == "reset":
            second_factor.forget(person)
            messages.success(request, f"{person.username}'s authenticator is removed")
        elif action in ("require", "optional"):
            person.totp_required = action == "require"
            person.save(update_fields=["totp_required"])
            messages.success(
                request,
                f"Two-factor authentication is "
                f"{'required' if person.totp_required else 'optional'} "
                f"for {person.username}",
            )
        if person.totp_required and second_factor.device_of(person) is None:
            token, until = second_factor.issue_setup_link(person)
            link = request.build_absolute_uri(reverse("accounts:second_factor_setup", args=[token]))
            return render(
                request,
                "accounts/setup_link.html",
                {"person": person, "link": link, "until": until},
            )
    return redirect("accounts:users")
