"""The malformed-file corpus (SECURITY.md), through `csc-insight load` as a user runs it:
for every category, no crash (no traceback, the refused-load exit status), no partial
import (the snapshot index byte-for-byte as before), a clear message naming the file, and
peak memory under a cap. Load times per category are measured by `make bench`, not here.
The loads are strict, so that a bad row refuses too (tests/store/test_quarantine.py covers
the default, where it is quarantined).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).parent / "csc-insight")
MEMORY_CAP_MIB = 1024  # the 400k-row file is streamed, a bomb never expanded
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
MISSING = "CHILD,DOB,MISSING,MIS_START,MIS_END\n"
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Message><Header>&lol3;</Header></Message>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Message><Header>&xxe;</Header></Message>"""


def _zip_bomb(path: Path) -> None:
    """A small .xlsx whose one sheet expands to 64 MiB of zeros (the cap here is 8 MiB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b"0" * (1 << 20)
            for _ in range(64):
                sheet.write(block)


def _rows_400k(path: Path) -> None:
    """400,000 missing episodes of which row 300,001 has an impossible date."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(MISSING)
        for n in range(400_000):
            start = "30/02/2019" if n == 300_000 else f"{1 + n % 28:02d}/0{1 + n % 9}/2019"
            fh.write(f"C{n},01/01/2008,M,{start},\n")


# category: (file name, how to make it, (code, row) of the first error the user is shown)
CORPUS: dict[str, tuple[str, Callable[[Path], None], tuple[str, int | None]]] = {
    "renamed PNG as xlsx": ("annex_a.xlsx", lambda p: p.write_bytes(PNG), ("not_xlsx", None)),
    "renamed PNG as XML": ("cin_census_2020.xml", lambda p: p.write_bytes(PNG), ("not_xml", None)),
    "billion laughs": (
        "cin_census_2020.xml",
        lambda p: p.write_bytes(BILLION_LAUGHS),
        ("xml_doctype", 2),
    ),  # the line of the DOCTYPE
    "external entity": (
        "cin_census_2020.xml",
        lambda p: p.write_bytes(EXTERNAL_ENTITY),
        ("xml_doctype", 2),
    ),
    "zip bomb": ("annex_a.xlsx", _zip_bomb, ("xlsx_too_large", None)),
    "400k-row CSV": ("missing.csv", _rows_400k, ("bad_date", 300_002)),
    "ragged CSV": (
        "header.csv",
        lambda p: p.write_text(HEADER + "A1,1,01/05/2005,WBRI,,,\nA2,2,14/02/2003\n"),
        ("ragged_row", 3),
    ),
    "empty file": ("header.csv", lambda p: p.write_bytes(b""), ("empty_file", None)),
    "wrong encoding": (
        "header.csv",
        lambda p: p.write_bytes(
            (HEADER + "A1,1,01/05/2005,WBRI,,,\nZoë,2,14/02/2003,BAFR,,,\n").encode("cp1252")
        ),
        ("encoding", 3),
    ),
    "NUL bytes": (
        "header.csv",
        lambda p: p.write_bytes((HEADER + "A1,1,01/05/2005,WB\x00RI,,,\n").encode()),
        ("nul_byte", 2),
    ),
}


@pytest.fixture(scope="module")
def home() -> Path:
    """An install with one good snapshot loaded, shared by the categories."""
    base = Path(tempfile.mkdtemp(prefix="csc-corpus-"))
    good = base / "good"
    good.mkdir()
    (good / "header.csv").write_text(HEADER + "A1,1,01/05/2005,WBRI,,,\n", encoding="utf-8")
    done = subprocess.run(
        [CLI, "load", str(good)], env=_env(base), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return base


def _env(base: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CSC_INSIGHT_HOME": str(base / "home"),
        "CSC_INSIGHT_MAX_XLSX_BYTES": str(8 << 20),
    }


def _state(base: Path) -> dict[str, bytes]:
    folder = base / "home" / "snapshots"
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("category", list(CORPUS))
def test_malformed_file_is_refused_cleanly(home: Path, tmp_path: Path, category: str) -> None:
    name, make, (code, row) = CORPUS[category]
    path = tmp_path / name
    make(path)
    before = _state(home)
    report = tmp_path / "report.json"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [CLI, "load", str(path), "--report", str(report), "--strict"],
            env=_env(home),
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 1, stderr[-2000:]  # refused, not crashed
    assert "Traceback" not in stderr
    assert "Nothing changed: the previous snapshot is still current." in " ".join(stderr.split())
    assert _state(home) == before  # not a byte of the snapshots changed
    issues = json.loads(report.read_text())["issues"]
    first = next(i for i in issues if i["severity"] == "error")
    assert (first["code"], first["file"], first["row"]) == (code, name, row)
    assert len(first["message"]) > 10
    assert usage.ru_maxrss / 1024 < MEMORY_CAP_MIB
