"""Synthetic data passes every implemented rule; `synth --inject-errors N` plants N errors
that `validate` finds exactly: the same (rule, file, row, child), no misses, no extras."""

from __future__ import annotations

import csv
import json

import pytest

from csc_insight.cli import main


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    assert (
        main(
            [
                "synth",
                "--profile",
                "borough",
                "--start",
                "2018-04-01",
                "--out",
                str(out),
                "--inject-errors",
                "15",
                "--seed",
                "3",
            ]
        )
        == 0
    )
    return out


@pytest.mark.slow
def test_validate_finds_exactly_the_planted_errors(planted, tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    with (planted / "injected_errors.csv").open(newline="") as fh:
        expected = {(r["rule"], r["file"], int(r["row"]), r["child"]) for r in csv.DictReader(fh)}
    assert len(expected) == 15
    rules = {rule for rule, *_ in expected}
    assert len(rules) == 7  # varied rules, of the SSDA903, the CIN census and Annex A
    assert {rule.split("_")[0] for rule in rules} == {"903", "cin", "annexa"}
    out = tmp_path / "found.json"
    assert main(["validate", str(planted), "--format", "json", "--out", str(out)]) == 1
    found = [(f["rule"], f["file"], f["row"], f["child"]) for f in json.loads(out.read_text())]
    assert len(found) == len(set(found))
    assert set(found) == expected


@pytest.mark.slow
def test_synthetic_data_without_planted_errors_passes(tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    out = tmp_path / "synth"
    assert (
        main(
            [
                "synth",
                "--profile",
                "borough",
                "--start",
                "2018-04-01",
                "--out",
                str(out),
                "--seed",
                "3",
            ]
        )
        == 0
    )
    for year in ("2018-19", "2019-20"):
        result = tmp_path / f"{year}.json"
        assert (
            main(
                [
                    "validate",
                    str(out),
                    "--collection-year",
                    year,
                    "--format",
                    "json",
                    "--out",
                    str(result),
                ]
            )
            == 0
        )
        assert json.loads(result.read_text()) == []
