"""Documentation keeps up with the code (the Datasette rule): a setting or command that
the README does not mention fails the build."""

from __future__ import annotations

import re
from pathlib import Path

from csc_insight.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_setting_is_documented():
    used: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r"\bCSC_INSIGHT_[A-Z_]+\b", path.read_text(encoding="utf-8")))
    assert "CSC_INSIGHT_HOME" in used
    undocumented = sorted(name for name in used if f"`{name}`" not in README)
    assert undocumented == []


def test_every_command_is_documented():
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if a.dest == "command"]
    commands = sorted(subparsers.choices)
    assert {"synth", "load", "snapshots", "use", "indicators"} <= set(commands)
    missing = [c for c in commands if not re.search(rf"`{re.escape(c)}[ `]", README)]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    assert "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
