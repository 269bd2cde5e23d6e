"""Web and database commands: `migrate`, `serve` (gunicorn, after migrations),
`createuser`, `demo-user`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from csc_insight.cli import database

ASSETS = Path(__file__).parent.parent / "web" / "assets" / "dist"


def migrate(args: argparse.Namespace) -> int:
    """Bring the database up to date (SQLite under $CSC_INSIGHT_HOME or DATABASE_URL)."""
    applied = database.migrate()
    print(f"Applied {len(applied)} migration(s)." if applied else "The database is up to date.")
    return 0


def serve(args: argparse.Namespace) -> int:
    database.migrate()
    if not (ASSETS / "csc" / "app.css").exists():
        print("Web assets are not built: run `npm ci && npm run build` first.", file=sys.stderr)
        return 1
    command = [
        sys.executable, "-m", "gunicorn", "csc_insight.web.wsgi:application",
        "--config", "python:csc_insight.web.gunicorn_conf",
        "--bind", f"{args.host}:{args.port}", "--workers", str(args.workers),
        "--access-logfile", "-",
    ]  # fmt: skip
    os.execv(sys.executable, command)
    return 0  # not reached


def createuser(args: argparse.Namespace) -> int:
    database.migrate()  # the first user of a new install creates the database
    from django.core.exceptions import ValidationError

    from csc_insight.access.accounts.provision import create_user, validate_username

    try:
        validate_username(args.username)  # the same check as the Users page
    except ValidationError as error:
        print("Username refused: " + " ".join(error.messages), file=sys.stderr)
        return 1
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    try:
        username, password = create_user(args.username, args.role, password)
    except ValidationError as error:
        print("Password refused: " + " ".join(error.messages), file=sys.stderr)
        return 1
    print(f"{username}\t{args.role}" + ("" if args.password_stdin else f"\t{password}"))
    return 0


def demo_user(args: argparse.Namespace) -> int:
    database.migrate()
    from csc_insight.access.accounts.provision import demo_users

    for role, (username, password) in demo_users().items():
        print(f"{role.label:<20} {username:<20} {password}")
    return 0


# access.roles.Role's values, written out so that building the command line's parser does
# not import Django (half a second of every command); tests/cli check they agree.
ROLES = ("administrator", "analyst", "manager", "auditor", "member")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("migrate", help="create the database, or bring it up to date")
    p.set_defaults(handler=migrate)

    p = subparsers.add_parser("serve", help="run the web app with gunicorn (after migrate)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=2)
    p.set_defaults(handler=serve)

    p = subparsers.add_parser("createuser", help="add a web user, or reset their password")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=ROLES)
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (else one is generated)",
    )
    p.set_defaults(handler=createuser)

    p = subparsers.add_parser("demo-user", help="create or reset one demo login per role")
    p.set_defaults(handler=demo_user)
