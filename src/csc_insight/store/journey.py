"""One child's journey through the service, read from a snapshot: who they are, and every
recorded event (contact to care leaver) in date order.

    with snapshots.connect() as con:
        journey = child_journey(con, "C0001")

Only the canonical model is read, so a journey looks the same whichever return it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from csc_insight.common.child_ids import normalise_child_id
from csc_insight.formats.code_words import in_words


class ChildNotFound(LookupError):
    """No row in the snapshot names this child."""


@dataclass(frozen=True)
class Event:
    day: date
    kind: str  # machine-readable: contact, referral, assessment, cp_plan_start, ...
    title: str  # what happened, in words
    details: dict[str, str] = field(default_factory=dict)  # label -> value in words
    source_ref: str | None = None
    codes: dict[str, str] = field(default_factory=dict)  # label -> the code as recorded


@dataclass(frozen=True)
class Journey:
    child_id: str
    child: dict[str, Any]  # the `children` row (empty when only events name the child)
    events: list[Event]


def _yn(value: Any) -> str:
    return "" if value is None else ("Yes" if value else "No")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _yn(value)
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


# (table, date column, kind, title, {label: column}) — one event per non-null date.
EVENT_SOURCES: list[tuple[str, str, str, str, dict[str, str]]] = [
    (
        "contacts",
        "contact_date",
        "contact",
        "Contact",
        {"Source": "source_code", "Decision date": "decision_date", "Outcome": "outcome"},
    ),
    (
        "early_help",
        "referral_date",
        "early_help_referral",
        "Referral to early help",
        {
            "Source": "referral_source",
            "Outcome": "referral_outcome",
            "Organisation": "organisation",
        },
    ),
    (
        "early_help",
        "start_date",
        "early_help_start",
        "Early help assessment started",
        {"Organisation": "organisation", "Goal score at start": "goal_score_start"},
    ),
    (
        "early_help",
        "completion_date",
        "early_help_completed",
        "Early help assessment completed",
        {"Organisation": "organisation"},
    ),
    (
        "early_help",
        "closure_date",
        "early_help_closed",
        "Early help closed",
        {"Reason": "closure_reason", "Goal score at end": "goal_score_end"},
    ),
    (
        "short_breaks",
        "start_date",
        "short_break_start",
        "Short break started (section 17)",
        {
            "Service": "service",
            "Disability": "disability",
            "Hours a week": "hours_per_week",
            "Nights a year": "nights_per_year",
        },
    ),
    ("short_breaks", "end_date", "short_break_end", "Short break ended", {"Service": "service"}),
    (
        "referrals",
        "referral_date",
        "referral",
        "Referral",
        {
            "Source": "source_code",
            "Primary need": "primary_need",
            "No further action": "nfa",
            "Team": "team",
            "Worker": "worker",
        },
    ),
    ("referrals", "closure_date", "referral_closed", "Case closed", {"Reason": "closure_reason"}),
    (
        "assessments",
        "start_date",
        "assessment",
        "Assessment started",
        {"Team": "team", "Worker": "worker"},
    ),
    (
        "assessments",
        "authorised_date",
        "assessment_authorised",
        "Assessment authorised",
        {"Child seen": "child_seen", "Needs support": "needs_support", "Factors": "factors"},
    ),
    (
        "s47_enquiries",
        "start_date",
        "s47",
        "Strategy discussion (section 47 enquiry)",
        {
            "ICPC target date": "icpc_target_date",
            "ICPC not required": "icpc_not_required",
            "Worker": "worker",
        },
    ),
    (
        "s47_enquiries",
        "icpc_date",
        "icpc",
        "Initial child protection conference",
        {"Child protection plan": "cp_plan_resulted"},
    ),
    ("cin_plans", "start_date", "cin_plan_start", "Child in need plan started", {}),
    ("cin_plans", "end_date", "cin_plan_end", "Child in need plan ended", {}),
    (
        "cp_plans",
        "start_date",
        "cp_plan_start",
        "Child protection plan started",
        {"Category": "initial_category", "Previous plans": "previous_plans", "Worker": "worker"},
    ),
    (
        "cp_plans",
        "end_date",
        "cp_plan_end",
        "Child protection plan ended",
        {"Latest category": "latest_category"},
    ),
    ("cp_reviews", "review_date", "cp_review", "Child protection review conference", {}),
    (
        "pre_proceedings",
        "start_date",
        "pre_proceedings_start",
        "Pre-proceedings started",
        {
            "Family group decision making offered": "fgdm_offered",
            "Outcome": "outcome",
            "Application to court": "court_application_date",
        },
    ),
    (
        "visits",
        "visit_date",
        "visit",
        "Statutory visit",
        {"Type": "visit_type", "Seen alone": "seen_alone", "Worker": "worker"},
    ),
    (
        "cla_episodes",
        "decom",
        "cla_episode_start",
        "Looked-after episode started",
        {"Reason": "rne", "Legal status": "ls", "Placement": "place", "Provider": "place_provider"},
    ),
    (
        "cla_episodes",
        "dec",
        "cla_episode_end",
        "Looked-after episode ended",
        {"Reason ended": "rec", "Reason for placement change": "reason_place_change"},
    ),
    (
        "cla_reviews",
        "review_date",
        "cla_review",
        "Looked-after review",
        {"Participation": "review_code"},
    ),
    (
        "health_assessments",
        "assessment_date",
        "health_assessment",
        "Health assessment",
        {"Kind": "kind"},
    ),
    (
        "missing_episodes",
        "start_date",
        "missing",
        "Missing episode started",
        {
            "Type": "missing_type",
            "Ended": "end_date",
            "RHI offered": "rhi_offered",
            "RHI accepted": "rhi_accepted",
            "RHI held": "rhi_date",
        },
    ),
    (
        "care_leavers",
        "year_ending",
        "care_leaver",
        "Care leaver status",
        {
            "In touch": "in_touch",
            "Activity": "activity",
            "Accommodation": "accommodation",
            "Suitable": "suitable",
            "Personal adviser": "personal_advisor",
        },
    ),
    (
        "care_leavers",
        "latest_contact",
        "care_leaver_contact",
        "Care leaver latest contact",
        {"In touch": "in_touch"},
    ),
    ("pathway_plan_reviews", "review_date", "pathway_plan_review", "Pathway plan review", {}),
    (
        "adoption",
        "decision_date",
        "adoption_decision",
        "Decision: should be placed for adoption",
        {},
    ),
    ("adoption", "placement_order_date", "placement_order", "Placement order", {}),
    ("adoption", "matched_date", "adoption_matched", "Matched with adopters", {}),
    ("adoption", "placed_date", "adoption_placed", "Placed for adoption", {}),
    ("adoption", "adoption_order_date", "adoption_order", "Adoption order", {}),
    (
        "allocations",
        "start_date",
        "allocation",
        "Allocated to worker",
        {"Worker": "worker", "Team": "team"},
    ),
    (
        "allocations",
        "end_date",
        "allocation_end",
        "Allocation ended",
        {"Worker": "worker", "Team": "team"},
    ),
]

# Columns holding a code, and the vocabulary (`formats.code_words`) that puts it in words.
CODED_COLUMNS = {
    "source_code": "referral_source",
    "primary_need": "primary_need",
    "closure_reason": "closure_reason",
    "initial_category": "abuse_category",
    "latest_category": "abuse_category",
    "rne": "reason_new_episode",
    "ls": "legal_status",
    "cin": "category_of_need",
    "place": "placement",
    "place_provider": "placement_provider",
    "rec": "reason_episode_ceased",
    "reason_place_change": "reason_place_change",
    "review_code": "review_participation",
    "in_touch": "in_touch",
    "activity": "activity",
    "accommodation": "accommodation",
    "visit_type": "visit_type",
    "outcome": "contact_outcome",
    "missing_type": "missing_type",
    "kind": "health_assessment",
    "ethnicity": "ethnicity",
    "sex": "sex",
}
# Early help's closure reasons are a local list, not the CIN census RC codes.
# Early help's requests use the contacts' source codes and outcomes; short breaks carry the
# CIN census disability codes.
_TABLE_VOCABULARIES = {
    ("early_help", "closure_reason"): "eh_closure_reason",
    ("early_help", "referral_source"): "referral_source",
    ("early_help", "referral_outcome"): "contact_outcome",
    ("short_breaks", "service"): "short_break_service",
    ("short_breaks", "disability"): "disability",
}


def decode(column: str, value: str, table: str = "") -> tuple[str, str | None]:
    """(words, code) for a coded column's value; (value, None) for other columns.
    A code not in the list reads "Code not recognised" with the code beside it."""
    vocabulary = _TABLE_VOCABULARIES.get((table, column)) or CODED_COLUMNS.get(column)
    if vocabulary is None:
        return value, None
    return in_words(vocabulary, value) or "Code not recognised", value


# Order of kinds on one day: the order the service works in.
_ORDER = {kind: n for n, (_, _, kind, _, _) in enumerate(EVENT_SOURCES)}


def child_journey(con: duckdb.DuckDBPyConnection, child_id: str) -> Journey:
    """Child details and all events, oldest first; ChildNotFound when no table has them."""
    child_id = normalise_child_id(child_id)
    cur = con.execute("SELECT * FROM children WHERE child_id = ? LIMIT 1", [child_id])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    child = dict(zip(names, row, strict=True)) if row else {}

    events: list[Event] = []
    for table, day_col, kind, title, labels in EVENT_SOURCES:
        cols = [day_col, "source_ref", *labels.values()]
        select = ", ".join(f'"{c}"' for c in cols)
        sql = f'SELECT {select} FROM {table} WHERE child_id = ? AND "{day_col}" IS NOT NULL'
        for values in con.execute(sql, [child_id]).fetchall():
            day, ref, *rest = values
            details: dict[str, str] = {}
            codes: dict[str, str] = {}
            for (label, column), v in zip(labels.items(), rest, strict=True):
                if v is None:
                    continue
                words, code = decode(column, _text(v), table)
                details[label] = words
                if code is not None:
                    codes[label] = code
            events.append(Event(day, kind, title, details, ref, codes))

    if not child and not events:
        raise ChildNotFound(child_id)
    events.sort(key=lambda e: (e.day, _ORDER[e.kind]))
    return Journey(child_id, child, events)
