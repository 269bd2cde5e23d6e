"""The children missing education register's termly counts, in the committee paper's shape
(seed 002, March-May 2019: "Total number of children being monitored: 18; EHE 3; CME / at
risk 14 (3 CP, 0 CIN, 3 EH); medical 2 (1 already included above in EHE)"), rebuilt from
hand-made entries."""

from __future__ import annotations

from datetime import date

import pytest

from csc_insight.registers.cme import (
    Entry,
    Term,
    TermError,
    parse_term,
    report_lines,
    summary,
    term_counts,
)

TERM = Term(date(2019, 3, 1), date(2019, 5, 31))


def _seed_entries() -> list[Entry]:
    """E1-E3 home educated (E1 also medical), M1 medical, A1-A13 at risk, U1 missing
    education; then entries outside the term: X1 ended 28 Feb, X2 starts 1 June."""
    entries = [Entry(f"E{i}", "ehe", date(2018, 9, 1)) for i in (1, 2, 3)]
    entries += [Entry("E1", "medical", date(2019, 1, 7)), Entry("M1", "medical", date(2019, 5, 31))]
    entries += [Entry(f"A{i}", "at_risk", date(2019, 1, 7)) for i in range(1, 14)]
    entries += [Entry("U1", "cme", date(2019, 3, 1), date(2019, 3, 1))]
    entries += [
        Entry("X1", "at_risk", date(2018, 9, 1), date(2019, 2, 28)),
        Entry("X2", "cme", date(2019, 6, 1)),
    ]
    return entries


# CP: A1, A2, U1; CIN: E2 (not in the CME line); EH: A4, A5, A6; X1 would be CP.
SERVICES = {
    "A1": "CP",
    "A2": "CP",
    "U1": "CP",
    "E2": "CIN",
    "A4": "EH",
    "A5": "EH",
    "A6": "EH",
    "X1": "CP",
}


def test_the_seed_shape() -> None:
    """Monitored: E1-E3, M1, A1-A13, U1 = 18 children (E1 once, though in two categories).
    CME/at risk: A1-A13 + U1 = 14, of whom CP A1, A2, U1 = 3, CIN 0, EH A4-A6 = 3.
    Medical: E1, M1 = 2, E1 also EHE. Jointly worked: A1, A2, A4, A5, A6, E2, U1 = 7."""
    counts = term_counts(_seed_entries(), TERM, SERVICES)
    assert summary(counts) == (
        "Total monitored 18: EHE 3, CME/at risk 14 (3 CP, 0 CIN, 3 EH), medical 2 (1 also EHE)"
    )
    assert counts.jointly_worked == ("A1", "A2", "A4", "A5", "A6", "E2", "U1")
    assert report_lines(counts) == [
        "March-May 2019",
        "Total number of children being monitored: 18",
        "Electively Home Educated Children: 3",
        "Children Missing Education or unplaced: 1",
        "Children at Risk of Missing Education: 13 (2 CP, 0 CIN, 3 EH)",
        "Children Missing Education / At risk of Missing Education children: 14 (3 CP, 0 CIN, "
        "3 EH)",
        "Children unable to attend school full time / part time due to medical reasons: 2 "
        "(1 already included above in EHE)",
        "Jointly worked with children's social care or early help: 7",
    ]


def test_a_child_in_both_cme_lines_counts_once() -> None:
    entries = [Entry("C1", "cme", date(2019, 3, 1)), Entry("C1", "at_risk", date(2019, 4, 1))]
    counts = term_counts(entries, TERM, {})
    assert (
        counts.total,
        counts.cme.children,
        counts.at_risk.children,
        counts.cme_or_at_risk.children,
    ) == (1, 1, 1, 1)


def test_no_snapshot_is_no_data_and_no_entries_is_zero() -> None:
    counts = term_counts(_seed_entries(), TERM, None)
    assert summary(counts) == (
        "Total monitored 18: EHE 3, CME/at risk 14 (CP, CIN and EH: "
        "no data), medical 2 (1 also EHE)"
    )
    assert report_lines(counts)[-1] == (
        "Jointly worked with children's social care or early help: no data"
    )
    empty = term_counts([], TERM, {})
    assert summary(empty) == (
        "Total monitored 0: EHE 0, CME/at risk 0 (0 CP, 0 CIN, 0 EH), medical 0 (0 also EHE)"
    )


def test_terms() -> None:
    assert parse_term("2019-11-01:2020-01-31").label == "November 2019-January 2020"
    assert parse_term("2019-09-01:2019-10-31").label == "September-October 2019"
    with pytest.raises(TermError, match="ends"):
        parse_term("2019-10-31:2019-09-01")
    with pytest.raises(TermError, match="START:END"):
        parse_term("autumn 2019")
