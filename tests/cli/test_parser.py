"""The command line's parser is built without Django: `createuser --role` lists the roles
written out in cli/web.py, which must be the web app's roles."""

from __future__ import annotations

import subprocess
import sys

from csc_insight.access.roles import Role
from csc_insight.cli.web import ROLES


def test_createuser_roles_are_the_web_apps_roles() -> None:
    assert tuple(r.value for r in Role) == ROLES


def test_building_the_parser_imports_no_django() -> None:
    code = (
        "import sys; from csc_insight.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
