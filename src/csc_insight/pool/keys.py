"""The pool owner's secret key for pseudonymising child ids.

Read from CSC_INSIGHT_POOL_KEY when set (hex, or any text of 32 characters or more), else
from `<pool>/pool.key`, created on first use with 64 random hex digits and mode 0600. The
key is never written into the Parquet files: whoever holds the Parquet without the key
cannot work a pseudonym back to a council's id, nor test a guessed id against it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV = "CSC_INSIGHT_POOL_KEY"
KEY_FILE = "pool.key"
MIN_CHARS = 32


class PoolKeyError(ValueError):
    """The key set in the environment, or the key file, is unusable."""


def _checked(text: str, where: str) -> bytes:
    text = text.strip()
    if len(text) < MIN_CHARS:
        raise PoolKeyError(f"{where}: the pool key must be at least {MIN_CHARS} characters")
    return text.encode("utf-8")


def pool_key(pool_dir: Path, create: bool = True) -> bytes:
    """The key: the environment's, else the pool's key file (made if absent and `create`)."""
    if os.environ.get(ENV, "").strip():
        return _checked(os.environ[ENV], ENV)
    path = Path(pool_dir) / KEY_FILE
    if not path.exists():
        if not create:
            raise PoolKeyError(f"No pool key: set {ENV} or keep {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another add made it a moment ago
            return _checked(path.read_text(encoding="utf-8"), str(path))
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    return _checked(path.read_text(encoding="utf-8"), str(path))
