"""Django app config: the registers (people's records, kept in the relational database)."""

from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "csc_insight.registers"
    label = "registers"
    default_auto_field = "django.db.models.BigAutoField"
