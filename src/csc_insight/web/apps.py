"""Django app config for the web app itself: its templates, and the login-time stamp on each
new session (for the absolute session timeout in `sessions.py`)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "csc_insight.web"
    label = "web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from csc_insight.web.sessions import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="csc_stamp_login")
