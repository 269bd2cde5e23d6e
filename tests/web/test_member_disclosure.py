"""Issue 11 item 3: a Member signs in and opens every page a Member can reach over a
synthetic city (demo plans linked to indicators, the demo audit round, a public committee
paper); no table cell holds a count of 1 to 5, no page breaks a figure down by worker or
team, and every page that shows "c" says what it means.

The city is the `city` profile (seed 3, two years): small enough that many of its figures
are 1 to 5 (the staff pages show them; see the first test, which proves the scan finds
them)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.test import Client

from csc_insight.web.dashboard import figures

pytestmark = pytest.mark.django_db
CLI = str(Path(sys.executable).parent / "csc-insight")
SMALL = re.compile(r"^[1-5]$")
# Links a crawl must not follow: downloads, forms that change things, signing out.
SKIP = re.compile(r"(/logout|\.docx$|\.xlsx$|/docx/?$|/pdf/?$|/xlsx/?$|/export|/second-factor)")


@pytest.fixture(scope="module")
def city_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("member-city")
    env = {"CSC_INSIGHT_HOME": str(home), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [
            CLI,
            "synth",
            "--profile",
            "city",
            "--seed",
            "3",
            "--start",
            "2018-04-01",
            "--end",
            "2020-03-31",
            "--out",
            str(home / "synth"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    subprocess.run([CLI, "load", str(home / "synth")], env=env, check=True, capture_output=True)
    return home


@pytest.fixture
def home(city_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Overrides the per-test home of conftest: every test here reads the city."""
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(city_home))
    monkeypatch.setattr(figures, "COMPUTE_LIMIT", 10_000)
    figures.clear_cache()
    yield city_home
    figures.clear_cache()


@pytest.fixture
def records(home: Path, users: dict[str, object]) -> None:
    """The demo plans (actions linked to indicators), the demo audit round, and a public
    performance paper for Q3 2019-20."""
    from datetime import date

    from csc_insight.audits.demo import create_demo_round
    from csc_insight.committee import services as committee
    from csc_insight.plans.demo import create_demo_plans

    create_demo_plans()
    create_demo_round()
    committee.create("performance", date(2020, 2, 10), "2019-20-Q3", None, None, users["analyst"])


# Tables that count plan actions, not children, and columns that hold references.
NOT_CHILDREN = re.compile(r"^(Actions by|Every plan)")
# A linked indicator's value beside a plan action: "Now: 3 (2019-20-Q4)".
LINKED = re.compile(r"(?:Now|Latest value): ([1-5]) \(")


def _not_counts() -> set[str]:
    """Titles of indicators whose values are not counts (means, percentages, rates): a
    paper writes a mean of 2.0 as '2', which is no count of children."""
    from csc_insight.indicators import catalogue

    return {d.title for d in catalogue() if d.unit != "count"}


def _cells(html: str) -> list[tuple[str, str]]:
    """(caption, text) of every table cell that can hold a count of children, and of every
    linked indicator value beside a plan action."""
    doc = lxml.html.document_fromstring(html)
    not_counts = _not_counts()
    found = []
    for table in doc.xpath("//table"):
        caption = " ".join(table.xpath("string(caption)").split())
        if NOT_CHILDREN.match(caption):
            continue
        header = [" ".join(h.text_content().split()) for h in table.xpath(".//thead//th")]
        for row in table.xpath(".//tbody/tr"):
            first = " ".join(row.xpath("string(th|td)").split())
            if first in not_counts:
                continue
            for index, cell in enumerate(row.xpath("th|td")):
                if cell.tag == "td" and header[index : index + 1] != ["Ref"]:
                    found.append((caption, " ".join(cell.text_content().split())))
    text = " ".join(doc.text_content().split())
    found += [("linked indicator", m.group(1)) for m in LINKED.finditer(text)]
    return found


def crawl(client: Client, start: str = "/") -> dict[str, str]:
    """Every page reachable by links from `start` (GET, same site), with its HTML: the
    overview for its first three listed periods, each area page for those periods and, for
    the default period, with each breakdown offered, every indicator page (default period),
    and the plan, audit and committee pages."""
    seen: dict[str, str] = {}
    queue = [start]
    periods: list[str] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            seen[url] = ""
            continue
        html = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        seen[url] = html
        doc = lxml.html.document_fromstring(html)
        links = list(doc.xpath("//a/@href"))
        path = urlsplit(url).path
        if path == "/performance/" and not periods:
            periods = doc.xpath("//select[@id='period']/option/@value")[:3]
            links += [f"{path}?period={p}" for p in periods]
        if path.startswith("/performance/") and path != "/performance/" and "?" not in url:
            links += [f"{path}?period={p}" for p in periods]
            links += [f"{path}?by={b}" for b in doc.xpath("//select[@id='by']/option/@value") if b]
        for link in links:
            parts = urlsplit(urljoin(url, link))
            if parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
                continue
            if parts.path.startswith("/static/"):
                continue
            if (
                parts.path.startswith(("/indicators/", "/performance/"))
                and parts.query
                and (parts.path.startswith("/indicators/") or "?" in url)
            ):
                # indicator pages, and pages linked from a filtered page: default period
                queue.append(parts.path)
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


def small_cells(pages: dict[str, str]) -> list[str]:
    return [
        f"{url} [{caption}]: {text}"
        for url, html in pages.items()
        if html
        for caption, text in _cells(html)
        if SMALL.match(text)
    ]


def test_the_scan_finds_small_counts_on_staff_pages(clients, records) -> None:
    """The same pages for a Manager (staff) do show counts of 1 to 5: the city has them,
    so a clean Member scan below is not an accident of the data."""
    pages = {
        url: clients["manager"].get(url).content.decode()
        for url in (
            "/performance/",
            "/performance/children-in-care/?by=age_band",
            "/performance/child-protection/?by=team",
        )
    }
    assert len(small_cells(pages)) > 20


def test_a_member_sees_no_count_of_one_to_five_on_any_page(clients, records) -> None:
    pages = crawl(clients["member"])
    opened = [url for url, html in pages.items() if html]
    # overview, every area page with each period and breakdown, indicator pages, plans,
    # audits and their trends, committee papers (the round report is for who may open the
    # round, not Members: issue 11 item 4)
    assert len(opened) > 60, opened
    assert any(url.startswith("/plans/") and url != "/plans/" for url in opened)
    assert any(url.endswith("/paper.html") for url in opened)  # the public paper
    assert "/audits/trends/" in opened
    assert any("by=age_band" in url for url in opened)
    found = small_cells(pages)
    assert found == [], "\n".join(found)
    for url, html in pages.items():
        if not html:
            continue
        assert "by=worker" not in html and "by=team" not in html, url
        if re.search(r">\s*c\s*<", html):
            assert "not shown to protect children" in html, url


def test_a_member_cannot_ask_for_a_breakdown_by_worker_or_team(clients, records) -> None:
    for by in ("worker", "team"):
        url = f"/performance/child-protection/?by={by}"
        assert clients["member"].get(url).status_code == 403
        assert clients["manager"].get(url).status_code == 200


def test_suppression_can_be_turned_off(clients, records, monkeypatch) -> None:
    """CSC_INSIGHT_SUPPRESS_BELOW=0: a council that publishes small numbers shows them
    to Members too."""
    monkeypatch.setenv("CSC_INSIGHT_SUPPRESS_BELOW", "0")
    html = clients["member"].get("/performance/").content.decode()
    assert small_cells({"/performance/": html})
    assert "not shown to protect children" not in html


def test_a_figure_not_shown_is_not_rated(clients, records) -> None:
    """A red, amber or green beside a "c" would tell a Member which side of the target the
    hidden figure lies: the overview says "Not rated (small numbers)" instead, with the
    target, and rates every figure it shows."""
    doc = lxml.html.document_fromstring(clients["member"].get("/performance/").content)
    rows = [
        [" ".join(c.text_content().split()) for c in row.xpath("th|td")]
        for row in doc.xpath("//table[contains(@class, 'csc-headlines')]/tbody/tr")
    ]
    hidden = [r for r in rows if len(r) > 5 and r[1] == "c" and "Target" in r[5]]
    assert hidden, rows  # the city has small figures with a target (re-referrals)
    assert all(r[5].startswith("Not rated (small numbers) Target") for r in hidden), hidden
    shown = [
        r
        for r in rows
        if len(r) > 5 and r[1] != "c" and not r[1].startswith("No data") and "Target" in r[5]
    ]
    bad = [r for r in shown if r[5].split()[0] not in ("Red", "Amber", "Green")]
    assert bad == [], [(r[0], r[1], r[5]) for r in bad]


def _trends(html: str) -> dict[str, tuple[str, str]]:
    """Indicator id -> (the value cell, the last quarter said by its sparkline's <desc>) of
    each row of the overview's headline table."""
    doc = lxml.html.document_fromstring(html)
    found = {}
    for row in doc.xpath("//table[contains(@class, 'csc-headlines')]/tbody/tr"):
        spark = row.xpath(".//*[local-name()='svg'][contains(@class, 'csc-sparkline')]")
        if spark:
            desc = spark[0].xpath("string(*[local-name()='desc'])")
            value = " ".join(row.xpath("th|td")[1].text_content().split())
            found[spark[0].get("id")] = (value, desc.rstrip(".").split("; ")[-1])
    return found


def test_a_hidden_figure_is_said_in_its_trend_not_as_no_data(clients, records) -> None:
    """A screen reader reading a "c" row's sparkline hears that the quarter is not shown, as
    the table says, not that it has no data; staff hear the figure."""
    member = _trends(clients["member"].get("/performance/").content.decode())
    analyst = _trends(clients["analyst"].get("/performance/").content.decode())
    hidden = {spark: said for spark, (value, said) in member.items() if value == "c"}
    assert hidden, member  # the city has small figures
    assert set(hidden.values()) == {"Q4 2019-20: not shown (small numbers)"}
    for spark in hidden:
        number = analyst[spark][1].removeprefix("Q4 2019-20: ")
        assert re.fullmatch(r"[\d,.]+%?", number), (spark, analyst[spark])
