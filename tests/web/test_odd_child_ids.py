"""A child id the returns spell outside the canonical form (`KID.3`: the DfE's CIN rule 1580
allows letters and digits only) cannot be a URL: pages that list such a child show the id
as text, saying why, instead of failing for every child on the page."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import lxml.html
import pytest
from django.urls import reverse

from csc_insight.store import snapshots
from csc_insight.web.children.templatetags.child_links import child_link

from .test_dashboard import make_dashboard_snapshot

WEB = Path(__file__).parents[2] / "src" / "csc_insight" / "web"


def test_child_link_links_a_canonical_id_and_names_any_other() -> None:
    assert child_link("KID0001") == (
        f'<a class="govuk-link" href="{reverse("children:journey", args=["KID0001"])}">KID0001</a>'
    )
    assert child_link("C1", "registers:iro_child") == (
        f'<a class="govuk-link" href="{reverse("registers:iro_child", args=["C1"])}">C1</a>'
    )
    odd = lxml.html.fragment_fromstring(child_link("KID.3<b>"), create_parent="div")
    assert odd.xpath("//a") == [] and odd.xpath("//b") == []  # text, escaped
    assert " ".join(odd.text_content().split()) == (
        "KID.3<b> (cannot be opened: a child id is letters, numbers, - and _)"
    )
    assert child_link(None) == "" and child_link("") == ""


@pytest.mark.django_db
def test_a_drilldown_with_an_odd_id_lists_every_child(clients, home: Path) -> None:
    make_dashboard_snapshot(home)
    con = duckdb.connect(str(snapshots.current(home).path))
    for table in ("contacts", "children"):
        con.execute(f"UPDATE {table} SET child_id = 'KID.3' WHERE child_id = 'KID0003'")
    con.close()
    url = reverse("dashboard:children", args=["contacts_decided_1wd_pct", "2019-20-Q3"])

    response = clients["manager"].get(url)

    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content)
    heads = [" ".join(th.text_content().split()) for th in doc.xpath("//tbody/tr/th")]
    assert heads == [
        "KID.3 (cannot be opened: a child id is letters, numbers, - and _)",
        "KID0004",
        "KID0001",
        "KID0002",
    ]
    assert doc.xpath("//tbody/tr/th/a/text()") == ["KID0004", "KID0001", "KID0002"]


def test_every_link_to_a_childs_page_goes_through_child_link() -> None:
    """A `{% url %}` of a child's page with an id read from data fails the whole page for an
    odd id; only a page whose own URL holds the id (so canonical) may use one."""
    child_routes = re.compile(
        r"\{% url '(children:journey|registers:(iro|missing|virtual_school)_child)' ([\w.]+)"
    )
    found = {
        (path.name, match.group(3))
        for path in WEB.rglob("*.html")
        for match in child_routes.finditer(path.read_text(encoding="utf-8"))
    }
    # the child's own pages, reached by a URL with the id in canonical form
    assert found == {
        ("missing_child.html", "child_id"),
        ("iro_child.html", "record.child_id"),
    }
