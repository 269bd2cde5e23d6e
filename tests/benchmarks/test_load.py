"""`benchmarks load`: both releases' column names, symbols kept, bad files refused safely."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from csc_insight.benchmarks import comparators
from csc_insight.benchmarks.read import read_dir
from csc_insight.benchmarks.store import BenchmarkLoadError, build_shipped, current_dir, load
from csc_insight.cli import benchmarks as cli

# Four real rows of DfE's c1 file (2025 release column names), time_period 2019.
C1_2025_HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,category,referral_count,rereferral_count,"
    "rereferral_percent,no_further_action_count,no_further_action_percent,not_in_need_count,"
    "not_in_need_percent,referral_child_count,rereferral_child_count,rereferral_child_percent"
)
# The same columns as the 2023 release named them.
C1_2023_HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,old_la_code,new_la_code,la_name,category,Referrals,Re_referrals,"
    "Re_referrals_percent,No_Further_Action,No_Further_Action_percent,Not_in_Need,"
    "Not_in_Need_percent,Referrals_child,Re_referrals_child,Re_referrals_child_percent"
)
C1_ROWS = """\
2019,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,650930,147150,22.6,52610,8.1,189390,29.1,575290,123020,21.4
2019,Reporting year,Regional,E92000001,England,E12000007,London,,,,Referrals and Re-referrals,110710,20490,18.5,10230,9.2,25510,23,100020,17750,17.7
2019,Reporting year,Local authority,E92000001,England,E13000001,Inner London,201,E09000001,City of London,Referrals and Re-referrals,81,7,8.6,c,c,8,9.9,78,7,9
2019,Reporting year,Local authority,E92000001,England,E13000001,Inner London,202,E09000007,Camden,Referrals and Re-referrals,1394,132,9.5,47,3.4,186,13.3,1347,128,9.5
"""  # noqa: E501
# The first two rows of the April 2021 groupings (City of London's neighbours include Camden).
GROUPINGS = """\
\ufeffLA num,LA Name,LA number,GOInd,GOReg,SN1,SNP,SN2,SNP,SN3,SNP,SN4,SNP,SN5,SNP,SN6,SNP,SN7,SNP,SN8,SNP,SN9,SNP,SN10,SNP,
201,City of London,201,3,London (Inner),207,Not Close,213,Not Close,212,Not Close,202,Not Close,318,Not Close,205,Not Close,302,Not Close,314,Not Close,846,Not Close,868,Not Close,
202,Camden,202,3,London (Inner),213,Very Close,205,Close,207,Close,206,Close,212,Somewhat close,352,Not Close,203,Not Close,870,Not Close,309,Not Close,302,Not Close,
"""  # noqa: E501
C1_NAME = "c1_children_in_need_referrals_and_rereferrals_2013_to_2019.csv"


@pytest.fixture(autouse=True)
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def figures(directory: Path) -> list[tuple[object, ...]]:
    result = read_dir(directory)
    assert result.report.ok
    return sorted(
        (r["indicator_id"], r["year"], r["area_code"] or "", r["value"] or -1, r["status"] or "")
        for r in result.rows
    )


def test_2023_and_2025_column_names_read_the_same(tmp_path: Path) -> None:
    write(tmp_path / "new", C1_NAME, C1_2025_HEADER + "\n" + C1_ROWS)
    write(tmp_path / "old", C1_NAME, C1_2023_HEADER + "\n" + C1_ROWS)
    new, old = figures(tmp_path / "new"), figures(tmp_path / "old")
    assert new == old
    assert ("rereferrals_12m_pct", "2018-19", "E09000001", 8.6, "") in new
    assert ("referrals_nfa_pct", "2018-19", "E09000001", -1, "c") in new
    assert ("referrals", "2018-19", "E92000001", 650930.0, "") in new
    assert len(new) == 12  # 4 areas x (referrals, re-referral %, NFA %)


def test_symbols_kept_not_zero(tmp_path: Path) -> None:
    rows = C1_ROWS.replace(",81,7,8.6,", ",81,7,low,").replace(",1394,132,9.5,", ",1394,132,x,")
    write(tmp_path, C1_NAME, C1_2025_HEADER + "\n" + rows)
    statuses = {
        (r["area_code"], r["indicator_id"]): (r["value"], r["status"])
        for r in read_dir(tmp_path).rows
    }
    assert statuses[("E09000001", "rereferrals_12m_pct")] == (None, "low")
    assert statuses[("E09000001", "referrals_nfa_pct")] == (None, "c")
    assert statuses[("E09000007", "rereferrals_12m_pct")] == (None, "x")


def test_load_switches_to_loaded_table(tmp_path: Path) -> None:
    # A 2025 file (same release year as the shipped one) with a changed City figure wins.
    rows = C1_ROWS.replace("2019,", "2025,").replace(",81,7,8.6,", ",81,7,12.3,")
    write(
        tmp_path / "dfe",
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        C1_2025_HEADER + "\n" + rows,
    )
    write(tmp_path / "dfe", "New_Statistical_Neighbour_Groupings_April_2021.csv", GROUPINGS)
    result = load(tmp_path / "dfe")
    assert current_dir().parent == tmp_path / "home" / "benchmarks"
    assert [f.kind for f in result.files] == ["neighbours", "published"]
    found = comparators("rereferrals_12m_pct", "2024-25", "201")
    assert found["la"].value == 12.3
    # Neighbours now from the loaded 2021 groupings: 207 213 212 202 318 205 302 314 846 868.
    # Their 2025 c1 re-referral % (shipped): 21 18.6 17.9 [Camden: loaded 9.5] 16.4 15.3 14.8
    # 15 23.6 19.6 -> sorted middle pair 16.4, 17.9 -> 17.15.
    assert found["neighbours"].area == "Statistical neighbours (median of 10)"
    assert found["neighbours"].value == 17.15
    assert "New_Statistical_Neighbour_Groupings_April_2021.csv" in found["neighbours"].release
    # Indicators the directory did not cover keep the shipped figures.
    assert comparators("cp_subsequent_pct", "2018-19", "201")["england"].value == 20.8


def test_older_release_does_not_overwrite_newer(tmp_path: Path) -> None:
    rows = C1_ROWS.replace(",81,7,8.6,", ",81,7,12.3,")  # a 2013-2019 release
    write(tmp_path / "dfe", C1_NAME, C1_2025_HEADER + "\n" + rows)
    load(tmp_path / "dfe")
    assert comparators("rereferrals_12m_pct", "2018-19", "201")["la"].value == 8.6


def test_unknown_file_and_column_reported_by_name(tmp_path: Path) -> None:
    write(tmp_path, "mystery_numbers.csv", "a,b\n1,2\n")
    header = C1_2025_HEADER + ",brand_new_measure"
    body = "".join(line + ",1\n" for line in C1_ROWS.splitlines())
    write(tmp_path, C1_NAME, header + "\n" + body)
    result = load(tmp_path)
    found = {(i.code, i.file, i.column) for i in result.report.warnings}
    assert ("unknown_file", "mystery_numbers.csv", None) in found
    assert ("unknown_column", C1_NAME, "brand_new_measure") in found


def test_ragged_file_refused_and_previous_table_kept(tmp_path: Path) -> None:
    write(tmp_path / "good", C1_NAME, C1_2025_HEADER + "\n" + C1_ROWS.replace("2019,", "2025,"))
    load(tmp_path / "good")
    before = current_dir()
    kept = comparators("rereferrals_12m_pct", "2024-25", "201")["la"].value
    truncated = C1_2025_HEADER + "\n" + C1_ROWS[: C1_ROWS.index("Camden") + 10] + "\n"
    write(tmp_path / "bad", C1_NAME, truncated.replace("8.6", "99"))
    with pytest.raises(BenchmarkLoadError) as raised:
        load(tmp_path / "bad")
    assert C1_NAME in str(raised.value)
    assert "row 5" in str(raised.value)
    assert current_dir() == before
    assert comparators("rereferrals_12m_pct", "2024-25", "201")["la"].value == kept == 8.6


def test_cli_load_and_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "dfe", C1_NAME, C1_2025_HEADER + "\n" + C1_ROWS)
    write(tmp_path / "dfe", "notes.txt", "not data")
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["benchmarks", "load", str(tmp_path / "dfe")])
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert f"{C1_NAME}: 12 figures, 2018-19 to 2018-19" in out
    assert "warning: notes.txt: not a DfE file" in out
    args = parser.parse_args(["benchmarks", "show", "--la", "201", "--year", "2018-19"])
    assert args.handler(args) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("rereferrals"))
    assert line.split()[:4] == ["rereferrals_12m_pct", "2018-19", "22.6", "18.5"]
    assert "8.6 (City of London)" in line


def test_cli_bad_load_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, C1_NAME, C1_2025_HEADER + "\n2019,Reporting year,National\n")
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["benchmarks", "load", str(tmp_path)])
    assert args.handler(args) == 1
    assert "previous benchmark table is still in use" in capsys.readouterr().out


def test_build_shipped_writes_a_readable_table(tmp_path: Path) -> None:
    write(tmp_path / "dfe", C1_NAME, C1_2025_HEADER + "\n" + C1_ROWS)
    write(tmp_path / "dfe", "New_Statistical_Neighbour_Groupings_April_2021.csv", GROUPINGS)
    build_shipped(tmp_path / "dfe", tmp_path / "shipped")
    from csc_insight.benchmarks.store import read_tables

    published, neighbours = read_tables(tmp_path / "shipped")
    assert len(published) == 12
    assert [n["neighbour_old_la_code"] for n in neighbours if n["old_la_code"] == "201"] == [
        "207",
        "213",
        "212",
        "202",
        "318",
        "205",
        "302",
        "314",
        "846",
        "868",
    ]
