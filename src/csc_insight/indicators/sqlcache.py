"""What sqlglot works out from the catalogue's SQL, kept on disk between processes.

Reading the catalogue and binding its parameters parse and render about 80 SQL texts with
sqlglot: with importing sqlglot, over a second of CPU in every `csc-insight indicators`
run, for the same answers each time. `remembered(kind, key, work)` gives `work()`'s answer
(a string or a list of strings) from a file when an earlier process worked it out for the
same `key`, which holds everything the answer depends on (the SQL text itself, the
parameters' values and types, the dialect), and otherwise calls `work()` and keeps it.

The file is `$XDG_CACHE_HOME/csc-insight/sql/` (default `~/.cache`), or the folder in
`CSC_INSIGHT_SQL_CACHE`; `CSC_INSIGHT_SQL_CACHE=off` keeps nothing. Its name carries a
fingerprint of sqlglot's version and of the code whose answers it keeps (binding.py,
catalogue.py and this module), so a new sqlglot or a change to that code starts a new
file. Answers found in this process are written when it ends (atexit), merged with what
other processes wrote meanwhile, through a temporary file and a rename (a file grown past
MOST answers is started again). A file that cannot be read or written is no error: the
work is done again.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T", str, list[str])

# A file grown past this many answers (many periods' dates over months of use) is started
# again with this process's answers only.
MOST = 20_000

_state: dict[str, Any] = {"path": None, "known": None, "new": {}}


def remembered(kind: str, key: Any, work: Callable[[], T]) -> T:
    """`work()`'s answer for `key` (whose repr must say everything the answer depends on),
    from the file when known."""
    known = _known()
    if known is None:
        return work()
    digest = hashlib.sha256(f"{kind}\0{key!r}".encode()).hexdigest()
    if digest in known:
        return known[digest]  # type: ignore[no-any-return]
    answer = work()
    known[digest] = answer
    _state["new"][digest] = answer
    return answer


def path() -> Path | None:
    """The cache file for this sqlglot and this code, or None when caching is off."""
    folder = os.environ.get("CSC_INSIGHT_SQL_CACHE", "")
    if folder.lower() == "off":
        return None
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = str(Path(base) / "csc-insight" / "sql")
    spec = importlib.util.find_spec("sqlglot")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        return None
    digest = hashlib.sha256()
    here = Path(__file__).parent
    try:
        for part in (
            Path(spec.submodule_search_locations[0]) / "_version.py",
            here / "binding.py",
            here / "catalogue.py",
            here / "sqlcache.py",
        ):
            digest.update(part.read_bytes())
    except OSError:
        return None
    return Path(folder) / f"sqlglot-{digest.hexdigest()[:16]}.json"


def _known() -> dict[str, Any] | None:
    if _state["known"] is None:
        _state["path"] = path()
        _state["known"] = _read(_state["path"]) if _state["path"] else {}
        if _state["path"]:
            atexit.register(_write)
    return _state["known"] if _state["path"] else None


def _read(file: Path) -> dict[str, Any]:
    try:
        found = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write() -> None:
    """Add this process's answers to the file (as it is now: another process may have
    written since)."""
    file: Path | None = _state["path"]
    if file is None or not _state["new"]:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        merged = {**_read(file), **_state["new"]}
        if len(merged) > MOST:
            merged = dict(_state["new"])
        handle, tmp = tempfile.mkstemp(dir=file.parent, prefix=".sql-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(merged, out)
        os.replace(tmp, file)
        _state["new"] = {}
    except OSError:
        Path(tmp).unlink(missing_ok=True)
