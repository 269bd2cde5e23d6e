"""Where an install keeps its data: everything lives under $CSC_INSIGHT_HOME.

Default `./var` in the working directory, so several installs (and every test) can live
side by side without touching each other.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path


def home() -> Path:
    """The data directory for this install, created if absent."""
    path = Path(os.environ.get("CSC_INSIGHT_HOME", "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def la_code() -> str:
    """The ONS code of this install's local authority, for its published comparators.

    Set CSC_INSIGHT_LA_CODE; the demo is a City-of-London-sized authority (E09000001).
    """
    return os.environ.get("CSC_INSIGHT_LA_CODE", "E09000001")


def fixed_today() -> date | None:
    """The day plans and audits treat as today when CSC_INSIGHT_TODAY (yyyy-mm-dd) is set:
    a demo on historic data runs as at the data's last day, so due dates, overdue actions
    and audit rounds agree with the data. None (the real date) when unset."""
    value = os.environ.get("CSC_INSIGHT_TODAY", "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"CSC_INSIGHT_TODAY must be a date, yyyy-mm-dd, not {value!r}") from exc
