"""One Jinja2 environment for the GOV.UK Frontend components.

govuk-frontend-django (pinned at 0.22.0 in pyproject.toml) builds a new Jinja2 environment
each time it renders a component, so every page compiled the GOV.UK macro templates again:
about three quarters of a dashboard page's time. `install()` (called once, from
web/apps.py) makes the library's `Environment` return one shared environment, whose
template cache then compiles each macro file once per process. Rendering is unchanged:
the environment is built with the library's own loader and autoescape settings.
"""

from __future__ import annotations

import threading
from typing import Any

from jinja2 import Environment

_lock = threading.Lock()
_shared: Environment | None = None


def _environment(*args: Any, **kwargs: Any) -> Environment:
    """The library's Environment(...) call, answered by the one environment it first made."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = Environment(*args, **kwargs)
        return _shared


def install() -> None:
    from govuk_frontend_django.components import base

    base.Environment = _environment  # type: ignore[assignment]
