"""Parity with the DfE's reference implementation for the SSDA903 (slow; `make test` runs
it): csc-validator-be-903 0.1.17 in its own cached virtualenv (`parity/venvs.py`: it pins
old pandas and numpy) and CSC Insight run on the same synthetic files with planted errors,
and each SSDA903 rule we implement must flag the same rows. Rules whose YAML says
`differs_from_reference` are not compared. Skipped when the package index cannot be
reached. The CIN census is compared by test_parity_cin.py."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from csc_insight.cli import main
from csc_insight.validation.catalogue import not_ported, rules

from .parity import plant_903, venvs

pytestmark = pytest.mark.slow


def _reference() -> str:
    try:
        return str(venvs.python_for("903"))
    except venvs.ReferenceUnavailable as exc:
        pytest.skip(f"csc-validator-be-903 could not be installed: {exc}")


def test_903_rules_flag_the_same_rows_as_the_reference(tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    data = tmp_path / "data"
    assert (
        main(
            [
                "synth",
                "--profile",
                "borough",
                "--start",
                "2018-04-01",
                "--out",
                str(data),
                "--inject-errors",
                "15",
                "--seed",
                "3",
            ]
        )
        == 0
    )
    planted = plant_903.plant(data)
    python = _reference()
    theirs_path = tmp_path / "theirs.json"
    subprocess.run(
        [
            python,
            str(venvs.RUNNERS["903"]),
            str(data),
            "2020",
            "lac2022_23",
            str(theirs_path),
        ],
        check=True,
        timeout=900,
        capture_output=True,
    )
    theirs = json.loads(theirs_path.read_text())
    registry = set(theirs.pop("registry"))
    ours_path = tmp_path / "ours.json"
    main(
        [
            "validate",
            str(data),
            "--collection-year",
            "2019-20",
            "--format",
            "json",
            "--out",
            str(ours_path),
        ]
    )
    ours: dict[str, set] = {}
    for f in json.loads(ours_path.read_text()):
        ours.setdefault(f["code"], set()).add((f["file"], f["row"], f["child"]))
    compared = [
        r
        for r in rules()
        if r.returns == "ssda903" and r.implemented and not r.differs_from_reference
    ]
    assert compared
    mismatches = {}
    for rule in compared:
        expected = {tuple(x) for x in theirs.get(rule.code, [])}
        if ours.get(rule.code, set()) != expected:
            mismatches[rule.code] = (
                sorted(ours.get(rule.code, set()) - expected)[:5],
                sorted(expected - ours.get(rule.code, set()))[:5],
            )
    assert mismatches == {}, json.dumps(mismatches, indent=1)
    # every planted failure was found (by both sides, as they agree)
    compared_codes = {r.code for r in compared}
    for code, child in planted.items():
        if code in compared_codes:
            assert child in {c for _, _, c in ours.get(code, ())}, code
    assert set(planted) <= compared_codes, "a planted rule is not compared"
    # every rule of the reference's set runs here or is listed with why (not_ported.yaml)
    ours_or_listed = {r.code for r in rules() if r.returns == "ssda903" and r.implemented}
    ours_or_listed |= {code for ret, code in not_ported() if ret == "ssda903"}
    assert registry - ours_or_listed == set()
    print(sys.version, {r.code: len(ours.get(r.code, ())) for r in compared})


# The reference rules synthetic data may fail, each with why (ideally none).
SYNTH_ALLOWED: set[str] = set()


def test_synthetic_borough_year_passes_the_reference(tmp_path, monkeypatch):
    """The DfE's validator finds nothing in a synthetic borough year outside SYNTH_ALLOWED."""
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    data = tmp_path / "data"
    args = ["--profile", "borough", "--seed", "1", "--start", "2019-04-01"]
    assert main(["synth", *args, "--end", "2020-03-31", "--out", str(data)]) == 0
    python = _reference()
    theirs_path = tmp_path / "theirs.json"
    subprocess.run(
        [python, str(venvs.RUNNERS["903"]), str(data), "2020", "lac2022_23", str(theirs_path)],
        check=True,
        timeout=900,
        capture_output=True,
    )
    theirs = json.loads(theirs_path.read_text())
    theirs.pop("registry")
    failing = {code: len(rows) for code, rows in theirs.items() if rows}
    assert set(failing) == SYNTH_ALLOWED, failing
