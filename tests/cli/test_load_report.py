"""`load`'s report on the terminal: the first issues of each severity in full, the rest
counted by file and column (an England-sized load with bad rows has some 21,000)."""

from __future__ import annotations

from rich.console import Console

from csc_insight.cli.data import SHOWN_PER_SEVERITY, print_report
from csc_insight.common.report import Report


def _printed(report: Report) -> list[str]:
    console = Console(record=True, width=240)
    print_report(report, console)
    return console.export_text().splitlines()


def test_past_the_first_fifty_rows_are_counted_by_file_and_column() -> None:
    report = Report(quarantine=True)
    for row in range(2, 62):  # 60 bad dates in contacts.csv, column B
        report.bad_row(
            "bad_date",
            "contacts.csv",
            "Not a date.",
            row=row,
            column="DATE",
            column_letter="B",
            value="31/02/2019",
        )
    for row in range(2, 32):  # 30 in visits.csv, column C
        report.bad_row(
            "bad_date",
            "visits.csv",
            "Not a date.",
            row=row,
            column="VISIT_DATE",
            column_letter="C",
            value="31/02/2019",
        )
    report.warning("no_rows", "empty.csv", "The headings are right but there are no rows.")
    lines = _printed(report)
    table_rows = [line for line in lines if "31/02/2019" in line]
    assert SHOWN_PER_SEVERITY == 50
    assert len(table_rows) == 50  # all from contacts.csv, in the report's order
    assert all("contacts.csv" in line for line in table_rows)
    assert "… and 10 more rows or cells quarantined in contacts.csv, column B DATE" in lines
    assert "… and 30 more rows or cells quarantined in visits.csv, column C VISIT_DATE" in lines
    assert any("empty.csv" in line and "warning" in line for line in lines)  # its own 50
    assert lines[-1].startswith("Only the first are listed here: `--report FILE`")


def test_a_short_report_is_listed_whole() -> None:
    report = Report(quarantine=True)
    report.bad_row("bad_date", "contacts.csv", "Not a date.", row=7, column="DATE", value="x")
    lines = _printed(report)
    assert sum("contacts.csv" in line for line in lines) == 1
    assert not any(line.startswith(("… and", "Only the first")) for line in lines)


def test_a_place_in_an_xml_file_is_its_line_and_in_a_csv_file_its_row() -> None:
    report = Report(quarantine=True)
    report.bad_row(
        "bad_date", "cin_census_2020.xml", "Not a date.", row=40, column="CPPstartDate", value="x"
    )
    report.bad_row("bad_date", "contacts.csv", "Not a date.", row=7, column="DATE", value="y")
    lines = _printed(report)
    assert "row or line" in lines[2]  # the headings, under the title and the table's top
    census = next(line for line in lines if "cin_census_2020.xml" in line)
    contacts = next(line for line in lines if "contacts.csv" in line)
    assert census.split("│")[4].strip() == "line 40"
    assert contacts.split("│")[4].strip() == "7"
    assert report.issues[0].where() == "cin_census_2020.xml, line 40, column 'CPPstartDate'"
    assert report.issues[1].where() == "contacts.csv, row 7, column 'DATE'"
