"""gunicorn settings for `csc-insight serve`: each worker warms the dashboard figures in the
background as it starts, so the first page view does not pay for computing them."""

from __future__ import annotations

import threading
from typing import Any


def post_worker_init(worker: Any) -> None:
    from csc_insight.web.dashboard.figures import warm

    threading.Thread(target=warm, name="warm-figures", daemon=True).start()
