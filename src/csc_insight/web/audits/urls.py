"""Routes for the audit pages; cases are numbered within the app, child ids never appear in
a URL."""

from django.urls import path

from csc_insight.web.audits import views

app_name = "audits"
urlpatterns = [
    path("", views.round_list, name="list"),
    path("new/", views.round_new, name="new"),
    path("trends/", views.trends, name="trends"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:alert_id>/acknowledge/", views.alert_acknowledge, name="acknowledge"),
    path("<int:round_id>/", views.round_detail, name="round"),
    path("<int:round_id>/write-up/", views.round_write_up, name="write_up"),
    path("<int:round_id>/auditors/", views.round_auditors, name="auditors"),
    path("<int:round_id>/report/", views.round_report, name="report"),
    path("<int:round_id>/report.docx", views.round_report_docx, name="report_docx"),
    path("<int:round_id>/act/", views.act, name="act"),
    path("<int:round_id>/cases/<int:case_id>/", views.audit_case, name="case"),
    path("<int:round_id>/cases/<int:case_id>/moderate/", views.moderate, name="moderate"),
]
