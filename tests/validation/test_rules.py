"""Every rule on hand-made rows: the rows under `tests: pass:` in its YAML give no failure,
those under `tests: fail:` give exactly the rows `tests: fails:` lists ('<table>.csv:<n>');
each failure names the child and the row.
Rules the snapshot cannot check say why (`not_implemented`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pytest

from csc_insight.formats import quarantine
from csc_insight.store import schema
from csc_insight.validation.catalogue import RuleError, not_ported, parse_rule, rules
from csc_insight.validation.runner import Results, run, run_rule

YEAR = "2022-23"


def snapshot(
    tables: dict[str, list[dict[str, Any]]], default_source: str
) -> duckdb.DuckDBPyConnection:
    """An in-memory snapshot holding `tables`; each row's source_ref is '<table>.csv:<n+2>'
    (a `quarantine` row gives its own file and row_number; problem end_before_start)."""
    con = duckdb.connect()
    schema.create(con)
    quarantine.ensure(con)  # every snapshot has it: the rows the readers set aside
    for table, rows in tables.items():
        for n, row in enumerate(rows):
            if table == "quarantine":
                row = {"problem": "end_before_start", "scope": "row", **row}
            else:
                row = {"source": default_source, "source_ref": f"{table}.csv:{n + 2}", **row}
            names = ", ".join(row)
            con.execute(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
    return con


def _source(rule_returns: str) -> str:
    return rule_returns if rule_returns != "cross_return" else "annex_a"


IMPLEMENTED = [r for r in rules() if r.implemented]


def test_every_rule_file_parses_and_is_tested_or_explained() -> None:
    assert len(rules()) >= 20
    for rule in rules():
        if rule.implemented:  # a passing example, a failing one and exactly which rows fail
            assert set(rule.tests) >= {"pass", "fail", "fails"}, rule.id
        else:
            assert len(rule.not_implemented) > 40, rule.id


def test_the_rules_not_ported_are_listed_once_with_why() -> None:
    """rules/not_ported.yaml: no rule both runs and is listed; a DfE rule file that cannot
    run (`not_implemented`) is listed; each reason is said in words."""
    listed = not_ported()
    running = {(r.returns, r.code) for r in IMPLEMENTED}
    assert not running & set(listed)
    dfe = ("ssda903", "cin_census")
    assert {(r.returns, r.code) for r in rules() if not r.implemented and r.returns in dfe} <= set(
        listed
    )
    assert len(listed) > 100 and all(len(why) > 40 for why in listed.values())
    assert listed[("cin_census", "2884")].startswith("The level an ICPC was recorded at")


@pytest.mark.parametrize("rule", IMPLEMENTED, ids=lambda r: r.id)
def test_rule_passes_good_rows(rule) -> None:
    con = snapshot(rule.tests["pass"], _source(rule.returns))
    assert run_rule(con, rule, YEAR) == []


@pytest.mark.parametrize("rule", IMPLEMENTED, ids=lambda r: r.id)
def test_rule_fails_bad_rows(rule) -> None:
    con = snapshot(rule.tests["fail"], _source(rule.returns))
    failures = run_rule(con, rule, YEAR)
    assert failures, rule.id
    for failure in failures:
        assert failure.child and failure.file.endswith((".csv", ".xml")) and failure.row >= 2
        assert failure.code == rule.code and failure.message == rule.message
    # exactly these rows fail, the other fail rows pass
    assert sorted(f"{f.file}:{f.row}" for f in failures) == sorted(rule.tests["fails"])


def test_upn_168_checks_each_form() -> None:
    """UN10 and a valid 13-character UPN pass; 'UN11', a UPN starting I and a blank-free
    12-character one fail: 3 failing rows, rows 4-6 of the header file. The reader keeps
    the 'UPN unknown' codes in upn_unknown (test_ssda903)."""
    con = snapshot(
        {
            "children": [
                {"child_id": c, column: u}
                for c, column, u in [
                    ("A", "upn_unknown", "UN10"),
                    ("B", "upn", "A12345678901B"),
                    ("C", "upn_unknown", "UN11"),
                    ("D", "upn", "I123456789012"),
                    ("E", "upn", "A12345678901"),
                ]
            ]
        },
        "ssda903",
    )
    failures = run_rule(con, parse_rule("903_168", _text("903_168")), YEAR)
    assert [(f.child, f.row) for f in failures] == [("C", 4), ("D", 5), ("E", 6)]


def test_health_check_rules_use_age_at_31_march() -> None:
    """Born 1 April 2018: 4 at 31 March 2023 (545 wants a health check); born 31 March 2018:
    5 that day (546 forbids one)."""
    rows = {
        "children": [
            {"child_id": "A", "dob": date(2018, 4, 1)},
            {"child_id": "B", "dob": date(2018, 3, 31)},
        ],
        "cla_health": [
            {"child_id": "A", "year_ending": date(2023, 3, 31)},
            {"child_id": "B", "year_ending": date(2023, 3, 31), "health_check": True},
        ],
    }
    results = run(snapshot(rows, "ssda903"), YEAR, only=["903_545", "903_546"])
    assert sorted((f.code, f.child) for f in results.failures) == [("545", "A"), ("546", "B")]


def test_rules_out_of_force_or_without_data_are_skipped() -> None:
    results = run(snapshot({}, "ssda903"), YEAR)
    assert results.rules_run == [] and results.failures == []
    assert results.rules_skipped["903_393"].startswith("not implemented")
    assert results.rules_skipped["903_133"] == "no data: care_leavers empty"


def test_a_rule_runs_only_in_the_years_it_is_in_force() -> None:
    """CIN 1580 (an LA child id of letters and digits only) is in the DfE's rules from
    2024-25: listed as not run, with why, on an earlier year's data; run on 2024-25's."""
    rows = {"children": [{"child_id": "KID.3"}, {"child_id": "A1"}]}
    earlier = run(snapshot(rows, "cin_census"), "2023-24", only=["1580"])
    assert earlier.rules_run == [] and earlier.failures == []
    assert earlier.rules_skipped == {"cin_1580": "in force from 2024-25, not in 2023-24"}
    later = run(snapshot(rows, "cin_census"), "2024-25", only=["1580"])
    assert later.rules_run == ["cin_1580"]
    assert [(f.code, f.child, f.row) for f in later.failures] == [("1580", "KID.3", 2)]


def test_a_rule_without_the_row_columns_is_refused() -> None:
    with pytest.raises(RuleError, match="must return child_id"):
        parse_rule(
            "x",
            "/*\ncode: X\nreturn: annex_a\nmessage: m\nseverity: error\n"
            "fields: []\n*/\nSELECT 1 AS a, 'r' AS source_ref",
        )


def _text(rule_id: str) -> str:
    from importlib.resources import files

    return files("csc_insight.validation").joinpath("rules", f"{rule_id}.sql").read_text()


def test_failures_come_in_the_order_of_the_files_that_hold_them() -> None:
    # A rule's SQL gives its rows in any order (here the order they were inserted); the
    # failures are listed by file, sheet, row as a number (9 before 12 before 100), a row
    # without a number last in its file, then child.
    con = duckdb.connect()
    schema.create(con)
    quarantine.ensure(con)
    for child, ref in [
        ("E", "b.csv:10"),
        ("D", "a.csv:100"),
        ("C", "a.csv:12"),
        ("F", "a.csv:child 4"),
        ("B", "a.csv:9"),
        ("A", "a.csv:9"),
        ("G", "annex_a.xlsx!List 1:3"),
    ]:
        con.execute(
            "INSERT INTO children (child_id, source, source_ref) VALUES (?, 'local', ?)",
            [child, ref],
        )
    rule = parse_rule(
        "x",
        "/*\ncode: X\nreturn: annex_a\nmessage: m\nseverity: error\nfields: []\n*/\n"
        "SELECT child_id, source_ref FROM children",
    )
    failures = run_rule(con, rule, YEAR)
    assert [(f.file, f.sheet, f.row, f.child) for f in failures] == [
        ("a.csv", None, 9, "A"),
        ("a.csv", None, 9, "B"),
        ("a.csv", None, 12, "C"),
        ("a.csv", None, 100, "D"),
        ("a.csv", None, None, "F"),
        ("annex_a.xlsx", "List 1", 3, "G"),
        ("b.csv", None, 10, "E"),
    ]


def test_results_kept_before_the_sort_read_back_in_file_order() -> None:
    # Loads before 4 December 2026 kept each rule's rows in the order its SQL gave them; read
    # back, each rule's rows come by file and row, the rules staying in the order they ran.
    def failure(rule: str, child: str, file: str, row: int | None) -> dict[str, Any]:
        return {
            "rule": rule,
            "code": rule.upper(),
            "returns": "cin",
            "severity": "error",
            "message": "m",
            "child": child,
            "file": file,
            "sheet": None,
            "row": row,
            "values": {},
        }

    kept = {
        "collection_year": "2019-20",
        "rules_run": ["y", "x"],
        "rules_skipped": {},
        "failures": [
            failure("y", "C", "b.csv", 30),
            failure("y", "A", "a.csv", 100),
            failure("y", "B", "a.csv", 9),
            failure("x", "E", "a.csv", None),
            failure("x", "D", "a.csv", 2),
        ],
    }
    results = Results.from_dict(kept)
    assert [(f.rule, f.file, f.row) for f in results.failures] == [
        ("y", "a.csv", 9),
        ("y", "a.csv", 100),
        ("y", "b.csv", 30),
        ("x", "a.csv", 2),
        ("x", "a.csv", None),
    ]
