"""Django app config: the registers (people's records, kept in the relational database).
When ready, every register model's saves and deletes are connected to the bridge that
publishes the registers for the indicators (bridge.py)."""

from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "csc_insight.registers"
    label = "registers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from csc_insight.registers import bridge

        bridge.connect()
