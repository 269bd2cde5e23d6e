"""The registers published for the indicators (registers/bridge.py): the file is written
after an import, a form saved and an entry deleted; no model and no write path escapes it;
a register is kept from its first import (even of headings only) and stays kept when
emptied; and each register indicator gives, on hand-built entries, the figure the
registers' own Python gives (the termly paper's counts, the LADO and private fostering
year figures, the providers' placements and ratings, the champions' returns)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest
from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from csc_insight.common.calendar import build_calendar
from csc_insight.indicators import compute, parse_period
from csc_insight.indicators.periods import Period
from csc_insight.registers import (
    annual_services,
    bridge,
    champions,
    cme,
    iro,
    iro_returns,
    iro_services,
    lado,
    private_fostering,
    providers,
    services,
    virtual_school_figures,
    virtual_school_services,
)
from csc_insight.registers import virtual_school as vs
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.registers.lado_import import import_file as import_lado
from csc_insight.registers.models import (
    AssuranceReturn,
    CmeEntry,
    Department,
    KeptRegister,
    LadoContact,
    MissingEpisode,
    PrivateFostering,
    Provider,
    ProviderInspection,
)
from csc_insight.registers.papers import missing_figures
from csc_insight.registers.virtual_school_import import import_file as import_virtual_school
from csc_insight.registers.virtual_school_models import VsAttendance, VsExclusion, VsPep
from csc_insight.store import register_tables, schema, snapshots

from .lado_data import LADO_FORM

pytestmark = pytest.mark.django_db
SRC = Path(__file__).parents[3] / "src" / "csc_insight"
Q3 = parse_period("2019-20-Q3")
D = date


@pytest.fixture
def publishing(django_capture_on_commit_callbacks):
    """Run the publish that each change schedules for its commit (the test's transaction
    never commits)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = change()
        return result, callbacks

    return run


# --- no path forgets ----------------------------------------------------------------


def test_every_register_model_publishes_its_changes() -> None:
    """A model added to the registers without a place in bridge.MODELS fails here."""
    for model in apps.get_app_config("registers").get_models():
        assert model in bridge.MODELS or model in bridge.NOT_ENTRIES, model.__name__
        if model in bridge.MODELS or model is KeptRegister:
            assert post_save.has_listeners(model) and post_delete.has_listeners(model)


# QuerySet.update(), bulk_create() and bulk_update() send no signals; raw SQL neither.
BYPASS = re.compile(
    r"\bbulk_(create|update)\(|\.objects[\w.()=\"', ]*\.update\(|\.raw\(|connection\.cursor\("
)


def test_nothing_writes_a_register_without_the_signals() -> None:
    places = [
        *(SRC / "registers").glob("*.py"),
        *(SRC / "web" / "registers").glob("*.py"),
        *(SRC / "cli").glob("registers*.py"),
    ]
    assert len(places) > 20
    found = [
        f"{p.name}:{n}: {line.strip()}"
        for p in places
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if BYPASS.search(line)
    ]
    assert found == []
    assert BYPASS.search("LadoContact.objects.filter(pk=1).update(outcome='nfa')")
    assert not BYPASS.search("found.update(more)")


# --- published after each change ----------------------------------------------------


LADO_CSV = """REFERENCE,RECEIVED,SECTOR,CATEGORY,THRESHOLD,INITIAL_MEETING
L-1,02/10/2019,Education,Physical,Y,09/10/2019
L-2,03/10/2019,Health,Neglect,N,
L-3,04/10/2019,circus,Physical,Y,
"""


def test_an_import_publishes_once(publishing, tmp_path: Path) -> None:
    path = tmp_path / "lado.csv"
    path.write_text(LADO_CSV, encoding="utf-8")
    assert register_tables.version() == "none"
    result, callbacks = publishing(lambda: import_lado(path, "u-manager"))
    assert (result.created, result.quarantined) == (2, [4])
    assert len(callbacks) >= 3  # two contacts and the mark: scheduled for the one commit
    rows = register_tables.read("lado_contacts")
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("L-1", D(2019, 10, 2), True),
        ("L-2", D(2019, 10, 3), False),
    ]
    # the other registers were never touched: not kept, no table
    assert register_tables.read("private_fostering") is None


def test_an_import_of_headings_only_keeps_the_register(publishing, tmp_path: Path) -> None:
    path = tmp_path / "lado.csv"
    path.write_text("REFERENCE,RECEIVED,SECTOR,CATEGORY\n", encoding="utf-8")
    publishing(lambda: import_lado(path, "u-manager"))
    assert KeptRegister.objects.filter(register="lado").exists()
    assert register_tables.read("lado_contacts") == []


def test_the_virtual_school_and_iro_service_publish(publishing, tmp_path: Path) -> None:
    """Their imports mark them kept under their kinds (the Virtual School's import files
    its rows as virtual_school) and their rows reach the file."""
    path = tmp_path / "peps.csv"
    path.write_text("CHILD,PEP_DATE,GRADE\n", encoding="utf-8")
    publishing(lambda: import_virtual_school(path, "u-manager"))
    assert register_tables.read("vs_peps") == []  # kept: its tables, empty
    assert register_tables.read("vs_attendance") == []
    assert register_tables.read("iro_escalations") is None  # never touched
    path.write_text("CHILD,PEP_DATE,GRADE\nV1,15/10/2019,Good\nV2,16/10/2019,\n", "utf-8")
    publishing(lambda: import_virtual_school(path, "u-manager"))
    assert register_tables.read("vs_peps") == [
        ("V1", D(2019, 10, 15), "good"),
        ("V2", D(2019, 10, 16), None),  # not graded: no grade, not ''
    ]
    publishing(
        lambda: VsAttendance.objects.create(
            child_id="V1", year="2019-20", term="spring", percent=85
        )
    )
    assert register_tables.read("vs_attendance") == [
        ("V1", "2019-20", "spring", D(2020, 3, 31), 85.0)
    ]
    publishing(
        lambda: IroContact.objects.create(
            child_id="I1", iro="IRO1", contact_on=D(2019, 11, 5), kind="phone"
        )
    )
    assert register_tables.read("iro_contacts") == [("I1", D(2019, 11, 5))]
    assert register_tables.read("iro_escalations") == []
    publishing(lambda: VsPep.objects.all().delete())
    publishing(lambda: VsAttendance.objects.all().delete())
    assert register_tables.read("vs_peps") == []  # still kept


def test_an_earlier_virtual_school_mark_counts_as_kept(publishing) -> None:
    """Before the Virtual School had tables its imports marked it kept as virtual_school."""
    publishing(lambda: KeptRegister.objects.create(register="virtual_school"))
    assert bridge.kept() == {"virtual-school": None}
    assert register_tables.read("vs_exclusions") == []


def test_a_form_saved_publishes(publishing, clients) -> None:
    form = {**LADO_FORM, "initial_meeting_on": "08/10/2019"}
    response, _ = publishing(lambda: clients["manager"].post(reverse("registers:lado_new"), form))
    assert response.status_code == 302
    (row,) = register_tables.read("lado_contacts")
    assert row[:6] == ("L-9", D(2019, 10, 2), "education", "physical", True, D(2019, 10, 8))
    assert row[6] is None  # a blank outcome is no outcome, not ''
    edit = reverse("registers:lado_edit", args=[LadoContact.objects.get().pk])
    publishing(lambda: clients["manager"].post(edit, {**form, "initial_meeting_on": "10/10/2019"}))
    assert register_tables.read("lado_contacts")[0][5] == D(2019, 10, 10)


def test_a_delete_publishes_and_the_register_stays_kept(publishing) -> None:
    def add() -> Provider:
        provider = Provider.objects.create(urn="SC100001", name="Northway", kind="ifa")
        ProviderInspection.objects.create(
            provider=provider, inspected_on=D(2019, 5, 1), rating="good"
        )
        return provider

    provider, _ = publishing(add)
    assert register_tables.read("provider_inspections") == [("SC100001", D(2019, 5, 1), "good")]
    before = register_tables.version()
    publishing(provider.delete)  # the inspection goes with it (cascade)
    assert register_tables.version() != before
    assert register_tables.read("providers") == []
    assert register_tables.read("provider_inspections") == []
    assert KeptRegister.objects.filter(register="providers").exists()


def test_a_change_rolled_back_publishes_nothing_and_the_next_one_does(publishing) -> None:
    from django.db import transaction

    def rolled_back() -> None:
        try:
            with transaction.atomic():
                Department.objects.create(name="Planning")
                raise RuntimeError("stop")
        except RuntimeError:
            pass

    publishing(rolled_back)
    assert register_tables.version() == "none"
    publishing(lambda: Department.objects.create(name="Open Spaces"))
    assert register_tables.read("departments") == [("Open Spaces",)]


def test_the_command_publishes_too(tmp_path: Path) -> None:
    from csc_insight.cli import main

    Department.objects.create(name="Open Spaces")  # no commit in a test: not yet published
    assert register_tables.version() == "none"
    assert main(["registers", "publish"]) == 0
    assert register_tables.read("departments") == [("Open Spaces",)]


# --- the figures agree with the registers' own --------------------------------------


SNAPSHOT_ID = "20200331T090000Z-bridge"
SNAPSHOT_ROWS = {
    "snapshot_meta (key, value)": [f"('id', '{SNAPSHOT_ID}')"],
    "contacts (contact_id, child_id, contact_date, source)": [
        "('K1', 'C1', DATE '2017-04-03', 'x')",
        "('K2', 'C1', DATE '2020-03-28', 'x')",
    ],
    "missing_episodes (child_id, missing_type, start_date, end_date, source)": [
        "('C1', 'M', DATE '2019-10-05', DATE '2019-10-06', 'x')",
        "('C2', 'M', DATE '2019-11-10', DATE '2019-11-11', 'x')",
        "('C2', 'A', DATE '2019-11-10', DATE '2019-11-12', 'x')",
        "('C3', 'M', DATE '2019-09-30', DATE '2019-10-01', 'x')",
    ],
    "cla_episodes (child_id, decom, dec, urn, source)": [
        "('C10', DATE '2019-01-01', NULL, 'SC000001', 'x')",
        "('C11', DATE '2019-06-01', DATE '2019-12-31', 'SC000001', 'x')",
        "('C12', DATE '2019-12-01', NULL, 'SC000002', 'x')",
        "('C13', DATE '2019-12-01', NULL, 'SC000003', 'x')",
        "('C14', DATE '2019-12-01', NULL, 'SC000004', 'x')",
        "('C15', DATE '2018-01-01', DATE '2019-11-30', 'SC000005', 'x')",
    ],
    "cla_episodes (child_id, decom, dec, rec, ls, source)": [
        "('I1', DATE '2018-05-01', NULL, NULL, 'C2', 'x')",
        "('I2', DATE '2019-02-01', DATE '2019-10-01', 'E11', 'C2', 'x')",
        "('I3', DATE '2017-06-01', DATE '2019-09-30', 'E4A', 'C2', 'x')",
        "('I4', DATE '2019-12-31', NULL, NULL, 'C2', 'x')",
        "('V1', DATE '2018-01-01', NULL, NULL, 'C2', 'x')",
        "('V2', DATE '2019-01-01', NULL, NULL, 'C2', 'x')",
        "('V3', DATE '2019-06-01', NULL, NULL, 'C2', 'x')",
        "('V4', DATE '2016-01-01', DATE '2018-06-01', 'X1', 'C2', 'x')",
        "('V4', DATE '2018-06-01', NULL, NULL, 'C2', 'x')",
        "('V5', DATE '2015-01-01', NULL, NULL, 'C2', 'x')",
        "('V6', DATE '2018-01-01', DATE '2018-12-31', 'E11', 'C2', 'x')",
        "('V6', DATE '2019-12-02', NULL, NULL, 'C2', 'x')",
        "('V7', DATE '2017-01-01', DATE '2019-12-31', 'E11', 'C2', 'x')",
        "('V9', DATE '2019-01-01', NULL, NULL, 'V3', 'x')",
    ],
    "children (child_id, dob, source)": [
        "('V1', DATE '2010-05-10', 'x')",
        "('V2', DATE '2014-09-01', 'x')",
        "('V3', DATE '2015-09-01', 'x')",
        "('V4', DATE '2001-09-01', 'x')",
        "('V5', DATE '2001-08-31', 'x')",
        "('V6', DATE '2008-03-03', 'x')",
        "('V7', DATE '2012-01-01', 'x')",
        "('V8', DATE '2009-10-10', 'x')",
        "('V9', DATE '2006-06-06', 'x')",
    ],
}


def _snapshot(home: Path) -> None:
    folder = snapshots.snapshot_dir(home)
    con = duckdb.connect(str(folder / f"{SNAPSHOT_ID}.duckdb"))
    schema.create(con)
    build_calendar(con, D(2016, 1, 1), D(2021, 12, 31))
    for target, values in SNAPSHOT_ROWS.items():
        table, _, columns = target.partition(" ")
        con.execute(f"INSERT INTO {table} {columns} VALUES " + ", ".join(values))
    con.close()
    manifest = {"created_at": "2020-03-31T09:00:00Z", "created_by": "t", "files": [], "rows": {}}
    (folder / f"{SNAPSHOT_ID}.json").write_text(json.dumps(manifest), encoding="utf-8")
    snapshots.publish(SNAPSHOT_ID, home)


def _entries() -> None:
    """The rows of tests/indicators/test_register_indicators.py, as the registers keep them."""
    for child, start, returned, offered in [
        ("C1", D(2019, 10, 5), None, D(2019, 10, 9)),
        ("C4", D(2019, 12, 1), D(2019, 12, 2), D(2019, 12, 6)),
        ("C5", D(2019, 12, 20), None, None),
        ("C6", D(2019, 11, 1), D(2019, 11, 3), D(2019, 11, 3)),
        ("C7", D(2019, 7, 1), D(2019, 7, 2), None),
    ]:
        MissingEpisode.objects.create(
            child_id=child,
            missing_from="home",
            start=start,
            returned_on=returned,
            rhi_offered_on=offered,
        )
    for child, category, start, end in [
        ("A", "ehe", D(2019, 9, 1), None),
        ("A", "medical", D(2019, 10, 1), None),
        ("B", "cme", D(2019, 9, 1), D(2019, 12, 31)),
        ("C", "at_risk", D(2019, 11, 1), D(2019, 12, 30)),
        ("D", "medical", D(2019, 1, 1), None),
        ("E", "at_risk", D(2019, 9, 1), None),
        ("E", "medical", D(2019, 9, 1), None),
        ("F", "ehe", D(2020, 1, 5), None),
    ]:
        CmeEntry.objects.create(child_id=child, category=category, start=start, end=end)
    for ref, received, threshold, meeting in [
        ("L1", D(2019, 10, 1), True, D(2019, 10, 8)),
        ("L2", D(2019, 12, 20), True, D(2019, 12, 31)),
        ("L3", D(2019, 11, 1), True, D(2019, 11, 9)),
        ("L4", D(2019, 11, 15), True, None),
        ("L5", D(2019, 11, 20), False, None),
        ("L6", D(2019, 12, 2), None, None),
        ("L7", D(2019, 9, 30), True, D(2019, 10, 2)),
    ]:
        LadoContact.objects.create(
            reference=ref,
            received_on=received,
            sector="education",
            category="physical",
            met_threshold=threshold,
            initial_meeting_on=meeting,
        )
    for child, notified, visit in [
        ("P1", D(2019, 10, 1), D(2019, 10, 8)),
        ("P2", D(2019, 11, 1), D(2019, 11, 9)),
        ("P3", D(2019, 12, 15), None),
        ("P4", D(2019, 9, 25), D(2019, 9, 26)),
    ]:
        PrivateFostering.objects.create(
            child_id=child, notified_on=notified, initial_visit_on=visit
        )
    for urn, name, judgements in [
        (
            "SC000001",
            "Northway",
            [(D(2018, 5, 1), "good"), (D(2019, 11, 20), "requires_improvement")],
        ),
        ("SC000002", "Eastgate", [(D(2017, 1, 1), "inadequate"), (D(2019, 6, 1), "outstanding")]),
        ("SC000003", "Southend", []),
        ("SC000005", "Westfield", [(D(2019, 1, 1), "good")]),
    ]:
        provider = Provider.objects.create(urn=urn, name=name, kind="ifa")
        for day, rating in judgements:
            ProviderInspection.objects.create(provider=provider, inspected_on=day, rating=rating)
    spaces, planning, _ = (
        Department.objects.create(name=n) for n in ("Open Spaces", "Planning", "Town Clerk's")
    )
    AssuranceReturn.objects.create(
        department=spaces, half_year="2019-20-H1", received_on=D(2019, 10, 31), assurance="green"
    )
    AssuranceReturn.objects.create(
        department=planning, half_year="2019-20-H1", received_on=D(2019, 11, 5), assurance="amber"
    )
    _iro_and_virtual_school_entries()


def _iro_and_virtual_school_entries() -> None:
    """The IRO service's and the Virtual School's rows of test_register_indicators.py."""
    for child, raised, issue, stage, stage_on, resolved, outcome in [
        ("I1", D(2019, 10, 1), "placement", "informal", None, D(2019, 10, 29), "resolved"),
        ("I2", D(2019, 10, 1), "health", "stage_1", None, D(2019, 10, 30), "resolved"),
        ("I3", D(2019, 11, 15), "education", "stage_2", D(2019, 11, 29), D(2019, 12, 31), "partly"),
        ("I1", D(2019, 12, 10), "contact", "informal", None, None, ""),
        ("I2", D(2019, 11, 20), "delay", "stage_1", None, D(2020, 1, 6), "resolved"),
        (
            "I4",
            D(2019, 12, 2),
            "care_planning",
            "stage_1",
            D(2019, 12, 16),
            D(2019, 12, 20),
            "withdrawn",
        ),
        ("I3", D(2019, 9, 20), "placement", "informal", None, D(2019, 10, 4), "resolved"),
    ]:
        IroEscalation.objects.create(
            child_id=child,
            iro="IRO1",
            raised_on=raised,
            category=issue,
            stage=stage,
            stage_on=stage_on,
            resolved_on=resolved,
            outcome=outcome,
        )
    for child, day in [
        ("I1", D(2019, 11, 5)),
        ("I1", D(2019, 12, 5)),
        ("I2", D(2019, 10, 1)),
        ("I3", D(2019, 10, 10)),
        ("I4", D(2020, 1, 15)),
        ("C10", D(2019, 9, 30)),
        ("V1", D(2019, 12, 31)),
    ]:
        IroContact.objects.create(child_id=child, iro="IRO1", contact_on=day, kind="visit")
    for child, day, grade in [
        ("V1", D(2019, 10, 15), "good"),
        ("V2", D(2019, 9, 20), "inadequate"),
        ("V3", D(2019, 11, 1), "outstanding"),
        ("V4", D(2019, 12, 31), "requires_improvement"),
        ("V5", D(2019, 10, 20), "good"),
        ("V6", D(2019, 12, 20), "good"),
        ("V7", D(2019, 11, 11), ""),
        ("V8", D(2019, 10, 1), "good"),
    ]:
        VsPep.objects.create(child_id=child, held_on=day, grade=grade)
    for child, year, term, percent in [
        ("V1", "2018-19", "summer", 50.0),
        ("V1", "2019-20", "autumn", 95.0),
        ("V1", "2019-20", "spring", 85.0),
        ("V2", "2019-20", "autumn", 90.1),
        ("V4", "2019-20", "autumn", 89.9),
        ("V6", "2019-20", "spring", 80.0),
        ("V7", "2019-20", "autumn", 90.0),
        ("V8", "2019-20", "autumn", 70.0),
    ]:
        VsAttendance.objects.create(child_id=child, year=year, term=term, percent=percent)
    for child, day, kind, days in [
        ("V1", D(2019, 10, 7), "suspension", 2.0),
        ("V1", D(2019, 11, 12), "suspension", 1.5),
        ("V4", D(2019, 12, 31), "suspension", 1.0),
        ("V2", D(2019, 9, 30), "suspension", 1.0),
        ("V5", D(2019, 11, 5), "suspension", 3.0),
        ("V7", D(2019, 12, 2), "permanent", None),
        ("V7", D(2019, 12, 20), "permanent", None),
        ("V8", D(2019, 10, 15), "permanent", None),
    ]:
        VsExclusion.objects.create(child_id=child, start=day, kind=kind, days=days)


@pytest.fixture
def figures(home: Path, publishing) -> dict[str, object]:
    _snapshot(home)
    publishing(_entries)
    with snapshots.connect() as con:
        return {
            r.id: r for r in compute(con, Q3, comparisons=False) if r.id.startswith("register_")
        }


def test_missing_figures_agree_with_the_termly_paper(figures) -> None:
    python = missing_figures(services.missing_view(on=Q3.end), cme.Term(Q3.start, Q3.end))
    assert figures["register_missing_episodes"].value == len(python.episodes) == 5
    rhi = figures["register_missing_rhi_72h_pct"]
    assert (rhi.numerator, rhi.denominator) == (len(python.in_time), len(python.returned)) == (2, 4)


def test_missing_education_agrees_with_the_term_counts(figures) -> None:
    end = cme.Term(Q3.end, Q3.end)  # the period's last day
    counts = services.cme_view(end).counts
    result = figures["register_cme_monitored"]
    assert result.value == counts.total == 4
    assert result.bands["Electively home educated"] == counts.ehe.children == 1
    # B and E: missing education or at risk, and not home educated (A is)
    assert result.bands["Missing education or at risk"] == counts.cme_or_at_risk.children == 2


def test_lado_agrees_with_the_year_figures(figures) -> None:
    python = lado.year_figures(annual_services.lado_contacts(), Q3)
    assert figures["register_lado_referrals"].value == python.referrals == 4
    meetings = figures["register_lado_meeting_5wd_pct"]
    assert (meetings.numerator, meetings.denominator) == (python.meetings_in_time, 4) == (2, 4)


def test_private_fostering_agrees_with_the_year_figures(figures) -> None:
    python = private_fostering.year_figures([a for _, a in annual_services.arrangements()], Q3)
    assert figures["register_pf_notifications"].value == python.notified == 3
    visits = figures["register_pf_initial_visit_7d_pct"]
    assert (visits.numerator, visits.denominator) == (python.initial_visits_in_time, 3) == (1, 3)


def test_providers_agree_with_the_register(figures) -> None:
    view = services.providers_view(on=Q3.end)
    placed = providers.placements([s.urn for s in view.providers], Q3.end, Q3.end)
    where = [s for s in view.providers if placed.get(s.urn)]
    good = [s for s in where if s.current and s.current.rating in ("good", "outstanding")]
    result = figures["register_providers_good_pct"]
    assert (result.numerator, result.denominator) == (len(good), len(where)) == (1, 3)


def test_champions_agree_with_the_returns(figures) -> None:
    states = services.champions_view(on=Q3.end).departments
    due = [h for h in champions.halves_of_year(2019) + champions.halves_of_year(2018)]
    due = [h for h in due if Q3.start <= h.due <= Q3.end]
    on_time = sum(
        1 for s in states for h in due if (r := s.return_for(h)) and r.received_on <= h.due
    )
    result = figures["register_champions_returns_on_time_pct"]
    assert (result.numerator, result.denominator) == (on_time, len(states) * len(due)) == (1, 3)


def test_iro_agrees_with_the_annual_report(figures) -> None:
    """The IRO Annual Report's disputes and contacts (iro.register_year, the returns' year)."""
    python = iro.register_year(iro_services.escalations(), iro_services.contacts(), Q3)
    assert figures["register_iro_escalations"].value == len(python.raised) == 6
    resolved = figures["register_iro_escalations_resolved_20wd_pct"]
    assert (
        (resolved.numerator, resolved.denominator)
        == (
            python.resolved_in_time,
            len(python.closed),
        )
        == (3, 4)
    )
    returns = iro_returns.read()
    assert returns is not None
    year = iro_returns.year_of(returns, Q3)
    seen = {c.child_id for c in python.contacts} & year.looked_after
    contacted = figures["register_iro_contact_pct"]
    assert (contacted.numerator, contacted.denominator) == (len(seen), len(year.looked_after))
    assert (contacted.numerator, contacted.denominator) == (3, 16)


def _computed(period: Period | str, ids: list[str]) -> dict[str, object]:
    with snapshots.connect() as con:
        return {r.id: r for r in compute(con, period, ids=ids, comparisons=False)}


def test_virtual_school_agrees_with_the_headteachers_report(figures) -> None:
    """The school year 2019-20 (twelve months to 31 August 2020) as the Virtual School
    Headteacher's annual report counts it (virtual_school_figures.year_figures)."""
    records = virtual_school_services.records_by_child()
    year = vs.SchoolYear(2019)
    python = virtual_school_figures.year_figures(year, records, on=year.end)
    ids = [
        "register_vs_pep_good_pct",
        "register_vs_persistent_absence_pct",
        "register_vs_suspensions",
        "register_vs_permanent_exclusions",
    ]
    found = _computed("rolling-12m:2020-08-31", ids)
    good = found["register_vs_pep_good_pct"]
    # V2's inadequate PEP of 20 September joins Q3's four graded
    assert (good.numerator, good.denominator) == (python.good_or_better, python.graded) == (3, 5)
    absent = found["register_vs_persistent_absence_pct"]
    # V1 (95 and 85: 90 over the year), V4, V6 (spring), V7 (90); not V2 (90.1)
    assert (
        (absent.numerator, absent.denominator)
        == (
            python.persistent_absence,
            len(python.attendance),
        )
        == (4, 5)
    )
    assert found["register_vs_suspensions"].value == python.suspensions == 4
    assert found["register_vs_permanent_exclusions"].value == python.permanent == 1


def test_virtual_school_peps_agree_term_by_term(figures) -> None:
    """PEPs in time: the report counts each term that has ended; the indicator over a term
    (here the autumn term, and the spring term, Q4) gives the same."""
    records = virtual_school_services.records_by_child()
    year = vs.SchoolYear(2019)
    autumn = virtual_school_figures.year_figures(year, records, on=D(2019, 12, 31))
    to_spring = virtual_school_figures.year_figures(year, records, on=D(2020, 3, 31))
    term = Period(D(2019, 9, 1), D(2019, 12, 31), "ytd", "autumn-term-2019")
    (pep,) = _computed(term, ["register_vs_pep_pct"]).values()
    # V1, V2 (20 September) and V4 had one; V6 was back for too short a time
    assert (pep.numerator, pep.denominator) == (autumn.peps_in_time, autumn.peps_due) == (3, 3)
    (spring,) = _computed("2019-20-Q4", ["register_vs_pep_pct"]).values()
    # V1, V2, V4 and V6 looked after on 31 March, none with a PEP in the spring term
    assert (
        (spring.numerator, spring.denominator)
        == (
            to_spring.peps_in_time - autumn.peps_in_time,
            to_spring.peps_due - autumn.peps_due,
        )
        == (0, 4)
    )
    assert spring.value == 0
    # Q3 leaves out September: V2's PEP of 20 September is not in it
    q3 = figures["register_vs_pep_pct"]
    assert (q3.numerator, q3.denominator) == (2, 3)


def test_the_performance_paper_reports_the_registers_kept(figures, publishing) -> None:
    """The public performance report has a Registers section like any area (small counts
    through the disclosure policy); a register not kept is not reported, and is named."""
    from csc_insight.committee.performance import performance_report
    from csc_insight.reports.paper import Grid, Heading, Para

    def report() -> object:
        with snapshots.connect() as con:
            return performance_report(con, "2019-20-Q3", D(2020, 2, 10))

    paper = report()
    assert "Registers" in [b.text for b in paper.body if isinstance(b, Heading)]
    (table,) = [b for b in paper.body if isinstance(b, Grid) and b.caption.startswith("Registers")]
    rows = {row[0]: row[1] for row in table.rows}
    # the seventeen less the banded one (missing education), a grid of its own
    assert len(rows) == 16
    assert rows["LADO referrals"] == "c"  # 4: fewer than 6
    assert rows["IRO escalations raised"] == "6"
    assert rows["Suspensions of looked-after children"] == "c"  # 3
    # 2 of 4: a percentage of small numbers is not shown either
    assert rows["Missing episodes with a return interview offered within 72 hours"] == "c"
    publishing(lambda: LadoContact.objects.all().delete())  # still kept: 0
    KeptRegister.objects.filter(register="lado").delete()
    publishing(lambda: bridge.publish())  # neither entries nor mark: no longer kept
    paper = report()
    said = [b.text for b in paper.body if isinstance(b, Para)]
    assert (
        "Not reported, as the registers they come from are not kept: LADO referrals; LADO "
        "initial evaluation meetings within 5 working days."
    ) in said


def test_plan_actions_link_to_register_indicators(home: Path, publishing) -> None:
    """A plan action may be linked to a register indicator; its value beside the action is
    "no data" while the register is not kept, then the figure (0: none in Q4 2019-20)."""
    from csc_insight.plans.indicator_value import choices, current_values

    assert ("register_lado_referrals", "LADO referrals (Registers)") in choices()
    _snapshot(home)  # data to 28 March 2020: the latest quarter is Q4 2019-20
    (shown,) = current_values(["register_lado_referrals"]).values()
    assert shown == "no data: register not kept (2019-20-Q4)"
    publishing(_entries)
    (shown,) = current_values(["register_lado_referrals"]).values()
    assert shown == "0 (2019-20-Q4)"


def test_the_drill_down_page_of_a_register_indicator(figures, clients) -> None:
    """The referrals behind the LADO timeliness figure: not children, and no reference."""
    from ..pages import check_page

    url = reverse("dashboard:children", args=["register_lado_meeting_5wd_pct", "2019-20-Q3"])
    page = check_page(clients["manager"].get(url).content)
    title = " ".join(page.xpath("//h1")[0].text_content().split())
    assert title == "Children behind LADO initial evaluation meetings within 5 working days"
    rows = [" ".join(r.text_content().split()) for r in page.xpath("//tbody/tr")]
    assert len(rows) == 4 and all(r.startswith("Not a child") for r in rows)
    assert "meeting due by 08/11/2019, initial meeting on 09/11/2019" in " ".join(rows)
    assert not any("L3" in r for r in rows)
