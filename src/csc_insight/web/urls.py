"""The site's routes: each app's own, under its section's prefix."""

from django.urls import include, path

urlpatterns = [
    path("", include("csc_insight.web.dashboard.urls")),
    path("account/", include("csc_insight.web.accounts.urls")),
    path("data/", include("csc_insight.web.imports.urls")),
    path("children/", include("csc_insight.web.children.urls")),
    path("access-log/", include("csc_insight.web.accesslog.urls")),
    path("restricted/", include("csc_insight.web.restricted.urls")),
    path("plans/", include("csc_insight.web.plans.urls")),
    path("audits/", include("csc_insight.web.audits.urls")),
    path("committee/", include("csc_insight.web.committee.urls")),
    path("registers/", include("csc_insight.web.registers.urls")),
]

handler403 = "csc_insight.web.errors.forbidden"
handler404 = "csc_insight.web.errors.not_found"
