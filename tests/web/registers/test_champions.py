"""The safeguarding champions register: three files (champions, assurance returns,
training) known by their headings, bad rows quarantined; the alerts as at a day; the list
for every role but Member, the forms for Manager and above."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from csc_insight.registers import services
from csc_insight.registers.champions_import import import_file, which
from csc_insight.registers.models import AssuranceReturn, Champion, Department, TrainingRecord

from ..pages import check_page

pytestmark = pytest.mark.django_db

CHAMPIONS = """DEPARTMENT,NAME,ROLE,APPOINTED,ENDED,CHIEF_OFFICER
Community and Children's Services,Chris Example,Assistant Director,01/04/2018,,Director
Town Clerk's,,,,,
Open Spaces,Pat Sample,Head of Operations,01/06/2018,31/12/2019,
Barbican Centre,Lee Person,,,,
Chamberlain's,Kim Person,Finance Lead,01/06/2019,01/01/2019,
,Nobody,,01/01/2019,,
"""
RETURNS = """DEPARTMENT,HALF_YEAR,RECEIVED,ASSURANCE,ACTIONS
Community and Children's Services,2019-20-H1,15/10/2019,green,
open spaces,2019-20 h1,20/11/2019,Amber,Refresh training for park staff
Town Clerk's,2019-20-H3,01/11/2019,red,
Town Clerk's,2019-20-H1,01/03/2019,red,
Community and Children's Services,H1 2019-20,16/10/2019,green,
"""
TRAINING = """NAME,COURSE,COMPLETED,DEPARTMENT
Chris Example,Safeguarding champions' briefing,10/10/2019,Community and Children's Services
Jo Bloggs,Safeguarding awareness,11/11/2019,Barbican Centre
Jo Bloggs,Prevent awareness,,Open Spaces
"""


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import_all(tmp_path: Path) -> list:
    return [
        import_file(_file(tmp_path, name, text), "u-manager")
        for name, text in (
            ("champions.csv", CHAMPIONS),
            ("assurance.csv", RETURNS),
            ("training.csv", TRAINING),
        )
    ]


def test_three_files_bad_rows_quarantined(tmp_path: Path) -> None:
    """Champions: row 5 names a champion with no APPOINTED (D), row 6 stood down before
    appointed (E), row 7 has no department (A); Town Clerk's is recorded with none.
    Returns: row 4 names no half-year (B), row 5 was received before the half-year began
    (C), row 6 is row 2 again ('H1 2019-20' is 2019-20-H1; B); 'open spaces' is Open
    Spaces. Training: row 4 has no date (C); Barbican Centre is added by it."""
    champions, returns, training = _import_all(tmp_path)
    assert (champions.created, champions.quarantined) == (2, [5, 6, 7])
    assert [(i.row, i.column_letter) for i in champions.report.errors] == [
        (5, "D"),
        (6, "E"),
        (7, "A"),
    ]
    assert (returns.created, returns.quarantined) == (2, [4, 5, 6])
    assert [(i.row, i.column_letter, i.value) for i in returns.report.errors] == [
        (4, "B", "2019-20-H3"),
        (5, "C", "01/03/2019"),
        (6, "B", "H1 2019-20"),
    ]
    assert returns.report.errors[0].message.startswith("Expected a half-year such as 2019-20-H1")
    assert (training.created, training.quarantined) == (2, [4])
    assert sorted(Department.objects.values_list("name", flat=True)) == [
        "Barbican Centre",
        "Community and Children's Services",
        "Open Spaces",
        "Town Clerk's",
    ]
    assert Department.objects.get(name__startswith="Community").chief_officer == "Director"
    spaces = AssuranceReturn.objects.get(department__name="Open Spaces")
    assert (spaces.half_year, spaces.assurance) == ("2019-20-H1", "amber")
    assert Champion.objects.count() == 2 and TrainingRecord.objects.count() == 2


def test_which_file_and_required_columns(tmp_path: Path) -> None:
    assert which(_file(tmp_path, "a.csv", RETURNS)) == "returns"
    assert which(_file(tmp_path, "b.csv", TRAINING)) == "training"
    assert which(_file(tmp_path, "c.csv", CHAMPIONS)) == "champions"
    result = import_file(_file(tmp_path, "d.csv", "DEPARTMENT,HALF_YEAR\nOpen Spaces,2019-20-H1\n"))
    assert not result.read
    assert {i.column for i in result.report.errors} == {"RECEIVED", "ASSURANCE"}
    assert not Department.objects.exists()


def test_alerts_as_at_1_november_2019(tmp_path: Path) -> None:
    """The 2019-20-H1 return is due by 31 October. Barbican Centre and Town Clerk's have no
    champion and no return; Open Spaces's return came on 20 November (not yet, on 1
    November); Community and Children's Services is in order."""
    _import_all(tmp_path)
    view = services.champions_view(on=date(2019, 11, 1))
    assert view.last_due.label == "2019-20-H1"
    assert [(d.name, d.alerts) for d in view.departments] == [
        ("Barbican Centre", ("no_champion", "return_overdue")),
        ("Community and Children's Services", ()),
        ("Open Spaces", ("return_overdue",)),
        ("Town Clerk's", ("no_champion", "return_overdue")),
    ]
    assert view.alert_counts == {"no_champion": 2, "return_overdue": 3}
    # on 1 December Open Spaces's return is in, and on 1 January 2020 its champion has gone
    later = services.champions_view(on=date(2020, 1, 1))
    assert dict((d.name, d.alerts) for d in later.departments)["Open Spaces"] == ("no_champion",)


def test_pages_by_role(tmp_path: Path, clients) -> None:
    _import_all(tmp_path)
    listing = reverse("registers:champions")
    assert clients["member"].get(listing).status_code == 403
    for role in ("auditor", "manager", "analyst", "administrator"):
        response = clients[role].get(listing)
        assert response.status_code == 200, role
        doc = check_page(response.content)
        assert len(doc.xpath("//table[@id='departments']/tbody/tr")) == 4
        assert bool(doc.xpath("//a[text()='Add a champion']")) == (role != "auditor")
    champion = Champion.objects.get(name="Chris Example")
    forms = [
        reverse("registers:champions_new", args=[what])
        for what in ("department", "champion", "return", "training")
    ]
    forms += [
        reverse("registers:champions_edit", args=["champion", champion.pk]),
        reverse("registers:champions_import"),
    ]
    for url in forms:
        for role in ("member", "auditor"):
            assert clients[role].get(url).status_code == 403, (role, url)
        response = clients["manager"].get(url)
        assert response.status_code == 200, url
        check_page(response.content)
    assert clients["manager"].get("/registers/champions/nonsense/new").status_code == 404
    index = check_page(clients["auditor"].get(reverse("registers:index")).content)
    assert index.xpath("//dl[@id='champions-summary']")


def test_forms(clients) -> None:
    new = reverse("registers:champions_new", args=["department"])
    assert (
        clients["manager"].post(new, {"name": "Open Spaces", "chief_officer": ""}).status_code
        == 302
    )
    twice = clients["manager"].post(new, {"name": "Open Spaces", "chief_officer": ""})
    assert b"This department is already on the register" in twice.content
    dept = Department.objects.get()
    champion = {
        "department": dept.pk,
        "name": "Pat Sample",
        "role": "Head of Operations",
        "appointed_on": "01/06/2019",
        "ended_on": "01/05/2019",
    }
    url = reverse("registers:champions_new", args=["champion"])
    bad = clients["manager"].post(url, champion)
    assert bad.status_code == 400
    assert b"Stood down must be on or after the date appointed" in bad.content
    check_page(bad.content)
    assert clients["manager"].post(url, {**champion, "ended_on": ""}).status_code == 302
    url = reverse("registers:champions_new", args=["return"])
    form = {
        "department": dept.pk,
        "half_year": "2019-20-H5",
        "received_on": "20/10/2019",
        "assurance": "amber",
        "actions": "Refresh training",
    }
    bad = clients["analyst"].post(url, form)
    assert b"Enter a half-year such as 2019-20-H1" in bad.content
    assert clients["analyst"].post(url, {**form, "half_year": "h1 2019-20"}).status_code == 302
    saved = AssuranceReturn.objects.get()
    assert saved.half_year == "2019-20-H1"
    edit = reverse("registers:champions_edit", args=["return", saved.pk])
    changed = {**form, "half_year": "2019-20-H1", "assurance": "green"}
    assert clients["manager"].post(edit, changed).status_code == 302
    saved.refresh_from_db()
    assert saved.assurance == "green"
    url = reverse("registers:champions_new", args=["training"])
    training = {
        "name": "Jo Bloggs",
        "department": "",
        "course": "Prevent",
        "completed_on": "01/02/2020",
    }
    assert clients["manager"].post(url, training).status_code == 302
    assert clients["manager"].post(url, training).status_code == 400
