"""Round trip: synth → files → load gives back the generator's own ground truth.

The World holds every fact once, including four warm-up years before the window that the
files carry only in part. So for each canonical table the expected rows are the World's rows
that the written files cover, by the rule of the format (FORMATS.md), stated here in plain
terms:

- CIN census (one file per collection year, 1 April - 31 March): every episode of need
  (referral) open at some point in a collection year of the window, with its assessments,
  S47 enquiries, CIN plans, CP plans and their reviews, less those over before the window's
  first collection year (an assessment authorised, a plan ended, an enquiry concluded: a
  year's file leaves them to the year before's, which the window does not have).
- SSDA903: the episodes of care open at some point in the window, the reviews and missing
  episodes dated in it, and every OC2 / OC3 row (one per collection year).
- local extras: the whole of every local table (visits, missing register, health, pathway
  plans, allocations, contacts, early help, short breaks, workers, population).
- Annex A: the six months before the window's end (Lists 1-10).

Each expected multiset is compared with the loaded one on the table's key columns: the
child, dates, codes and flags.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from csc_insight.store.loader import load
from csc_insight.synth import World, generate, write
from csc_insight.synth.profiles import PROFILES
from csc_insight.synth.write_annexa import STYLES, write_annexa

START, END = date(2018, 4, 1), date(2020, 3, 31)
CENSUS_FROM = date(2018, 4, 1)  # first day of the window's first collection year
ANNEX_FROM = date(2019, 10, 1)  # Annex A: the six months up to END

Row = dict[str, Any]


# --- fixtures ---------------------------------------------------------------------------------


# The facts below (one ICPC target after END, who is in care...) were worked out on the city
# as it was tuned before issue 16 re-tuned it to seed 002's caseload; the round trip keeps
# those parameters so that tuning the demo does not move them.
ROUND_TRIP_CITY = replace(
    PROFILES["city"], uasc_per_year=14, nfa=0.08, s47=0.12, cin_plan=0.25, care_direct=0.01
)


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(PROFILES, "city", ROUND_TRIP_CITY)
        yield generate("city", 1, START, END)


@pytest.fixture(scope="module")
def truth(world: World) -> dict[str, list[Row]]:
    return world.tables()


@pytest.fixture(scope="module")
def files(world: World, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("files")
    write(world, out)
    return out


def _load(paths: list[Path], home: Path) -> duckdb.DuckDBPyConnection:
    result = load(paths, base=home)
    errors = [i for i in result.report.issues if i.severity in ("error", "quarantined")]
    assert errors == []
    assert result.snapshot is not None
    return duckdb.connect(str(result.snapshot.path), read_only=True)


@pytest.fixture(scope="module")
def db(files: Path, tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return _load([files], tmp_path_factory.mktemp("home"))


# --- helpers ----------------------------------------------------------------------------------


def loaded(
    con: duckdb.DuckDBPyConnection, table: str, cols: list[str], where: str = "TRUE"
) -> Counter[tuple]:
    rows = con.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE {where}").fetchall()
    return Counter(rows)


def expected(
    rows: Iterable[Row], cols: list[str], keep: Callable[[Row], bool] = lambda _r: True
) -> Counter[tuple]:
    return Counter(tuple(r[c] for c in cols) for r in rows if keep(r))


def open_between(first: date, last: date, start: date | None, end: date | None) -> bool:
    """An interval [start, end] (end None = still open) overlaps [first, last]."""
    return start is not None and start <= last and (end is None or end >= first)


def between(first: date, last: date, when: date | None) -> bool:
    return when is not None and first <= when <= last


def census_referrals(
    truth: dict[str, list[Row]], first: date = CENSUS_FROM, last: date = END
) -> list[Row]:
    return [
        r
        for r in truth["referrals"]
        if open_between(first, last, r["referral_date"], r["closure_date"])
    ]


def of_referrals(rows: list[Row], referrals: list[Row]) -> list[Row]:
    ids = {r["referral_id"] for r in referrals}
    return [r for r in rows if r["referral_id"] in ids]


# When a row of an episode table is over: the census year it ended in holds it, no later one.
OVER = {
    "assessments": lambda r: r["authorised_date"],
    "cin_plans": lambda r: r["end_date"],
    "cp_plans": lambda r: r["end_date"],
    "s47_enquiries": lambda r: r["icpc_date"] or r["start_date"],
}


def census_rows(
    truth: dict[str, list[Row]], table: str, first: date = CENSUS_FROM, last: date = END
) -> list[Row]:
    """The rows of `table` the census files of the collection years [first, last] carry."""
    rows = of_referrals(truth[table], census_referrals(truth, first, last))
    return [r for r in rows if (OVER[table](r) or first) >= first]


# --- the whole set of files loaded together ----------------------------------------------------


def test_every_loaded_child_is_in_the_world_with_the_same_details(db, truth) -> None:
    world = {r["child_id"]: r for r in truth["children"]}
    rows = db.execute("SELECT child_id, dob, sex, ethnicity FROM children").fetchall()
    assert len(rows) == len({r[0] for r in rows})
    for child_id, dob, sex, ethnicity in rows:
        assert (dob, sex, ethnicity) == (
            world[child_id]["dob"],
            world[child_id]["sex"],
            world[child_id]["ethnicity"],
        ), child_id


def test_children_loaded_are_those_some_file_mentions(db, truth) -> None:
    census = {r["child_id"] for r in census_referrals(truth)}
    in_care = {
        r["child_id"]
        for r in truth["cla_episodes"]
        if open_between(START, END, r["decom"], r["dec"])
    }
    local = {
        r["child_id"]
        for t in (
            "contacts",
            "early_help",
            "visits",
            "missing_episodes",
            "health_assessments",
            "pathway_plan_reviews",
            "allocations",
            "short_breaks",
        )
        for r in truth[t]
    }
    leavers = {r["child_id"] for r in truth["care_leavers"]}
    want = census | in_care | local | leavers
    got = {c for (c,) in db.execute("SELECT child_id FROM children").fetchall()}
    assert got == want


REFERRAL = [
    "child_id",
    "referral_date",
    "source_code",
    "nfa",
    "primary_need",
    "closure_date",
    "closure_reason",
]


def test_referrals_are_the_episodes_open_in_a_census_year(db, truth) -> None:
    want = expected(census_referrals(truth), REFERRAL)
    assert loaded(db, "referrals", REFERRAL) == want


CHILD_TABLES = {
    "assessments": ["child_id", "start_date", "authorised_date", "factors"],
    "s47_enquiries": ["child_id", "start_date", "icpc_date"],
    "cin_plans": ["child_id", "start_date", "end_date"],
    "cp_plans": [
        "child_id",
        "start_date",
        "end_date",
        "initial_category",
        "latest_category",
        "previous_plans",
    ],
}


@pytest.mark.parametrize("table", list(CHILD_TABLES))
def test_episode_contents_are_those_of_the_census_episodes(db, truth, table) -> None:
    cols = CHILD_TABLES[table]
    want = expected(census_rows(truth, table), cols)
    assert loaded(db, table, cols) == want


def test_icpc_target_dates_after_the_reference_date_are_not_in_the_census(db, truth) -> None:
    # Lossy by the writer's rule (tests/synth: nothing in a year's file is dated after its
    # 31 March), though a target is a deadline rather than an event: an enquiry started in the
    # last weeks of the window loses its ICPC target.
    s47 = census_rows(truth, "s47_enquiries")
    want = Counter(
        (
            r["child_id"],
            r["start_date"],
            r["icpc_target_date"] if r["icpc_target_date"] <= END else None,
        )
        for r in s47
    )
    assert sum(r["icpc_target_date"] > END for r in s47) == 1
    assert loaded(db, "s47_enquiries", ["child_id", "start_date", "icpc_target_date"]) == want


def test_cp_reviews_are_those_of_the_census_plans(db, truth) -> None:
    plans = {r["cp_plan_id"] for r in census_rows(truth, "cp_plans")}
    want = expected(
        truth["cp_reviews"], ["child_id", "review_date"], lambda r: r["cp_plan_id"] in plans
    )
    assert loaded(db, "cp_reviews", ["child_id", "review_date"]) == want


def test_icpc_not_required_is_known_where_a_return_says_it(db, truth) -> None:
    # The census says ICPCnotRequired only once it is settled: true with no ICPC, false with
    # one; an enquiry still waiting for its ICPC says nothing. Annex A List 5 gives Yes/No for
    # the enquiries of its six months.
    def known(r: Row) -> bool | None:
        if between(ANNEX_FROM, END, r["start_date"]):
            return r["icpc_not_required"]
        if r["icpc_date"] is not None:
            return False
        return True if r["icpc_not_required"] else None

    s47 = census_rows(truth, "s47_enquiries")
    want = Counter((r["child_id"], r["start_date"], known(r)) for r in s47)
    assert loaded(db, "s47_enquiries", ["child_id", "start_date", "icpc_not_required"]) == want


ANNEX_A_ONLY = {
    # table: (the rows Annex A lists, the columns only Annex A carries)
    "referrals": (
        lambda r: open_between(ANNEX_FROM, END, r["referral_date"], r["closure_date"]),
        ["team", "worker"],
    ),
    "assessments": (
        lambda r: open_between(ANNEX_FROM, END, r["start_date"], r["authorised_date"]),
        ["child_seen", "needs_support", "team", "worker"],
    ),
    "s47_enquiries": (
        lambda r: between(ANNEX_FROM, END, r["start_date"]),
        ["cp_plan_resulted", "team", "worker"],
    ),
    "cp_plans": (
        lambda r: open_between(ANNEX_FROM, END, r["start_date"], r["end_date"]),
        ["team", "worker"],
    ),
}


@pytest.mark.parametrize("table", list(ANNEX_A_ONLY))
def test_annex_a_fills_what_the_census_lacks_for_its_six_months(db, truth, table) -> None:
    listed, cols = ANNEX_A_ONLY[table]
    date = "referral_date" if table == "referrals" else "start_date"
    rows = truth[table] if table == "referrals" else census_rows(truth, table)
    want = expected(rows, ["child_id", date, *cols], listed)
    got = loaded(db, table, ["child_id", date, *cols], f"{cols[-1]} IS NOT NULL")
    assert got == want


def test_referrals_in_last_12_months_come_from_list_3(db, truth) -> None:
    cols = ["child_id", "referral_date", "referrals_12m"]
    want = expected(
        truth["referrals"], cols, lambda r: between(ANNEX_FROM, END, r["referral_date"])
    )
    assert loaded(db, "referrals", cols, "referrals_12m IS NOT NULL") == want


VISIT = ["child_id", "visit_date", "visit_type", "seen_alone", "worker"]


def test_local_visits_come_back_whole(db, truth) -> None:
    assert loaded(db, "visits", VISIT, "source = 'local'") == expected(truth["visits"], VISIT)


def test_annex_a_last_seen_dates_are_real_visits_of_another_type(db, truth) -> None:
    # Lossy by design: List 6 "Date Child Was Last Seen" does not say what kind of visit it
    # was, so the reader files it as a CIN visit. Where the child's latest visit was a CP or
    # CLA visit it stays a row of its own: one per child with an episode open in the six
    # months whose latest visit (of any type) was not a CIN visit.
    latest: dict[str, Row] = {}
    for v in sorted(truth["visits"], key=lambda v: (v["visit_date"], v["visit_type"])):
        latest[v["child_id"]] = v
    listed = {
        r["child_id"]
        for r in truth["referrals"]
        if open_between(ANNEX_FROM, END, r["referral_date"], r["closure_date"])
    }
    cin_on = {(v["child_id"], v["visit_date"]) for v in truth["visits"] if v["visit_type"] == "CIN"}
    want = Counter(
        (c, latest[c]["visit_date"], "CIN")
        for c in listed
        if c in latest and (c, latest[c]["visit_date"]) not in cin_on
    )
    # (IRO visits, List 8's, are no local visit type: annex_a_counts counts them.)
    got = loaded(
        db,
        "visits",
        ["child_id", "visit_date", "visit_type"],
        "source = 'annex_a' AND visit_type <> 'IRO'",
    )
    assert got == want


EPISODE = [
    "child_id",
    "decom",
    "rne",
    "ls",
    "cin",
    "place",
    "place_provider",
    "dec",
    "rec",
    "reason_place_change",
    "home_post",
    "pl_post",
    "urn",
]


def test_cla_episodes_are_those_open_in_the_window(db, truth) -> None:
    want = expected(
        truth["cla_episodes"], EPISODE, lambda r: open_between(START, END, r["decom"], r["dec"])
    )
    assert loaded(db, "cla_episodes", EPISODE) == want


def test_cla_reviews_are_those_in_the_window(db, truth) -> None:
    cols = ["child_id", "review_date", "review_code"]
    want = expected(truth["cla_reviews"], cols, lambda r: between(START, END, r["review_date"]))
    assert loaded(db, "cla_reviews", cols, "source = 'ssda903'") == want


def test_annex_a_latest_cla_review_is_one_of_the_world_s(db, truth) -> None:
    # List 8 gives each child's latest review; older than the window, the review is in no
    # SSDA903 file and stays an Annex A row (without a participation code).
    in_care = {
        r["child_id"]
        for r in truth["cla_episodes"]
        if open_between(ANNEX_FROM, END, r["decom"], r["dec"])
    }
    want = Counter((c, d) for c, d in latest_reviews(truth, in_care).items() if d < START)
    assert loaded(db, "cla_reviews", ["child_id", "review_date"], "source = 'annex_a'") == want


WHOLE_TABLES = {
    "cla_health": [
        "child_id",
        "year_ending",
        "health_check",
        "immunisations",
        "teeth_check",
        "sdq_score",
        "convicted",
        "substance_misuse",
    ],
    "health_assessments": ["child_id", "assessment_date", "kind"],
    "pathway_plan_reviews": ["child_id", "review_date"],
    "contacts": [
        "contact_id",
        "child_id",
        "contact_date",
        "source_code",
        "decision_date",
        "outcome",
    ],
    "early_help": [
        "eh_id",
        "child_id",
        "referral_date",
        "start_date",
        "completion_date",
        "organisation",
        "closure_date",
        "closure_reason",
        "goal_score_start",
        "goal_score_review",
        "goal_score_end",
        "short_break",
        "referral_source",
        "referral_outcome",
    ],
    "short_breaks": [
        "child_id",
        "disability",
        "service",
        "start_date",
        "end_date",
        "hours_per_week",
        "nights_per_year",
    ],
    "allocations": ["child_id", "worker", "team", "start_date", "end_date"],
    "workers": ["worker", "name", "team", "role", "fte"],
    "population": ["year", "age_from", "age_to", "population"],
    "missing_episodes": [
        "child_id",
        "missing_type",
        "start_date",
        "end_date",
        "rhi_offered",
        "rhi_accepted",
        "rhi_date",
    ],
    "adoption": [
        "child_id",
        "entered_care",
        "decision_date",
        "placement_order_date",
        "matched_date",
        "placed_date",
        "adoption_order_date",
    ],
}


@pytest.mark.parametrize("table", list(WHOLE_TABLES))
def test_tables_every_file_set_carries_whole(db, truth, table) -> None:
    cols = WHOLE_TABLES[table]
    assert loaded(db, table, cols) == expected(truth[table], cols)


def test_missing_episodes_of_looked_after_children_in_the_window_come_from_ssda903(
    db, truth
) -> None:
    cols = ["child_id", "start_date", "source"]
    want = Counter(
        (
            r["child_id"],
            r["start_date"],
            "ssda903"
            if r["source"] == "ssda903" and between(START, END, r["start_date"])
            else "local",
        )
        for r in truth["missing_episodes"]
    )
    assert loaded(db, "missing_episodes", cols) == want


LEAVER = ["child_id", "year_ending", "in_touch", "activity", "accommodation", "suitable"]


def test_care_leavers_oc3_rows_come_back_whole(db, truth) -> None:
    assert loaded(db, "care_leavers", LEAVER, "year_ending IS NOT NULL") == expected(
        truth["care_leavers"], LEAVER
    )


def test_list_9_gives_each_care_leaver_s_latest_status(db, truth) -> None:
    # List 9 is a status now, not a year's return: year_ending NULL beside OC3's rows.
    latest: dict[str, Row] = {}
    for r in sorted(truth["care_leavers"], key=lambda r: r["year_ending"]):
        latest[r["child_id"]] = r
    # List 9 has no code for the OC3's 0 (not applicable: died or returned home): blank
    want = Counter(
        (c, None, *(None if r[k] == "0" else r[k] for k in LEAVER[2:])) for c, r in latest.items()
    )
    assert loaded(db, "care_leavers", LEAVER, "year_ending IS NULL") == want


# --- expected row counts, by the same rules, for any window -----------------------------------


def latest_visits(
    truth: dict[str, list[Row]], kind: str | None, children: set[str], last: date
) -> set[tuple]:
    """Annex A's "last visit" columns: each listed child's latest visit (of `kind`, or of any
    kind for List 6's "Date Child Was Last Seen"), as the (child, date) it names."""
    latest: dict[str, date] = {}
    for v in truth["visits"]:
        if (
            v["child_id"] in children
            and v["visit_date"] <= last
            and kind in (None, v["visit_type"])
        ):
            latest[v["child_id"]] = max(v["visit_date"], latest.get(v["child_id"], v["visit_date"]))
    return set(latest.items())


def annex_a_counts(truth: dict[str, list[Row]], first: date, last: date) -> dict[str, int]:
    """Rows Annex A alone gives for its six months [first, last]."""

    def listed(table: str, start: str, end: str) -> list[Row]:
        return [r for r in truth[table] if open_between(first, last, r[start], r[end])]

    referrals = listed("referrals", "referral_date", "closure_date")
    plans = listed("cp_plans", "start_date", "end_date")
    in_care = {r["child_id"] for r in listed("cla_episodes", "decom", "dec")}
    plan_ids = {p["cp_plan_id"] for p in plans}
    last_seen = latest_visits(truth, None, {r["child_id"] for r in referrals}, last)
    cp_visits = latest_visits(truth, "CP", {p["child_id"] for p in plans}, last)
    cla_visits = latest_visits(truth, "CLA", in_care, last)
    # List 8's "Date of Last IRO Visit/Contact": the generator writes the latest review.
    latest_review: dict[str, date] = {}
    for r in truth["cla_reviews"]:
        if r["child_id"] in in_care and r["review_date"] <= last:
            latest_review[r["child_id"]] = max(
                r["review_date"], latest_review.get(r["child_id"], r["review_date"])
            )
    checks = {
        (r["child_id"], kind)
        for r in truth["health_assessments"]
        for kind in [r["kind"]]
        if r["child_id"] in in_care and r["assessment_date"] <= last
    }
    return {
        "contacts": sum(between(first, last, r["contact_date"]) for r in truth["contacts"]),
        "early_help": sum(
            between(first, last, r["start_date"]) or between(first, last, r["completion_date"])
            for r in truth["early_help"]
        ),
        "referrals": len(referrals),
        "assessments": len(listed("assessments", "start_date", "authorised_date")),
        "s47_enquiries": sum(between(first, last, r["start_date"]) for r in truth["s47_enquiries"]),
        "cp_plans": len(plans),
        "cp_reviews": len(
            {
                r["cp_plan_id"]
                for r in truth["cp_reviews"]
                if r["cp_plan_id"] in plan_ids and r["review_date"] <= last
            }
        ),
        # one row per child, date and type: List 6's dates filed as CIN visits
        "visits": len(
            {(c, d, "CIN") for c, d in last_seen}
            | {(c, d, "CP") for c, d in cp_visits}
            | {(c, d, "CLA") for c, d in cla_visits}
            | {(c, d, "IRO") for c, d in latest_review.items()}
        ),
        "cla_episodes": len(in_care),
        "cla_summary": len(in_care),
        "cla_reviews": len(
            {
                r["child_id"]
                for r in truth["cla_reviews"]
                if r["child_id"] in in_care and r["review_date"] <= last
            }
        ),
        "health_assessments": len(checks),
        "care_leavers": len({r["child_id"] for r in truth["care_leavers"]}),
        "adoption": sum(
            r["adoption_order_date"] is None or r["adoption_order_date"] >= first
            for r in truth["adoption"]
        ),
    }


def counts(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("style", STYLES)
def test_annex_a_alone_covers_its_six_months(world, files, truth, tmp_path, style) -> None:
    """Each `--annex-a-style` (short headings; Ofsted's long headings and lettered
    drop-downs; bare codes) loads without an unknown heading and gives the same rows, with
    the world's own codes and flags."""
    if style == "short":
        path = files / "annex_a.xlsx"
    else:
        (tmp_path / style).mkdir()
        (path,) = write_annexa(world, tmp_path / style, style=style)
    result = load([path], base=tmp_path / "home")
    assert [i for i in result.report.issues if i.severity == "error"] == []
    assert [i.code for i in result.report.issues if i.code == "unknown_column"] == []
    con = duckdb.connect(str(result.snapshot.path), read_only=True)
    want = annex_a_counts(truth, ANNEX_FROM, END)
    assert counts(con, want) == want
    world_children = {r["child_id"]: r for r in truth["children"]}
    for child_id, sex, ethnicity, uasc in con.execute(
        "SELECT child_id, sex, ethnicity, uasc FROM children"
    ).fetchall():
        child = world_children[child_id]
        assert (sex, ethnicity) == (child["sex"], child["ethnicity"]), child_id
        assert uasc in (None, bool(child["uasc"])), child_id
    s47 = [r for r in truth["s47_enquiries"] if between(ANNEX_FROM, END, r["start_date"])]
    cols = ["child_id", "start_date", "icpc_not_required", "icpc_date"]
    assert loaded(con, "s47_enquiries", cols) == expected(s47, cols)
    plans = [
        r
        for r in truth["cp_plans"]
        if open_between(ANNEX_FROM, END, r["start_date"], r["end_date"])
    ]
    cols = ["child_id", "start_date", "initial_category", "latest_category"]
    assert loaded(con, "cp_plans", cols) == expected(plans, cols)
    assert con.execute("SELECT count(*) FROM children WHERE uasc").fetchone()[0] > 0


def census_counts(truth: dict[str, list[Row]], first: date, last: date) -> dict[str, int]:
    """Rows the CIN census files give for the collection years [first, last]."""
    referrals = census_referrals(truth, first, last)
    plans = {p["cp_plan_id"] for p in census_rows(truth, "cp_plans", first, last)}
    return {
        "children": len({r["child_id"] for r in referrals}),
        "referrals": len(referrals),
        **{
            t: len(census_rows(truth, t, first, last))
            for t in ("assessments", "s47_enquiries", "cin_plans", "cp_plans")
        },
        "cp_reviews": sum(r["cp_plan_id"] in plans for r in truth["cp_reviews"]),
    }


def ssda903_counts(truth: dict[str, list[Row]], first: date, last: date) -> dict[str, int]:
    """Rows the SSDA903 files give for the window [first, last]."""
    return {
        "cla_episodes": sum(
            open_between(first, last, r["decom"], r["dec"]) for r in truth["cla_episodes"]
        ),
        "cla_reviews": sum(between(first, last, r["review_date"]) for r in truth["cla_reviews"]),
        "cla_health": len(truth["cla_health"]),
        "care_leavers": len(truth["care_leavers"]),
        # the Missing table is of looked-after children only
        "missing_episodes": sum(
            r["source"] == "ssda903" and between(first, last, r["start_date"])
            for r in truth["missing_episodes"]
        ),
        # PlacedAdoption: placed for adoption (decided, no order yet) at some point in the window
        "adoption": sum(
            r["decision_date"] <= last
            and (r["adoption_order_date"] is None or r["adoption_order_date"] >= first)
            for r in truth["adoption"]
        ),
    }


LOCAL_TABLES = [
    "contacts",
    "early_help",
    "visits",
    "missing_episodes",
    "health_assessments",
    "pathway_plan_reviews",
    "allocations",
    "workers",
    "population",
    "short_breaks",
]


def local_counts(truth: dict[str, list[Row]]) -> dict[str, int]:
    """The local extras are the whole of each local table, and every child they mention."""
    mentioned = {r["child_id"] for t in LOCAL_TABLES for r in truth[t] if "child_id" in r}
    return {"children": len(mentioned)} | {t: len(truth[t]) for t in LOCAL_TABLES}


def all_counts(truth: dict[str, list[Row]], first: date, last: date) -> dict[str, int]:
    """Rows of every table when all the files are loaded together (see the module docstring):
    where two formats carry the same event it is one row; what only Annex A adds is counted
    as in the tests above."""
    annex_from = six_months_before(last)
    in_care = {
        r["child_id"]
        for r in truth["cla_episodes"]
        if open_between(annex_from, last, r["decom"], r["dec"])
    }
    listed = {
        r["child_id"]
        for r in truth["referrals"]
        if open_between(annex_from, last, r["referral_date"], r["closure_date"])
    }
    cin_visits = {
        (v["child_id"], v["visit_date"]) for v in truth["visits"] if v["visit_type"] == "CIN"
    }
    old_reviews = {c: d for c, d in latest_reviews(truth, in_care).items() if d < first}
    census = census_counts(truth, first, last)
    ssda903 = ssda903_counts(truth, first, last)
    local = local_counts(truth)
    children = (
        {r["child_id"] for r in census_referrals(truth, first, last)}
        | {
            r["child_id"]
            for r in truth["cla_episodes"]
            if open_between(first, last, r["decom"], r["dec"])
        }
        | {r["child_id"] for t in LOCAL_TABLES for r in truth[t] if "child_id" in r}
        | {r["child_id"] for r in truth["care_leavers"]}
    )
    return (
        census
        | ssda903
        | local
        | {
            "children": len(children),
            "missing_episodes": len(truth["missing_episodes"]),
            # List 8's IRO visit: the generator writes each looked-after child's latest review
            "visits": len(truth["visits"])
            + len(latest_visits(truth, None, listed, last) - cin_visits)
            + len(latest_reviews(truth, in_care)),
            "cla_summary": len(in_care),
            "cla_reviews": ssda903["cla_reviews"] + len(old_reviews),
            "care_leavers": ssda903["care_leavers"]
            + len({r["child_id"] for r in truth["care_leavers"]}),
        }
    )


def six_months_before(last: date) -> date:
    """Annex A's first day: 31 March -> 1 October."""
    return date(last.year - (last.month <= 6), (last.month + 6) % 12 + 1, 1)


def latest_reviews(truth: dict[str, list[Row]], children: set[str]) -> dict[str, date]:
    latest: dict[str, date] = {}
    for r in truth["cla_reviews"]:
        if r["child_id"] in children:
            latest[r["child_id"]] = max(
                r["review_date"], latest.get(r["child_id"], r["review_date"])
            )
    return latest


def test_census_alone(files, truth, tmp_path) -> None:
    con = _load(sorted(files.glob("cin_census_*.xml")), tmp_path / "home")
    want = census_counts(truth, CENSUS_FROM, END)
    assert counts(con, want) == want


def test_ssda903_alone(files, truth, tmp_path) -> None:
    names = [
        "header",
        "episodes",
        "reviews",
        "uasc",
        "oc2",
        "oc3",
        "missing",
        "placed_adoption",
        "ad1",
        "prev_perm",
    ]
    con = _load([files / f"{n}.csv" for n in names], tmp_path / "home")
    want = ssda903_counts(truth, START, END)
    assert counts(con, want) == want


def test_ssda903_xml_alone(world, truth, tmp_path) -> None:
    """The same tables written as one XML file give the same rows as the CSVs."""
    from csc_insight.synth.write_903 import write_903

    [path] = write_903(world, tmp_path, "xml")
    assert path.name == "ssda903.xml"
    con = _load([path], tmp_path / "home")
    want = ssda903_counts(truth, START, END)
    assert counts(con, want) == want


def test_local_extras_alone(files, truth, tmp_path) -> None:
    con = _load([files / "local_extras"], tmp_path / "home")
    want = local_counts(truth)
    assert counts(con, want) == want


def test_all_files_row_counts(db, truth) -> None:
    want = all_counts(truth, START, END)
    assert len(want) == 23
    assert counts(db, want) == want


# --- a larger authority, one year --------------------------------------------------------------

B_START, B_END = date(2019, 4, 1), date(2020, 3, 31)


@pytest.fixture(scope="module")
def borough(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, list[Row]], duckdb.DuckDBPyConnection]:
    world = generate("borough", 1, B_START, B_END)
    out = tmp_path_factory.mktemp("borough")
    write(world, out)
    return world.tables(), _load([out], tmp_path_factory.mktemp("borough_home"))


def test_borough_loads_with_the_expected_row_counts(borough) -> None:
    truth, con = borough
    want = all_counts(truth, B_START, B_END)
    assert len(want) == 23
    assert counts(con, want) == want


def test_borough_adoptions_merge_across_returns(borough) -> None:
    # SSDA903 gives the decision (PlacedAdoption DATE_PLACED, AD1 DATE_INT), the match (AD1,
    # for children adopted in the window) and the order (DATE_PLACED_CEASED with reason
    # E11); Annex A List 10 gives every date, for adoptions with no order before its six
    # months. They merge on the child and the decision date.
    truth, con = borough
    annex_from = six_months_before(B_END)
    cols = [
        "child_id",
        "decision_date",
        "adoption_order_date",
        "entered_care",
        "placement_order_date",
        "placed_date",
        "matched_date",
    ]

    def seen(r: Row) -> tuple:
        listed = r["adoption_order_date"] is None or r["adoption_order_date"] >= annex_from
        order = r["adoption_order_date"]
        matched = listed or (order is not None and B_START <= order <= B_END)
        return (
            r["child_id"],
            r["decision_date"],
            r["adoption_order_date"],
            *(r[c] if listed else None for c in cols[3:6]),
            r["matched_date"] if matched else None,
        )

    rows = [
        r
        for r in truth["adoption"]
        if r["decision_date"] <= B_END
        and (r["adoption_order_date"] is None or r["adoption_order_date"] >= B_START)
    ]
    assert len(rows) == 32  # adoptions in the window for seed 1 (a guard that the set is not empty)
    assert loaded(con, "adoption", cols) == Counter(seen(r) for r in rows)


def test_reading_the_census_in_a_second_process_changes_nothing(
    db, files: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big census is read in a worker process (loader.APART_MIN_BYTES), and the files whose
    every table the census writes follow it there (loader.FOLLOW_MIN_BYTES); with both
    thresholds at 0 the city's census files and the local children go there (its Annex A is a
    workbook, whose lists only reading it can tell), and every table comes out identical."""
    from csc_insight.store import loader, schema

    submitted: list[str] = []

    class Counting(loader.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            if fn is loader.read_apart:
                submitted.append(Path(args[1]).name)
            else:  # then it fingerprints the files this process reads
                submitted.append(f"{fn.__name__} of {len(args[0])} files")
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(loader, "APART_MIN_BYTES", 0)
    monkeypatch.setattr(loader, "FOLLOW_MIN_BYTES", 0)
    monkeypatch.setattr(loader, "ProcessPoolExecutor", Counting)
    home = tmp_path_factory.mktemp("home-apart")
    result = load([files], base=home)
    assert result.report.errors == []
    assert submitted == [
        "cin_census_2019.xml",
        "cin_census_2020.xml",
        "children.csv",
        f"sha256_each of {len(result.snapshot.manifest['files']) - 3} files",
    ]
    assert all(len(f["sha256"]) == 64 for f in result.snapshot.manifest["files"])
    apart = duckdb.connect(str(result.snapshot.path), read_only=True)
    census = [name for name in result.rows if name in ("referrals", "cp_plans")]
    assert census and all(result.rows[name] > 0 for name in census)
    for table in schema.child_tables():
        assert Counter(apart.execute(f"SELECT * FROM {table}").fetchall()) == Counter(
            db.execute(f"SELECT * FROM {table}").fetchall()
        ), table
    manifest = result.snapshot.path.with_suffix(".json").read_text()
    assert '"format": "cin_census"' in manifest
    # What a reader says a file can write, before reading it, covers what it wrote.
    from csc_insight import formats

    said = 0
    for source in result.snapshot.manifest["files"]:
        writes = getattr(formats.reader_named(source["format"]), "writes", None)
        tables = writes(Path(source["path"])) if writes else None
        if tables is not None:
            said += 1
            assert {t for t, n in source["rows"].items() if n} <= tables, source["file"]
    assert said >= 10  # the local extras
