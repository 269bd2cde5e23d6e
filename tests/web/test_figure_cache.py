"""Issue 11 item 9: figures are worked out once per snapshot and period (kept on disk so
every gunicorn worker shares them), non-analysts choose only the listed periods, and each
user may start only so many uncached computations (a 429 page past that).

Fixture: the hand-made dashboard snapshot of test_dashboard.py (data to 30 December 2019,
so the listed periods are the quarters, years to date and years up to Q3 2019-20)."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from django.urls import reverse

from csc_insight.store import register_tables, snapshots
from csc_insight.web.dashboard import figures

from .test_dashboard import make_dashboard_snapshot

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("dashboard:overview")


@pytest.fixture
def dash(home: Path) -> str:
    figures.clear_cache()
    return make_dashboard_snapshot(home)


@pytest.mark.parametrize("role", ["member", "manager", "auditor"])
@pytest.mark.parametrize("period", ["asat:2019-12-31", "rolling-12m:2019-11-30", "2015-16-Q1"])
def test_a_non_analyst_may_only_choose_a_listed_period(clients, dash, role, period) -> None:
    response = clients[role].get(OVERVIEW, {"period": period})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose a listed period" in text and period in text
    assert "?period=2019-20-Q3" in text  # the listed periods, as links


@pytest.mark.parametrize("role", ["analyst", "administrator"])
def test_an_analyst_may_ask_for_any_period(clients, dash, role) -> None:
    assert clients[role].get(OVERVIEW, {"period": "asat:2019-12-31"}).status_code == 200


def test_listed_periods_open_for_a_member(clients, dash) -> None:
    for period in ("2019-20-Q3", "2019-20-YTD-Q3", "2019-20-Q1"):
        assert clients["member"].get(OVERVIEW, {"period": period}).status_code == 200


def test_uncached_computations_are_limited_per_user(clients, dash, monkeypatch) -> None:
    """Limit 3. The default quarter (Q3 2019-20) costs 2 computations (itself, and Q3
    2018-19 for the trend's first quarters); Q2 2019-20 costs 2 more: over the limit, so
    429. What is cached still opens, and another user has a limit of their own."""
    monkeypatch.setattr(figures, "COMPUTE_LIMIT", 3)
    member = clients["member"]
    assert member.get(OVERVIEW).status_code == 200
    busy = member.get(OVERVIEW, {"period": "2019-20-Q2"})
    assert busy.status_code == 429
    assert "Too many new figures at once" in busy.content.decode()
    assert 0 < int(busy["Retry-After"]) <= figures.COMPUTE_WINDOW
    assert member.get(OVERVIEW).status_code == 200  # cached: only rendering
    assert clients["manager"].get(OVERVIEW, {"period": "2019-20-Q2"}).status_code == 200
    assert member.get(OVERVIEW, {"period": "2019-20-Q2"}).status_code == 200  # now cached


def test_figures_are_kept_on_disk_per_snapshot(clients, dash, home, monkeypatch) -> None:
    """A second worker (an empty in-memory cache) reads the figures from disk without
    computing; a new snapshot is a new folder, so its figures are computed afresh."""
    assert clients["member"].get(OVERVIEW).status_code == 200
    folder = home / "cache" / "figures" / dash
    assert any(folder.glob("*.pickle"))
    figures.clear_cache()  # as another gunicorn worker would start

    calls: list[str] = []
    real = figures.compute

    def counting(con, period, **kwargs):
        calls.append(period.label)
        return real(con, period, **kwargs)

    monkeypatch.setattr(figures, "compute", counting)
    assert clients["member"].get(OVERVIEW).status_code == 200
    assert calls == []

    folder = snapshots.snapshot_dir(home)
    for suffix in (".duckdb", ".json"):
        shutil.copy(folder / f"{dash}{suffix}", folder / f"20200501T090000Z-def456{suffix}")
    snapshots.publish("20200501T090000Z-def456", home)
    assert snapshots.current().id == "20200501T090000Z-def456"
    assert clients["member"].get(OVERVIEW).status_code == 200
    # each period twice: the returns' indicators, and the registers' apart
    assert sorted(calls) == ["2018-19-Q3", "2018-19-Q3", "2019-20-Q3", "2019-20-Q3"]
    assert any((home / "cache" / "figures" / "20200501T090000Z-def456").glob("*.pickle"))


def test_the_headline_table_is_rendered_once_per_period_and_audience(
    clients, dash, monkeypatch
) -> None:
    """A page view is only the page around a kept table: rendered again for another period
    or another disclosure policy (Members), never for the same one."""
    from csc_insight.web.dashboard import views

    made: list[str] = []
    real = views.render_to_string

    def counting(template: str, context: dict) -> str:
        made.append(f"{context['period'].label}/{context['policy'].audience}")
        return real(template, context)

    monkeypatch.setattr(views, "render_to_string", counting)
    for role in ("analyst", "manager", "analyst"):
        page = clients[role].get(OVERVIEW, {"period": "2019-20-Q3"})
        assert page.status_code == 200 and 'id="headlines-caption"' in page.content.decode()
    clients["member"].get(OVERVIEW, {"period": "2019-20-Q3"})
    clients["analyst"].get(OVERVIEW, {"period": "2019-20-Q2"})
    assert made == ["2019-20-Q3/staff", "2019-20-Q3/member", "2019-20-Q2/staff"]


def test_a_register_change_recomputes_the_register_indicators_only(
    clients, dash, home, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    """The overview shows the LADO referrals from the registers: none kept at first (no
    data), then one referral saved; a change recomputes only the register indicators, and
    the old version's cached figures are removed from disk."""
    from datetime import date

    from csc_insight.registers.models import LadoContact

    def referrals() -> str:
        page = clients["manager"].get(OVERVIEW, {"period": "2019-20-Q3"}).content.decode()
        row = page.split('id="row-register_lado_referrals"')[1].split("</tr>")[0]
        return " ".join(lxml.html.fromstring(row.split(">", 1)[1]).text_content().split())

    assert referrals().startswith("LADO referrals No data Register not kept")
    calls: list[tuple[str, tuple[str, ...]]] = []
    real = figures.compute

    def counting(con, period, ids=None, **kwargs):
        calls.append((period.label, tuple(ids or ())))
        return real(con, period, ids=ids, **kwargs)

    monkeypatch.setattr(figures, "compute", counting)
    with django_capture_on_commit_callbacks(execute=True):
        LadoContact.objects.create(
            reference="L-1",
            received_on=date(2019, 10, 2),
            sector="education",
            category="physical",
            met_threshold=True,
        )
    assert referrals().startswith("LADO referrals 1 ")
    assert calls and all(i.startswith("register_") for _, ids in calls for i in ids)
    folders = list((home / "cache" / "figures" / dash).glob("registers-*"))
    assert len(folders) == 1 and folders[0].name.endswith(register_tables.version())
    with django_capture_on_commit_callbacks(execute=True):
        LadoContact.objects.filter(reference="L-1").get().delete()
    assert referrals().startswith("LADO referrals 0 ")  # kept, and none: 0, not no data
