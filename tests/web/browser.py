"""What every browser test shares: Debian's Chromium, the app served by gunicorn as
`csc-insight serve` runs it, signing in, and the axe-core check. The `page` fixture is in
conftest.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "a long test password 42"
CLI = str(Path(sys.executable).parent / "csc-insight")
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]


def settling(page: Page) -> Page:
    """`page`, its `click` returning only once a page the click led to has loaded.

    Playwright's click waits for the navigation it starts to commit, not for the new page
    to be parsed: a count of rows read at once (`locator.count()` does not wait) caught the
    audit sample's table half-loaded on CI. Every browser test's page is made settling."""
    click = page.click

    def click_and_settle(*args: Any, **kwargs: Any) -> None:
        click(*args, **kwargs)
        page.wait_for_load_state()

    page.click = click_and_settle  # type: ignore[method-assign]
    return page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(home: Path, roles: Iterable[str], commands: Iterable[list[str]] = ()) -> Iterator[str]:
    """The app on 127.0.0.1 for the install at `home`, with a user `b-<role>` (password
    PASSWORD) per role and the `csc-insight` commands given run first; yields its URL."""
    env = {**os.environ, "CSC_INSIGHT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    for role in roles:
        subprocess.run(
            [CLI, "createuser", f"b-{role}", "--role", role, "--password-stdin"],
            input=PASSWORD + "\n",
            text=True,
            env=env,
            check=True,
            capture_output=True,
        )
    for command in commands:
        subprocess.run([CLI, *command], env=env, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        [CLI, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/account/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it stands."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], page.url


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/")
    assert page.title().startswith("Sign in")
    accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")
