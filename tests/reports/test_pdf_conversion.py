"""PDF conversion (reports/render.docx_to_pdf) when LibreOffice is missing or hangs: a
ConversionError that says what to do, never a raw exception (the web shows its text)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from csc_insight.reports.render import ConversionError, docx_to_pdf


def test_no_libreoffice_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder
    with pytest.raises(ConversionError, match="not installed on this machine: make the DOCX"):
        docx_to_pdf(tmp_path / "paper.docx", tmp_path / "paper.pdf")


def test_libreoffice_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in soffice that never finishes: a hung LibreOffice, as seen with a locked profile.
    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nexec /bin/sleep 30\n")
    hanging.chmod(hanging.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConversionError, match=r"took more than 1 s to convert paper\.docx"):
        docx_to_pdf(tmp_path / "paper.docx", tmp_path / "paper.pdf", timeout=1)
    assert not (tmp_path / "paper.pdf").exists()
