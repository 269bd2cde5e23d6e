"""The cross-file check that sets aside events of children no file of the load has, on a
staging database built by hand: which rows go, which stay, what the quarantine says, and
how a table already merged into the new snapshot loses the same rows."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from csc_insight.common.report import Report
from csc_insight.formats import quarantine as staged_quarantine
from csc_insight.store import loader, merge, quarantine, schema


@pytest.fixture
def staging(tmp_path):
    con = duckdb.connect(str(tmp_path / "staging.duckdb"))
    schema.create(con)
    staged_quarantine.ensure(con)
    con.execute(
        "INSERT INTO children (child_id, source, source_ref) VALUES "
        "('A1', 'ssda903', 'header.csv:2'), ('B2', 'ssda903', 'header.csv:3')"
    )
    # A1 and B2 are known; ZZ9 is in no file.
    for row, child in enumerate(["A1", "ZZ9", "B2", "ZZ9"], start=2):
        con.execute(
            "INSERT INTO visits (child_id, visit_date, visit_type, source, source_ref) "
            "VALUES (?, ?, 'CP', 'local', ?)",
            [child, date(2019, 5, row), f"visits.csv:{row}"],
        )
    con.execute(
        "INSERT INTO missing_episodes (child_id, start_date, missing_type, source, source_ref) "
        "VALUES ('B2', DATE '2019-06-01', 'M', 'local', 'missing.csv:2')"
    )
    yield con
    con.close()


def test_events_of_children_in_no_file_are_set_aside_with_their_rows(staging):
    report = Report(quarantine=True)
    set_aside = quarantine.set_aside_orphans(staging, ["visits", "missing_episodes"], report)
    assert set_aside == {"visits": 2}
    assert staging.execute(
        "SELECT child_id, source_ref FROM visits ORDER BY source_ref"
    ).fetchall() == [("A1", "visits.csv:2"), ("B2", "visits.csv:4")]
    assert staging.execute(
        "SELECT row_number, value, problem, target FROM quarantine ORDER BY row_number"
    ).fetchall() == [
        (3, "ZZ9", "orphan", "visits"),
        (5, "ZZ9", "orphan", "visits"),
    ]
    assert [(i.code, i.row, i.value) for i in report.issues] == [
        ("orphan", 3, "ZZ9"),
        ("orphan", 5, "ZZ9"),
    ]
    assert staging.execute("SELECT count(*) FROM missing_episodes").fetchall() == [(1,)]
    # the check's working tables are gone
    working = "SELECT table_name FROM information_schema.tables WHERE starts_with(table_name, '_')"
    assert staging.execute(working).fetchall() == []


def test_a_table_merged_before_the_check_loses_the_same_rows(staging, tmp_path):
    # As the loader does for the tables it merges while the census worker reads.
    loader._start_snapshot(staging, tmp_path / "snap.duckdb")
    assert merge.merge_table(staging, "visits", "staging", "snap") == 4
    quarantine.set_aside_orphans(staging, ["visits"], Report(quarantine=True))
    assert loader._drop_orphans_merged(staging, "visits") == 2
    assert staging.execute(
        "SELECT child_id, source_ref FROM snap.visits ORDER BY source_ref"
    ).fetchall() == [("A1", "visits.csv:2"), ("B2", "visits.csv:4")]
