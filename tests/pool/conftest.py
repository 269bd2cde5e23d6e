"""A hand-built 3-council pool (`toy_pool`); two small synthetic councils (one quarter of
borough-sized returns each, different seeds) and a pool they are added to, of which each
test gets its own copy; and a fresh home for each test."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.pool import add, store
from csc_insight.store import schema

QUARTER = (date(2019, 10, 1), date(2019, 12, 31))
PERIOD = "2019-20-Q3"
COUNCILS = {"E09000001": 5, "E09000007": 6}  # council code -> synth seed
KEY = "k" * 40
_FIXTURE = Path(__file__).resolve().parent.parent / "indicators" / "conftest.py"


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


def _indicator_fixture():
    spec = importlib.util.spec_from_file_location("indicator_fixture", _FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_council(con: duckdb.DuckDBPyConnection, pool: Path, code: str, load: str) -> None:
    for table in schema.tables():
        target = Path(store.part_path(pool, table, code, load))
        target.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT PARQUET)")


@pytest.fixture(scope="session")
def toy_pool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three councils written straight to the pool's layout (not pseudonymised, ids shared):
    A1 the indicators' hand-built snapshot, B2 the same less contact K3 and referral R3,
    303 only a calendar, a population and one referral (test_one_pass.py says why)."""
    fixture = _indicator_fixture()
    work = tmp_path_factory.mktemp("toy")
    pool = work / "pool"
    councils = {}
    for code in ("A1", "B2", "303"):
        con = fixture.build_fixture(work / f"{code}.duckdb")
        if code == "B2":
            con.execute("DELETE FROM contacts WHERE contact_id = 'K3'")
            con.execute("DELETE FROM referrals WHERE referral_id = 'R3'")
        if code == "303":
            for table in schema.tables():
                if table not in ("calendar", "population", "snapshot_meta"):
                    con.execute(f"DELETE FROM {table}")
            con.execute(
                "INSERT INTO referrals (referral_id, child_id, referral_date, nfa, source) "
                "VALUES ('R1', 'C1', DATE '2019-11-01', FALSE, 'x')"
            )
        load = f"load-{code}"
        con.execute("UPDATE snapshot_meta SET value = ? WHERE key = 'id'", [load])
        _write_council(con, pool, code, load)
        con.close()
        councils[code] = {"load": load}
    store.write_manifest(pool, {"councils": councils})
    return pool
