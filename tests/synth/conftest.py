"""One small synthetic dataset (city profile, two collection years) shared by the synth tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csc_insight.synth import World, generate, write

START, END = date(2018, 4, 1), date(2020, 3, 31)


@pytest.fixture(scope="session")
def city() -> World:
    return generate("city", 7, START, END)


@pytest.fixture(scope="session")
def city_files(city: World, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("city")
    write(city, out)
    return out
