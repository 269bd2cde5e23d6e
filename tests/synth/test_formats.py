"""The files have the real formats' structure and exact headings."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook

from csc_insight.synth import World

DEMOGRAPHICS = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]


def _header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return next(csv.reader(fh))


def test_ssda903_columns(city_files: Path) -> None:
    assert _header(city_files / "header.csv") == [
        "CHILD",
        "SEX",
        "DOB",
        "ETHNIC",
        "UPN",
        "MOTHER",
        "MC_DOB",
    ]
    assert _header(city_files / "episodes.csv") == [
        "CHILD",
        "DECOM",
        "RNE",
        "LS",
        "CIN",
        "PLACE",
        "PLACE_PROVIDER",
        "DEC",
        "REC",
        "REASON_PLACE_CHANGE",
        "HOME_POST",
        "PL_POST",
        "URN",
    ]
    assert _header(city_files / "reviews.csv") == ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]
    assert _header(city_files / "uasc.csv") == ["CHILD", "SEX", "DOB", "DUC"]
    assert _header(city_files / "oc2.csv") == [
        "CHILD",
        "DOB",
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
        "YEAR",
    ]
    assert _header(city_files / "oc3.csv") == ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", "YEAR"]
    assert _header(city_files / "missing.csv") == [
        "CHILD",
        "DOB",
        "MISSING",
        "MIS_START",
        "MIS_END",
    ]
    assert _header(city_files / "placed_adoption.csv") == [
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ]
    assert _header(city_files / "prev_perm.csv") == [
        "CHILD",
        "DOB",
        "PREV_PERM",
        "LA_PERM",
        "DATE_PERM",
    ]
    assert _header(city_files / "ad1.csv") == [
        "CHILD",
        "DOB",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ]


def test_ssda903_values(city_files: Path) -> None:
    with (city_files / "episodes.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        day, month, year = row["DECOM"].split("/")
        assert len(day) == 2 and len(month) == 2 and len(year) == 4
        assert (row["DEC"] == "") == (row["REC"] == "")
    with (city_files / "header.csv").open(newline="") as fh:
        assert {r["SEX"] for r in csv.DictReader(fh)} <= {"1", "2"}


def test_local_extras_columns(city_files: Path) -> None:
    folder = city_files / "local_extras"
    expected = {
        "children.csv": ["CHILD", "DOB", "SEX", "ETHNICITY", "DISABILITY", "UASC"],
        "contacts.csv": [
            "CONTACT_ID",
            "CHILD",
            "CONTACT_DATE",
            "SOURCE",
            "DECISION_DATE",
            "OUTCOME",
        ],
        "early_help.csv": [
            "EH_ID",
            "CHILD",
            "REFERRAL_DATE",
            "START_DATE",
            "COMPLETION_DATE",
            "ORGANISATION",
            "CLOSURE_DATE",
            "CLOSURE_REASON",
            "GOAL_START",
            "GOAL_REVIEW",
            "GOAL_END",
            "SHORT_BREAK",
            "REFERRAL_SOURCE",
            "REFERRAL_OUTCOME",
        ],
        "short_breaks.csv": [
            "CHILD",
            "DISABILITY",
            "SERVICE",
            "START_DATE",
            "END_DATE",
            "HOURS_PER_WEEK",
            "NIGHTS_PER_YEAR",
        ],
        "visits.csv": ["CHILD", "VISIT_DATE", "VISIT_TYPE", "SEEN_ALONE", "WORKER"],
        "missing.csv": [
            "CHILD",
            "MISSING",
            "MIS_START",
            "MIS_END",
            "RHI_OFFERED",
            "RHI_ACCEPTED",
            "RHI_DATE",
        ],
        "health.csv": ["CHILD", "ASSESSMENT_DATE", "KIND"],
        "pathway_plans.csv": ["CHILD", "REVIEW_DATE"],
        "allocations.csv": ["CHILD", "WORKER", "TEAM", "START_DATE", "END_DATE"],
        "workers.csv": ["WORKER", "NAME", "TEAM", "ROLE", "FTE"],
        "population.csv": ["YEAR", "AGE_FROM", "AGE_TO", "POPULATION"],
    }
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    for name, columns in expected.items():
        assert _header(folder / name) == columns, name


def test_local_children_cover_every_child_mentioned(city_files: Path) -> None:
    folder = city_files / "local_extras"
    with (folder / "children.csv").open(newline="") as fh:
        known = {r["CHILD"] for r in csv.DictReader(fh)}
    for name in (
        "contacts.csv",
        "visits.csv",
        "missing.csv",
        "allocations.csv",
        "short_breaks.csv",
    ):
        with (folder / name).open(newline="") as fh:
            assert {r["CHILD"] for r in csv.DictReader(fh)} <= known, name


def test_missing_register_includes_the_ssda903_episodes(city_files: Path) -> None:
    def keys(path: Path) -> set[tuple[str, str]]:
        with path.open(newline="") as fh:
            return {(r["CHILD"], r["MIS_START"]) for r in csv.DictReader(fh)}

    looked_after = keys(city_files / "missing.csv")
    assert looked_after
    assert looked_after <= keys(city_files / "local_extras" / "missing.csv")


def test_annex_a_headings(city_files: Path) -> None:
    book = load_workbook(city_files / "annex_a.xlsx", read_only=True)
    assert book.sheetnames == [f"List {n}" for n in range(1, 12)]
    headings = {
        n: [c.value for c in next(book[f"List {n}"].iter_rows(max_row=1))] for n in range(1, 12)
    }
    for n in range(1, 10):
        assert headings[n][:5] == DEMOGRAPHICS, n
    assert headings[1] == DEMOGRAPHICS + ["Date of Contact", "Contact Source"]
    assert headings[3] == DEMOGRAPHICS + [
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
        "Allocated Team",
        "Allocated Worker",
    ]
    assert headings[9] == DEMOGRAPHICS + [
        "Does the Child have a Disability",
        "Allocated Team",
        "Allocated Worker",
        "Eligibility Category",
        "LA in Touch",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ]
    assert len(headings[8]) == 5 + 29
    assert headings[10][:2] == ["Child Unique ID", "Family identifier"]
    assert headings[11][0] == "Individual adopter identifier"


def test_annex_a_cells(city_files: Path) -> None:
    book = load_workbook(city_files / "annex_a.xlsx", read_only=True)
    rows = list(book["List 1"].iter_rows(min_row=2, values_only=True))
    assert rows
    for row in rows:
        assert row[1] in {"a) Male", "b) Female", "c) Unknown"}
        assert row[2].startswith(
            (
                "a) ",
                "b) ",
                "c) ",
                "d) ",
                "e) ",
                "f) ",
                "g) ",
                "h) ",
                "i) ",
                "j) ",
                "k) ",
                "l) ",
                "m) ",
                "n) ",
                "o) ",
                "p) ",
                "q) ",
                "r) ",
                "s) ",
                "t) ",
            )
        )
        contact = row[5].date()  # a real Excel date
        assert date(2019, 10, 1) <= contact <= date(2020, 3, 31)
        assert ") " in row[6] and ": " in row[6]  # 'a) 1A: Individual'
    needs = {r[7] for r in book["List 6"].iter_rows(min_row=2, values_only=True)}
    assert "N1 - Abuse or neglect" in needs


def test_cin_census_structure(city_files: Path, city: World) -> None:
    root = etree.parse(str(city_files / "cin_census_2019.xml")).getroot()
    assert root.tag == "Message"
    assert root.findtext("Header/CollectionDetails/Collection") == "CIN"
    assert root.findtext("Header/CollectionDetails/Year") == "2019"
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2019-03-31"
    children = root.findall("Children/Child")
    assert children
    # Each child on its own line, so a row's lineage (file:line) finds its child's record.
    lines = [child.sourceline for child in children]
    assert lines == list(range(lines[0], lines[0] + len(children)))
    assert lines[0] == 5  # after the declaration, <Message>, the Header and <Children>
    for child in children:
        assert child.findtext("ChildIdentifiers/LAchildID")
        assert child.findtext("ChildIdentifiers/GenderCurrent") in {"1", "2", "9"}
        assert child.findtext("ChildCharacteristics/Ethnicity")
        assert child.findall("CINdetails")
    # nothing after the reference date appears in that year's file
    dated = [
        el
        for el in root.iter()
        if (el.tag.endswith("Date") or el.tag in {"InitialCPCtarget", "CPPreviewDate"})
        and el.tag != "PersonBirthDate"
    ]
    assert dated
    for el in dated:
        assert el.text <= "2019-03-31", el.tag
    assert root.find(".//ChildProtectionPlans/CPPstartDate") is not None
    assert root.find(".//Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors") is not None


def test_episode_open_across_31_march_is_in_both_years(city_files: Path, city: World) -> None:
    both = [
        r
        for r in city.tables()["referrals"]
        if r["referral_date"] <= date(2019, 3, 31)
        and (r["closure_date"] is None or r["closure_date"] > date(2019, 3, 31))
    ]
    assert both
    ids = {}
    for year in (2019, 2020):
        root = etree.parse(str(city_files / f"cin_census_{year}.xml")).getroot()
        ids[year] = {
            (c.findtext("ChildIdentifiers/LAchildID"), d.findtext("CINreferralDate"))
            for c in root.iter("Child")
            for d in c.iter("CINdetails")
        }
    for r in both:
        key = (r["child_id"], r["referral_date"].isoformat())
        assert key in ids[2019] and key in ids[2020]
