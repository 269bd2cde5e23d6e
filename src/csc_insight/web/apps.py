"""Django app config for the web app itself: its templates, the login-time stamp on each
new session (for the absolute session timeout in `sessions.py`), and one shared Jinja2
environment for the GOV.UK components (`govuk_components.py`)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "csc_insight.web"
    label = "web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from csc_insight.web import govuk_components
        from csc_insight.web.sessions import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="csc_stamp_login")
        govuk_components.install()  # one Jinja2 environment for the GOV.UK macros
