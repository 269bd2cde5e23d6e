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
