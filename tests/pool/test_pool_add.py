"""`pool add`: the returns validated as `load` validates them, the pool holding no real id,
dob or postcode, and a failed add leaving the pool exactly as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from csc_insight.pool import add, pseudonymise, read_manifest, store

KEY = "k" * 40  # as conftest sets CSC_INSIGHT_POOL_KEY


def tree(pool: Path) -> dict[str, str]:
    """Every file under the pool with its SHA-256 (the lock file is empty)."""
    return {
        str(p.relative_to(pool)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(pool.rglob("*"))
        if p.is_file()
    }


def parquet(pool: Path, table: str, code: str) -> str:
    load = read_manifest(pool)["councils"][code]["load"]
    return store.part_path(pool, table, code, load)


def raw_children(folder: Path) -> list[tuple[str, str]]:
    """(CHILD, DOB) from the SSDA903 header the synth wrote."""
    with duckdb.connect() as con:
        return con.execute(
            f"SELECT CHILD, DOB FROM read_csv('{folder / 'header.csv'}', all_varchar=true)"
        ).fetchall()


def test_two_councils_added_with_one_current_load_each(pool: Path) -> None:
    councils = read_manifest(pool)["councils"]
    assert sorted(councils) == ["E09000001", "E09000007"]
    for code, entry in councils.items():
        assert entry["rows"]["children"] > 0
        folders = store.load_dirs(pool, code)
        assert {f.name for f in folders} == {f"load={entry['load']}"}


def test_ids_pseudonymised_per_council(pool: Path, returns: dict[str, Path]) -> None:
    key = KEY.encode()
    with duckdb.connect() as con:
        pooled = {
            code: {
                r[0]
                for r in con.execute(
                    f"SELECT child_id FROM read_parquet('{parquet(pool, 'children', code)}')"
                ).fetchall()
            }
            for code in returns
        }
    for code, folder in returns.items():
        raw = {child for child, _ in raw_children(folder)}
        assert not raw & pooled[code]  # no real id in the pool
        assert {pseudonymise.pseudonym(key, code, c) for c in raw} <= pooled[code]
    # the synth numbers children alike in both councils: same ids, different pseudonyms
    shared = {c for c, _ in raw_children(returns["E09000001"])} & {
        c for c, _ in raw_children(returns["E09000007"])
    }
    assert shared
    assert not pooled["E09000001"] & pooled["E09000007"]


def test_stable_when_a_council_is_added_again(pool: Path, returns: dict[str, Path]) -> None:
    query = "SELECT child_id FROM read_parquet('{}') ORDER BY 1"
    with duckdb.connect() as con:
        before = con.execute(query.format(parquet(pool, "children", "E09000001"))).fetchall()
        old_load = read_manifest(pool)["councils"]["E09000001"]["load"]
        result = add("E09000001", [returns["E09000001"]], pool)
        assert result.ok and result.previous_load == old_load
        after = con.execute(query.format(parquet(pool, "children", "E09000001"))).fetchall()
    assert after == before
    assert [f.name for f in store.load_dirs(pool, "E09000001")][0] == f"load={result.load_id}"
    assert len({f.name for f in store.load_dirs(pool, "E09000001")}) == 1  # old load gone


def test_dob_to_month_and_postcode_to_district(pool: Path, returns: dict[str, Path]) -> None:
    with duckdb.connect() as con:
        days = con.execute(
            "SELECT DISTINCT day(dob) FROM read_parquet("
            f"'{parquet(pool, 'children', 'E09000001')}') WHERE dob IS NOT NULL"
        ).fetchall()
        posts = con.execute(
            "SELECT DISTINCT home_post FROM read_parquet("
            f"'{parquet(pool, 'cla_episodes', 'E09000001')}') WHERE home_post IS NOT NULL"
        ).fetchall()
        raw_posts = con.execute(
            f"SELECT DISTINCT HOME_POST FROM read_csv('{returns['E09000001'] / 'episodes.csv'}',"
            " all_varchar=true) WHERE HOME_POST IS NOT NULL"
        ).fetchall()
    assert days == [(1,)]
    assert posts and all(" " not in p and len(p) <= 4 for (p,) in posts)
    assert {p for (p,) in posts} <= {pseudonymise.outward_code(p) for (p,) in raw_posts}


def test_refused_add_leaves_the_pool_as_it_was(pool: Path, tmp_path: Path) -> None:
    before = tree(pool)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "header.csv").write_text("", encoding="utf-8")  # empty: `load` refuses it
    result = add("E09000001", [bad], pool)
    assert not result.ok
    assert result.report.count("error")
    assert tree(pool) == before


def test_add_failing_midway_leaves_the_previous_load(
    pool: Path, returns: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(pool)
    written = []
    real = pseudonymise.select_sql

    def failing(table: str, source: str = "") -> str:
        written.append(table)
        if len(written) == 6:  # five tables of the new load are on disk by now
            raise OSError("disk full")
        return real(table, source)

    monkeypatch.setattr(pseudonymise, "select_sql", failing)
    with pytest.raises(OSError, match="disk full"):
        add("E09000001", [returns["E09000001"]], pool)
    assert len(written) == 6
    assert tree(pool) == before


def test_bad_council_code_refused(pool: Path, returns: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="LA_CODE"):
        add("../x", [returns["E09000001"]], pool)
