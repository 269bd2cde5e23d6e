"""Exports (formula injection, no formulas in XLSX) and the command line."""

import csv
import io
import json
import shutil
import zipfile

import pytest

from csc_insight.cli import main
from csc_insight.indicators import compute
from csc_insight.indicators.export import escape_cell, to_json, write_csv, write_xlsx


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


# A regional pool's table, by hand: the region's median for two percentages (one with no
# council shown, so no value), a count (not compared) and nothing for the 45-day assessments.
REGION_CSV = """indicator_id,period,regional_median,councils_ranked
contacts_decided_1wd_pct,2019-20-Q3,62.5,3
referrals_nfa_pct,2019-20-Q3,,0
referrals,2019-20-Q3,4,3
"""
REGION_IDS = ["contacts_decided_1wd_pct", "referrals_nfa_pct", "referrals", "assessments_45wd_pct"]


def _load_region(tmp_path):
    from csc_insight.benchmarks.store import load

    folder = tmp_path / "pooled"
    folder.mkdir()
    (folder / "region_quarterly_2019-20-Q3.csv").write_text(REGION_CSV, encoding="utf-8")
    load(folder)


def test_exports_carry_the_region_with_no_data_where_it_has_none(snapshot, tmp_path):
    from openpyxl import load_workbook

    _load_region(tmp_path)
    results = compute(snapshot, "2019-20-Q3", ids=REGION_IDS)
    buffer = io.StringIO()
    write_csv(results, buffer)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(buffer.getvalue()))}
    assert {i: rows[i]["region_quarterly"] for i in REGION_IDS} == {
        "contacts_decided_1wd_pct": "62.5",
        "referrals_nfa_pct": "no data",  # in the table, with no value
        "referrals": "",  # a count: not compared, as England's
        "assessments_45wd_pct": "no data",  # not in the table
    }
    # the council's own figure is beside it: 2 of 4 contacts in time
    assert rows["contacts_decided_1wd_pct"]["value"] == "50.0"
    path = tmp_path / "out.xlsx"
    write_xlsx(results, path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    column = header.index("region_quarterly")
    found = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert found == {
        "contacts_decided_1wd_pct": 62.5,
        "referrals_nfa_pct": "no data",
        "referrals": None,
        "assessments_45wd_pct": "no data",
    }
    data = {d["id"]: d["comparators"] for d in json.loads(to_json(results))}
    assert data["contacts_decided_1wd_pct"]["region_quarterly"]["value"] == 62.5
    assert data["referrals_nfa_pct"]["region_quarterly"]["value"] is None
    assert data["referrals_nfa_pct"]["region_quarterly"]["status"] == "no data"
    assert data["assessments_45wd_pct"]["region_quarterly"]["status"] == "no data"
    assert "region_quarterly" not in data["referrals"]


def test_without_a_regional_table_the_region_column_is_empty(snapshot):
    results = compute(snapshot, "2019-20-Q3", ids=REGION_IDS)
    buffer = io.StringIO()
    write_csv(results, buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["region_quarterly"] for r in rows] == ["", "", "", ""]
    assert all("region_quarterly" not in d["comparators"] for d in json.loads(to_json(results)))


def test_cli_table_shows_the_region_when_loaded(snapshot_path, tmp_path, monkeypatch, capsys):
    _install(snapshot_path, tmp_path, monkeypatch)
    _load_region(tmp_path)
    monkeypatch.setenv("COLUMNS", "250")
    args = ["indicators", "--period", "2019-20-Q3", "--id", "contacts_decided_1wd_pct"]
    assert main([*args, "--id", "assessments_45wd_pct"]) == 0
    table = capsys.readouterr().out
    assert "region" in table
    assert "62.5" in table and "no data" in table
