"""Two small synthetic councils (one quarter of borough-sized returns each, different seeds)
and a pool they are added to; each test gets its own copy of the pool and a fresh home."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from csc_insight.pool import add

QUARTER = (date(2019, 10, 1), date(2019, 12, 31))
PERIOD = "2019-20-Q3"
COUNCILS = {"E09000001": 5, "E09000007": 6}  # council code -> synth seed
KEY = "k" * 40


@pytest.fixture(scope="session")
def returns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from csc_insight.synth import generate, write

    folders = {}
    for code, seed in COUNCILS.items():
        folder = tmp_path_factory.mktemp(f"returns-{code}")
        write(generate("borough", seed, *QUARTER), folder)
        folders[code] = folder
    return folders


@pytest.fixture(autouse=True)
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CSC_INSIGHT_POOL_KEY", KEY)
    return tmp_path / "home"


@pytest.fixture(scope="session")
def built_pool(returns: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    pool = tmp_path_factory.mktemp("pool") / "pool"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CSC_INSIGHT_HOME", str(pool.parent / "home"))
        patch.setenv("CSC_INSIGHT_POOL_KEY", KEY)
        for code, folder in returns.items():
            assert add(code, [folder], pool).ok
    return pool


@pytest.fixture
def pool(built_pool: Path, tmp_path: Path) -> Path:
    """A copy of the two-council pool this test may change."""
    copy = tmp_path / "pool"
    shutil.copytree(built_pool, copy)
    return copy
