"""Rules at every load, kept with the snapshot; the administrator's blocking setting; what
changed since the previous load; `csc-insight validate` on files and its outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from csc_insight.cli import main
from csc_insight.store import snapshots
from csc_insight.validation import at_load, report, runner
from csc_insight.validation.runner import Failure, Results

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,"
    "HOME_POST,PL_POST,URN\n"
)


def files(folder: Path, *, postcode: str = "EC1A 1", upn: str = "UN3") -> Path:
    """Two children; episodes.csv row 3 (header = row 1) carries `postcode` as HOME_POST."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "header.csv").write_text(
        HEADER + f"A1,1,01/05/2005,WBRI,{upn},,\nA2,2,14/02/2003,BAFR,UN2,,\n", encoding="utf-8"
    )
    (folder / "episodes.csv").write_text(
        EPISODES + "A1,03/06/2019,S,C2,N1,U1,PR1,01/09/2019,X1,CARPL,EC1A 1BB,SW1A 2AA,\n"
        f"A1,01/09/2019,P,C2,N1,U3,PR1,,,,{postcode},SW1A 2AA,\n"
        "A2,10/10/2019,S,V2,N4,K2,PR4,,,,EC1A 1BB,SW1A 2AA,\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def base(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    monkeypatch.delenv("CSC_INSIGHT_VALIDATION_BLOCKS", raising=False)
    return home


def test_a_load_keeps_its_rule_results_and_is_not_refused(base, tmp_path):
    """'EC1A 1' is sector-only: rule 392c fails once, on episodes.csv row 3, child A1."""
    result = at_load.load([files(tmp_path / "in")])
    assert result.snapshot is not None
    stored = at_load.stored(result.snapshot.id)
    assert stored.collection_year == "2019-20"
    assert [(f.code, f.file, f.row, f.child) for f in stored.failures] == [
        ("392c", "episodes.csv", 3, "A1")
    ]
    assert "903_392c" in stored.rules_run


def test_the_blocking_setting_refuses_a_load_with_errors(base, tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_INSIGHT_VALIDATION_BLOCKS", "1")
    result = at_load.load([files(tmp_path / "in")])
    assert result.snapshot is None
    assert [i.code for i in result.report.errors] == ["validation_blocks"]
    assert snapshots.read_index()["snapshots"] == []
    # the same setting lets clean files through
    assert at_load.load([files(tmp_path / "ok", postcode="EC1A 1BB")]).snapshot is not None


def test_changes_since_the_previous_load_count_fixed_and_new(base, tmp_path):
    """Load 1: postcode error (A1). Load 2: postcode fixed, UPN 'UN11' wrong (A1): 1 fixed,
    1 new. The first load's results survive the second load's sweep."""
    first = at_load.load([files(tmp_path / "one")]).snapshot
    second = at_load.load([files(tmp_path / "two", postcode="EC1A 1BB", upn="UN11")]).snapshot
    assert at_load.stored(first.id) is not None
    change = at_load.changes(second.id)
    assert (change.fixed, change.new, change.previous_id) == (1, 1, first.id)
    assert at_load.changes(first.id) is None


def test_validate_command_on_files_does_not_publish(base, tmp_path, capsys):
    out = tmp_path / "v.json"
    code = main(["validate", str(files(tmp_path / "in")), "--format", "json", "--out", str(out)])
    assert code == 1  # an error was found
    rows = json.loads(out.read_text())
    assert [{k: r[k] for k in ("code", "severity", "file", "row", "child")} for r in rows] == [
        {"code": "392c", "severity": "error", "file": "episodes.csv", "row": 3, "child": "A1"}
    ]
    assert rows[0]["message"] == "Postcode(s) provided are invalid."
    assert not (base / "snapshots" / "index.json").exists()


def test_validate_rejects_a_malformed_collection_year(base, tmp_path, capsys):
    assert main(["validate", str(files(tmp_path / "in")), "--collection-year", "2019"]) == 2
    assert "expected the form 2019-20" in capsys.readouterr().err


def test_xlsx_and_csv_escape_formulas(tmp_path):
    from python_calamine import CalamineWorkbook

    results = Results(
        collection_year="2019-20",
        rules_run=["903_168"],
        failures=[
            Failure(
                rule="903_168",
                code="168",
                returns="ssda903",
                severity="error",
                message="m",
                child='=HYPERLINK("x")',
                file="header.csv",
                sheet=None,
                row=2,
                values={"upn": "+1"},
            )
        ],
    )
    path = tmp_path / "v.xlsx"
    report.write_xlsx(results, path)
    book = CalamineWorkbook.from_path(str(path))
    failures = book.get_sheet_by_name("Failures").to_python()
    assert failures[0][:7] == ["rule", "code", "severity", "file", "sheet", "row", "child"]
    assert failures[1][6] == '\'=HYPERLINK("x")' and failures[1][8] == "upn=+1"
    summary = book.get_sheet_by_name("Summary").to_python()
    assert summary[1][:5] == ["903_168", "168", "ssda903", "error", 1]


def test_load_command_reports_the_rules(base, tmp_path, capsys):
    assert main(["load", str(files(tmp_path / "in"))]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "Validation (2019-20): 1 failing row(s) on 1 of" in err
    took = snapshots.current().manifest["timings"]["seconds"]
    assert f"in {took:.1f} s (0 warning(s)); it is now current." in err


def test_validate_on_files_runs_even_when_loads_block(base, tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_INSIGHT_VALIDATION_BLOCKS", "1")
    out = tmp_path / "v.json"
    assert (
        main(["validate", str(files(tmp_path / "in")), "--format", "json", "--out", str(out)]) == 1
    )
    assert [r["code"] for r in json.loads(out.read_text())] == ["392c"]
    assert os.environ["CSC_INSIGHT_VALIDATION_BLOCKS"] == "1"


def test_activity_and_accommodation_0_reach_the_snapshot_and_pass(base, tmp_path):
    """OC3 ACTIV and ACCOM `0` (not applicable: returned home) are the DfE's codes: care
    leaver L2's row reaches the snapshot as 0 and passes rules 132, 133 and 344; L1's F3 (a
    code before 2016) fails 132 on oc3.csv row 2 and its blank ACCOM fails 133 on the same
    row (and 153, which wants all three or none: ACCOM is blank). Both are 19-20, never
    looked after in these files."""
    folder = files(tmp_path / "in", postcode="EC1A 1BB")
    with (folder / "header.csv").open("a", encoding="utf-8") as fh:
        fh.write("L1,1,01/05/2000,WBRI,UN3,,\nL2,2,14/02/2001,BAFR,UN2,,\n")
    (folder / "oc3.csv").write_text(
        "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM,YEAR\nL1,01/05/2000,YES,F3,,2020\n"
        "L2,14/02/2001,RHOM,0,0,2020\n",
        encoding="utf-8",
    )
    result = at_load.load([folder])
    with snapshots.connect(result.snapshot.id) as con:
        rows = con.execute(
            "SELECT child_id, activity, accommodation, suitable FROM care_leavers ORDER BY 1"
        ).fetchall()
    assert rows == [("L1", "F3", None, None), ("L2", "0", "0", None)]
    stored = at_load.stored(result.snapshot.id)
    assert sorted((f.code, f.file, f.row, f.child) for f in stored.failures) == [
        ("132", "oc3.csv", 2, "L1"),
        ("133", "oc3.csv", 2, "L1"),
        ("153", "oc3.csv", 2, "L1"),
    ]


def test_a_load_makes_the_views_of_the_snapshot_alone_as_its_tables(base, tmp_path):
    """A1 comes into care on 3 June 2019 and changes placement on 1 September (one period of
    care); A2 comes in on 10 October 2019 (V2, accommodated under section 20: not a short
    break). The starts of care: 3 June for A1, 10 October for A2."""
    from csc_insight.indicators import precomputed

    result = at_load.load([files(tmp_path / "in", postcode="EC1A 1BB")])
    con = snapshots.connect(result.snapshot.id)
    try:
        held = precomputed.held(con)
        assert set(held) == set(precomputed.views())
        starts = con.execute(
            f"SELECT child_id, care_start FROM {held['cla_care_starts']} ORDER BY child_id"
        ).fetchall()
    finally:
        con.close()
    assert [(c, str(d)) for c, d in starts] == [("A1", "2019-06-03"), ("A2", "2019-10-10")]


def test_the_rules_in_two_lanes_give_the_results_of_one(base, tmp_path):
    """A load runs the rules two at a time (`runner.run(lanes=2)`), after making the tables
    for the indicators in the first lane (`first`): the same rules run and
    skipped, and the same failures in the same order, as one at a time. Here 392c (the
    sector-only postcode, episodes.csv row 3) and EPI (A3, born 14/02/2019, with no
    episode: header.csv row 4, its episode set aside for ending before it began)."""
    folder = files(tmp_path / "in")
    with (folder / "header.csv").open("a", encoding="utf-8") as fh:
        fh.write("A3,1,14/02/2019,WBRI,UN2,,\n")
    with (folder / "episodes.csv").open("a", encoding="utf-8") as fh:
        fh.write("A3,10/10/2019,S,C2,N4,U1,PR1,05/10/2019,E11,,EC1A 1BB,,\n")
    result = at_load.load([folder])
    con = snapshots.connect(result.snapshot.id)
    ran_first: list[int] = []  # a load's tables for the indicators run first, in the lanes
    try:
        one = runner.run(con)
        two = runner.run(con, lanes=2, first=lambda cursor: ran_first.append(id(cursor)))
    finally:
        con.close()
    assert [(f.rule, f.file, f.row, f.child) for f in two.failures] == [
        ("903_392c", "episodes.csv", 3, "A1"),
        ("903_EPI", "header.csv", 4, "A3"),
    ]
    assert len(two.rules_run) > 100
    assert len(ran_first) == 1 and ran_first[0] != id(con)  # once, on a lane's cursor
    for results in (one, two):
        results.seconds = 0.0
    assert two.to_dict() == one.to_dict()
