"""Checking an uploaded .xlsx before any spreadsheet library opens it.

An .xlsx file is a zip archive of XML parts, so an untrusted one can be a zip bomb, carry
'../' entry names, declare sizes that are not true, or put a DOCTYPE (entity expansion) in
its XML. `check_xlsx` refuses all of these, and files that are not workbooks at all (a
renamed PNG or PDF, an old binary .xls), with a message an analyst understands, before the
reader hands the file to python-calamine (which executes nothing and expands no entities).

Every entry is decompressed once here, as a stream, counting the bytes that really come out
(not the sizes the archive claims) and letting `zipfile` verify each CRC, so an archive that
lies about its sizes or is damaged is refused too.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from csc_insight.common.report import Report

MAX_ENTRIES = 10_000
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3  # override with CSC_INSIGHT_MAX_XLSX_BYTES
MAX_RATIO = 200
# Below this much uncompressed data the ratio is not checked: a tiny, very repetitive
# workbook can compress well beyond 200:1 without being dangerous.
RATIO_FLOOR_BYTES = 16 * 1024**2
XML_HEAD_BYTES = 4096

ZIP_MAGIC = b"PK\x03\x04"
_OTHER_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old-format .xls workbook or a password-protected file "
        "(save it as .xlsx without a password)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"<?xml", "an XML file"),
    (b"\xef\xbb\xbf", "a text (CSV) file"),
)


def max_uncompressed_bytes() -> int:
    """The cap on a workbook's uncompressed size: CSC_INSIGHT_MAX_XLSX_BYTES or 2 GiB."""
    return int(os.environ.get("CSC_INSIGHT_MAX_XLSX_BYTES", MAX_UNCOMPRESSED_BYTES))


def describe_magic(head: bytes) -> str:
    """What a file's first bytes say it is, in words ('a PNG image')."""
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            return what
    if head and all(b in b"\t\r\n" or 32 <= b < 127 for b in head):
        return "a text (CSV) file"
    return "not a file type we recognise"


def check_xlsx(
    path: Path,
    report: Report,
    *,
    max_bytes: int | None = None,
    max_entries: int = MAX_ENTRIES,
    max_ratio: int = MAX_RATIO,
) -> bool:
    """True when `path` is a well-formed, safe-to-open .xlsx; otherwise report why, False."""
    name = path.name
    limit = max_uncompressed_bytes() if max_bytes is None else max_bytes
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(16)
    if not head:
        report.error("empty_file", name, "The file is empty: expected an Excel workbook.")
        return False
    if not head.startswith(ZIP_MAGIC):
        report.error(
            "not_xlsx",
            name,
            f"This is not an Excel workbook (.xlsx): it looks like {describe_magic(head)}.",
        )
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            return _check_archive(archive, name, size, report, limit, max_entries, max_ratio)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        report.error(
            "damaged_xlsx",
            name,
            "The workbook is damaged or incomplete (was the "
            f"upload cut short?). Save it again from Excel. Detail: {exc}",
        )
        return False


def _check_archive(
    archive: zipfile.ZipFile,
    name: str,
    size: int,
    report: Report,
    limit: int,
    max_entries: int,
    max_ratio: int,
) -> bool:
    entries = archive.infolist()
    if len(entries) > max_entries:
        report.error(
            "xlsx_too_many_parts",
            name,
            f"The workbook has {len(entries):,} parts; at most {max_entries:,} are accepted.",
        )
        return False
    for entry in entries:
        if _unsafe_name(entry.filename):
            report.error(
                "xlsx_unsafe_path",
                name,
                "The workbook contains a part whose name "
                "points outside the archive; it was refused.",
                value=entry.filename,
            )
            return False
    names = {e.filename for e in entries}
    if "xl/workbook.xml" not in names:
        report.error(
            "not_xlsx", name, "This zip file is not an Excel workbook (it has no xl/workbook.xml)."
        )
        return False
    declared = sum(e.file_size for e in entries)
    if not _within_caps(declared, size, name, report, limit, max_ratio):
        return False
    real = 0
    for entry in entries:
        if entry.is_dir():
            continue
        with archive.open(entry) as part:
            first = entry.filename.endswith((".xml", ".rels"))
            while chunk := part.read(1 << 20):
                if first and _has_doctype(chunk[:XML_HEAD_BYTES]):
                    report.error(
                        "xlsx_doctype",
                        name,
                        "The workbook's XML contains a "
                        "DOCTYPE or entity declaration, which Excel never writes; "
                        "it was refused.",
                        value=entry.filename,
                    )
                    return False
                first = False
                real += len(chunk)
                if not _within_caps(real, size, name, report, limit, max_ratio):
                    return False
    return True


def _within_caps(
    total: int, size: int, name: str, report: Report, limit: int, max_ratio: int
) -> bool:
    if total > limit:
        report.error(
            "xlsx_too_large",
            name,
            f"The workbook unpacks to more than {limit:,} "
            "bytes, the configured limit (CSC_INSIGHT_MAX_XLSX_BYTES).",
        )
        return False
    if total > RATIO_FLOOR_BYTES and total > max_ratio * max(size, 1):
        report.error(
            "xlsx_bomb",
            name,
            f"The workbook unpacks to more than {max_ratio} times "
            "its own size, which real workbooks never do (a 'zip bomb'); it was "
            "refused.",
        )
        return False
    return True


def _unsafe_name(entry: str) -> bool:
    text = entry.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return True
    return ".." in PurePosixPath(text).parts


def _has_doctype(head: bytes) -> bool:
    # Drop NULs so UTF-16 encoded XML is caught too.
    text = head.replace(b"\x00", b"").upper()
    return b"<!DOCTYPE" in text or b"<!ENTITY" in text
