"""Importing the providers register from CSV or XLSX (read by register_file.py).

Columns (headings in any case): URN, NAME, TYPE required; RATING, INSPECTED, VISITED,
VISIT_RESULT, NOTES optional.

    TYPE          IFA, SUPPORTED or HOME (or the words: independent fostering agency,
                  semi-independent, supported accommodation, children's home)
    RATING        Outstanding, Good, Requires improvement, Inadequate or Not yet inspected,
                  with the INSPECTED date of that judgement
    VISITED       the City's monitoring visit, with VISIT_RESULT against the national
                  minimum standards: Met, Partly met or Not met

A provider may have several rows, one per judgement or visit, to give its history: the
register keeps every inspection (by provider and date) and every visit, so importing the
officers' spreadsheet each month builds the history of ratings. The name, type and notes
are the last row's. A bad row is quarantined as in every register; a file without the
required columns imports nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from csc_insight.formats.tabular import Column
from csc_insight.registers.missing_import import ImportResult, save_quarantined
from csc_insight.registers.models import Provider, ProviderInspection, ProviderVisit
from csc_insight.registers.providers import URN_EXPECTED, normal_urn
from csc_insight.registers.register_file import read_register

REGISTER = "providers"
NOT_YET = "not_yet"
KIND_WORDS = {
    "ifa": "ifa",
    "independent fostering agency": "ifa",
    "fostering agency": "ifa",
    "supported": "supported",
    "semi-independent": "supported",
    "semi independent": "supported",
    "supported accommodation": "supported",
    "semi-independent or supported accommodation": "supported",
    "home": "home",
    "children's home": "home",
    "childrens home": "home",
}
RATING_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires_improvement",
    "requires improvement to be good": "requires_improvement",
    "requires_improvement": "requires_improvement",
    "ri": "requires_improvement",
    "inadequate": "inadequate",
    "not yet inspected": NOT_YET,
    "not inspected": NOT_YET,
}
RESULT_WORDS = {
    "met": "met",
    "standards met": "met",
    "partly met": "partly",
    "partly": "partly",
    "standards partly met": "partly",
    "not met": "not_met",
    "not_met": "not_met",
    "standards not met": "not_met",
}

COLUMNS = [
    Column("URN", "urn", required=True, not_null=True, describe=URN_EXPECTED),
    Column("NAME", "name", required=True, not_null=True, describe="the provider's name"),
    Column(
        "TYPE",
        "kind",
        "code",
        required=True,
        not_null=True,
        codes=frozenset(KIND_WORDS),
        describe="IFA, SUPPORTED or HOME",
    ),
    Column(
        "RATING",
        "rating",
        "code",
        codes=frozenset(RATING_WORDS),
        describe="Outstanding, Good, Requires improvement, Inadequate or Not yet inspected",
    ),
    Column("INSPECTED", "inspected_on", "date"),
    Column("VISITED", "visited_on", "date"),
    Column(
        "VISIT_RESULT",
        "result",
        "code",
        codes=frozenset(RESULT_WORDS),
        describe="Met, Partly met or Not met",
    ),
    Column("NOTES", "notes"),
]


def _checks(values: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []

    def on(name: str, other: str) -> str:
        """The column to name: `name`, or `other` when the file has no `name` column."""
        return name if name in values else other

    urn = normal_urn(values.get("urn") or "")
    if urn is None:
        found.append(("urn", "bad_value", URN_EXPECTED))
    values["urn"] = urn
    values["kind"] = KIND_WORDS.get(values.get("kind") or "", values.get("kind"))
    rating = RATING_WORDS.get(values.get("rating") or "")
    values["rating"] = rating
    if rating and rating != NOT_YET and values.get("inspected_on") is None:
        found.append(
            (
                on("inspected_on", "rating"),
                "missing_value",
                "the date of that inspection (INSPECTED)",
            )
        )
    if values.get("inspected_on") is not None and rating in (None, NOT_YET):
        found.append((on("rating", "inspected_on"), "missing_value", "the rating it gave (RATING)"))
    result = RESULT_WORDS.get(values.get("result") or "")
    values["result"] = result
    if result and values.get("visited_on") is None:
        found.append(
            (on("visited_on", "result"), "missing_value", "the date of the visit (VISITED)")
        )
    if values.get("visited_on") is not None and result is None:
        found.append(
            (on("result", "visited_on"), "missing_value", "the visit's result (VISIT_RESULT)")
        )
    return found


def import_file(path: Path, username: str = "") -> ImportResult:
    """Import the providers file: providers added or updated, each row's inspection and
    visit added to their history, bad rows quarantined. `created` and `updated` count
    providers."""
    result = ImportResult()
    read = read_register(
        path,
        COLUMNS,
        ("inspected_on", "visited_on", "urn"),  # the last is the column a duplicate names
        result.report,
        _checks,
        key_words="inspection date, visit date and URN",
    )
    if read is None:
        result.read = False
        return result
    good, bad = read
    seen: set[str] = set()
    with transaction.atomic():
        for values in good:
            fields = {"name": values["name"], "kind": values["kind"]}
            if values.get("notes"):
                fields["notes"] = values["notes"]
            provider, made = Provider.objects.update_or_create(urn=values["urn"], defaults=fields)
            if values["urn"] not in seen:
                result.created += made
                result.updated += not made
                seen.add(values["urn"])
            if values.get("inspected_on"):
                ProviderInspection.objects.update_or_create(
                    provider=provider,
                    inspected_on=values["inspected_on"],
                    defaults={"rating": values["rating"]},
                )
            if values.get("visited_on"):
                ProviderVisit.objects.update_or_create(
                    provider=provider,
                    visited_on=values["visited_on"],
                    defaults={"result": values["result"]},
                )
        result.quarantined = save_quarantined(REGISTER, path.name, bad, username)
    return result
