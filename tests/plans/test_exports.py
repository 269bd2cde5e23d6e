"""DOCX and XLSX exports: every action present, RAG in words, formulas escaped, round trip."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from csc_insight.common.report import Report
from csc_insight.plans.document import ActionRow, Comment, Header, PlanDocument, Section
from csc_insight.plans.export_docx import write_docx
from csc_insight.plans.export_xlsx import write_xlsx
from csc_insight.plans.rag import Rag
from csc_insight.plans.spreadsheet import read_plan


def _plan() -> PlanDocument:
    return PlanDocument(
        header=Header(
            name="Exploitation plan",
            owner="Operational group",
            review_date=date(2020, 1, 31),
            monitoring_frequency="Quarterly",
        ),
        sections=[
            Section(
                "Referral pathways",
                [
                    ActionRow(
                        "Referral pathways",
                        "1",
                        "Agree the pathway",
                        Rag.BLUE,
                        due=date(2019, 7, 1),
                        leads=("EM", "PD"),
                        comments=[Comment("Agreed at group", date(2019, 6, 20), Rag.BLUE)],
                    ),
                    ActionRow(
                        "Referral pathways",
                        "2",
                        '=HYPERLINK("http://x")',
                        Rag.RED,
                        measure="-1 referrals",
                        due=date(2020, 3, 31),
                        leads=("EM",),
                    ),
                ],
            ),
            Section(
                "Training",
                [
                    ActionRow("Training", "3", "Train the trainers", Rag.AMBER, leads=("ZD",)),
                ],
            ),
        ],
    )


def test_xlsx_escapes_formulas_and_reads_back(tmp_path: Path) -> None:
    path = write_xlsx(_plan(), tmp_path / "plan.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["Name", "Exploitation plan"]
    table = rows[11:]
    assert table[0][:5] == ["Section", "Ref", "Specific aim", "Source", "Action"]
    assert table[2][4] == '\'=HYPERLINK("http://x")'
    assert table[2][5] == "'-1 referrals"
    assert [r[11] for r in table[1:]] == ["Blue (complete)", "Red", "Amber"]
    assert table[1][10] == "20/06/2019 (Blue (complete)): Agreed at group"
    report = Report()
    again = read_plan(path, report)
    assert report.ok, report.issues
    assert again is not None
    assert again.header.name == "Exploitation plan"
    assert again.header.review_date == date(2020, 1, 31)
    assert [(a.ref, a.rag, a.due, a.leads) for a in again.actions()] == [
        ("1", Rag.BLUE, date(2019, 7, 1), ("EM", "PD")),
        ("2", Rag.RED, date(2020, 3, 31), ("EM",)),
        ("3", Rag.AMBER, None, ("ZD",)),
    ]


def test_xlsx_has_no_formula_cells(tmp_path: Path) -> None:
    import openpyxl

    path = write_xlsx(_plan(), tmp_path / "plan.xlsx")
    sheet = openpyxl.load_workbook(path).active
    kinds = {cell.data_type for row in sheet.iter_rows() for cell in row if cell.value}
    assert "f" not in kinds


def test_docx_is_landscape_with_every_action_and_rag_words(tmp_path: Path) -> None:
    import docx

    path = write_docx(_plan(), tmp_path / "plan.docx")
    doc = docx.Document(str(path))
    section = doc.sections[0]
    assert section.page_width > section.page_height
    header, safe, training = doc.tables
    assert header.rows[0].cells[1].text == "Exploitation plan"
    assert [c.text for c in safe.rows[0].cells][-1] == "RAG"
    assert [(r.cells[0].text, r.cells[-1].text) for r in safe.rows[1:]] == [
        ("1", "Blue (complete)"),
        ("2", "Red"),
    ]
    assert [(r.cells[0].text, r.cells[-1].text) for r in training.rows[1:]] == [("3", "Amber")]
    fill = safe.rows[2].cells[-1]._tc.xpath(".//w:shd/@w:fill")
    assert fill == ["D4351C"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_with_libreoffice(tmp_path: Path) -> None:
    path = write_docx(_plan(), tmp_path / "plan.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "plan.txt").read_text(encoding="utf-8-sig")
    for expected in (
        "Agree the pathway",
        "=HYPERLINK",
        "Train the trainers",
        "Blue (complete)",
        "Amber",
    ):
        assert expected in text
