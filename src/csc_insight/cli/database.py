"""The application database (plans, audits, drafts of papers, registers, users, restricted
records and the access log) for a command.

`ready()` sets Django up and checks that the tables are up to date; it never changes them,
so a read-only command (listing, exporting, papers, samples) cannot alter the database.
`migrate()` brings them up to date: `csc-insight migrate` and `serve` call it, and so do
the commands that write records (`createuser`, `demo-user`, `plans import|demo`,
`audits demo`, `registers import`), so that the first of them on a new install works; it
then publishes the registers for the indicators (registers/bridge.py).
The settings module is named, not imported: the CLI does not depend on the web app's code.
"""

from __future__ import annotations

import os

SETTINGS = "csc_insight.web.settings"


class NotReady(Exception):
    """The database has migrations not yet applied (or does not exist)."""


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def ready() -> None:
    """Django set up over a database whose tables are up to date (NotReady otherwise)."""
    _setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise NotReady(
            f"the database is not up to date ({len(pending)} migration(s) to apply): run "
            "`csc-insight migrate` first."
        )


def migrate() -> list[str]:
    """Apply every pending migration; returns the names of those applied."""
    _setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    # the registers' file for the indicators, in step with the database (a new install's,
    # or one restored from a backup): unchanged when it already is
    from csc_insight.registers.bridge import publish

    publish()
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def prepare(writes: bool = False) -> None:
    """Django set up for a command: one that writes records may create or update the
    tables (`migrate`); one that only reads never does (`ready`)."""
    migrate() if writes else ready()
