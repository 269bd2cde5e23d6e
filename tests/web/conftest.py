"""Django test set-up for the web app: settings, a fresh CSC_INSIGHT_HOME per test, users
of every role, and a tiny hand-made snapshot with one child."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import django
import duckdb
import pytest

# Before Django is imported: the settings module reads these once.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csc_insight.web.settings")
os.environ.setdefault("CSC_INSIGHT_HOME", tempfile.mkdtemp(prefix="csc-web-tests-"))
django.setup()

from csc_insight.store import schema, snapshots  # noqa: E402

ROLES = ["member", "auditor", "manager", "analyst", "administrator"]
SNAPSHOT_ID = "20200401T090000Z-abc123"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def users(db: None) -> dict[str, object]:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {role: User.objects.create_user(f"u-{role}", role=role) for role in ROLES}


@pytest.fixture
def clients(users: dict[str, object]) -> dict[str, object]:
    from django.test import Client

    made = {"anonymous": Client()}
    for role, user in users.items():
        made[role] = Client()
        made[role].force_login(user)
    return made


def make_snapshot(base: Path, snapshot_id: str = SNAPSHOT_ID) -> str:
    """A snapshot file as the loader leaves one: DuckDB + manifest, made current."""
    folder = snapshots.snapshot_dir(base)
    con = duckdb.connect(str(folder / f"{snapshot_id}.duckdb"))
    schema.create(con)
    con.execute("""
        INSERT INTO children (child_id, dob, sex, ethnicity, source)
        VALUES ('C1', DATE '2012-03-04', 'M', 'WBRI', 'annex_a');
        INSERT INTO referrals (referral_id, child_id, referral_date, source_code, nfa,
                               primary_need, source)
        VALUES ('R1', 'C1', DATE '2019-07-01', '1A', false, 'N1', 'cin_census');
        INSERT INTO cp_plans (cp_plan_id, child_id, start_date, initial_category,
                              latest_category, previous_plans, source)
        VALUES ('P1', 'C1', DATE '2019-08-15', 'EMO', 'EMO', 0, 'cin_census');
    """)
    con.close()
    manifest = {
        "created_at": "2020-04-01T09:00:00Z",
        "created_by": "u-analyst",
        "files": [{"name": "annex_a.xlsx", "sha256": "0" * 64}],
        "rows": {"children": 1, "referrals": 1, "cp_plans": 1},
    }
    (folder / f"{snapshot_id}.json").write_text(json.dumps(manifest), encoding="utf-8")
    snapshots.publish(snapshot_id, base)
    return snapshot_id


def add_child(base: Path, child_id: str, referral_date: str = "2019-07-02") -> None:
    """Add a child with one referral to the current test snapshot (tests only: a real
    snapshot is never written after it is published)."""
    con = duckdb.connect(str(snapshots.current(base).path))
    con.execute(
        "INSERT INTO children (child_id, dob, sex, ethnicity, source) "
        "VALUES (?, DATE '2011-05-06', 'F', 'WBRI', 'annex_a')",
        [child_id],
    )
    con.execute(
        "INSERT INTO referrals (referral_id, child_id, referral_date, source_code, nfa, "
        "primary_need, source) VALUES (?, ?, CAST(? AS DATE), '1A', false, 'N1', 'cin_census')",
        [f"R-{child_id}", child_id, referral_date],
    )
    con.close()


@pytest.fixture
def snapshot(home: Path) -> str:
    return make_snapshot(home)


@pytest.fixture
def page() -> Iterator[object]:
    """A page in Debian's headless Chromium (Playwright cannot download browsers here)."""
    from playwright.sync_api import sync_playwright

    from .browser import ARGS, CHROMIUM, settling

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield settling(browser.new_page())
        browser.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The app served over the one-child snapshot, with an analyst, a Member and an
    Administrator (browser tests; a module may define its own)."""
    from .browser import serving

    make_snapshot(tmp_path)
    with serving(tmp_path, ("analyst", "member", "administrator")) as url:
        yield url
