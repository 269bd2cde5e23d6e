"""The Data pages: upload refusals, loading through the real loader, history, switching."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csc_insight.formats import quarantine
from csc_insight.store import snapshots

from .conftest import SNAPSHOT_ID, make_snapshot
from .pages import check_page

pytestmark = pytest.mark.django_db

CHILDREN_CSV = b"CHILD,DOB,SEX,ETHNICITY,DISABILITY,UASC\nC7,04/03/2012,M,WBRI,N,N\n"


def _upload(client, returns=(), extras=()):
    return client.post(
        reverse("imports:upload"), {"returns": list(returns), "extras": list(extras)}
    )


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "Select at least one file to upload"),
        (
            [SimpleUploadedFile("photo.png", b"\x89PNG")],
            "photo.png is not an .xlsx, .xml or .csv file",
        ),
        ([SimpleUploadedFile("empty.csv", b"")], "empty.csv is empty"),
    ],
)
def test_upload_refused_before_loading(clients, home: Path, files, message) -> None:
    response = _upload(clients["analyst"], files)
    assert response.status_code == 400
    doc = check_page(response.content)
    summary = doc.xpath("//div[contains(@class, 'govuk-error-summary')]//a/text()")
    assert summary == [message]
    assert list((home / "uploads").glob("*")) == []


def test_history_lists_loads_and_switches_back(clients, home: Path) -> None:
    make_snapshot(home, "20200101T090000Z-aaaaaa")
    make_snapshot(home, SNAPSHOT_ID)
    client = clients["analyst"]
    doc = check_page(client.get(reverse("imports:data")).content)
    rows = [" ".join(" ".join(r.itertext()).split()) for r in doc.xpath("//tbody/tr")]
    assert rows[0].startswith(
        f"1 April 2020, 10:00 {SNAPSHOT_ID} u-analyst annex_a.xlsx 3 0 Current"
    )
    assert rows[1].startswith("1 April 2020, 10:00 20200101T090000Z-aaaaaa u-analyst")
    response = client.post(
        reverse("imports:use_snapshot", kwargs={"snapshot_id": "20200101T090000Z-aaaaaa"})
    )
    assert response.status_code == 302
    assert snapshots.current_id() == "20200101T090000Z-aaaaaa"
    assert (
        client.post(
            reverse("imports:use_snapshot", kwargs={"snapshot_id": "20990101T000000Z-ffffff"})
        ).status_code
        == 404
    )


def test_upload_loads_through_the_real_loader(clients, home: Path) -> None:
    pytest.importorskip("csc_insight.formats.local_extras", reason="local extras reader missing")
    response = _upload(
        clients["analyst"], extras=[SimpleUploadedFile("Children.CSV", CHILDREN_CSV)]
    )
    assert response.status_code == 302
    page = clients["analyst"].get(response["Location"])
    doc = check_page(page.content)
    assert doc.xpath("//h1/text()") == ["Load complete"]
    snap = snapshots.current()
    assert snap.created_by == "u-analyst"
    assert snap.rows()["children"] == 1
    [took] = doc.xpath("//dt[text()='Time taken']/following-sibling::dd/text()")
    number, unit = took.split(" ")  # to one decimal place, as the manifest's seconds round
    assert unit == "seconds" and len(number.split(".")[1]) == 1
    assert abs(float(number) - snap.manifest["timings"]["seconds"]) <= 0.05
    # The uploaded files are gone; only the outcome stays.
    batch = response["Location"].rstrip("/").rsplit("/", 1)[1]
    assert sorted(p.name for p in (home / "uploads" / batch).iterdir()) == ["result.json"]


def test_upload_with_errors_shows_the_report(clients, home: Path) -> None:
    pytest.importorskip("csc_insight.formats.local_extras", reason="local extras reader missing")
    bad = b"CHILD,DOB,SEX,ETHNICITY,DISABILITY,UASC\nC7,31/02/2012,M,WBRI,N,N\n"
    response = clients["analyst"].post(
        reverse("imports:upload"),
        {"extras": [SimpleUploadedFile("children.csv", bad)], "strict": "yes"},
    )
    page = clients["analyst"].get(response["Location"])
    doc = check_page(page.content)
    assert doc.xpath("//h1/text()") == ["Load refused"]
    assert doc.xpath("//div[contains(@class, 'govuk-error-summary')]")
    cells = doc.xpath("//table[@id='report']/tbody/tr[1]/td/text()")
    assert "31/02/2012" in cells
    assert snapshots.current_id() is None
    assert not doc.xpath("//dt[text()='Time taken']")  # a refused load keeps no timings


def test_upload_quarantines_a_bad_row_and_the_data_page_lists_it(clients, home: Path) -> None:
    """C7 is good; C8 has 31 February (row 3, column B): by default C8 is set aside and C7
    loads; the result page says 1 quarantined and the Data page lists file, row and value."""
    rows = (
        b"CHILD,DOB,SEX,ETHNICITY,DISABILITY,UASC\nC7,04/03/2012,M,WBRI,N,N\n"
        b"C8,31/02/2012,M,WBRI,N,N\n"
    )
    response = _upload(clients["analyst"], extras=[SimpleUploadedFile("children.csv", rows)])
    doc = check_page(clients["analyst"].get(response["Location"]).content)
    assert doc.xpath("//h1/text()") == ["Load complete"]
    assert "1 problem with rows' values" in " ".join(
        " ".join(doc.xpath("//div[@class='govuk-warning-text']//text()")).split()
    )
    assert [
        t.strip()
        for t in doc.xpath("//table[@id='report']//strong[contains(@class, 'govuk-tag')]/text()")
    ] == ["Quarantined"]
    assert snapshots.current().rows()["children"] == 1
    data = check_page(clients["analyst"].get(reverse("imports:data")).content)
    listed = [
        " ".join(" ".join(r.itertext()).split())
        for r in data.xpath("//h2[@id='quarantine']/following-sibling::div[1]//tbody/tr")
    ]
    assert len(listed) == 1
    assert listed[0].startswith(
        "children.csv 3 B DOB 31/02/2012 31/02/2012: there is no 31 February 2012."
    )
    assert listed[0].endswith("The row (children)")


def test_indicator_page_says_how_many_of_its_events_are_quarantined(clients, home: Path) -> None:
    """Two referrals set aside dated in 2019-20 Q2 (July-September 2019), one in Q3 and one
    with no usable date: the Q2 Referrals page says 2 in this period and 1 with no date."""
    make_snapshot(home)
    con = duckdb.connect(str(snapshots.current().path))
    quarantine.ensure(con)
    for row, day in ((2, "2019-07-02"), (3, "2019-09-30"), (4, "2019-10-01"), (5, None)):
        con.execute(
            "INSERT INTO quarantine (file, row_number, problem, scope, target, "
            "event_date) VALUES ('referrals.csv', ?, 'bad_code', 'row', 'referrals', ?)",
            [row, day],
        )
    con.close()
    url = reverse("dashboard:indicator", args=["referrals"]) + "?period=2019-20-Q2"
    doc = check_page(clients["analyst"].get(url).content)
    said = [" ".join(p.split()) for p in doc.xpath("//div[@id='quarantined']/p/text()")]
    assert said[:2] == [
        "2 referrals in this period are quarantined: they had errors in the files, so they "
        "are not in this figure.",
        "1 referral with no usable date is quarantined: they had errors in the files, so they "
        "are not in this figure.",
    ]
    member = check_page(clients["member"].get(url).content)
    assert member.xpath("//div[@id='quarantined']//a") == []  # no link to a page they can't use
