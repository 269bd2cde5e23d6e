"""Each rule of the DfE definitions (issue 13), on a small snapshot built by hand for it.

Every fixture below names its rows and works out the expected figures in its docstring;
`test_spark_parity` runs every fixture's indicators on Spark too and expects the same.
Q3 is 2019-20-Q3 (1 October - 31 December 2019), Q4 is 2019-20-Q4 (to 31 March 2020).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from csc_insight.indicators import children, compute
from csc_insight.store import schema
from csc_insight.store.calendar import build_calendar

SETTINGS = {"working_days": "day0", "assessment_clock": "assessment_start"}


@dataclass(frozen=True)
class Fixture:
    """Rows per table: {"table": ("col, col, ...", [(value, ...), ...])}."""

    name: str
    rows: dict[str, tuple[str, list[tuple[Any, ...]]]]
    indicators: tuple[str, ...]
    periods: tuple[str, ...] = ("2019-20-Q3",)


def build(path: Path, fixture: Fixture) -> Path:
    con = duckdb.connect(str(path))
    schema.create(con)
    build_calendar(con, date(2014, 1, 1), date(2021, 12, 31))
    con.execute("INSERT INTO snapshot_meta VALUES ('id', ?)", [fixture.name])
    for table, (columns, rows) in fixture.rows.items():
        names = [c.strip() for c in columns.split(",")]
        with_source = "source" not in names
        cols = names + (["source"] if with_source else [])
        marks = ", ".join("?" * len(cols))
        con.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})",
                        [list(r) + (["x"] if with_source else []) for r in rows])
    con.close()
    return path


FIXTURES: dict[str, Fixture] = {}


def fixture(f: Fixture) -> Fixture:
    FIXTURES[f.name] = f
    return f


def figures(tmp_path: Path, f: Fixture, period: str = "2019-20-Q3",
            settings: dict[str, Any] | None = None) -> dict[str, Any]:
    path = tmp_path / f"{f.name}.duckdb"
    if not path.exists():
        build(path, f)
    with duckdb.connect(str(path), read_only=True) as con:
        return {r.id: r for r in compute(con, period, ids=list(f.indicators),
                                         comparisons=False, settings=settings or SETTINGS)}


def nd(result: Any) -> tuple[Any, Any]:
    return result.numerator, result.denominator


# --- Bug (a): the earliest episode on file starts a placement ---------------------------

EARLIEST_EPISODE = fixture(Fixture(
    "earliest_episode",
    {
        "children": ("child_id, dob", [("L1", date(2010, 1, 1)), ("L2", date(2009, 1, 1)),
                                        ("L3", date(2002, 1, 1))]),
        "cla_episodes": ("child_id, decom, rne, ls, place, dec, rec", [
            ("L1", date(2016, 5, 1), "L", "C2", "U1", None, None),
            ("L2", date(2016, 3, 1), "T", "C2", "U1", date(2018, 6, 1), "X1"),
            ("L2", date(2018, 6, 1), "P", "C2", "U1", None, None),
            ("L3", date(2016, 1, 1), "S", "C2", "U1", None, None),
        ]),
        "visits": ("child_id, visit_date, visit_type", [
            ("L1", date(2019, 8, 20), "CLA"), ("L1", date(2019, 10, 1), "CLA"),
            ("L1", date(2019, 11, 20), "CLA"), ("L1", date(2019, 12, 20), "CLA"),
            ("L2", date(2019, 9, 15), "CLA"), ("L2", date(2019, 10, 20), "CLA"),
        ]),
    },
    ("cla_long_term_stability_pct", "cla_visits_in_time_pct"),
))


def test_earliest_episode_on_file_starts_the_placement(tmp_path):
    """L1's file starts with a change of legal status (RNE L) on 1 May 2016: that is the
    latest their placement can have begun, so at 31 Dec 2019 they have been looked after
    and placed for over 2.5 years: stable. L2's placement began 1 Jun 2018 (under 2
    years): not stable. L3 is 17: not counted. Stability 1/2 (the old view gave L1 no
    placement start: 0/2).

    Visits in Q3 (6-weekly = 42 days): L1 1 Oct (42 days after 20 Aug, in time), 20 Nov
    (50 days, late), 20 Dec (30 days, in time); L2 20 Oct (35 days, in time): 3/4. The old
    inner join dropped L1's visits (1/1).
    """
    found = figures(tmp_path, EARLIEST_EPISODE)
    assert nd(found["cla_long_term_stability_pct"]) == (1, 2)
    assert nd(found["cla_visits_in_time_pct"]) == (3, 4)


# --- Bug (b): care leavers use only what was known for the period -----------------------

CARE_LEAVERS = fixture(Fixture(
    "care_leavers",
    {
        "children": ("child_id, dob", [("A", date(2000, 6, 15)), ("B", date(2001, 2, 10)),
                                       ("C", date(2000, 1, 1))]),
        "care_leavers": ("child_id, year_ending, in_touch, activity, suitable, source", [
            ("A", date(2019, 3, 31), "YES", "G4", False, "ssda903"),
            ("A", date(2020, 3, 31), "YES", "F1", True, "ssda903"),
            ("B", date(2019, 3, 31), "YES", "F1", True, "ssda903"),
            ("B", date(2020, 3, 31), "NO", "G6", False, "ssda903"),
            ("C", None, "YES", "F1", True, "annex_a"),
        ]),
        # the Annex A's latest date: its List 9 is as at 20 March 2020
        "visits": ("child_id, visit_date, visit_type, source",
                   [("Z", date(2020, 3, 20), "CLA", "annex_a")]),
        "contacts": ("contact_id, child_id, contact_date", [("K", "Z", date(2020, 3, 31))]),
    },
    ("care_leavers", "care_leavers_eet_pct", "care_leavers_17_18_eet_pct",
     "care_leavers_suitable_accom_pct", "care_leavers_17_18_suitable_accom_pct",
     "care_leavers_in_touch_pct"),
    ("2019-20-Q3", "2019-20-Q4", "2018-19-Q3"),
))


def test_care_leavers_use_only_what_was_known_for_the_period(tmp_path):
    """At 31 Dec 2019 (Q3): A's latest birthday is 15 Jun 2019 (19), recorded in the
    2019-20 OC3 (F1, suitable); B's is 10 Feb 2019 (18), in the 2018-19 OC3 (F1,
    suitable): B's 2019-20 record (G6) is about 10 Feb 2020, still to come. C has only an
    Annex A List 9 row, as at 20 Mar 2020: not known in Q3. So 2 care leavers; 19-21: A,
    1/1 in EET and suitable; 17-18: B, 1/1 and 1/1; in touch 2/2. (The old view read
    List 9 and the 2019-20 OC3 for Q3: 3 leavers, B not in EET.)

    At 31 Mar 2020 (Q4): A (19, F1, suitable), B (19 on 10 Feb 2020: G6, not suitable,
    not in touch), C (20, List 9 as at 20 Mar 2020: F1, suitable): 19-21 EET 2/3,
    suitable 2/3, 17-18 none (no figure); in touch 2/3.

    At 31 Dec 2018 (2018-19 Q3): A's birthday 15 Jun 2018 (18) in the 2018-19 OC3 (G4, not
    suitable); B's 10 Feb 2018 (17) falls in 2017-18, which has no OC3 record: 1 leaver,
    17-18 EET 0/1.
    """
    q3 = figures(tmp_path, CARE_LEAVERS)
    assert q3["care_leavers"].value == 2
    assert nd(q3["care_leavers_eet_pct"]) == (1, 1)
    assert nd(q3["care_leavers_17_18_eet_pct"]) == (1, 1)
    assert nd(q3["care_leavers_suitable_accom_pct"]) == (1, 1)
    assert nd(q3["care_leavers_17_18_suitable_accom_pct"]) == (1, 1)
    assert nd(q3["care_leavers_in_touch_pct"]) == (2, 2)
    q4 = figures(tmp_path, CARE_LEAVERS, "2019-20-Q4")
    assert q4["care_leavers"].value == 3
    assert nd(q4["care_leavers_eet_pct"]) == (2, 3)
    assert nd(q4["care_leavers_suitable_accom_pct"]) == (2, 3)
    assert q4["care_leavers_17_18_eet_pct"].value is None
    assert nd(q4["care_leavers_in_touch_pct"]) == (2, 3)
    last_year = figures(tmp_path, CARE_LEAVERS, "2018-19-Q3")
    assert last_year["care_leavers"].value == 1
    assert nd(last_year["care_leavers_17_18_eet_pct"]) == (0, 1)


# --- Bug (c): an unrecorded "child seen" is missing, not "not seen" ---------------------

CHILD_SEEN = fixture(Fixture(
    "child_seen",
    {"assessments": ("assessment_id, child_id, start_date, authorised_date, child_seen", [
        ("A1", "S1", date(2019, 7, 1), date(2019, 8, 1), None),
        ("A2", "S2", date(2019, 7, 1), date(2019, 9, 1), None),
        ("A3", "S3", date(2019, 9, 1), date(2019, 10, 10), True),
        ("A4", "S4", date(2019, 9, 1), date(2019, 11, 10), False),
        ("A5", "S5", date(2019, 9, 1), date(2019, 12, 10), None),
    ])},
    ("assessments_child_seen_pct",),
    ("2019-20-Q3", "2019-20-Q2"),
))


def test_unrecorded_child_seen_is_missing_not_not_seen(tmp_path):
    """Q2: A1 and A2, neither answer recorded: no figure (denominator 0, value None),
    where the old SQL said 0 of 2. Q3: A3 seen, A4 not seen, A5 unrecorded and left out of
    the denominator: 1/2 = 50% (old: 1/3)."""
    q2 = figures(tmp_path, CHILD_SEEN, "2019-20-Q2")["assessments_child_seen_pct"]
    assert q2.value is None
    assert not q2.denominator
    q3 = figures(tmp_path, CHILD_SEEN)["assessments_child_seen_pct"]
    assert (q3.value, *nd(q3)) == (50.0, 1, 2)


# --- Bug (d): a conversion links each referral to its contact ---------------------------

CONVERSION = fixture(Fixture(
    "conversion",
    {
        "contacts": ("contact_id, child_id, contact_date", [
            ("KX", "X", date(2019, 10, 1)),
            ("KZ1", "Z", date(2019, 10, 5)), ("KZ2", "Z", date(2019, 10, 20)),
            ("KW", "W", date(2019, 12, 30)),
        ]),
        "referrals": ("referral_id, child_id, referral_date", [
            ("RX1", "X", date(2019, 10, 3)), ("RX2", "X", date(2019, 11, 1)),
            ("RY1", "Y", date(2019, 10, 9)), ("RY2", "Y", date(2019, 12, 9)),
            ("RZ", "Z", date(2019, 10, 21)), ("RW", "W", date(2020, 1, 2)),
        ]),
    },
    ("contact_conversion_pct",),
))


def test_conversion_links_each_referral_to_its_contact(tmp_path):
    """Contacts in Q3: KX, KZ1, KZ2, KW. Each referral's contact is the child's latest on
    or before it: RX1 and RX2 -> KX; RZ -> KZ2 (not KZ1); RW (2 Jan 2020) -> KW; Y's two
    referrals have no contact. Converted: KX, KZ2, KW = 3/4 = 75%. The old SQL divided Q3's
    five referrals by four contacts: 125%."""
    result = figures(tmp_path, CONVERSION)["contact_conversion_pct"]
    assert (result.value, *nd(result)) == (75.0, 3, 4)
    path = tmp_path / "conversion.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        rows = {r.evidence["contact_id"]: r for r in
                children(con, "contact_conversion_pct", "2019-20-Q3", settings=SETTINGS)}
    assert rows["KZ2"].evidence["referral_id"] == "RZ"
    assert not rows["KZ1"].in_numerator


# --- Spark ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from csc_insight.indicators.spark import session

    spark = session()
    yield spark
    spark.stop()


def _comparable(results: list[Any]) -> dict[Any, Any]:
    return {(r.id, r.key): {k: v for k, v in r.to_dict().items()
                            if k not in ("comparators", "snapshot")} for r in results}


@pytest.mark.spark
@pytest.mark.slow
def test_spark_parity(tmp_path, spark):
    """Every fixture above, every period it is tested for: Spark gives what DuckDB gives."""
    from csc_insight.indicators.spark import SparkBackend

    for f in FIXTURES.values():
        path = build(tmp_path / f"{f.name}.duckdb", f)
        with duckdb.connect(str(path), read_only=True) as con:
            backend = SparkBackend.from_duckdb(con, spark)
            for period in f.periods:
                on_duckdb = _comparable(compute(con, period, ids=list(f.indicators),
                                                comparisons=False, settings=SETTINGS))
                on_spark = _comparable(compute(backend, period, ids=list(f.indicators),
                                               comparisons=False, settings=SETTINGS))
                assert on_spark == on_duckdb, (f.name, period)
