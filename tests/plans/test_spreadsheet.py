"""Reading plans from CSV and XLSX laid out like the seed tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlsxwriter

from csc_insight.common.report import Report
from csc_insight.plans.rag import Rag
from csc_insight.plans.spreadsheet import parse_due, read_plan, split_leads

HEADINGS = "Section,Ref,Specific aim:,Action:,Measure/outcome:,Due,Lead,Comments:,RAG\n"


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sdp.csv"
    path.write_text(HEADINGS + body, encoding="utf-8")
    return path


def test_reads_rows_carrying_the_section_down(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        (
            "Safe,1,Clear reason,Recruit a chair,Family feedback,Oct-19,RG,Sept: in place,Green\n"
            ",2,Safety,Cover safety in keywork,Audit shows it,30/11/2019,HS/AM/SaC,,blue\n"
            "Potential,3,School,Meet the head,Notes,2019-12-31,HS,,Amber\n"
        ),
    )
    report = Report()
    plan = read_plan(path, report, name="Service Development Plan 2020-21")
    assert report.ok, report.issues
    assert plan is not None
    assert plan.header.name == "Service Development Plan 2020-21"
    assert [s.title for s in plan.sections] == ["Safe", "Potential"]
    first, second = plan.sections[0].actions
    assert (first.ref, first.due, first.rag, first.leads) == (
        "1",
        date(2019, 10, 31),
        Rag.GREEN,
        ("RG",),
    )
    assert first.comments[0].text == "Sept: in place"
    assert (second.section, second.due, second.rag) == ("Safe", date(2019, 11, 30), Rag.BLUE)
    assert second.leads == ("HS", "AM", "SaC")
    assert second.row == 3


def test_reports_unknown_rag_and_bad_dates_with_where_and_what(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        (
            "Safe,1,Aim,Do it,Outcome,31/02/2020,RG,,Purple\n"
            "Safe,2,Aim,Do it,Outcome,soon,RG,,Green\n"
            "Safe,3,Aim,,Outcome,,RG,,Red\n"
        ),
    )
    report = Report()
    read_plan(path, report)
    found = [(i.code, i.row, i.column, i.column_letter, i.value) for i in report.errors]
    assert found == [
        ("unknown_rag", 2, "RAG", "I", "Purple"),
        ("bad_date", 2, "Due", "F", "31/02/2020"),
        ("bad_date", 3, "Due", "F", "soon"),
        ("missing_value", 4, "Action", "D", ""),
    ]
    assert report.errors[0].message == "Expected Red, Amber, Green or Blue (complete)."
    assert report.errors[0].file == "sdp.csv"


def test_missing_rag_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("Section,Action,Due\nSafe,Do it,Oct-19\n", encoding="utf-8")
    report = Report()
    assert read_plan(path, report) is None
    assert [(i.code, i.column) for i in report.errors] == [("missing_column", "RAG")]


def test_reads_xlsx_with_header_block_and_real_dates(tmp_path: Path) -> None:
    path = tmp_path / "mds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Name:", "Exploitation plan"])
    sheet.write_row(1, 0, ["Owner:", "Operational group"])
    sheet.write_row(3, 0, ["Section", "Ref", "Action", "Due", "Lead", "RAG status"])
    sheet.write_row(4, 0, ["Referral pathways", 1, "Agree the pathway"])
    sheet.write_datetime(4, 3, date(2020, 7, 1), day)
    sheet.write_row(4, 4, ["EM and PD", "Red"])
    book.close()
    report = Report()
    plan = read_plan(path, report)
    assert report.ok, report.issues
    assert plan is not None
    assert (plan.header.name, plan.header.owner) == ("Exploitation plan", "Operational group")
    action = plan.actions()[0]
    assert (action.ref, action.due, action.leads, action.rag, action.row) == (
        "1",
        date(2020, 7, 1),
        ("EM", "PD"),
        Rag.RED,
        5,
    )


def test_a_renamed_picture_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n0000")
    report = Report()
    assert read_plan(path, report) is None
    assert report.errors[0].code == "not_xlsx"


def test_parse_due_and_split_leads() -> None:
    assert parse_due("Feb-20") == date(2020, 2, 29)
    assert parse_due("Sept 2019") == date(2019, 9, 30)
    assert parse_due("") is None
    assert split_leads("PD & ZD, EM and Leads") == ("PD", "ZD", "EM", "Leads")
