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

from csc_insight.common.calendar import build_calendar
from csc_insight.indicators import children, compute, coverage
from csc_insight.store import schema

SETTINGS = {"working_days": "day0", "assessment_clock": "assessment_start"}


# The returns every fixture stands for run from 1 April 2015 to 31 March 2020: a period
# outside the data has no figure (indicators/coverage.py: the data run from the first
# contact to the latest event), so `build` marks the two ends with a contact each, of a
# child no indicator tested with them counts. A fixture whose indicators count contacts
# sets `extent=None` and its own contacts mark the data.
EXTENT = (date(2015, 4, 1), date(2020, 3, 31))


@dataclass(frozen=True)
class Fixture:
    """Rows per table: {"table": ("col, col, ...", [(value, ...), ...])}."""

    name: str
    rows: dict[str, tuple[str, list[tuple[Any, ...]]]]
    indicators: tuple[str, ...]
    periods: tuple[str, ...] = ("2019-20-Q3",)
    extent: tuple[date, date] | None = EXTENT


# The return a fixture's rows stand for where an indicator needs that return's own rows
# (`requires: ... from ssda903`): the review and visit histories, the episodes' placements.
# Any other table's rows are from a return called 'x'.
SOURCE = {
    "cla_episodes": "ssda903",
    "cla_reviews": "ssda903",
    "visits": "local",
    "cp_reviews": "cin_census",
}


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
        con.executemany(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})",
            [list(r) + ([SOURCE.get(table, "x")] if with_source else []) for r in rows],
        )
    if fixture.extent is not None:
        con.executemany(
            "INSERT INTO contacts (contact_id, child_id, contact_date, source) "
            "VALUES (?, ?, ?, 'x')",
            [
                ("EXTENT-FIRST", "EXTENT", fixture.extent[0]),
                ("EXTENT-LAST", "EXTENT", fixture.extent[1]),
            ],
        )
    con.close()
    return path


FIXTURES: dict[str, Fixture] = {}


def fixture(f: Fixture) -> Fixture:
    FIXTURES[f.name] = f
    return f


def figures(
    tmp_path: Path, f: Fixture, period: str = "2019-20-Q3", settings: dict[str, Any] | None = None
) -> dict[str, Any]:
    path = tmp_path / f"{f.name}.duckdb"
    if not path.exists():
        build(path, f)
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            r.id: r
            for r in compute(
                con,
                period,
                ids=list(f.indicators),
                comparisons=False,
                settings=settings or SETTINGS,
            )
        }


def nd(result: Any) -> tuple[Any, Any]:
    return result.numerator, result.denominator


# --- Bug (a): the earliest episode on file starts a placement ---------------------------

EARLIEST_EPISODE = fixture(
    Fixture(
        "earliest_episode",
        {
            "children": (
                "child_id, dob",
                [("L1", date(2010, 1, 1)), ("L2", date(2009, 1, 1)), ("L3", date(2002, 1, 1))],
            ),
            "cla_episodes": (
                "child_id, decom, rne, ls, place, dec, rec",
                [
                    ("L1", date(2016, 5, 1), "L", "C2", "U1", None, None),
                    ("L2", date(2016, 3, 1), "T", "C2", "U1", date(2018, 6, 1), "X1"),
                    ("L2", date(2018, 6, 1), "P", "C2", "U1", None, None),
                    ("L3", date(2016, 1, 1), "S", "C2", "U1", None, None),
                ],
            ),
            "visits": (
                "child_id, visit_date, visit_type",
                [
                    ("L1", date(2019, 8, 20), "CLA"),
                    ("L1", date(2019, 10, 1), "CLA"),
                    ("L1", date(2019, 11, 20), "CLA"),
                    ("L1", date(2019, 12, 20), "CLA"),
                    ("L2", date(2019, 9, 15), "CLA"),
                    ("L2", date(2019, 10, 20), "CLA"),
                ],
            ),
        },
        ("cla_long_term_stability_pct", "cla_visits_in_time_pct"),
    )
)


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

CARE_LEAVERS = fixture(
    Fixture(
        "care_leavers",
        {
            "children": (
                "child_id, dob",
                [("A", date(2000, 6, 15)), ("B", date(2001, 2, 10)), ("C", date(2000, 1, 1))],
            ),
            "care_leavers": (
                "child_id, year_ending, in_touch, activity, suitable, source",
                [
                    ("A", date(2019, 3, 31), "YES", "G4", False, "ssda903"),
                    ("A", date(2020, 3, 31), "YES", "F1", True, "ssda903"),
                    ("B", date(2019, 3, 31), "YES", "F1", True, "ssda903"),
                    ("B", date(2020, 3, 31), "NO", "G6", False, "ssda903"),
                    ("C", None, "YES", "F1", True, "annex_a"),
                ],
            ),
            # the Annex A's latest date: its List 9 is as at 20 March 2020
            "visits": (
                "child_id, visit_date, visit_type, source",
                [("Z", date(2020, 3, 20), "CLA", "annex_a")],
            ),
            "contacts": ("contact_id, child_id, contact_date", [("K", "Z", date(2020, 3, 31))]),
        },
        (
            "care_leavers",
            "care_leavers_eet_pct",
            "care_leavers_17_18_eet_pct",
            "care_leavers_suitable_accom_pct",
            "care_leavers_17_18_suitable_accom_pct",
            "care_leavers_in_touch_pct",
        ),
        ("2019-20-Q3", "2019-20-Q4", "2018-19-Q3"),
    )
)


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


ANNEX_A_CARE_LEAVERS = fixture(
    Fixture(
        "annex_a_care_leavers",
        {
            "children": ("child_id, dob", [("C", date(2000, 1, 1))]),
            "care_leavers": (
                "child_id, year_ending, in_touch, activity, suitable, source",
                [("C", None, "YES", "F1", True, "annex_a")],
            ),
            # the Annex A's latest date: its List 9 is as at 20 March 2020
            "visits": (
                "child_id, visit_date, visit_type, source",
                [("Z", date(2020, 3, 20), "CLA", "annex_a")],
            ),
        },
        ("care_leavers", "care_leavers_eet_pct", "care_leavers_17_18_eet_pct"),
    )
)


def test_care_leavers_from_annex_a_alone_are_no_data_outside_its_date(tmp_path):
    """Annex A's List 9 says who the care leavers are as at the Annex A's date (20 Mar
    2020), with no year: it gives 1 care leaver (C, 20) for Q4, the period holding that
    date, in education (1/1), and none aged 17-18 (no records to take that percentage of).
    For Q3, which no record speaks for, every figure is "no data" for want of records, not
    0 care leavers or "none aged 19-21"."""
    q4 = figures(tmp_path, ANNEX_A_CARE_LEAVERS, "2019-20-Q4")
    assert q4["care_leavers"].value == 1
    assert nd(q4["care_leavers_eet_pct"]) == (1, 1)
    assert q4["care_leavers_17_18_eet_pct"].no_data == coverage.NO_RECORDS
    q3 = figures(tmp_path, ANNEX_A_CARE_LEAVERS, "2019-20-Q3")
    assert {name: (r.value, r.no_data) for name, r in q3.items()} == {
        name: (None, coverage.NOT_COVERED) for name in ANNEX_A_CARE_LEAVERS.indicators
    }


NOT_APPLICABLE = fixture(
    Fixture(
        "care_leavers_not_applicable",
        {
            "children": (
                "child_id, dob",
                [("A", date(2000, 6, 15)), ("R", date(2000, 7, 1)), ("N", date(2000, 8, 1))],
            ),
            "care_leavers": (
                "child_id, year_ending, in_touch, activity, accommodation, suitable, source",
                [
                    ("A", date(2020, 3, 31), "YES", "F1", "B", True, "ssda903"),
                    ("R", date(2020, 3, 31), "RHOM", "0", "0", None, "ssda903"),
                    ("N", date(2020, 3, 31), "NO", None, None, None, "ssda903"),
                ],
            ),
        },
        (
            "care_leavers",
            "care_leavers_eet_pct",
            "care_leavers_suitable_accom_pct",
            "care_leavers_in_touch_pct",
        ),
        ("2019-20-Q4",),
    )
)


def test_activity_and_accommodation_0_count_as_neither_eet_nor_suitable(tmp_path):
    """OC3 ACTIV and ACCOM `0` (not applicable: R returned home) are kept as the DfE's
    code. At 31 Mar 2020 A, R and N are 19: all three are care leavers; only A is in EET,
    in suitable accommodation and in touch (1/3 each): R's 0 counts as a blank (N) does,
    in the denominator and not the numerator, as before the reader kept it."""
    q4 = figures(tmp_path, NOT_APPLICABLE, "2019-20-Q4")
    assert q4["care_leavers"].value == 3
    assert nd(q4["care_leavers_eet_pct"]) == (1, 3)
    assert nd(q4["care_leavers_suitable_accom_pct"]) == (1, 3)
    assert nd(q4["care_leavers_in_touch_pct"]) == (1, 3)


# --- Bug (c): an unrecorded "child seen" is missing, not "not seen" ---------------------

CHILD_SEEN = fixture(
    Fixture(
        "child_seen",
        {
            "assessments": (
                "assessment_id, child_id, start_date, authorised_date, child_seen",
                [
                    ("A1", "S1", date(2019, 7, 1), date(2019, 8, 1), None),
                    ("A2", "S2", date(2019, 7, 1), date(2019, 9, 1), None),
                    ("A3", "S3", date(2019, 9, 1), date(2019, 10, 10), True),
                    ("A4", "S4", date(2019, 9, 1), date(2019, 11, 10), False),
                    ("A5", "S5", date(2019, 9, 1), date(2019, 12, 10), None),
                ],
            )
        },
        ("assessments_child_seen_pct",),
        ("2019-20-Q3", "2019-20-Q2"),
    )
)


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

CONVERSION = fixture(
    Fixture(
        "conversion",
        {
            "contacts": (
                "contact_id, child_id, contact_date",
                [
                    ("KX", "X", date(2019, 10, 1)),
                    ("KZ1", "Z", date(2019, 10, 5)),
                    ("KZ2", "Z", date(2019, 10, 20)),
                    ("KW", "W", date(2019, 12, 30)),
                ],
            ),
            "referrals": (
                "referral_id, child_id, referral_date",
                [
                    ("RX1", "X", date(2019, 10, 3)),
                    ("RX2", "X", date(2019, 11, 1)),
                    ("RY1", "Y", date(2019, 10, 9)),
                    ("RY2", "Y", date(2019, 12, 9)),
                    ("RZ", "Z", date(2019, 10, 21)),
                    ("RW", "W", date(2020, 1, 2)),
                ],
            ),
        },
        ("contact_conversion_pct",),
        extent=None,
    )
)


def test_conversion_links_each_referral_to_its_contact(tmp_path):
    """Contacts in Q3: KX, KZ1, KZ2, KW. Each referral's contact is the child's latest on
    or before it: RX1 and RX2 -> KX; RZ -> KZ2 (not KZ1); RW (2 Jan 2020) -> KW; Y's two
    referrals have no contact. Converted: KX, KZ2, KW = 3/4 = 75%. The old SQL divided Q3's
    five referrals by four contacts: 125%."""
    result = figures(tmp_path, CONVERSION)["contact_conversion_pct"]
    assert (result.value, *nd(result)) == (75.0, 3, 4)
    path = tmp_path / "conversion.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        rows = {
            r.evidence["contact_id"]: r
            for r in children(con, "contact_conversion_pct", "2019-20-Q3", settings=SETTINGS)
        }
    assert rows["KZ2"].evidence["referral_id"] == "RZ"
    assert not rows["KZ1"].in_numerator


# --- Placements: long-term stability -------------------------------------------------


def _episodes(*rows: tuple[Any, ...]) -> tuple[str, list[tuple[Any, ...]]]:
    """(child, decom, rne, ls, place, dec, rec, urn, pl_post) rows."""
    return ("child_id, decom, rne, ls, place, dec, rec, urn, pl_post", list(rows))


def _ep(
    child: str,
    decom: date,
    rne: str,
    place: str = "U1",
    dec: date | None = None,
    rec: str | None = None,
    ls: str = "C2",
    urn: str | None = None,
    pl_post: str | None = None,
) -> tuple[Any, ...]:
    return (child, decom, rne, ls, place, dec, rec or ("X1" if dec else None), urn, pl_post)


STABILITY = fixture(
    Fixture(
        "stability",
        {
            "children": (
                "child_id, dob",
                [
                    ("ST1", date(2010, 1, 1)),
                    ("ST2", date(2010, 1, 1)),
                    ("ST3", date(2010, 1, 1)),
                    ("ST4", date(2010, 1, 1)),
                    ("ST5", date(2003, 6, 1)),
                    ("ST6", date(2010, 1, 1)),
                    ("ST7", date(2012, 1, 1)),
                ],
            ),
            "cla_episodes": _episodes(
                _ep("ST1", date(2016, 1, 1), "S", dec=date(2018, 6, 1)),
                _ep("ST1", date(2018, 6, 1), "T", "U2"),
                _ep("ST2", date(2016, 1, 1), "S", dec=date(2017, 3, 1)),
                _ep("ST2", date(2017, 3, 1), "P", "U3", dec=date(2018, 9, 1)),
                _ep("ST2", date(2018, 9, 1), "P", "A4", ls="E1"),
                _ep("ST3", date(2016, 1, 1), "S", dec=date(2019, 1, 1)),
                _ep("ST3", date(2019, 1, 1), "P", "U3"),
                _ep("ST4", date(2016, 1, 1), "S", dec=date(2018, 7, 1), urn="SC1", pl_post="AB1"),
                _ep("ST4", date(2018, 7, 1), "P", "T2", dec=date(2018, 7, 14)),
                _ep("ST4", date(2018, 7, 14), "P", urn="SC1", pl_post="AB1"),
                _ep("ST5", date(2016, 1, 1), "S"),
                _ep("ST6", date(2018, 1, 1), "S"),
                _ep("ST7", date(2016, 6, 1), "S", dec=date(2018, 3, 1)),
                _ep("ST7", date(2018, 3, 1), "P", "U3", dec=date(2019, 6, 1)),
                _ep("ST7", date(2019, 6, 1), "P", "A5", ls="E1"),
            ),
        },
        ("cla_long_term_stability_pct",),
    )
)


def test_long_term_stability_adoption_rule_and_same_carer(tmp_path):
    """At 31 Dec 2019: looked after since 30 Jun 2017 or earlier, under 16; stable when
    placed since 31 Dec 2017 or earlier.
    ST1: moved on 1 Jun 2018 with RNE T (same carer): not a move, placed since 2016: yes.
    ST2: placed for adoption (A4) on 1 Sep 2018; the placement before began 1 Mar 2017:
    together over 2 years: yes. ST3: moved 1 Jan 2019: no. ST4: a temporary placement
    (T2) 1-14 Jul 2018, then back to the same placement (same type, URN, postcode): placed
    since 2016: yes. ST5 is 16, ST6 looked after under 2.5 years: not counted. ST7: placed
    for adoption 1 Jun 2019 after a placement from 1 Mar 2018: under 2 years: no.
    3/5 (the rule before this change counted T and the return as moves and had no
    adoption rule: 0/5)."""
    assert nd(figures(tmp_path, STABILITY)["cla_long_term_stability_pct"]) == (3, 5)


# --- Placements: 3 or more in 12 months, and who counts as looked after ---------------

THREE_PLUS = fixture(
    Fixture(
        "three_plus",
        {
            "cla_episodes": _episodes(
                _ep("P1", date(2018, 6, 1), "S", dec=date(2019, 2, 1)),
                _ep("P1", date(2019, 2, 1), "P", "U3", dec=date(2019, 5, 1)),
                _ep("P1", date(2019, 5, 1), "T", "U4", dec=date(2019, 8, 1)),
                _ep("P1", date(2019, 8, 1), "B", "U5", ls="C1"),
                _ep("P2", date(2018, 6, 1), "S", dec=date(2019, 3, 1), urn="R1", pl_post="PC1"),
                _ep("P2", date(2019, 3, 1), "P", "T1", dec=date(2019, 3, 10)),
                _ep("P2", date(2019, 3, 10), "P", dec=date(2019, 6, 1), urn="R1", pl_post="PC1"),
                _ep("P2", date(2019, 6, 1), "T", "U2"),
                _ep("P3", date(2019, 1, 5), "S", ls="V3", dec=date(2019, 3, 1)),
                _ep("P3", date(2019, 3, 1), "P", "U2", ls="V3", dec=date(2019, 6, 1)),
                _ep("P3", date(2019, 6, 1), "P", "U3", ls="V3"),
                _ep("P4", date(2019, 2, 1), "S", dec=date(2019, 4, 1)),
                _ep("P4", date(2019, 4, 1), "U", "U2", dec=date(2019, 9, 1)),
                _ep("P4", date(2019, 9, 1), "P", "U3"),
            )
        },
        ("cla_open", "cla_3plus_placements", "cla_3plus_placements_pct"),
    )
)


def test_three_or_more_placements_exclusions(tmp_path):
    """12 months to 31 Dec 2019. P1: the placement held on 31 Dec 2018, then new carers
    on 1 Feb and 1 Aug 2019 (RNE P, and B: new carers with a new legal status; the T on
    1 May is the same carer): 3, counted. P2: held on
    31 Dec 2018; a temporary placement (T1) 1-10 Mar and the return to the same placement
    are not new, nor the T: 1. P3 is on short breaks (V3): not looked after for these
    figures. P4: came into care 1 Feb 2019, U on 1 Apr (same carer), new carer 1 Sep: 2.
    Looked after 3 (P1, P2, P4); 3+ placements 1 = 1/3 (before: every episode with RNE
    S, P, T, B, U counted and short breaks were in: 4 of 4)."""
    found = figures(tmp_path, THREE_PLUS)
    assert found["cla_open"].value == 3
    assert found["cla_3plus_placements"].value == 1
    assert nd(found["cla_3plus_placements_pct"]) == (1, 3)


# --- Started and ceased: each child once ----------------------------------------------

STARTED_CEASED = fixture(
    Fixture(
        "started_ceased",
        {
            "cla_episodes": _episodes(
                _ep("SC1", date(2019, 10, 1), "S", dec=date(2019, 10, 20), rec="E11"),
                _ep("SC1", date(2019, 11, 1), "S", dec=date(2019, 12, 1), rec="E13"),
                _ep("SC1", date(2019, 12, 10), "S"),
                _ep("SC2", date(2019, 10, 5), "S", ls="V3", dec=date(2019, 10, 6), rec="E11"),
                _ep("SC3", date(2018, 1, 1), "S", dec=date(2019, 11, 30), rec="E12"),
            )
        },
        ("cla_started", "cla_ceased"),
    )
)


def test_started_and_ceased_count_each_child_once(tmp_path):
    """Q3: SC1 starts three periods of care and ends two: counted once in each. SC2's
    one-night short break (V3) is not counted. SC3 ceases on 30 Nov. Started 1, ceased 2
    (before: 4 and 4)."""
    found = figures(tmp_path, STARTED_CEASED)
    assert (found["cla_started"].value, found["cla_ceased"].value) == (1, 2)


# --- Health assessments -----------------------------------------------------------------

HEALTH = fixture(
    Fixture(
        "health",
        {
            "children": (
                "child_id, dob",
                [
                    ("H1", date(2016, 1, 1)),
                    ("H2", date(2016, 1, 1)),
                    ("H3", date(2010, 1, 1)),
                    ("H4", date(2010, 1, 1)),
                ],
            ),
            "cla_episodes": _episodes(
                _ep("H1", date(2018, 1, 1), "S"),
                _ep("H2", date(2018, 1, 1), "S"),
                _ep("H3", date(2018, 1, 1), "S"),
                _ep("H4", date(2019, 6, 1), "S"),
            ),
            "health_assessments": (
                "child_id, assessment_date, kind",
                [
                    ("H1", date(2019, 5, 1), "health"),
                    ("H2", date(2019, 8, 1), "health"),
                    ("H3", date(2019, 5, 1), "health"),
                    ("H4", date(2019, 7, 1), "health"),
                ],
            ),
        },
        ("cla_health_assessment_pct",),
    )
)


def test_health_assessments_six_monthly_under_five(tmp_path):
    """31 Dec 2019, looked after 12 months or more: H1 (aged 3) last assessed 1 May 2019,
    over 6 months ago: not up to date; H2 (3) 1 Aug 2019: up to date; H3 (9) 1 May 2019,
    within 12 months: up to date. H4 looked after since June 2019: not counted. 2/3
    (the 12-month rule for all gave 3/3)."""
    assert nd(figures(tmp_path, HEALTH)["cla_health_assessment_pct"]) == (2, 3)


# --- CLA visits -----------------------------------------------------------------------

VISITS = fixture(
    Fixture(
        "visits",
        {
            "cla_episodes": _episodes(
                _ep("V1", date(2017, 1, 1), "S"),
                _ep("V2", date(2019, 9, 1), "S"),
                _ep("V3", date(2019, 11, 1), "S"),
            ),
            "visits": (
                "child_id, visit_date, visit_type",
                [
                    ("V1", date(2019, 8, 1), "CLA"),
                    ("V1", date(2019, 10, 15), "CLA"),
                    ("V2", date(2019, 9, 5), "CLA"),
                    ("V2", date(2019, 10, 20), "CLA"),
                    ("V2", date(2019, 10, 25), "CLA"),
                    ("V3", date(2019, 11, 10), "CLA"),
                ],
            ),
        },
        ("cla_visits_in_time_pct",),
    )
)


def test_cla_visits_first_week_first_year_and_after(tmp_path):
    """Q3 visits. V1 (placed since 2017, past its first year): 15 Oct, 75 days after the
    last: late at 6-weekly (42 days), in time at 3-monthly (91). V2 (placed 1 Sep 2019):
    20 Oct, 45 days after 5 Sep: late (first year: 6-weekly); 25 Oct, 5 days: in time. V3
    (placed 1 Nov): first visit 10 Nov, 9 days: late (within a week). Default 1/4; with
    later_visit_days 91 (placements agreed long-term), 2/4."""
    assert nd(figures(tmp_path, VISITS)["cla_visits_in_time_pct"]) == (1, 4)
    long_term = {**SETTINGS, "params": {"cla_visits_in_time_pct": {"later_visit_days": 91}}}
    assert nd(figures(tmp_path, VISITS, settings=long_term)["cla_visits_in_time_pct"]) == (2, 4)


# --- CLA reviews ----------------------------------------------------------------------

REVIEWS = fixture(
    Fixture(
        "reviews",
        {
            "cla_episodes": _episodes(
                _ep("RV1", date(2019, 4, 1), "S"),
                _ep("RV2", date(2015, 1, 1), "S"),
                _ep("RV3", date(2015, 1, 1), "S"),
                _ep("RV4", date(2019, 10, 1), "S"),
                _ep("RV5", date(2019, 11, 1), "S", dec=date(2019, 11, 15), rec="E11"),
            ),
            "cla_reviews": (
                "child_id, review_date",
                [
                    ("RV1", date(2019, 4, 25)),
                    ("RV1", date(2019, 7, 30)),
                    ("RV1", date(2019, 12, 20)),
                    ("RV2", date(2019, 5, 10)),
                    ("RV2", date(2019, 11, 1)),
                    ("RV4", date(2019, 10, 31)),
                ],
            ),
        },
        ("cla_reviews_in_time_pct",),
        ("2019-20-Q3", "2019-20-Q4"),
    )
)


def test_cla_reviews_judged_one_by_one(tmp_path):
    """Review data starts 1 Apr 2019 (the earliest review is 25 Apr 2019).
    RV1, in care from Mon 1 Apr 2019: first review due 1 May (20 working days, Easter
    19 and 22 Apr), held 25 Apr; second due 25 Jul, held 30 Jul (late, in Q2); third due
    30 Jan 2020, held 20 Dec 2019: in time, due in Q4. Nothing due in Q3: the late second
    review is not held against RV1 for ever.
    RV2, in care since 2015: its first review on file (10 May 2019) may not be its first:
    not judged; the next is due within 6 months, 10 Nov, held 1 Nov: in time (Q3).
    RV3, in care since 2015, no review on file: one was due by 1 Oct 2019 (6 months after
    the data starts): late (Q3).
    RV4, in care from Tue 1 Oct 2019: first due 29 Oct, held 31 Oct: late (Q3); second
    due 31 Jan 2020 (3 months), never held: late (Q4).
    RV5 left care on 15 Nov, before its first review was due (29 Nov): not counted.
    Q3: 1/3; Q4: RV1 in time, RV4 late: 1/2. (The old rule judged children at period end:
    0/4 in Q3.)"""
    assert nd(figures(tmp_path, REVIEWS)["cla_reviews_in_time_pct"]) == (1, 3)
    assert nd(figures(tmp_path, REVIEWS, "2019-20-Q4")["cla_reviews_in_time_pct"]) == (1, 2)


# --- Missing and away -----------------------------------------------------------------

MISSING = fixture(
    Fixture(
        "missing",
        {
            "cla_episodes": _episodes(
                _ep("MC1", date(2019, 1, 1), "S"),
                _ep("MC2", date(2019, 1, 1), "S"),
                _ep("MC4", date(2019, 12, 1), "S"),
            ),
            "missing_episodes": (
                "child_id, missing_type, start_date, end_date, source",
                [
                    ("MC1", "M", date(2019, 10, 5), date(2019, 10, 6), "ssda903"),
                    ("MC1", "M", date(2019, 11, 5), date(2019, 11, 6), "ssda903"),
                    ("MC1", "A", date(2019, 11, 20), date(2019, 11, 20), "ssda903"),
                    ("MC2", "A", date(2019, 12, 1), date(2019, 12, 1), "local"),
                    ("MC3", "M", date(2019, 10, 10), None, "local"),
                    ("MC4", "M", date(2019, 11, 10), date(2019, 11, 11), "local"),
                ],
            ),
        },
        (
            "cla_missing_children",
            "cla_away_children",
            "missing_children_with_episode",
            "missing_episodes",
            "missing_children_at_end",
        ),
    )
)
# The same looked-after children's episodes from SSDA903 alone: no local missing register.
MISSING_903 = fixture(
    Fixture(
        "missing_903",
        {
            "cla_episodes": MISSING.rows["cla_episodes"],
            "missing_episodes": (
                MISSING.rows["missing_episodes"][0],
                [r for r in MISSING.rows["missing_episodes"][1] if r[-1] == "ssda903"],
            ),
        },
        MISSING.indicators,
    )
)


def test_missing_and_away_separately_for_looked_after_children(tmp_path):
    """Q3. Looked-after children missing (M): MC1 (two episodes) = 1; away (A): MC1, MC2
    = 2. The local register (not looked after when the episode began): MC3 (never looked
    after, still missing on 31 Dec) and MC4 (missing in November, looked after only from
    1 Dec): 2 children, 2 episodes, 1 missing at period end. (Before: 4 children and 6
    episodes, looked-after or not, missing and away together.)"""
    found = figures(tmp_path, MISSING)
    assert found["cla_missing_children"].value == 1
    assert found["cla_away_children"].value == 2
    assert found["missing_children_with_episode"].value == 2
    assert found["missing_episodes"].value == 2
    assert found["missing_children_at_end"].value == 1


def test_children_not_looked_after_are_not_counted_from_ssda903_alone(tmp_path):
    """SSDA903's Missing rows are all of looked-after children: with no local missing
    register loaded, the three figures of children not looked after are not available
    (no data), not 0; the looked-after ones are counted as before (MC1 missing, MC1 away:
    1 and 1)."""
    found = figures(tmp_path, MISSING_903)
    assert found["cla_missing_children"].value == 1
    assert found["cla_away_children"].value == 1
    for name in ("missing_children_with_episode", "missing_episodes", "missing_children_at_end"):
        assert found[name].value is None, name
        assert found[name].status == "not available: needs missing_episodes.start_date from local"


# Annex A alone: one row per child with the latest placement, review and visit only.
ANNEX_A_ONLY = fixture(
    Fixture(
        "annex_a_only",
        {
            "cla_episodes": (
                "child_id, decom, rne, ls, place, source",
                [("AA1", date(2019, 6, 1), "P", "C2", "U1", "annex_a")],
            ),
            "cla_reviews": (
                "child_id, review_date, source",
                [("AA1", date(2019, 11, 1), "annex_a")],
            ),
            "cp_plans": (
                "cp_plan_id, child_id, start_date, source",
                [("CPP1", "AA2", date(2019, 1, 10), "annex_a")],
            ),
            "cp_reviews": (
                "cp_plan_id, child_id, review_date, source",
                [("CPP1", "AA2", date(2019, 10, 1), "annex_a")],
            ),
            "visits": (
                "child_id, visit_date, visit_type, source",
                [
                    ("AA1", date(2019, 12, 20), "CLA", "annex_a"),
                    ("AA2", date(2019, 12, 20), "CP", "annex_a"),
                ],
            ),
        },
        (
            "cla_3plus_placements",
            "cla_3plus_placements_pct",
            "cla_reviews_in_time_pct",
            "cla_visits_in_time_pct",
            "cp_reviews_in_time_pct",
            "cp_visits_in_time_pct",
            "cla_open",
        ),
    )
)


def test_what_needs_a_history_is_not_worked_out_from_annex_a_alone(tmp_path):
    """Annex A gives each child's latest placement, review and visit, not their history:
    from it alone AA1 (looked after since 1 June 2019, one review, one visit) would be 0
    children with 3 or more placements and 0% of reviews and visits in time, and AA2's plan
    reviews late, though nothing says they were. Those figures are not available; the child
    looked after is still counted (1)."""
    found = figures(tmp_path, ANNEX_A_ONLY)
    assert found["cla_open"].value == 1
    needs = {
        "cla_3plus_placements": "cla_episodes.rne from ssda903",
        "cla_3plus_placements_pct": "cla_episodes.rne from ssda903",
        "cla_reviews_in_time_pct": "cla_reviews.review_date from ssda903",
        "cla_visits_in_time_pct": "visits.visit_date from local",
        "cp_reviews_in_time_pct": "cp_reviews.review_date from cin_census",
        "cp_visits_in_time_pct": "visits.visit_date from local",
    }
    assert {name: found[name].status for name in needs} == {
        name: f"not available: needs {need}" for name, need in needs.items()
    }
    assert all(found[name].value is None for name in needs)


# --- Assessment clock -----------------------------------------------------------------

CLOCK = fixture(
    Fixture(
        "clock",
        {
            "referrals": ("referral_id, child_id, referral_date", [("RF1", "C", date(2019, 8, 1))]),
            "assessments": (
                "assessment_id, child_id, referral_id, start_date, authorised_date",
                [("AS1", "C", "RF1", date(2019, 9, 2), date(2019, 10, 25))],
            ),
        },
        ("assessments_45wd_pct",),
    )
)


def test_assessment_clock_starts_at_the_assessment_by_default(tmp_path):
    """AS1 started Mon 2 Sep 2019 and was authorised Fri 25 Oct: 39 working days after
    its start (7 weeks, 35, plus 22-25 Oct), within 45. From the referral (Thu 1 Aug): 21
    working days to 2 Sep (26 Aug a bank holiday) + 39 = 60: late. The shipped default
    (the DfE's clock) gives 1/1; the setting assessment_clock: referral 0/1."""
    path = build(tmp_path / "clock.duckdb", CLOCK)
    with duckdb.connect(str(path), read_only=True) as con:
        (default,) = compute(con, "2019-20-Q3", ids=["assessments_45wd_pct"], comparisons=False)
        (referral,) = compute(
            con,
            "2019-20-Q3",
            ids=["assessments_45wd_pct"],
            comparisons=False,
            settings={"working_days": "day0", "assessment_clock": "referral"},
        )
        rows = children(con, "assessments_45wd_pct", "2019-20-Q3")
    assert nd(default) == (1, 1)
    assert nd(referral) == (0, 1)
    assert rows[0].evidence["working_days"] == 39


# --- Caseload -------------------------------------------------------------------------

CASELOAD = fixture(
    Fixture(
        "caseload",
        {
            "workers": (
                "worker, team, role, fte",
                [
                    ("SW1", "T1", "social worker", 1.0),
                    ("SW2", "T1", "social worker", 0.6),
                    ("PA1", "T1", "personal adviser", 1.0),
                    ("SW3", "T1", "social worker", 1.0),
                ],
            ),
            "allocations": (
                "child_id, worker, team, start_date, end_date",
                [
                    ("K1", "SW1", "T1", date(2019, 1, 1), None),
                    ("K2", "SW1", "T1", date(2019, 1, 1), None),
                    ("K3", "SW1", "T1", date(2019, 1, 1), None),
                    ("K4", "SW2", "T1", date(2019, 1, 1), None),
                    ("K5", "PA1", "T1", date(2019, 1, 1), None),
                    ("K6", "PA1", "T1", date(2019, 1, 1), None),
                    ("K7", "SW3", "T1", date(2019, 1, 1), date(2019, 11, 1)),
                ],
            ),
        },
        ("caseload_per_worker",),
    )
)


def test_caseload_per_fte_case_holding_social_worker(tmp_path):
    """31 Dec 2019: SW1 holds 3 cases (1.0 FTE), SW2 1 (0.6 FTE); PA1 is a personal
    adviser (not counted, nor their 2 cases); SW3's only case closed on 1 Nov. 4 cases /
    1.6 FTE = 2.5 (headcount of everyone holding cases gave 6 / 3 = 2.0). The drill-down
    lists the 4 cases and, for the denominator, the 2 workers with their FTE."""
    result = figures(tmp_path, CASELOAD)["caseload_per_worker"]
    assert (result.value, *nd(result)) == (2.5, 4, 1.6)
    with duckdb.connect(str(tmp_path / "caseload.duckdb"), read_only=True) as con:
        rows = children(con, "caseload_per_worker", "2019-20-Q3", settings=SETTINGS)
    assert sorted(r.child_id for r in rows if r.in_numerator) == ["K1", "K2", "K3", "K4"]
    assert sorted((r.evidence["worker"], r.evidence["fte"]) for r in rows if r.in_denominator) == [
        ("SW1", 1.0),
        ("SW2", 0.6),
    ]


# --- Rates per 10,000 -----------------------------------------------------------------

RATES = fixture(
    Fixture(
        "rates",
        {
            "cla_episodes": _episodes(_ep("R1", date(2018, 1, 1), "S")),
            "population": ("year, age_from, age_to, population", [(2018, 0, 17, 5000)]),
        },
        ("cla_rate_10k",),
        ("2019-20-Q3", "2018-19-Q3"),
    )
)


def test_rate_uses_the_periods_population_year_or_none(tmp_path):
    """R1 is looked after throughout. 2018-19 Q3 uses the 2018 estimate, 5,000: 1 x 10,000
    / 5,000 = 2.0. 2019-20 Q3 needs the 2019 estimate, which is not loaded: no rate
    (before: 2.0, silently from 2018): no data, with the reason (a no-data figure carries
    no numerator either); the drill-down lists R1 and says which year and that it is
    missing."""
    assert figures(tmp_path, RATES, "2018-19-Q3")["cla_rate_10k"].value == 2.0
    result = figures(tmp_path, RATES)["cla_rate_10k"]
    assert (result.value, result.numerator) == (None, None)
    assert result.no_data == "no population figure for the year"
    with duckdb.connect(str(tmp_path / "rates.duckdb"), read_only=True) as con:
        (now,) = children(con, "cla_rate_10k", "2019-20-Q3", settings=SETTINGS)
        (then,) = children(con, "cla_rate_10k", "2018-19-Q3", settings=SETTINGS)
    assert (now.evidence["population_year"], now.evidence["population"]) == (2019, None)
    assert (then.evidence["population_year"], then.evidence["population"]) == (2018, 5000)


# --- Spark ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from csc_insight.indicators.spark import session

    spark = session()
    yield spark
    spark.stop()


def _comparable(results: list[Any]) -> dict[Any, Any]:
    return {
        (r.id, r.key): {
            k: v for k, v in r.to_dict().items() if k not in ("comparators", "snapshot")
        }
        for r in results
    }


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
                on_duckdb = _comparable(
                    compute(
                        con, period, ids=list(f.indicators), comparisons=False, settings=SETTINGS
                    )
                )
                on_spark = _comparable(
                    compute(
                        backend,
                        period,
                        ids=list(f.indicators),
                        comparisons=False,
                        settings=SETTINGS,
                    )
                )
                assert on_spark == on_duckdb, (f.name, period)
