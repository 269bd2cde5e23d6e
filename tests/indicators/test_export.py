"""Exports (formula injection, no formulas in XLSX) and the command line."""

import csv
import io
import json
import shutil
import zipfile

import pytest

from csc_insight.cli import main
from csc_insight.indicators import compute
from csc_insight.indicators.export import escape_cell, write_csv, write_xlsx


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("safe", "safe"),
        (-2, -2),
        (None, None),
    ],
)
def test_escape_cell(value, expected):
    assert escape_cell(value) == expected


def test_csv_and_xlsx_escape_and_hold_no_formulas(snapshot, tmp_path):
    results = compute(snapshot, "2019-20-Q3", ids=["referrals"], by="worker")
    results[0].key = '=HYPERLINK("http://x")'
    buffer = io.StringIO()
    write_csv(results, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["worker"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["value"] == "2"  # W1: R1 and R3
    path = tmp_path / "out.xlsx"
    write_xlsx(results, path)
    with zipfile.ZipFile(path) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    from openpyxl import load_workbook

    cells = [c.value for c in load_workbook(path).active[2]]
    assert '\'=HYPERLINK("http://x")' in cells


def _install(snapshot_path, tmp_path, monkeypatch):
    from csc_insight.store import snapshots

    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    folder = snapshots.snapshot_dir()
    shutil.copy(snapshot_path, folder / "fixture-1.duckdb")
    (folder / "fixture-1.json").write_text("{}")
    snapshots.publish("fixture-1")


def test_cli_json(snapshot_path, tmp_path, monkeypatch, capsys):
    _install(snapshot_path, tmp_path, monkeypatch)
    assert (
        main(
            [
                "indicators",
                "--period",
                "2019-20-Q3",
                "--format",
                "json",
                "--id",
                "referrals",
                "--id",
                "cla_open",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert [(d["id"], d["value"], d["period"], d["snapshot"]) for d in data] == [
        ("referrals", 3, "2019-20-Q3", "fixture-1"),
        ("cla_open", 6, "2019-20-Q3", "fixture-1"),
    ]
    # `children` masks restricted records and logs each run: tests/web/test_cli_children.py


def test_cli_table_and_xlsx(snapshot_path, tmp_path, monkeypatch, capsys):
    _install(snapshot_path, tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["indicators", "--period", "2019-20-Q3", "--id", "contacts"]) == 0
    table = capsys.readouterr().out
    assert "│ Contacts  │ 4     │" in table
    assert main(["indicators", "--period", "2019-20-Q3", "--format", "xlsx"]) == 2
    out = tmp_path / "all.xlsx"
    assert (
        main(["indicators", "--period", "2019-20-Q3", "--format", "xlsx", "--out", str(out)]) == 0
    )
    assert out.stat().st_size > 0
