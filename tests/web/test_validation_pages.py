"""The Data page's validation section, the drill-down to the children behind a rule
(Manager and above, access-logged) and the XLSX of every failing row."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from django.urls import reverse

from csc_insight.store import snapshots

from .conftest import SNAPSHOT_ID
from .pages import check_page


@pytest.fixture
def failing(snapshot: str, home: Path) -> str:
    """The one-child snapshot plus a List 7 plan (C2, 2019-10-01, List 7 row 5) that the
    census, loaded too, does not have: cross-return rule XR01 fails once."""
    _add_to_snapshot(
        home,
        "INSERT INTO cp_plans (cp_plan_id, child_id, start_date, source, source_ref) "
        "VALUES ('P2', 'C2', DATE '2019-10-01', 'annex_a', "
        "'annex_a.xlsx!List 7:5')",
    )
    return snapshot


def _add_a_census_plan_before_its_referral(home: Path) -> None:
    """A census plan (line 40) starting before its referral (1 July 2019): CIN rule 1105,
    an error."""
    _add_to_snapshot(
        home,
        "INSERT INTO cp_plans (cp_plan_id, child_id, referral_id, start_date, end_date, "
        "initial_category, latest_category, previous_plans, source, source_ref) VALUES "
        "('P3', 'C1', 'R1', DATE '2019-06-01', DATE '2019-06-30', 'EMO', 'EMO', 0, "
        "'cin_census', 'cin_census_2020.xml:40')",
    )


def _add_to_snapshot(home: Path, insert: str) -> None:
    """Run `insert` on the test snapshot's file."""
    con = duckdb.connect(str(snapshots.snapshot_dir(home) / f"{SNAPSHOT_ID}.duckdb"))
    try:
        con.execute(insert)
    finally:
        con.close()


@pytest.mark.django_db
def test_data_page_counts_failures_by_rule(clients, failing):
    response = clients["analyst"].get(reverse("imports:data"))
    assert response.status_code == 200
    check_page(response.content)
    html = response.content.decode()
    assert "Validation of the current load" in html
    link = reverse("imports:validation_rule", args=[SNAPSHOT_ID, "cross_XR01"])
    assert f'href="{link}">1<' in html
    assert reverse("imports:validation_xlsx", args=[SNAPSHOT_ID]) in html


@pytest.mark.django_db
def test_drill_down_lists_the_children_and_logs_each(clients, failing):
    from csc_insight.access.accesslog.models import AccessEvent

    url = reverse("imports:validation_rule", args=[SNAPSHOT_ID, "cross_XR01"])
    assert clients["member"].get(url).status_code == 403
    response = clients["manager"].get(url)
    assert response.status_code == 200
    check_page(response.content)
    html = response.content.decode()
    assert "annex_a.xlsx (List 7)" in html and ">5<" in html and ">C2<" in html
    assert "Return: Across returns. Severity: Query." in html
    event = AccessEvent.objects.get()
    assert (event.username, event.child_id, event.route) == (
        "u-manager",
        "C2",
        "imports:validation_rule",
    )


@pytest.mark.django_db
def test_drill_down_gives_an_xml_files_line_and_a_sheets_row(clients, failing, home):
    """A census row is found by its line in the XML file; an Annex A row by its row."""
    import lxml.html

    _add_a_census_plan_before_its_referral(home)
    for rule, expected in [
        ("cin_1105", ["C1", "cin_census_2020.xml", "line 40"]),
        ("cross_XR01", ["C2", "annex_a.xlsx (List 7)", "5"]),
    ]:
        url = reverse("imports:validation_rule", args=[SNAPSHOT_ID, rule])
        response = clients["manager"].get(url)
        check_page(response.content)
        doc = lxml.html.document_fromstring(response.content)
        assert [" ".join(th.text_content().split()) for th in doc.xpath("//thead//th")][:3] == [
            "Child",
            "File",
            "Row or line",
        ]
        cells = [" ".join(td.text_content().split()) for td in doc.xpath("//tbody/tr[1]/td")]
        assert cells[:3] == expected, rule


@pytest.mark.django_db
def test_xlsx_download_is_logged(clients, failing):
    from csc_insight.access.accesslog.models import AccessEvent

    response = clients["analyst"].get(reverse("imports:validation_xlsx", args=[SNAPSHOT_ID]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert list(AccessEvent.objects.values_list("child_id", flat=True)) == ["C2"]


def _table(doc, xpath: str) -> list[list[str]]:
    return [
        [" ".join(c.text_content().split()) for c in row.xpath("th|td")]
        for row in doc.xpath(xpath + "//tbody/tr")
    ]


@pytest.mark.django_db
def test_failing_rules_come_first_and_the_rest_are_folded_away(clients, failing, home):
    """An analyst sees the rules that fail, errors before queries, with the return in words;
    the rules with no failing row and those not run are counted and folded away (a table of
    some 200 zeros hid the few that matter). The load's time is in words, UK time."""
    import lxml.html

    from csc_insight.validation.catalogue import rules

    _add_a_census_plan_before_its_referral(home)
    doc = lxml.html.document_fromstring(clients["analyst"].get(reverse("imports:data")).content)
    failing_rows = _table(doc, "//table[caption[starts-with(., 'Rules with failing rows')]]")
    assert [r[:3] + r[4:] for r in failing_rows] == [
        ["1105", "CIN census", "Error", "1 failing row of rule 1105"],
        ["XR01", "Across returns", "Query", "1 failing row of rule XR01"],
    ]
    passed = _table(doc, "//details[@id='validation-passed']")
    skipped = _table(doc, "//details[@id='validation-skipped']")
    summary = " ".join(doc.xpath("string(//details[@id='validation-passed']/summary)").split())
    assert summary == f"Rules with no failing rows ({len(passed)})"
    assert len(passed) + len(skipped) + 2 == len(rules())
    assert not {"1105", "XR01"} & {r[0] for r in passed + skipped}
    # a DfE rule of a later year is listed with why it did not run on this year's data
    assert [r for r in skipped if r[0] == "1580"] == [
        [
            "1580",
            "CIN census",
            "Error",
            "LA Child ID must not contain any non-alphanumeric characters",
            "in force from 2024-25, not in 2019-20",
        ]
    ]
    assert doc.xpath("//a[text()='Download every failing row (XLSX)']/@href") == [
        reverse("imports:validation_xlsx", args=[SNAPSHOT_ID])
    ]
    loaded = doc.xpath(f"string(//td[@id='load-{SNAPSHOT_ID}'])")
    assert loaded.startswith("1 April 2020, 10:00")  # 09:00 UTC is 10:00 British Summer Time


@pytest.mark.django_db
def test_no_failing_rule_says_so(clients, snapshot):
    response = clients["analyst"].get(reverse("imports:data"))
    check_page(response.content)
    assert b'<p class="govuk-body" id="validation-none-failing">No rule has a failing row.</p>' in (
        response.content
    )
    assert b"Download every failing row" not in response.content  # a workbook of no rows
