"""Readers for the statutory returns and the local extras.

Each module maps one format into the canonical model (`store/schema.sql`) and documents
that mapping in its docstring. A reader module provides:

    NAME: str                                   # 'annex_a', 'cin_census', 'ssda903',
                                                # 'ssda903_xml', 'local'
    def detect(path: Path) -> bool              # cheap look at name / first bytes
    def read(path: Path, con, report) -> dict[str, int]
        # validates the file and INSERTs canonical rows into the staging tables on `con`
        # (same names and columns as schema.sql); returns rows written per table.

and may provide:

    READ_APART: bool, WRITES: frozenset[str]    # parsed in Python: a big file is read in
                                                # a worker process; the tables it writes
    def writes(path: Path) -> frozenset[str] | None
        # the tables a file can write, known before reading it (None: only reading tells);
        # a file whose tables the worker's file writes anyway is read there too

The loader (`store.loader`) runs the readers, then merges, cross-checks and publishes.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType


def readers() -> list[ModuleType]:
    """All format readers, in detection order."""
    from csc_insight.formats import annexa, cin_census, local_extras, ssda903, ssda903_xml

    return [ssda903_xml, cin_census, annexa, ssda903, local_extras]


def detect(path: Path) -> ModuleType | None:
    """The reader that recognises `path`, or None."""
    for reader in readers():
        if reader.detect(path):
            return reader
    return None


def reader_named(name: str) -> ModuleType:
    """The reader whose NAME is `name`."""
    return next(r for r in readers() if name == r.NAME)
