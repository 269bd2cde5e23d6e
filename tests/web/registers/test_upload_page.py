"""The registers' import pages (registers/upload_page.py), one way for every register: a file
that is not .xlsx or .csv is refused on the form; a clean file goes back to the register
saying what it added; a file with bad rows stays on the page with them; no upload is left
behind in the uploads folder."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from csc_insight.web.imports.uploads import uploads_root

from ..pages import check_page

pytestmark = pytest.mark.django_db

PAGES = [
    "registers:missing_import",
    "registers:providers_import",
    "registers:champions_import",
    "registers:iro_import",
    "registers:virtual_school_import",
]


def _left_behind() -> list[str]:
    return sorted(p.name for p in uploads_root().iterdir())


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("file", ["register.xml", "photo.png"])
def test_a_file_not_a_workbook_or_csv_is_refused_on_the_form(clients, name, file) -> None:
    # XML is refused too: returns may be XML, registers may not
    upload = SimpleUploadedFile(file, b"<register/>", content_type="application/octet-stream")
    response = clients["manager"].post(reverse(name), {"file": upload})
    assert response.status_code == 400
    summary = check_page(response.content).xpath("//div[@class='govuk-error-summary']")[0]
    assert " ".join(summary.text_content().split()) == (
        f"There is a problem {file} is not an .xlsx or .csv file"
    )
    assert _left_behind() == []


def test_a_clean_file_goes_back_to_the_register_saying_what_it_added(clients) -> None:
    activity = SimpleUploadedFile(
        "activity.csv", b"CHILD,AS_AT,ACTIVITY\nC2,31/12/2019,education\n", "text/csv"
    )
    manager = clients["manager"]
    response = manager.post(reverse("registers:virtual_school_import"), {"file": activity})
    assert response.status_code == 302
    assert response["Location"] == reverse("registers:virtual_school")
    page = check_page(manager.get(response["Location"]).content)
    banner = page.xpath("//*[contains(@class, 'govuk-notification-banner__heading')]")
    assert [" ".join(b.text_content().split()) for b in banner] == ["1 added, 0 updated"]
    assert _left_behind() == []


def test_a_file_with_bad_rows_stays_on_the_page_with_them(clients) -> None:
    escalations = SimpleUploadedFile(
        "iro_escalations.csv",
        b"CHILD,IRO,RAISED,ISSUE,STAGE,STAGE_DATE,RESOLVED,OUTCOME\n"
        b"C2,AB,03/09/2019,drift,Stage 2,20/09/2019,,\n"
        b"C10,AB,31/09/2019,health,,,,\n",
        "text/csv",
    )
    response = clients["manager"].post(reverse("registers:iro_import"), {"file": escalations})
    assert response.status_code == 200
    page = check_page(response.content)
    cells = [" ".join(td.text_content().split()) for td in page.xpath("//table//td")]
    assert "31/09/2019" in cells
    assert _left_behind() == []
