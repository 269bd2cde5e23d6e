"""Where an install keeps its data: everything lives under $CSC_INSIGHT_HOME.

Default `./var` in the working directory, so several installs (and every test) can live
side by side without touching each other.
"""

from __future__ import annotations

import os
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
