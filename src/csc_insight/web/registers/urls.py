"""Routes for the registers; child ids are path segments in their canonical form only."""

from django.urls import path

from csc_insight.web import converters  # noqa: F401 (registers the child_id converter)
from csc_insight.web.registers import annual_views, iro_views, paper_views, provider_views, views
from csc_insight.web.registers import virtual_school_views as vs_views

app_name = "registers"
urlpatterns = [
    path("", views.index, name="index"),
    # the registers' committee papers (registers/paper_registry.py)
    path("papers/", paper_views.papers, name="papers"),
    path("papers/<slug:kind>/", paper_views.paper, name="paper"),
    path("missing/", views.missing_list, name="missing"),
    path("missing/new", views.missing_new, name="missing_new"),
    path("missing/import", views.missing_import, name="missing_import"),
    path("missing/<int:episode_id>/edit", views.missing_edit, name="missing_edit"),
    path("missing/child/<child_id:child_id>/", views.missing_child, name="missing_child"),
    path("cme/", views.cme_list, name="cme"),
    path("cme/new", views.cme_new, name="cme_new"),
    path("cme/<int:entry_id>/edit", views.cme_edit, name="cme_edit"),
    path("lado/", annual_views.lado_list, name="lado"),
    path("lado/new", annual_views.lado_new, name="lado_new"),
    path("lado/<int:contact_id>/edit", annual_views.lado_edit, name="lado_edit"),
    path("private-fostering/", annual_views.fostering_list, name="fostering"),
    path("private-fostering/new", annual_views.fostering_new, name="fostering_new"),
    path(
        "private-fostering/<int:arrangement_id>/edit",
        annual_views.fostering_edit,
        name="fostering_edit",
    ),
    path(
        "private-fostering/<int:arrangement_id>/visit",
        annual_views.fostering_visit,
        name="fostering_visit",
    ),
    path("private-fostering/awareness/new", annual_views.awareness_new, name="awareness_new"),
    path(
        "private-fostering/awareness/<int:activity_id>/edit",
        annual_views.awareness_edit,
        name="awareness_edit",
    ),
    # providers and safeguarding champions
    path("providers/", provider_views.providers_list, name="providers"),
    path("providers/new", provider_views.provider_new, name="provider_new"),
    path("providers/import", provider_views.providers_upload, name="providers_import"),
    path("providers/<int:provider_id>/", provider_views.provider_detail, name="provider"),
    path("providers/<int:provider_id>/edit", provider_views.provider_edit, name="provider_edit"),
    path(
        "providers/<int:provider_id>/inspection",
        provider_views.inspection_new,
        name="provider_inspection",
    ),
    path("providers/<int:provider_id>/visit", provider_views.visit_new, name="provider_visit"),
    path("champions/", provider_views.champions_list, name="champions"),
    path("champions/import", provider_views.champions_upload, name="champions_import"),
    path(
        "champions/<str:what>/new",
        provider_views.champions_record,
        name="champions_new",
    ),
    path(
        "champions/<str:what>/<int:record_id>/edit",
        provider_views.champions_record,
        name="champions_edit",
    ),
    # the IRO service
    path("iro/", iro_views.iro_list, name="iro"),
    path("iro/import", iro_views.iro_upload, name="iro_import"),
    path("iro/child/<child_id:child_id>/", iro_views.iro_child, name="iro_child"),
    path("iro/escalations/new", iro_views.escalation_new, name="iro_escalation_new"),
    path(
        "iro/escalations/<int:escalation_id>/edit",
        iro_views.escalation_edit,
        name="iro_escalation_edit",
    ),
    path("iro/contacts/new", iro_views.contact_new, name="iro_contact_new"),
    path("iro/contacts/<int:contact_id>/edit", iro_views.contact_edit, name="iro_contact_edit"),
    # the Virtual School
    path("virtual-school/", vs_views.vs_list, name="virtual_school"),
    path("virtual-school/import", vs_views.vs_upload, name="virtual_school_import"),
    path("virtual-school/schools/new", vs_views.vs_school, name="virtual_school_school_new"),
    path(
        "virtual-school/schools/<int:school_id>/edit",
        vs_views.vs_school,
        name="virtual_school_school_edit",
    ),
    path(
        "virtual-school/child/<child_id:child_id>/",
        vs_views.vs_child,
        name="virtual_school_child",
    ),
    path(
        "virtual-school/child/<child_id:child_id>/<str:what>/new",
        vs_views.vs_record,
        name="virtual_school_new",
    ),
    path(
        "virtual-school/child/<child_id:child_id>/<str:what>/<int:record_id>/edit",
        vs_views.vs_record,
        name="virtual_school_edit",
    ),
]
