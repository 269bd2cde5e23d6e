"""The top of a child's journey: who the child is, where they are in the service now,
their worker, their open plans and their last visit, read from the same snapshot.

    summary = journey_summary(con, "C0001")
    summary.status  ->  "Looked after since 3 May 2019"

"Now" is the end of the data: an open plan or episode is one with no end date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from csc_insight.common.child_ids import normalise_child_id
from csc_insight.store.journey import decode


@dataclass(frozen=True)
class Fact:
    label: str
    value: str  # in words
    code: str | None = None  # the code as recorded, for analysts


@dataclass(frozen=True)
class Summary:
    who: list[Fact]
    status: str
    worker: str | None
    plans: list[Fact] = field(default_factory=list)
    last_visit: str | None = None


def long_date(day: date) -> str:
    """'3 May 2019'."""
    return f"{day.day} {day:%B %Y}"


def _one(con: duckdb.DuckDBPyConnection, sql: str, child_id: str) -> tuple | None:
    return con.execute(sql, [child_id]).fetchone()


def _who(con: duckdb.DuckDBPyConnection, child_id: str) -> list[Fact]:
    row = _one(
        con,
        "SELECT sex, dob, ethnicity, disability, uasc FROM children WHERE child_id = ? LIMIT 1",
        child_id,
    )
    if row is None:
        return [Fact("Details", "No child record: known only from events")]
    sex, dob, ethnicity, disability, uasc = row
    facts = []
    if sex is not None:
        facts.append(Fact("Sex", *decode("sex", sex)))
    if dob is not None:
        facts.append(Fact("Born", long_date(dob)))
    if ethnicity is not None:
        facts.append(Fact("Ethnicity", *decode("ethnicity", ethnicity)))
    if disability is not None:
        facts.append(Fact("Disability", "Yes" if disability else "None recorded"))
    if uasc:
        facts.append(Fact("Unaccompanied asylum-seeking child", "Yes"))
    return facts


def _plans(con: duckdb.DuckDBPyConnection, child_id: str) -> list[Fact]:
    plans = []
    cla = _one(
        con,
        "SELECT decom, ls, place FROM cla_episodes WHERE child_id = ? AND dec IS NULL "
        "ORDER BY decom DESC LIMIT 1",
        child_id,
    )
    if cla is not None:
        start, ls, place = cla
        plans.append(Fact("Looked after", f"since {long_date(start)}"))
        if ls is not None:
            plans.append(Fact("Legal status", *decode("ls", ls)))
        if place is not None:
            plans.append(Fact("Placement", *decode("place", place)))
    cp = _one(
        con,
        "SELECT start_date, coalesce(latest_category, initial_category) FROM cp_plans "
        "WHERE child_id = ? AND end_date IS NULL ORDER BY start_date DESC LIMIT 1",
        child_id,
    )
    if cp is not None:
        plans.append(Fact("Child protection plan", f"since {long_date(cp[0])}"))
        if cp[1] is not None:
            plans.append(Fact("Category of abuse", *decode("initial_category", cp[1])))
    cin = _one(
        con,
        "SELECT start_date FROM cin_plans WHERE child_id = ? AND end_date IS NULL "
        "ORDER BY start_date DESC LIMIT 1",
        child_id,
    )
    if cin is not None:
        plans.append(Fact("Child in need plan", f"since {long_date(cin[0])}"))
    return plans


def _status(con: duckdb.DuckDBPyConnection, child_id: str, plans: list[Fact]) -> str:
    if plans:
        first = plans[0]
        return f"{first.label} {first.value}"
    referral = _one(
        con,
        "SELECT referral_date, closure_date, closure_reason FROM referrals "
        "WHERE child_id = ? ORDER BY referral_date DESC LIMIT 1",
        child_id,
    )
    leaver = _one(con, "SELECT 1 FROM care_leavers WHERE child_id = ? LIMIT 1", child_id)
    if referral is not None and referral[1] is None:
        return f"Open case since the referral of {long_date(referral[0])}"
    if leaver is not None:
        return "Care leaver"
    if referral is not None:
        reason = f": {decode('closure_reason', referral[2])[0]}" if referral[2] else ""
        return f"Case closed on {long_date(referral[1])}{reason}"
    return "No open case"


def _worker(con: duckdb.DuckDBPyConnection, child_id: str) -> str | None:
    row = _one(
        con,
        "SELECT worker, team, start_date FROM allocations WHERE child_id = ? "
        "AND end_date IS NULL ORDER BY start_date DESC LIMIT 1",
        child_id,
    )
    if row is not None:
        team = f", {row[1]}" if row[1] else ""
        return f"{row[0]}{team} (allocated {long_date(row[2])})"
    return None


def _last_visit(con: duckdb.DuckDBPyConnection, child_id: str) -> str | None:
    row = _one(
        con,
        "SELECT visit_date, visit_type, seen_alone FROM visits WHERE child_id = ? "
        "ORDER BY visit_date DESC LIMIT 1",
        child_id,
    )
    if row is None:
        return None
    kind = decode("visit_type", row[1])[0]
    alone = {True: ", seen alone", False: ", not seen alone"}.get(row[2], "")
    return f"{long_date(row[0])}: {kind}{alone}"


def journey_summary(con: duckdb.DuckDBPyConnection, child_id: str) -> Summary:
    """The summary for one child (call after `child_journey` has found them)."""
    child_id = normalise_child_id(child_id)
    plans = _plans(con, child_id)
    return Summary(
        who=_who(con, child_id),
        status=_status(con, child_id, plans),
        worker=_worker(con, child_id),
        plans=plans,
        last_visit=_last_visit(con, child_id),
    )
