"""The same seed gives byte-identical files; another seed gives different ones."""

from __future__ import annotations

import filecmp
from datetime import date
from pathlib import Path

from csc_insight.synth import generate, write

START, END = date(2018, 4, 1), date(2020, 3, 31)  # as in conftest.py


def _files(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_same_seed_gives_identical_bytes(city_files: Path, tmp_path: Path) -> None:
    write(generate("city", 7, START, END), tmp_path)
    names = _files(city_files)
    assert names == _files(tmp_path)
    # annex_a.xlsx, two census years, ten SSDA903 files, eleven local extras
    assert len(names) == 24
    for name in names:
        assert filecmp.cmp(city_files / name, tmp_path / name, shallow=False), name


def test_different_seed_gives_different_data(city_files: Path, tmp_path: Path) -> None:
    write(generate("city", 8, START, END), tmp_path)
    for name in (
        "annex_a.xlsx",
        "cin_census_2020.xml",
        "episodes.csv",
        "local_extras/contacts.csv",
    ):
        assert not filecmp.cmp(city_files / name, tmp_path / name, shallow=False), name
