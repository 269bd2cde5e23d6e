"""A load described for people: "Data loaded 1 December 2026 from 24 files", not its id."""

from __future__ import annotations

from datetime import datetime

from csc_insight.store.snapshots import Snapshot


def file_count(snap: Snapshot) -> int:
    """How many files the load read (its manifest's `files`, or `sources` in older ones)."""
    return len(snap.manifest.get("files", snap.manifest.get("sources", [])) or [])


def loaded_on(snap: Snapshot) -> str:
    """'1 December 2026' from the manifest's created_at; '' when it has none."""
    text = snap.created_at.replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return ""
    return f"{moment.day} {moment:%B %Y}"


def describe_load(snap: Snapshot, lead: str = "Data loaded") -> str:
    """'Data loaded 1 December 2026 from 24 files' (or '... from 1 file'); `lead` replaces
    the first words ('Sampled from the data loaded')."""
    files = file_count(snap)
    day = loaded_on(snap)
    when = f" {day}" if day else ""
    source = f" from {files} file{'' if files == 1 else 's'}" if files else ""
    return f"{lead}{when}{source}"
