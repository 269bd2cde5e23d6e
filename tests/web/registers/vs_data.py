"""Hand-made Virtual School data shared by the tests: children and SSDA903 episodes added to
the test snapshot, and register records."""

from __future__ import annotations

from pathlib import Path

import duckdb

from csc_insight.store import snapshots


def add_looked_after(home: Path, rows: list[tuple[str, str, bool, str, str | None, str]]) -> None:
    """(child, dob, uasc, decom, dec, legal status) rows into the current test snapshot;
    the child's row in `children` is added unless the snapshot has it already."""
    con = duckdb.connect(str(snapshots.current(home).path))
    for child, dob, uasc, decom, dec, ls in rows:
        known = con.execute("SELECT count(*) FROM children WHERE child_id = ?", [child]).fetchone()
        if not known[0]:
            con.execute(
                "INSERT INTO children (child_id, dob, uasc, source) "
                "VALUES (?, CAST(? AS DATE), ?, 'ssda903')",
                [child, dob, uasc],
            )
        con.execute(
            "INSERT INTO cla_episodes (child_id, decom, dec, ls, source) "
            "VALUES (?, CAST(? AS DATE), CAST(? AS DATE), ?, 'ssda903')",
            [child, decom, dec, ls],
        )
    con.close()


def add_oc3(home: Path, child: str, dob: str, year_ending: str, activity: str) -> None:
    con = duckdb.connect(str(snapshots.current(home).path))
    con.execute(
        "INSERT INTO children (child_id, dob, source) VALUES (?, CAST(? AS DATE), 'ssda903')",
        [child, dob],
    )
    con.execute(
        "INSERT INTO care_leavers (child_id, year_ending, activity, source) "
        "VALUES (?, CAST(? AS DATE), ?, 'ssda903')",
        [child, year_ending, activity],
    )
    con.close()


# C1 (in the test snapshot, born 4 March 2012: Year 3 in 2019-20) in care since May 2018;
# C2 (Year 10, an unaccompanied asylum seeker) since 1 November 2019; C3 in Nursery; C4
# (Year 6) left care on 20 December 2019; C5 is 18; C6 has short breaks only.
COHORT = [
    ("C1", "2012-03-04", False, "2018-05-01", None, "C2"),
    ("C2", "2004-10-10", True, "2019-11-01", None, "J2"),
    ("C3", "2016-01-15", False, "2019-01-01", None, "C2"),
    ("C4", "2009-05-05", False, "2018-01-01", "2019-12-20", "C2"),
    ("C5", "2001-06-01", False, "2017-01-01", None, "C2"),
    ("C6", "2010-01-01", False, "2019-01-01", None, "V3"),
]
