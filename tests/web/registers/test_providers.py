"""The providers register: the import quarantines bad rows (CSV and XLSX) and builds the
history of ratings; a file without the required columns imports nothing; the looked-after
children placed with each provider come from the SSDA903 URN in the snapshot; the pages
are for Manager and above (Member and Auditor refused); the forms add and edit."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from django.urls import reverse
from openpyxl import Workbook

from csc_insight.registers import services
from csc_insight.registers.models import Provider, ProviderInspection, QuarantinedRow
from csc_insight.registers.providers import placements
from csc_insight.registers.providers_import import import_file
from csc_insight.store import snapshots

from ..pages import check_page

pytestmark = pytest.mark.django_db

CSV = """URN,NAME,TYPE,RATING,INSPECTED,VISITED,VISIT_RESULT
sc100001,Northway Fostering,IFA,Good,12/05/2017,,
SC100001,Northway Fostering,fostering agency,Requires improvement,10/09/2019,01/06/2019,Met
SC100002,Willow House,children's home,Outstanding,01/02/2019,,
XXXXXXX,No URN,IFA,Good,01/01/2019,,
2100003,Step Forward,supported,Not yet inspected,,01/10/2018,partly met
SC100004,Elm Lodge,HOME,Good,,,
SC100005,Cedar View,hotel,Good,01/01/2019,,
SC100006,Rowan Court,HOME,Good,31/02/2019,,
SC100002,Willow House,HOME,Good,01/02/2019,,
"""


def _import(tmp_path: Path, text: str = CSV, name: str = "providers.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path, "u-analyst")


def _placed(home: Path) -> None:
    """C1 and C2 placed at SC100001 now (C2's URN in lower case with a space); C3 there
    until 1 January 2019; C4 placed with no URN (XXXXXXX)."""
    con = duckdb.connect(str(snapshots.current(home).path))
    con.execute("""
        INSERT INTO cla_episodes (child_id, decom, place, dec, urn, source) VALUES
        ('C1', DATE '2019-05-01', 'U4', NULL, 'SC100001', 'ssda903'),
        ('C2', DATE '2019-06-01', 'U4', NULL, ' sc100001', 'ssda903'),
        ('C3', DATE '2018-01-01', 'U4', DATE '2019-01-01', 'SC100001', 'ssda903'),
        ('C4', DATE '2019-06-01', 'U1', NULL, 'XXXXXXX', 'ssda903');
    """)
    con.close()


def test_bad_rows_are_quarantined_and_the_history_kept(tmp_path: Path) -> None:
    """Row 5: XXXXXXX is not a URN. Row 7: a rating with no INSPECTED. Row 8: 'hotel'.
    Row 9: 31 February. Row 10: the same URN and inspection as row 4. Rows 2 and 3 are
    Northway's history (Good in 2017, Requires improvement in 2019 with a visit)."""
    result = _import(tmp_path)
    assert (result.created, result.updated, result.quarantined) == (3, 0, [5, 7, 8, 9, 10])
    where = [(i.row, i.column_letter, i.column, i.value) for i in result.report.errors]
    assert where == [
        (5, "A", "URN", "XXXXXXX"),
        (7, "E", "INSPECTED", ""),
        (8, "C", "TYPE", "hotel"),
        (9, "E", "INSPECTED", "31/02/2019"),
        (10, "A", "URN", "SC100002"),
    ]
    assert result.report.errors[0].message == (
        "Expected an Ofsted URN of 6 to 10 letters and digits, such as SC123456; "
        "the row was quarantined."
    )
    assert "row 4 has the same" in result.report.errors[4].message
    northway = Provider.objects.get(urn="SC100001")
    assert (northway.name, northway.kind) == ("Northway Fostering", "ifa")
    assert [(j.inspected_on, j.rating) for j in northway.inspections.all()] == [
        (date(2019, 9, 10), "requires_improvement"),
        (date(2017, 5, 12), "good"),
    ]
    assert [(v.visited_on, v.result) for v in northway.visits.all()] == [(date(2019, 6, 1), "met")]
    assert not Provider.objects.get(urn="2100003").inspections.exists()
    assert QuarantinedRow.objects.filter(register="providers").count() == 5
    # importing again updates, and adds nothing to the history
    again = _import(tmp_path)
    assert (again.created, again.updated) == (0, 3)
    assert ProviderInspection.objects.count() == 3


def test_a_file_without_a_required_column_imports_nothing(tmp_path: Path) -> None:
    result = _import(tmp_path, "URN,NAME,RATING\nSC100001,Northway,Good\n")
    assert not result.read
    assert [(i.code, i.column) for i in result.report.errors] == [("missing_column", "TYPE")]
    assert not Provider.objects.exists()


def test_xlsx(tmp_path: Path) -> None:
    """Dates as real Excel dates; the second row has no name."""
    book = Workbook()
    sheet = book.active
    sheet.append(["URN", "NAME", "TYPE", "RATING", "INSPECTED"])
    sheet.append(["SC100001", "Northway", "IFA", "Inadequate", datetime(2019, 9, 10)])
    sheet.append(["SC100002", None, "HOME", "Good", datetime(2019, 1, 2)])
    path = tmp_path / "providers.xlsx"
    book.save(path)
    result = import_file(path)
    assert (result.created, result.quarantined) == (1, [3])
    assert [(i.column_letter, i.code) for i in result.report.errors] == [("B", "missing_value")]
    assert ProviderInspection.objects.get().inspected_on == date(2019, 9, 10)


def test_children_placed_from_the_ssda903_urn(tmp_path: Path, home: Path, snapshot) -> None:
    """Now: C1 and C2 at SC100001 (C3 has left, C4 has no URN). During 2019-20 the same
    two; during 2018-19 only C3 (C1 came on 1 May 2019); on 1 January 2019, the day C3
    left, nobody. Alerts on 31 December 2019: Northway was downgraded on 10 September 2019
    and our children live there; Willow House and Step Forward have had no monitoring visit
    in the 12 months."""
    _import(tmp_path)
    _placed(home)
    assert placements(["SC100001", "SC100002"]) == {"SC100001": {"C1", "C2"}}
    assert placements(["SC100001"], date(2019, 4, 1), date(2020, 3, 31)) == {
        "SC100001": {"C1", "C2"}
    }
    assert placements(["SC100001"], date(2018, 4, 1), date(2019, 3, 31)) == {"SC100001": {"C3"}}
    assert placements(["SC100001"], date(2019, 1, 1), date(2019, 1, 1)) == {}
    view = services.providers_view(on=date(2019, 12, 31))
    assert [(p.name, p.children_now, p.alerts) for p in view.providers] == [
        ("Northway Fostering", 2, ("downgraded",)),
        ("Step Forward", 0, ("visit_overdue",)),
        ("Willow House", 0, ("visit_overdue",)),
    ]
    assert view.children_now == 2
    assert view.alert_counts == {"downgraded": 1, "upgraded": 0, "visit_overdue": 2}


def test_no_snapshot_no_data() -> None:
    Provider.objects.create(urn="SC100001", name="Northway", kind="ifa")
    assert placements(["SC100001"]) is None
    view = services.providers_view()
    assert (view.placed_known, view.children_now, view.providers[0].children_now) == (
        False,
        None,
        None,
    )


def test_pages_by_role(tmp_path: Path, clients, home: Path, snapshot) -> None:
    _import(tmp_path)
    _placed(home)
    northway = Provider.objects.get(urn="SC100001")
    urls = [
        reverse("registers:providers"),
        reverse("registers:provider", args=[northway.pk]),
        reverse("registers:provider_new"),
        reverse("registers:provider_edit", args=[northway.pk]),
        reverse("registers:provider_inspection", args=[northway.pk]),
        reverse("registers:provider_visit", args=[northway.pk]),
        reverse("registers:providers_import"),
    ]
    for url in urls:
        for role in ("member", "auditor"):
            assert clients[role].get(url).status_code == 403, (role, url)
        for role in ("manager", "analyst", "administrator"):
            response = clients[role].get(url)
            assert response.status_code == 200, (role, url)
            check_page(response.content)
    doc = check_page(clients["manager"].get(reverse("registers:providers")).content)
    rows = [
        [" ".join(td.text_content().split()) for td in tr.xpath("td")]
        for tr in doc.xpath("//table[@id='providers']/tbody/tr")
    ]
    assert rows[0][:6] == [
        "Northway Fostering",
        "SC100001",
        "Independent fostering agency",
        "Requires improvement (10/09/2019) was Good",
        "01/06/2019: standards met",
        "2",
    ]
    assert [r[0] for r in rows] == ["Northway Fostering", "Step Forward", "Willow House"]
    assert "No monitoring visit in the last 12 months" in rows[1][6]
    assert len(doc.xpath("//table[@id='quarantined']/tbody/tr")) == 5
    # the Registers page: counts only, for every role but Member
    assert clients["member"].get(reverse("registers:index")).status_code == 403
    index = check_page(clients["auditor"].get(reverse("registers:index")).content)
    summary = {
        " ".join(row.xpath("dt")[0].text_content().split()): row.xpath("dd")[0].text_content()
        for row in index.xpath("//dl[@id='providers-summary']/div")
    }
    assert summary == {
        "Providers on the register": "3",
        "Looked-after children placed with them now": "2",
        "Ofsted rating down where our children live": "0",  # September 2019 is long past
        "Ofsted rating changed (up) where our children live": "0",
        "No monitoring visit in the last 12 months": "3",
    }
    assert not index.xpath("//a[@href='/registers/providers/']")  # auditors: no link


def test_forms_add_and_edit(clients) -> None:
    form = {"name": "Harbour Placements", "urn": "SC-1", "kind": "ifa", "notes": ""}
    refused = clients["manager"].post(reverse("registers:provider_new"), form)
    assert refused.status_code == 400
    assert b"Enter an Ofsted URN of 6 to 10 letters and digits" in refused.content
    check_page(refused.content)
    saved = clients["manager"].post(reverse("registers:provider_new"), {**form, "urn": "sc 200001"})
    assert saved.status_code == 302
    provider = Provider.objects.get()
    assert provider.urn == "SC200001"
    twice = clients["manager"].post(reverse("registers:provider_new"), {**form, "urn": "SC200001"})
    assert twice.status_code == 400
    assert b"already on the register" in twice.content
    edit = reverse("registers:provider_edit", args=[provider.pk])
    assert (
        clients["manager"].post(edit, {**form, "urn": "SC200001", "kind": "home"}).status_code
        == 302
    )
    provider.refresh_from_db()
    assert provider.kind == "home"
    inspection = reverse("registers:provider_inspection", args=[provider.pk])
    bad = clients["manager"].post(inspection, {"inspected_on": "31/02/2020", "rating": "good"})
    assert b"Inspection date must be a real date" in bad.content
    for day, rating in (("10/10/2018", "good"), ("10/10/2019", "inadequate")):
        posted = clients["manager"].post(inspection, {"inspected_on": day, "rating": rating})
        assert posted.status_code == 302
    visit = reverse("registers:provider_visit", args=[provider.pk])
    posted = clients["analyst"].post(visit, {"visited_on": "01/11/2019", "result": "not_met"})
    assert posted.status_code == 302
    page = check_page(
        clients["manager"].get(reverse("registers:provider", args=[provider.pk])).content
    )
    history = [" ".join(tr.xpath("td/text()")) for tr in page.xpath("//table[@id='ratings']//tr")]
    assert history == ["", "10/10/2019 Inadequate", "10/10/2018 Good"]  # the heading row first
    visits = [" ".join(tr.xpath("td/text()")) for tr in page.xpath("//table[@id='visits']//tr")]
    assert visits == ["", "01/11/2019 Standards not met"]  # no notes
