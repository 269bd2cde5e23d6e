"""The Data pages: upload refusals, loading through the real loader, history, switching."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csc_insight.store import snapshots

from .conftest import SNAPSHOT_ID, make_snapshot
from .pages import check_page

pytestmark = pytest.mark.django_db

CHILDREN_CSV = b"CHILD,DOB,SEX,ETHNICITY,DISABILITY,UASC\nC7,04/03/2012,M,WBRI,N,N\n"


def _upload(client, returns=(), extras=()):
    return client.post(reverse("imports:upload"), {"returns": list(returns),
                                                    "extras": list(extras)})


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
        f"2020-04-01T09:00:00Z {SNAPSHOT_ID} u-analyst annex_a.xlsx 3 Current"
    )
    assert rows[1].startswith("2020-04-01T09:00:00Z 20200101T090000Z-aaaaaa u-analyst")
    response = client.post(
        reverse("imports:use_snapshot", kwargs={"snapshot_id": "20200101T090000Z-aaaaaa"})
    )
    assert response.status_code == 302
    assert snapshots.current_id() == "20200101T090000Z-aaaaaa"
    assert client.post(
        reverse("imports:use_snapshot", kwargs={"snapshot_id": "20990101T000000Z-ffffff"})
    ).status_code == 404


def test_upload_loads_through_the_real_loader(clients, home: Path) -> None:
    pytest.importorskip("csc_insight.formats.local_extras", reason="local extras reader missing")
    response = _upload(clients["analyst"], extras=[SimpleUploadedFile("Children.CSV",
                                                                      CHILDREN_CSV)])
    assert response.status_code == 302
    page = clients["analyst"].get(response["Location"])
    doc = check_page(page.content)
    assert doc.xpath("//h1/text()") == ["Load complete"]
    snap = snapshots.current()
    assert snap.created_by == "u-analyst"
    assert snap.rows()["children"] == 1
    # The uploaded files are gone; only the outcome stays.
    batch = response["Location"].rstrip("/").rsplit("/", 1)[1]
    assert sorted(p.name for p in (home / "uploads" / batch).iterdir()) == ["result.json"]


def test_upload_with_errors_shows_the_report(clients, home: Path) -> None:
    pytest.importorskip("csc_insight.formats.local_extras", reason="local extras reader missing")
    bad = b"CHILD,DOB,SEX,ETHNICITY,DISABILITY,UASC\nC7,31/02/2012,M,WBRI,N,N\n"
    response = _upload(clients["analyst"], extras=[SimpleUploadedFile("children.csv", bad)])
    page = clients["analyst"].get(response["Location"])
    doc = check_page(page.content)
    assert doc.xpath("//h1/text()") == ["Load refused"]
    assert doc.xpath("//div[contains(@class, 'govuk-error-summary')]")
    cells = doc.xpath("//table[@id='report']/tbody/tr[1]/td/text()")
    assert "31/02/2012" in cells
    assert snapshots.current_id() is None
