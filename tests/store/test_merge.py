"""Merging the same events from several returns into one canonical row each."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from csc_insight.store import merge, schema


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    schema.create(con)
    schema.create(con, schema="out")
    return con


def referral(con, source, ref, child, day, **extra):
    cols = {
        "referral_id": f"{child}/REF/{day}",
        "child_id": child,
        "referral_date": day,
        "source": source,
        "source_ref": ref,
        **extra,
    }
    names = ", ".join(cols)
    con.execute(
        f"INSERT INTO referrals ({names}) VALUES ({', '.join('?' * len(cols))})",
        list(cols.values()),
    )


def test_same_referral_from_two_census_years_and_annex_a_becomes_one_row(con):
    # Open at 31 March 2019 (no closure in the 2019 file), closed in the 2020 file;
    # Annex A knows the team and worker but not the closure.
    referral(con, "cin_census", "cin_census_2019.xml:40", "C1", date(2019, 2, 1), source_code="1A")
    referral(
        con,
        "cin_census",
        "cin_census_2020.xml:12",
        "C1",
        date(2019, 2, 1),
        source_code="1A",
        closure_date=date(2019, 6, 30),
        closure_reason="RC8",
    )
    referral(
        con,
        "annex_a",
        "annex_a.xlsx!List 3:5",
        "C1",
        date(2019, 2, 1),
        source_code="6",
        team="East",
        worker="W7",
    )
    assert merge.merge_table(con, "referrals", "main", "out") == 1
    row = con.execute(
        "SELECT source, source_ref, source_code, closure_date, closure_reason, team, worker "
        "FROM out.referrals"
    ).fetchall()
    # The census wins where it has a value (source code 1A, not Annex A's 6), the later
    # census file first; Annex A fills what the census lacks.
    assert row == [
        ("cin_census", "cin_census_2020.xml:12", "1A", date(2019, 6, 30), "RC8", "East", "W7")
    ]


def test_two_contacts_on_one_day_stay_two_and_match_their_annex_a_twins(con):
    for ref, day in (("contacts.csv:2", 1), ("contacts.csv:3", 1), ("contacts.csv:4", 9)):
        con.execute(
            "INSERT INTO contacts (contact_id, child_id, contact_date, decision_date, "
            "outcome, source, source_ref) VALUES (?, 'C2', ?, ?, 'nfa', 'local', ?)",
            [ref, date(2019, 10, day), date(2019, 10, day), ref],
        )
    for row, day in ((7, 1), (8, 1)):
        con.execute(
            "INSERT INTO contacts (contact_id, child_id, contact_date, source_code, "
            "source, source_ref) VALUES (?, 'C2', ?, '2A', 'annex_a', ?)",
            [f"a{row}", date(2019, 10, day), f"annex_a.xlsx!List 1:{row}"],
        )
    assert merge.merge_table(con, "contacts", "main", "out") == 3
    rows = con.execute(
        "SELECT contact_date, source_code, outcome FROM out.contacts "
        "ORDER BY contact_date, contact_id"
    ).fetchall()
    assert rows == [
        (date(2019, 10, 1), "2A", "nfa"),
        (date(2019, 10, 1), "2A", "nfa"),
        (date(2019, 10, 9), None, "nfa"),
    ]


def test_same_day_contacts_pair_up_by_their_row_in_each_file(con):
    # Staged out of row order: the 1st same-day contact of each file (by row) is one event,
    # the 2nd another, whatever order the rows reached the staging table in. C4's contacts
    # repeat a day only in Annex A, so its local contact merges with the first of them.
    local = [
        ("C3", 3, 1, "cin"),
        ("C3", 2, 1, "nfa"),
        ("C3", 4, 9, "nfa"),
        ("C4", 5, 2, "early_help"),
    ]
    for child, row, day, outcome in local:
        con.execute(
            "INSERT INTO contacts (contact_id, child_id, contact_date, decision_date, outcome, "
            "source, source_ref) VALUES (?, ?, ?, ?, ?, 'local', ?)",
            [f"L{row}", child, date(2019, 10, day), date(2019, 10, day), outcome, f"c.csv:{row}"],
        )
    annex = [("C3", 8, 1, "3B"), ("C3", 7, 1, "2A"), ("C4", 11, 2, "9"), ("C4", 10, 2, "1A")]
    for child, row, day, code in annex:
        con.execute(
            "INSERT INTO contacts (contact_id, child_id, contact_date, source_code, source, "
            "source_ref) VALUES (?, ?, ?, ?, 'annex_a', ?)",
            [f"A{row}", child, date(2019, 10, day), code, f"annex_a.xlsx!List 1:{row}"],
        )
    assert merge.merge_table(con, "contacts", "main", "out") == 5
    rows = con.execute(
        "SELECT child_id, contact_date, contact_id, source_code, outcome, source_ref "
        "FROM out.contacts ORDER BY child_id, contact_date, source_ref"
    ).fetchall()
    day1, day2, day9 = date(2019, 10, 1), date(2019, 10, 2), date(2019, 10, 9)
    assert rows == [
        ("C3", day1, "L2", "2A", "nfa", "c.csv:2"),
        ("C3", day1, "L3", "3B", "cin", "c.csv:3"),
        ("C3", day9, "L4", None, "nfa", "c.csv:4"),
        ("C4", day2, "A11", "9", None, "annex_a.xlsx!List 1:11"),
        ("C4", day2, "L5", "1A", "early_help", "c.csv:5"),
    ]


def test_ssda903_episodes_replace_annex_a_summary_for_that_child_only(con):
    def episode(source, ref, child, decom, place):
        con.execute(
            "INSERT INTO cla_episodes (child_id, decom, place, source, source_ref) "
            "VALUES (?, ?, ?, ?, ?)",
            [child, decom, place, source, ref],
        )

    episode("ssda903", "episodes.csv:2", "C3", date(2019, 1, 5), "U1")
    episode("ssda903", "episodes.csv:3", "C3", date(2019, 6, 1), "U3")
    episode("annex_a", "annex_a.xlsx!List 8:2", "C3", date(2019, 5, 30), "U3")  # dropped
    episode("annex_a", "annex_a.xlsx!List 8:3", "C4", date(2019, 7, 1), "K2")  # kept
    assert merge.merge_table(con, "cla_episodes", "main", "out") == 3
    rows = con.execute(
        "SELECT child_id, decom, source FROM out.cla_episodes ORDER BY child_id, decom"
    ).fetchall()
    assert rows == [
        ("C3", date(2019, 1, 5), "ssda903"),
        ("C3", date(2019, 6, 1), "ssda903"),
        ("C4", date(2019, 7, 1), "annex_a"),
    ]


def test_children_merge_one_row_each_filling_gaps(con):
    con.execute(
        "INSERT INTO children (child_id, dob, sex, source, source_ref) VALUES "
        "('C5', DATE '2004-03-01', 'M', 'ssda903', 'header.csv:2'), "
        "('C5', DATE '2004-03-01', NULL, 'cin_census', 'cin_census_2020.xml:7')"
    )
    con.execute(
        "INSERT INTO children (child_id, ethnicity, uasc, source, source_ref) VALUES "
        "('C5', 'BAFR', true, 'annex_a', 'annex_a.xlsx!List 8:4')"
    )
    assert merge.merge_table(con, "children", "main", "out") == 1
    assert con.execute("SELECT dob, sex, ethnicity, uasc, source FROM out.children").fetchall() == [
        (date(2004, 3, 1), "M", "BAFR", True, "cin_census")
    ]


def test_one_file_events_are_copied_even_two_on_one_day(con):
    # One document: nothing can merge, so both same-day visits stay, in key order.
    for row, day in ((2, 9), (3, 1), (4, 1)):
        con.execute(
            "INSERT INTO visits (child_id, visit_date, visit_type, source, source_ref) "
            "VALUES ('C7', ?, 'CP', 'local', ?)",
            [date(2019, 5, day), f"visits.csv:{row}"],
        )
    assert merge.merge_table(con, "visits", "main", "out") == 3
    assert con.execute("SELECT visit_date, source_ref FROM out.visits").fetchall() == [
        (date(2019, 5, 1), "visits.csv:3"),
        (date(2019, 5, 1), "visits.csv:4"),
        (date(2019, 5, 9), "visits.csv:2"),
    ]


def test_one_sheet_giving_a_child_twice_still_merges_to_one_child(con):
    # Annex A writes one children row per distinct set of details in a list.
    con.execute(
        "INSERT INTO children (child_id, sex, ethnicity, source, source_ref) VALUES "
        "('C8', 'F', NULL, 'annex_a', 'a.xlsx!List 3:4'), "
        "('C8', NULL, 'WBRI', 'annex_a', 'a.xlsx!List 3:9'), "
        "('C9', 'M', NULL, 'annex_a', 'a.xlsx!List 3:5')"
    )
    assert merge.merge_table(con, "children", "main", "out") == 2
    assert con.execute(
        "SELECT child_id, sex, ethnicity FROM out.children ORDER BY 1"
    ).fetchall() == [("C8", "F", "WBRI"), ("C9", "M", None)]


def test_a_child_on_two_rows_of_one_sheet_takes_the_earlier_rows_details(con):
    # The rows disagree; the earlier row of the sheet wins whatever order they were staged
    # in (before, the pick between them could change from one load of the same files to the
    # next), and a better return still wins over both.
    con.execute(
        "INSERT INTO children (child_id, sex, ethnicity, source, source_ref) VALUES "
        "('C8', 'M', 'WBRI', 'annex_a', 'a.xlsx!List 1:12'), "
        "('C8', 'F', 'WIRI', 'annex_a', 'a.xlsx!List 1:4'), "
        "('C8', NULL, 'MWBC', 'annex_a', 'a.xlsx!List 1:10')"
    )
    assert merge.merge_table(con, "children", "main", "out") == 1
    assert con.execute("SELECT sex, ethnicity, source_ref FROM out.children").fetchall() == [
        ("F", "WIRI", "a.xlsx!List 1:4")
    ]
    con.execute(
        "INSERT INTO children (child_id, ethnicity, source, source_ref) VALUES "
        "('C8', 'BAFR', 'cin_census', 'cin_census_2020.xml:7')"
    )
    con.execute("DELETE FROM out.children")
    assert merge.merge_table(con, "children", "main", "out") == 1
    assert con.execute("SELECT sex, ethnicity, source_ref FROM out.children").fetchall() == [
        ("F", "BAFR", "cin_census_2020.xml:7")
    ]


def test_later_file_of_one_return_wins_over_an_earlier_one(con):
    for ref, code in (("visits_2019.csv:2", "CP"), ("visits_2020.csv:5", "CIN")):
        con.execute(
            "INSERT INTO visits (child_id, visit_date, visit_type, seen_alone, source, "
            "source_ref) VALUES ('C1', DATE '2019-06-01', 'CP', ?, 'local', ?)",
            [code == "CIN", ref],
        )
    assert merge.merge_table(con, "visits", "main", "out") == 1
    assert con.execute("SELECT seen_alone, source_ref FROM out.visits").fetchall() == [
        (True, "visits_2020.csv:5")
    ]


def test_keys_of_one_document_are_copied_beside_keys_two_documents_merge(con):
    # C1's 1 May visit is in both files (one event, merged: the local row's seen_alone,
    # Annex A's worker fills the gap); C1's two 3 May visits and C2's visit are only in
    # visits.csv and come through as they are, the same-day pair staying two.
    rows = [
        ("C1", 1, None, "annex_a", "annex_a.xlsx!List 6:4", "W9"),
        ("C1", 1, True, "local", "visits.csv:2", None),
        ("C1", 3, False, "local", "visits.csv:3", "W1"),
        ("C1", 3, True, "local", "visits.csv:4", None),
        ("C2", 2, None, "local", "visits.csv:5", "W2"),
    ]
    for child, day, alone, source, ref, worker in rows:
        con.execute(
            "INSERT INTO visits (child_id, visit_date, visit_type, seen_alone, worker, source, "
            "source_ref) VALUES (?, ?, 'CIN', ?, ?, ?, ?)",
            [child, date(2019, 5, day), alone, worker, source, ref],
        )
    assert merge.merge_table(con, "visits", "main", "out") == 4
    assert con.execute(
        "SELECT child_id, visit_date, seen_alone, worker, source, source_ref FROM out.visits"
    ).fetchall() == [
        ("C1", date(2019, 5, 1), True, "W9", "local", "visits.csv:2"),
        ("C2", date(2019, 5, 2), None, "W2", "local", "visits.csv:5"),
        ("C1", date(2019, 5, 3), False, "W1", "local", "visits.csv:3"),
        ("C1", date(2019, 5, 3), True, None, "local", "visits.csv:4"),
    ]
