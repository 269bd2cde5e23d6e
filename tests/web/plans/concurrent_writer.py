"""One writer process for the concurrency test: N of these update one action at once.

    python concurrent_writer.py setup                      -> prints the new action's id
    python concurrent_writer.py once ACTION START          -> "won" / "conflict" / "error: ..."
    python concurrent_writer.py retry ACTION START TIMES   -> "done N conflicts C" / "error: ..."

The database is whatever the environment says (CSC_INSIGHT_HOME's SQLite, or DATABASE_URL).
START is a Unix time all writers sleep until, so that they really do collide.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csc_insight.web.settings")

import django  # noqa: E402

django.setup()

from django.db import OperationalError  # noqa: E402

from csc_insight.plans.models import Action, Plan  # noqa: E402
from csc_insight.plans.services import EditConflict, record_update  # noqa: E402


def setup() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    plan = Plan.objects.create(name="Concurrency")
    section = plan.sections.create(title="Safe", position=1)
    action = Action.objects.create(plan=plan, section=section, ref="1", action="Audit")
    print(action.pk)


def _wait(start: float) -> None:
    time.sleep(max(0.0, start - time.time()))


def once(action_id: int, start: float) -> None:
    """Save as a user who opened the form at version 1 would, whenever this process got
    going: however the writers interleave, one wins and the others are told."""
    action = Action.objects.get(pk=action_id)
    _wait(start)
    try:
        record_update(action, 1, "green", f"by {os.getpid()}", date(2020, 1, 14), None)
        print("won")
    except EditConflict:
        print("conflict")
    except OperationalError as exc:
        print(f"error: {exc}")


def retry(action_id: int, start: float, times: int) -> None:
    """Make `times` updates, re-reading the action after each conflict (what a user told
    "someone else changed this" does)."""
    _wait(start)
    conflicts = 0
    made = 0
    try:
        while made < times:
            action = Action.objects.get(pk=action_id)
            try:
                record_update(
                    action,
                    action.version,
                    "amber",
                    f"{os.getpid()} #{made}",
                    date(2020, 1, 14),
                    None,
                )
                made += 1
            except EditConflict:
                conflicts += 1
    except OperationalError as exc:
        print(f"error: {exc}")
        return
    print(f"done {made} conflicts {conflicts}")


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "setup":
        setup()
    elif mode == "once":
        once(int(rest[0]), float(rest[1]))
    else:
        retry(int(rest[0]), float(rest[1]), int(rest[2]))
