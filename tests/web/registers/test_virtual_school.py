"""The Virtual School register: its six import files with bad rows quarantined (file, row,
column, what was expected), CSV and XLSX; the cohort from the SSDA903 in the snapshot (ages
from the date of birth, looked after on the day, short breaks left out) and no data with
none loaded; the pages for Manager and above with one access-log event each; the forms;
the command-line list."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.cli import main
from csc_insight.registers.models import QuarantinedRow
from csc_insight.registers.virtual_school_import import import_file
from csc_insight.registers.virtual_school_models import (
    VsActivity,
    VsAttendance,
    VsExclusion,
    VsPep,
    VsPlacement,
    VsResult,
    VsSchool,
)
from csc_insight.registers.virtual_school_services import virtual_school_view

from ..pages import check_page
from .vs_data import COHORT, add_looked_after

pytestmark = pytest.mark.django_db
ON = date(2020, 2, 10)


def _import(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path, "u-manager")


def _where(result) -> list[tuple[int, str, str, str]]:
    return [(i.row, i.column_letter, i.column, i.value) for i in result.report.errors]


def test_schools_file(tmp_path: Path) -> None:
    """Row 3: a URN of letters. Row 4: a grade with no date. Row 5: left before joining.
    Row 6: 'academy' is no phase. Row 7: the same child, school and start as row 2. Row 8
    (no URN: the tuition class, known by name) and row 2 are imported."""
    result = _import(
        tmp_path,
        "schools.csv",
        "CHILD,SCHOOL,URN,PHASE,OFSTED,OFSTED_DATE,START,END\n"
        "C1,Hill School,100001,primary,Requires improvement,01/01/2019,01/09/2019,\n"
        "C2,Vale School,ABC123,secondary,Good,01/01/2018,01/09/2019,\n"
        "C3,Vale School,100002,secondary,Good,,01/09/2019,\n"
        "C4,Hill School,100001,primary,,,01/09/2019,31/08/2019\n"
        "C5,Park Academy,100003,academy,,,01/09/2019,\n"
        "c1,Hill School,100001,Primary,RI,01/01/2019,01/09/2019,\n"
        "C2,ESOL tuition class,,other,,,04/11/2019,\n",
    )
    assert (result.created, result.updated, result.quarantined) == (2, 0, [3, 4, 5, 6, 7])
    assert _where(result) == [
        (3, "C", "URN", "ABC123"),
        (4, "F", "OFSTED_DATE", ""),
        (5, "H", "END", "31/08/2019"),
        (6, "D", "PHASE", "academy"),
        (7, "G", "START", "01/09/2019"),
    ]
    assert result.report.errors[0].message == (
        "Expected a school URN of 6 or 7 digits; the row was quarantined."
    )
    assert "row 2 has the same" in result.report.errors[4].message
    hill = VsSchool.objects.get(urn="100001")
    assert (hill.name, hill.phase, hill.ofsted_grade) == (
        "Hill School",
        "primary",
        "requires_improvement",
    )
    assert VsSchool.objects.get(urn="").name == "ESOL tuition class"
    assert QuarantinedRow.objects.filter(register="virtual_school").count() == 5


def test_pep_attendance_exclusion_result_and_activity_files(tmp_path: Path) -> None:
    peps = _import(
        tmp_path,
        "peps.csv",
        "CHILD,PEP_DATE,GRADE,NOTES\n"
        "C1,10/10/2019,good,\n"
        "C1,31/11/2019,good,\n"
        "C1,20/01/2020,satisfactory,\n"
        "C1,10/10/2019,outstanding,\n"
        "C2,12/12/2019,,Not yet graded\n",
    )
    assert (peps.created, peps.quarantined) == (2, [3, 4, 5])
    assert _where(peps) == [
        (3, "B", "PEP_DATE", "31/11/2019"),
        (4, "C", "GRADE", "satisfactory"),
        (5, "B", "PEP_DATE", "10/10/2019"),
    ]
    assert VsPep.objects.get(child_id="C2").grade == ""
    attendance = _import(
        tmp_path,
        "attendance.csv",
        "CHILD,YEAR,TERM,ATTENDANCE\n"
        "C1,2019-20,autumn,88%\n"
        "C1,2019-20,spring,101\n"
        "C1,2019-21,spring,90\n"
        "C1,2019-20,winter,90\n",
    )
    assert _where(attendance) == [
        (3, "D", "ATTENDANCE", "101"),
        (4, "B", "YEAR", "2019-21"),
        (5, "C", "TERM", "winter"),
    ]
    assert VsAttendance.objects.get().percent == 88.0
    exclusions = _import(
        tmp_path,
        "exclusions.csv",
        "CHILD,EXCLUDED_ON,TYPE,DAYS,REASON\n"
        "C1,01/02/2020,fixed-term,2.5,Disruption\n"
        "C1,03/02/2020,suspension,,\n"
        "C1,04/02/2020,suspension,0.3,\n"
        "C1,05/02/2020,permanent,3,Assault\n",
    )
    assert _where(exclusions) == [(3, "D", "DAYS", ""), (4, "D", "DAYS", "0.3")]
    assert sorted(VsExclusion.objects.values_list("kind", "days")) == [
        ("permanent", None),
        ("suspension", 2.5),
    ]
    results = _import(
        tmp_path,
        "results.csv",
        "CHILD,YEAR,KEY_STAGE,EXPECTED,ATTAINMENT8\n"
        "C1,2018-19,KS2,Y,\n"
        "C2,2018-19,ks4,N,31.5\n"
        "C3,2018-19,KS2,N,40\n"
        "C4,2018-19,KS3,Y,\n"
        "C5,2018-19,KS1,,\n",
    )
    assert _where(results) == [
        (4, "E", "ATTAINMENT8", "40"),
        (5, "C", "KEY_STAGE", "KS3"),
        (6, "D", "EXPECTED", ""),
    ]
    assert VsResult.objects.get(child_id="C2").attainment8 == 31.5
    activity = _import(
        tmp_path,
        "activity.csv",
        "CHILD,AS_AT,ACTIVITY\nC2,31/12/2019,NEET\nC2,31/03/2020,apprenticeship\n"
        "C3,31/03/2020,gap year\n",
    )
    assert _where(activity) == [(4, "C", "ACTIVITY", "gap year")]
    assert list(VsActivity.objects.values_list("activity", flat=True).order_by("recorded_on")) == [
        "neet",
        "training",
    ]
    # importing again updates and adds nothing
    again = _import(tmp_path, "activity.csv", "CHILD,AS_AT,ACTIVITY\nC2,31/12/2019,education\n")
    assert (again.created, again.updated) == (0, 1)


def test_a_file_that_is_none_of_them_or_lacks_a_column_imports_nothing(tmp_path: Path) -> None:
    unknown = _import(tmp_path, "other.csv", "CHILD,DATE\nC1,01/01/2020\n")
    assert not unknown.read
    assert [i.code for i in unknown.report.errors] == ["not_virtual_school_file"]
    lacking = _import(tmp_path, "peps.csv", "PEP_DATE,GRADE\n01/01/2020,good\n")
    assert not lacking.read
    assert [(i.code, i.column) for i in lacking.report.errors] == [("missing_column", "CHILD")]
    assert not VsPep.objects.exists()


def test_xlsx(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["CHILD", "PEP_DATE", "GRADE"])
    sheet.append(["C1", datetime(2019, 10, 10), "Requires improvement"])
    sheet.append([None, datetime(2019, 10, 11), "Good"])
    path = tmp_path / "peps.xlsx"
    book.save(path)
    result = import_file(path)
    assert (result.created, result.quarantined) == (1, [3])
    assert [(i.column_letter, i.code) for i in result.report.errors] == [("A", "missing_value")]
    assert VsPep.objects.get().held_on == date(2019, 10, 10)


def _records() -> None:
    """C1: at Hill School (Requires improvement); PEPs good in the autumn, Requires
    improvement on 20 January; 88% in the autumn; suspended on 1 February. C3 (Nursery):
    an outstanding PEP. C4 (left care in December): attendance. C9 (not in the data): a
    PEP this school year."""
    hill = VsSchool.objects.create(
        urn="100001",
        name="Hill School",
        phase="primary",
        ofsted_grade="requires_improvement",
        ofsted_date=date(2019, 1, 1),
    )
    VsPlacement.objects.create(child_id="C1", school=hill, start=date(2019, 9, 1))
    VsPep.objects.create(child_id="C1", held_on=date(2019, 10, 10), grade="good")
    VsPep.objects.create(child_id="C1", held_on=date(2020, 1, 20), grade="requires_improvement")
    VsAttendance.objects.create(child_id="C1", year="2019-20", term="autumn", percent=88.0)
    VsExclusion.objects.create(child_id="C1", start=date(2020, 2, 1), kind="suspension", days=2)
    VsPep.objects.create(child_id="C3", held_on=date(2020, 1, 15), grade="outstanding")
    VsAttendance.objects.create(child_id="C4", year="2019-20", term="autumn", percent=95.0)
    VsPep.objects.create(child_id="C9", held_on=date(2019, 10, 1), grade="good")


def test_the_cohort_comes_from_the_snapshot(home: Path, snapshot) -> None:
    """On 10 February 2020: C2 (Year 10, no PEP this spring), C1 (Year 3) and C3 (Nursery)
    are looked after; C4 left in December, C5 is 18, C6 has short breaks only. C4 and C9
    are on the register this year but not looked after."""
    add_looked_after(home, COHORT)
    _records()
    view = virtual_school_view(on=ON)
    assert view.cohort_known
    assert [(s.child_id, s.year_group, s.key_stage, s.alerts) for s in view.cohort] == [
        ("C2", 10, "ks4", ("no_pep",)),
        (
            "C1",
            3,
            "ks2",
            ("pep_below_good", "attendance_low", "excluded_recently", "school_below_good"),
        ),
        ("C3", -1, "early_years", ()),
    ]
    assert [(s.child_id, s.year_group, s.in_care) for s in view.others] == [
        ("C4", 6, False),  # the year group from the snapshot's date of birth
        ("C9", None, None),  # not in the snapshot
    ]
    assert [s.alerts for s in view.others] == [(), ()]  # not looked after: no alerts
    assert (view.uasc, view.of_school_age, view.peps_this_term) == (1, 2, 2)
    assert view.by_key_stage()[0] == ("Early years (Nursery and Reception)", 1)
    # a week later the suspension is still in the last 30 days; on 3 March it is not
    later = virtual_school_view(on=date(2020, 3, 3))
    assert "excluded_recently" not in later.cohort[1].alerts


def test_no_snapshot_no_data() -> None:
    """Nothing loaded: who is looked after is not known, so every child with a record this
    school year is listed with every alert but no_pep."""
    _records()
    view = virtual_school_view(on=ON)
    assert not view.cohort_known and view.cohort == []
    assert [(s.child_id, s.alerts) for s in view.others] == [
        ("C1", ("pep_below_good", "attendance_low", "excluded_recently", "school_below_good")),
        ("C3", ()),
        ("C4", ()),
        ("C9", ()),
    ]


LIST_ROUTES = [
    "registers:virtual_school",
    "registers:virtual_school_import",
    "registers:virtual_school_school_new",
]


def test_pages_by_role_and_the_access_log(
    clients, users, home: Path, snapshot, monkeypatch
) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", ON.isoformat())
    add_looked_after(home, COHORT)
    _records()
    pep = VsPep.objects.filter(child_id="C1").first()
    urls = [reverse(name) for name in LIST_ROUTES] + [
        reverse("registers:virtual_school_child", args=["C1"]),
        reverse("registers:virtual_school_new", args=["C1", "pep"]),
        reverse("registers:virtual_school_edit", args=["C1", "pep", pep.pk]),
        reverse("registers:virtual_school_school_edit", args=[VsSchool.objects.get().pk]),
    ]
    for url in urls:
        assert clients["anonymous"].get(url).status_code == 302
        for role in ("member", "auditor"):
            assert clients[role].get(url).status_code == 403, (role, url)
            assert clients[role].post(url, {}).status_code == 403, (role, url)
        for role in ("manager", "analyst", "administrator"):
            response = clients[role].get(url)
            assert response.status_code == 200, (role, url)
            check_page(response.content)
    for what in ("placement", "attendance", "exclusion", "result", "activity"):
        url = reverse("registers:virtual_school_new", args=["C1", what])
        check_page(clients["manager"].get(url).content)
    assert (
        clients["manager"]
        .get(reverse("registers:virtual_school_new", args=["C1", "nothing"]))
        .status_code
        == 404
    )
    assert (
        clients["manager"].get(reverse("registers:virtual_school_child", args=["C77"])).status_code
        == 404
    )
    # another child's record through this child's address: not found
    other = reverse("registers:virtual_school_edit", args=["C3", "pep", pep.pk])
    assert clients["manager"].get(other).status_code == 404
    seen = AccessEvent.objects.count()
    RestrictedRecord.objects.create(
        child_id="C3", category="staff", reason="t", flagged_by=users["administrator"]
    )
    doc = check_page(clients["manager"].get(reverse("registers:virtual_school")).content)
    rows = [
        " ".join(tr.text_content().split())
        for tr in doc.xpath("//table[@id='vs-children']/tbody/tr")
    ]
    assert rows[0].startswith("C2 Year 10 None recorded None recorded None this year")
    assert rows[0].endswith("No PEP this term")
    assert rows[1] == (
        "C1 Year 3 Hill School (Requires improvement) 20/01/2020: Requires improvement "
        "88% (autumn) Latest PEP graded below good Attendance 90% or less (persistent "
        "absence) Suspended or excluded in the last 30 days School graded Requires "
        "improvement or Inadequate"
    )
    assert rows[2] == "Restricted record"
    (event,) = AccessEvent.objects.order_by("pk")[seen:]
    assert (event.route, event.children_shown) == (
        "registers:virtual_school",
        ["C2", "C1", "C4", "C9"],
    )
    summary = {
        " ".join(r.xpath("dt")[0].text_content().split()): r.xpath("dd")[0].text_content()
        for r in doc.xpath("//dl[@id='vs-summary']/div")
    }
    assert summary["Looked after, Nursery to Year 13"] == "3"
    assert summary["With a PEP this term"] == "2"
    assert summary["No PEP this term"] == "1"
    assert doc.xpath("//table[@id='vs-schools']/tbody/tr/td[5]/text()") == ["1"]
    # a child's page is one event for the child
    seen = AccessEvent.objects.count()
    url = reverse("registers:virtual_school_child", args=["C1"])
    child = check_page(clients["manager"].get(url).content)
    assert " ".join(child.xpath("string(//dd[@id='vs-child-alerts'])").split()) == (
        "Latest PEP graded below good Attendance 90% or less (persistent absence) Suspended "
        "or excluded in the last 30 days School graded Requires improvement or Inadequate"
    )
    assert [(e.child_id, e.route) for e in AccessEvent.objects.order_by("pk")[seen:]] == [
        ("C1", "registers:virtual_school_child")
    ]
    # the Registers page: counts for staff, the link for Manager and above
    index = check_page(clients["auditor"].get(reverse("registers:index")).content)
    assert index.xpath("//dl[@id='virtual-school-summary']")
    assert not index.xpath("//a[@href='/registers/virtual-school/']")
    restricted = clients["manager"].get(reverse("registers:virtual_school_child", args=["C3"]))
    assert restricted.status_code == 403


def test_forms(clients, home: Path, snapshot, monkeypatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", ON.isoformat())
    add_looked_after(home, COHORT)
    new_pep = reverse("registers:virtual_school_new", args=["C1", "pep"])
    refused = clients["manager"].post(new_pep, {"held_on": "31/11/2019", "grade": "good"})
    assert refused.status_code == 400
    check_page(refused.content)
    assert b"Date of the PEP must be a real date" in refused.content
    saved = clients["manager"].post(
        new_pep, {"held_on": "20/01/2020", "grade": "requires_improvement"}
    )
    assert saved.status_code == 302
    again = clients["manager"].post(new_pep, {"held_on": "20/01/2020", "grade": "good"})
    assert b"already has a PEP that day" in again.content
    pep = VsPep.objects.get()
    assert (pep.child_id, pep.grade) == ("C1", "requires_improvement")
    edit = reverse("registers:virtual_school_edit", args=["C1", "pep", pep.pk])
    assert (
        clients["manager"].post(edit, {"held_on": "20/01/2020", "grade": "good"}).status_code == 302
    )
    pep.refresh_from_db()
    assert pep.grade == "good"
    exclusion = reverse("registers:virtual_school_new", args=["C1", "exclusion"])
    no_days = clients["manager"].post(exclusion, {"start": "01/02/2020", "kind": "suspension"})
    assert b"Enter the school days the suspension lasted" in no_days.content
    permanent = {"start": "01/02/2020", "kind": "permanent", "days": "3"}
    assert clients["manager"].post(exclusion, permanent).status_code == 302
    assert VsExclusion.objects.get().days is None
    result = reverse("registers:virtual_school_new", args=["C1", "result"])
    ks2 = clients["manager"].post(
        result, {"year": "2018/19", "key_stage": "ks2", "expected": "", "attainment8": "40"}
    )
    assert b"Enter the school year as 2019-20" in ks2.content
    assert b"Only key stage 4 has an Attainment 8 score" in ks2.content
    attendance = reverse("registers:virtual_school_new", args=["C1", "attendance"])
    over = clients["manager"].post(
        attendance, {"year": "2019-20", "term": "autumn", "percent": "101"}
    )
    assert b"Enter attendance (%) as a number from 0 to 100" in over.content
    school = clients["manager"].post(
        reverse("registers:virtual_school_school_new"),
        {"name": "Hill School", "urn": "1000", "phase": "primary", "ofsted_grade": "good"},
    )
    assert b"Enter a URN of 6 or 7 digits" in school.content
    assert b"Enter the date of the Ofsted inspection" in school.content
    made = clients["manager"].post(
        reverse("registers:virtual_school_school_new"),
        {
            "name": "Hill School",
            "urn": "100001",
            "phase": "primary",
            "ofsted_grade": "good",
            "ofsted_date": "01/01/2019",
        },
    )
    assert made.status_code == 302
    hill = VsSchool.objects.get()
    placement = reverse("registers:virtual_school_new", args=["C1", "placement"])
    backwards = clients["manager"].post(
        placement, {"school": hill.pk, "start": "01/09/2019", "end": "31/08/2019"}
    )
    assert b"Left must be on or after on roll from" in backwards.content
    assert (
        clients["manager"].post(placement, {"school": hill.pk, "start": "01/09/2019"}).status_code
        == 302
    )
    assert VsPlacement.objects.get().child_id == "C1"


def test_command_line_list(
    tmp_path: Path, home: Path, snapshot, monkeypatch, capsys, users
) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", ON.isoformat())
    add_looked_after(home, COHORT)
    _records()
    assert main(["registers", "list", "virtual-school", "--user", "u-manager"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split("\t")[:2] == ["C2", "Year 10"]
    assert out[2].split("\t")[:5] == [
        "C1",
        "Year 3",
        "Hill School",
        "Requires improvement",
        "2020-01-20",
    ]
    assert out[-2] == "Spring term 2020: 3 looked after in Nursery to Year 13"
    event = AccessEvent.objects.get()
    assert event.route == "cli:registers list virtual-school"
    assert event.children_shown == ["C2", "C1", "C3", "C4", "C9"]


@pytest.mark.parametrize("profile", ["city", "borough"])
def test_the_synthetic_files_import_whole(tmp_path: Path, profile: str) -> None:
    """Every row of every synthetic file imports (the England profile is the same code at
    national volume); importing them again adds nothing."""
    from csc_insight.synth import generate
    from csc_insight.synth.write_virtual_school import write_virtual_school

    world = generate(profile, 3, date(2019, 4, 1), date(2020, 3, 31))
    paths = write_virtual_school(world, tmp_path)
    for path in paths:
        result = import_file(path)
        assert result.read and result.quarantined == [], (path.name, result.report.errors[:3])
    assert VsPep.objects.exists() and VsPlacement.objects.exists()
    again = [import_file(path).created for path in paths]
    assert again == [0] * 6
