"""Uploaded files: saved privately under $CSC_INSIGHT_HOME/uploads/<batch>/, then loaded.

Names are reduced to a safe base name; only the returns' file types are kept; each file
and the number of files are limited. Local extras go in a `local_extras/` folder, as the
loader expects (their names overlap SSDA903's, e.g. missing.csv). After the load the
uploaded files are deleted and only the outcome (`result.json`) stays.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from csc_insight.settings import home

ALLOWED_SUFFIXES = (".xlsx", ".xml", ".csv")  # returns
SHEET_SUFFIXES = (".xlsx", ".csv")  # a register or a plan
BATCH_RE = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{12}$")
RESULT = "result.json"


class UploadRefused(ValueError):
    """The upload as a whole is refused before anything is loaded."""


@dataclass(frozen=True)
class Outcome:
    batch: str
    data: dict[str, Any]

    @property
    def ok(self) -> bool:
        return bool(self.data.get("snapshot"))


def uploads_root() -> Path:
    root = home() / "uploads"
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    return root


def safe_name(name: str, allowed: tuple[str, ...] = ALLOWED_SUFFIXES) -> str:
    """A file's base name, without folders or odd characters, lower-cased; refused unless
    it ends with one of `allowed`."""
    base = Path(name.replace("\\", "/")).name
    cleaned = get_valid_filename(base).lower() if base.strip(". ") else ""
    if not cleaned or Path(cleaned).suffix not in allowed:
        kinds = f"{', '.join(allowed[:-1])} or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        raise UploadRefused(f"{base or 'A file'} is not an {kinds} file")
    return cleaned


def save(returns: list[UploadedFile], extras: list[UploadedFile]) -> tuple[str, list[Path]]:
    """Check and save one upload; returns the batch id and the paths to load."""
    files = [*returns, *extras]
    if not files:
        raise UploadRefused("Select at least one file to upload")
    if len(files) > settings.UPLOAD_MAX_FILES:
        raise UploadRefused(f"Upload at most {settings.UPLOAD_MAX_FILES} files at a time")
    limit_mb = settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)
    planned: list[tuple[UploadedFile, Path]] = []
    seen: set[Path] = set()
    for group, folder in ((returns, Path()), (extras, Path("local_extras"))):
        for upload in group:
            name = safe_name(upload.name or "")
            if upload.size is None or upload.size > settings.UPLOAD_MAX_FILE_BYTES:
                raise UploadRefused(f"{name} is larger than {limit_mb} MB")
            if upload.size == 0:
                raise UploadRefused(f"{name} is empty")
            target = folder / name
            if target in seen:
                raise UploadRefused(f"{name} was selected twice")
            seen.add(target)
            planned.append((upload, target))

    batch = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(6)}"
    batch_dir = uploads_root() / batch
    batch_dir.mkdir(mode=0o700)
    paths = []
    for upload, relative in planned:
        path = batch_dir / relative
        path.parent.mkdir(mode=0o700, exist_ok=True)
        with open(path, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        path.chmod(0o600)
        paths.append(path)
    return batch, paths


def load_batch(batch: str, paths: list[Path], user: str, *, strict: bool = False) -> Outcome:
    """Run the loader on a saved batch, keep its outcome, and delete the uploaded files.

    With `strict`, any error refuses the load; otherwise rows with bad values are
    quarantined and the rest loaded."""
    from csc_insight.validation.at_load import load

    batch_dir = uploads_root() / batch
    try:
        result = load(paths, user=user, strict=strict)
    finally:
        for child in batch_dir.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    data = {
        "user": user,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": [str(p.relative_to(batch_dir)) for p in paths],
        "snapshot": result.snapshot.id if result.snapshot else None,
        # how long the load took, as its manifest records it (none is kept for a refused load)
        "seconds": result.snapshot.load_seconds() if result.snapshot else None,
        "strict": strict,
        "rows": dict(result.rows),
        "report": result.report.to_dict(),
    }
    (batch_dir / RESULT).write_text(json.dumps(data, default=str), encoding="utf-8")
    return Outcome(batch, data)


def outcome(batch: str) -> Outcome | None:
    if not BATCH_RE.match(batch):
        return None
    path = uploads_root() / batch / RESULT
    if not path.exists():
        return None
    return Outcome(batch, json.loads(path.read_text(encoding="utf-8")))
