"""xlsx_safety: hostile or broken .xlsx files are refused before any spreadsheet library runs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from csc_insight.common.report import Report
from csc_insight.common.xlsx_safety import check_xlsx


def _workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active.title = "List 1"
    wb.active.append(["Child Unique ID", "Date of Contact"])
    wb.active.append(["C1", "01/02/2020"])
    wb.save(path)
    return path


def _codes(report: Report) -> list[str]:
    return [i.code for i in report.errors]


def test_a_real_workbook_passes(tmp_path: Path) -> None:
    report = Report()
    assert check_xlsx(_workbook(tmp_path / "annex_a.xlsx"), report) is True
    assert report.issues == []


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            chunk = b"0" * (1 << 20)
            for _ in range(256):  # 256 MiB of zeros, about 250 KB compressed
                part.write(chunk)
    assert path.stat().st_size < 1_000_000
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["xlsx_bomb"]
    assert "zip bomb" in report.errors[0].message
    assert report.errors[0].file == "bomb.xlsx"


def test_renamed_png_is_named_as_a_png(tmp_path: Path) -> None:
    path = tmp_path / "annex_a.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["not_xlsx"]
    assert report.errors[0].message == (
        "This is not an Excel workbook (.xlsx): it looks like a PNG image."
    )


def test_old_xls_and_pdf_are_named(tmp_path: Path) -> None:
    xls = tmp_path / "a.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    pdf = tmp_path / "b.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n")
    report = Report()
    assert check_xlsx(xls, report) is False
    assert check_xlsx(pdf, report) is False
    assert "old-format .xls" in report.errors[0].message
    assert report.errors[1].message.endswith("it looks like a PDF document.")


def test_parent_directory_entry_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("../../evil.xml", "<x/>")
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["xlsx_unsafe_path"]
    assert report.errors[0].value == "../../evil.xml"


def test_absolute_entry_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("/etc/evil.xml", "<x/>")
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["xlsx_unsafe_path"]


def test_workbook_over_the_configured_cap_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    report = Report()
    assert check_xlsx(path, report, max_bytes=1000) is False
    assert _codes(report) == ["xlsx_too_large"]
    assert "1,000 bytes" in report.errors[0].message


def test_cap_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    monkeypatch.setenv("CSC_INSIGHT_MAX_XLSX_BYTES", "2000")
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["xlsx_too_large"]


def test_too_many_parts_is_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    report = Report()
    assert check_xlsx(path, report, max_entries=3) is False
    assert _codes(report) == ["xlsx_too_many_parts"]


def test_truncated_workbook_is_reported_as_damaged(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "annex_a.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["damaged_xlsx"]
    assert "damaged or incomplete" in report.errors[0].message


def test_doctype_in_workbook_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "entity.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>',
        )
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["xlsx_doctype"]
    assert report.errors[0].value == "xl/workbook.xml"


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "hello")
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["not_xlsx"]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "annex_a.xlsx"
    path.write_bytes(b"")
    report = Report()
    assert check_xlsx(path, report) is False
    assert _codes(report) == ["empty_file"]
