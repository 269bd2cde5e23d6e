"""Area pages on the hand-built dashboard snapshot (test_dashboard.py's fixture): the summary
grid of cards, breakdowns inside their indicator's section with ages in age order, and no
repeated sections (a count with its percentage, a total with its "by time open" bands)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from csc_insight.indicators import get as get_definition
from csc_insight.web.dashboard.area_sections import breakdown_order, fold

from .test_dashboard import _cells, _get, dash  # noqa: F401 (fixture)

AREA = "dashboard:area"


@pytest.mark.django_db
def test_summary_cards_link_to_their_sections(clients, dash) -> None:  # noqa: F811
    """Contacts: 4 in Q3 against 1 in Q2, a volume (neutral): "Up", from 1. Decided within
    1 working day: 50.0% against Q2's 100.0% (K4), higher is better: "Down, worse", Red."""
    doc = _get(clients["analyst"], reverse(AREA, args=["contacts-and-referrals"]))
    cards = doc.xpath("//ul[contains(@class, 'csc-cards')]/li")
    titles = [c.xpath(".//h3/a")[0] for c in cards]
    assert [a.get("href") for a in titles][:2] == ["#h-contacts", "#h-contacts_decided_1wd_pct"]
    assert all(doc.xpath(f"//*[@id='{a.get('href')[1:]}']") for a in titles)
    first = " ".join(cards[0].text_content().split())
    assert first.startswith("Contacts 4 No target ↑ Up from 1")
    timely = " ".join(cards[1].text_content().split())
    assert timely.startswith(
        "Contacts decided within 1 working day 50.0% Red ↓ Down, worse from 100.0%"
    )
    # each card's sparkline is inline SVG whose <desc> lists the eight quarters
    assert cards[0].xpath(".//svg/desc")[0].text_content().endswith("Q3 2019-20: 4.")


@pytest.mark.django_db
def test_breakdown_sits_in_its_section_with_ages_in_order(clients, dash) -> None:  # noqa: F811
    """Q3 contacts by age at contact: K2 KID0002 (born June 2015: 4) 1-4; K1 KID0001 (born
    March 2012: 7) and K8 KID0004 (born Feb 2010: 9) 5-9; K3 KID0003 (born Jan 2009: 10)
    10-15. As text '10-15' would sort before '5-9'."""
    url = reverse(AREA, args=["contacts-and-referrals"]) + "?period=2019-20-Q3&by=age_band"
    doc = _get(clients["analyst"], url)
    section = doc.xpath("//section[@aria-labelledby='h-contacts']")[0]
    rows = _cells(section, ".//table[contains(@class, 'csc-breakdown')]/tbody/tr")
    assert rows == ["1-4 1", "5-9 2", "10-15 1"]
    assert not doc.xpath("//h2[@id='breakdown']")


def test_breakdown_order_puts_not_recorded_last() -> None:
    class Row:
        def __init__(self, key: str | None) -> None:
            self.key = key

    keys = ["18+", None, "10-15", "under 1", "5-9", "1-4", "16-17"]
    assert [r.key for r in breakdown_order("age_band", [Row(k) for k in keys])] == [
        "under 1",
        "1-4",
        "5-9",
        "10-15",
        "16-17",
        "18+",
        None,
    ]
    assert [r.key for r in breakdown_order("team", [Row(k) for k in ("b", None, "A")])] == [
        "A",
        "b",
        None,
    ]


def test_fold_joins_count_to_percentage_and_bands_to_total() -> None:
    ids = [
        "cin_open",
        "cin_duration_bands",
        "cla_3plus_placements",
        "cla_3plus_placements_pct",
        "cla_open",
    ]
    sections = [{"definition": get_definition(i), "result": i} for i in ids]
    folded = fold(sections)
    assert [s["definition"].id for s in folded] == [
        "cin_open",
        "cla_3plus_placements_pct",
        "cla_open",
    ]
    assert folded[0]["bands"] == "cin_duration_bands"
    assert folded[1]["title"] == "Children looked after with 3 or more placements in 12 months"
    assert folded[1]["also"].id == "cla_3plus_placements"


@pytest.mark.django_db
def test_area_pages_have_no_repeated_sections(clients, dash) -> None:  # noqa: F811
    need = _get(clients["member"], reverse(AREA, args=["children-in-need"]))
    assert need.xpath("//section/@aria-labelledby") == ["h-cin_open", "h-cin_rate_10k"]
    care = _get(clients["member"], reverse(AREA, args=["children-in-care"]))
    labelled = care.xpath("//section/@aria-labelledby")
    assert "h-cla_3plus_placements" not in labelled
    assert "h-cla_3plus_placements_pct" in labelled
