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
    path = snapshots.snapshot_dir(home) / f"{SNAPSHOT_ID}.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO cp_plans (cp_plan_id, child_id, start_date, source, source_ref) "
        "VALUES ('P2', 'C2', DATE '2019-10-01', 'annex_a', "
        "'annex_a.xlsx!List 7:5')"
    )
    con.close()
    return snapshot


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
    event = AccessEvent.objects.get()
    assert (event.username, event.child_id, event.route) == (
        "u-manager",
        "C2",
        "imports:validation_rule",
    )


@pytest.mark.django_db
def test_xlsx_download_is_logged(clients, failing):
    from csc_insight.access.accesslog.models import AccessEvent

    response = clients["analyst"].get(reverse("imports:validation_xlsx", args=[SNAPSHOT_ID]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert list(AccessEvent.objects.values_list("child_id", flat=True)) == ["C2"]
