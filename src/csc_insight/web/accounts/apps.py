"""App config: stamps the login time on each new session (for the absolute timeout)."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "csc_insight.web.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from csc_insight.web.sessions import stamp_login

        user_logged_in.connect(stamp_login, dispatch_uid="csc_stamp_login")
