"""Reflow (WCAG 1.4.10) and axe, at 1280 px and at 320 px, on every page that
test_browser_reflow.py does not cover, for every role that may open it: the indicator page,
Data and its validation pages, plans, audits and moderation, committee papers and a draft,
the registers (providers, safeguarding champions, the IRO service and the Virtual School
too) and their edit pages, restricted records, the access log, users and the second-factor
page. The install is the demo's (the City synthesised, loaded, its registers imported, `plans
demo` and `audits demo`, run as at 31 March 2020), so pages carry real content, plus the few
records the demo does not make (RECORDS). The Auditor and Manager are the demo's own logins,
so the auditor is named on the demo round and the manager leads demo actions. Which role may
open which page comes from test_access.GET_EXPECTED (200 there means it is tested here). No
page may scroll sideways (document.scrollingElement.scrollWidth <= window.innerWidth): a wide
table scrolls in its own focusable region instead. Set CSC_SCREENSHOTS=folder to keep a
full-page image of each (role, width, page)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import CLI, MARKS, PASSWORD, accessible, serving, sign_in
from .test_access import GET_EXPECTED, WHO

pytestmark = MARKS

TODAY = "2020-03-31"
ROLES = ("member", "auditor", "manager", "analyst", "administrator")
# The demo's own Auditor and Manager: named on the demo round and leading demo actions.
LOGIN = {
    "member": "b-member",
    "auditor": "demo-auditor",
    "manager": "demo-manager",
    "analyst": "b-analyst",
    "administrator": "b-administrator",
}
WIDTHS = (1280, 320)
SYNTH = ["synth", "--profile", "city", "--seed", "1", "--start", "2017-04-01", "--end", TODAY]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """The app over the demo install, as `make demo` builds it, its snapshot's id and the
    batch id of a refused upload."""
    home = tmp_path_factory.mktemp("reflow-demo")
    city, registers = home / "synth" / "city", home / "synth" / "city_registers"
    env = {**os.environ, "CSC_INSIGHT_HOME": str(home), "CSC_INSIGHT_TODAY": TODAY}
    env.pop("DATABASE_URL", None)
    awareness = registers / "private_fostering_awareness.csv"
    commands = [
        [*SYNTH, "--out", str(city), "--registers-out", str(registers)],
        ["load", str(city)],
        ["registers", "import", "missing", str(registers / "missing_register.csv")],
        ["registers", "import", "cme", str(registers / "cme_register.csv")],
        ["registers", "import", "lado", str(registers / "lado_register.csv")],
        ["registers", "import", "private-fostering-awareness", str(awareness)],
        ["registers", "import", "providers", str(registers / "providers_register.csv")],
        *(
            ["registers", "import", "champions", str(registers / f"champions_{name}.csv")]
            for name in ("register", "assurance", "training")
        ),
        *(
            ["registers", "import", "iro", str(registers / f"iro_{name}.csv")]
            for name in ("escalations", "contacts")
        ),
        *(
            ["registers", "import", "virtual-school", str(registers / f"virtual_school_{name}.csv")]
            for name in ("schools", "peps", "attendance", "exclusions", "results", "activity")
        ),
        ["plans", "demo"],
        ["audits", "demo"],
    ]
    for command in commands:
        subprocess.run([CLI, *command], env=env, check=True, capture_output=True)
    for role in ("auditor", "manager"):
        subprocess.run(
            [CLI, "createuser", LOGIN[role], "--role", role, "--password-stdin"],
            input=PASSWORD + "\n",
            text=True,
            env=env,
            check=True,
            capture_output=True,
        )
    saved = {k: os.environ.get(k) for k in ("CSC_INSIGHT_TODAY",)}
    os.environ["CSC_INSIGHT_TODAY"] = TODAY
    try:
        (snapshot,) = (home / "snapshots").glob("*.duckdb")
        with serving(home, ("member", "analyst", "administrator")) as url:
            made = subprocess.run(
                [sys.executable, "-c", RECORDS],
                env={**env, "DJANGO_SETTINGS_MODULE": "csc_insight.web.settings"},
                check=True,
                capture_output=True,
                text=True,
            )
            yield url, snapshot.stem, made.stdout.strip()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# Records the demo does not make, so that the pages showing them can be looked at: a saved
# committee draft, a restricted record (for a child not in the data, so no other page
# changes), a private fostering arrangement (the City usually has none) and an upload that
# was refused (its result page), each made by the library's own code.
RECORDS = """
import django
django.setup()
from datetime import date
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.committee.models import Draft
from csc_insight.registers.models import PrivateFostering
from csc_insight.web.imports import uploads
admin = get_user_model().objects.get(username="b-administrator")
Draft.objects.create(kind="performance", meeting=date(2020, 2, 10), period="2019-20-Q3")
RestrictedRecord.objects.create(child_id="ZZ999999", category="staff", reason="Reflow test",
                                flagged_by=admin)
PrivateFostering.objects.create(child_id="PF000001", notified_on=date(2019, 11, 4),
                                notified_by="School", initial_visit_on=date(2019, 11, 8))
batch, paths = uploads.save([SimpleUploadedFile("not_a_return.csv", b"a,b\\n1,2\\n")], [])
uploads.load_batch(batch, paths, "b-analyst")
print(batch)
from csc_insight.access.accounts.provision import create_user
create_user("b-setup", "member", "a long test password 42")  # browser.PASSWORD
"""

# What sticks out past the viewport (outside a scrolling region): named in a failure.
WIDE = """[...document.querySelectorAll('main *')].filter(e =>
    e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.csc-table-scroll'))
  .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30))"""


def _may_open(route: str, role: str) -> bool:
    return GET_EXPECTED[route][WHO.index(role)] == 200


def _first_link(page, base: str, start: str, prefix: str) -> str | None:
    """The first link on `start` whose path begins with `prefix` and goes deeper."""
    page.goto(base + start)
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        path = href.split("#")[0]
        if path.startswith(prefix) and len(path) > len(prefix) and path.endswith("/"):
            rest = path[len(prefix) :].strip("/")
            if rest.split("/")[0] not in ("new", "import"):
                return path
    return None


def _first_edit(page, base: str, start: str, prefix: str) -> str | None:
    """The first edit link (`<prefix><id>/edit`) on the page `start`."""
    page.goto(base + start)
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        rest = href.split("#")[0].removeprefix(prefix)
        if href.startswith(prefix) and rest.split("/")[0].isdigit() and rest.endswith("edit"):
            return href
    return None


def _first_record_edit(page, base: str, child: str | None) -> str | None:
    """The first edit link (`<child page><kind>/<id>/edit`) on a Virtual School child's page."""
    if child is None:
        return None
    page.goto(base + child)
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        if href.startswith(child) and href.endswith("/edit"):
            return href
    return None


def _pages(page, base: str, snapshot: str, batch: str, role: str) -> list[tuple[str, str | None]]:
    """(route, path) of each page `role` may open, with ids found on the demo's pages."""
    fixed = [
        ("dashboard:indicator", "/indicators/contacts_decided_1wd_pct/"),
        ("dashboard:indicator", "/indicators/cla_long_term_stability_pct/"),
        ("accounts:second_factor", "/account/two-factor/"),
        ("accounts:users", "/account/users/"),
        ("accounts:user_new", "/account/users/new/"),
        ("imports:data", "/data/"),
        ("accesslog:search", "/access-log/"),
        ("audits:list", "/audits/"),
        ("audits:new", "/audits/new/"),
        ("audits:trends", "/audits/trends/"),
        ("audits:alerts", "/audits/alerts/"),
        ("audits:round", "/audits/1/"),
        ("audits:report", "/audits/1/report/"),
        ("audits:write_up", "/audits/1/write-up/"),
        ("audits:act", "/audits/1/act/"),
        ("plans:list", "/plans/"),
        ("plans:mine", "/plans/mine/"),
        ("plans:leads", "/plans/leads/"),
        ("plans:new", "/plans/new/"),
        ("plans:import", "/plans/import/"),
        ("plans:detail", "/plans/1/"),
        ("plans:detail", "/plans/2/"),
        ("plans:edit", "/plans/1/edit/"),
        ("plans:section_new", "/plans/1/sections/new/"),
        ("plans:review_new", "/plans/1/reviews/new/"),
        ("plans:action_new", "/plans/1/actions/new/"),
        ("committee:list", "/committee/"),
        ("committee:new", "/committee/new/"),
        ("restricted:list", "/restricted/"),
        ("restricted:new", "/restricted/new"),
        ("restricted:review", "/restricted/review"),
        ("registers:index", "/registers/"),
        ("registers:missing", "/registers/missing/"),
        ("registers:missing_new", "/registers/missing/new"),
        ("registers:missing_import", "/registers/missing/import"),
        ("registers:cme", "/registers/cme/"),
        ("registers:cme_new", "/registers/cme/new"),
        ("registers:lado", "/registers/lado/"),
        ("registers:lado_new", "/registers/lado/new"),
        ("registers:fostering", "/registers/private-fostering/"),
        ("registers:fostering_new", "/registers/private-fostering/new"),
        ("registers:awareness_new", "/registers/private-fostering/awareness/new"),
        ("registers:providers", "/registers/providers/"),
        ("registers:provider_new", "/registers/providers/new"),
        ("registers:providers_import", "/registers/providers/import"),
        ("registers:champions", "/registers/champions/"),
        ("registers:champions_import", "/registers/champions/import"),
        ("registers:champions_new", "/registers/champions/champion/new"),
        ("registers:champions_new", "/registers/champions/department/new"),
        ("registers:champions_new", "/registers/champions/return/new"),
        ("registers:champions_new", "/registers/champions/training/new"),
        ("registers:iro", "/registers/iro/"),
        ("registers:iro_import", "/registers/iro/import"),
        ("registers:iro_escalation_new", "/registers/iro/escalations/new"),
        ("registers:iro_contact_new", "/registers/iro/contacts/new"),
        ("registers:virtual_school", "/registers/virtual-school/"),
        ("registers:virtual_school_import", "/registers/virtual-school/import"),
        ("registers:virtual_school_school_new", "/registers/virtual-school/schools/new"),
        ("committee:edit", "/committee/1/"),
        ("restricted:record", "/restricted/1/"),
    ]
    pages = [(route, path) for route, path in fixed if _may_open(route, role)]
    found = []
    if _may_open("audits:case", role):
        found.append(("audits:case", _first_link(page, base, "/audits/1/", "/audits/1/cases/")))
    action = _first_link(page, base, "/plans/1/", "/plans/1/actions/")
    found.append(("plans:action", action))
    if action and _may_open("plans:action_edit", role):
        found += [
            ("plans:action_edit", action + "edit/"),
            ("plans:action_update", action + "update/"),
        ]
    if _may_open("audits:moderate", role):
        case = _first_link(page, base, "/audits/1/", "/audits/1/cases/")
        found.append(("audits:moderate", case and case + "moderate/"))
    if _may_open("imports:result", role):
        found.append(("imports:result", f"/data/uploads/{batch}/"))
    for route, listed, prefix in (
        ("registers:missing_edit", "/registers/missing/", "/registers/missing/"),
        ("registers:cme_edit", "/registers/cme/", "/registers/cme/"),
        ("registers:lado_edit", "/registers/lado/", "/registers/lado/"),
        (
            "registers:fostering_edit",
            "/registers/private-fostering/",
            "/registers/private-fostering/",
        ),
        (
            "registers:awareness_edit",
            "/registers/private-fostering/",
            "/registers/private-fostering/awareness/",
        ),
        *(
            ("registers:champions_edit", "/registers/champions/", f"/registers/champions/{what}/")
            for what in ("champion", "return", "training")
        ),
        (
            "registers:iro_escalation_edit",
            "/registers/iro/",
            "/registers/iro/escalations/",
        ),
        ("registers:iro_contact_edit", "/registers/iro/", "/registers/iro/contacts/"),
    ):
        if _may_open(route, role):
            found.append((route, _first_edit(page, base, listed, prefix)))
    if _may_open("registers:provider", role):
        provider = _first_link(page, base, "/registers/providers/", "/registers/providers/")
        found.append(("registers:provider", provider))
        found += [
            (route, provider and provider + tail)
            for route, tail in (
                ("registers:provider_edit", "edit"),
                ("registers:provider_inspection", "inspection"),
                ("registers:provider_visit", "visit"),
            )
            if _may_open(route, role)
        ]
    if _may_open("registers:virtual_school_child", role):
        child = _first_link(
            page, base, "/registers/virtual-school/", "/registers/virtual-school/child/"
        )
        found.append(("registers:virtual_school_child", child))
        found += [
            (f"registers:virtual_school_{kind}", child and child + tail)
            for kind, tail in (("new", "pep/new"), ("new", "exclusion/new"))
        ]
        found.append(("registers:virtual_school_edit", _first_record_edit(page, base, child)))
        found.append(
            (
                "registers:virtual_school_school_edit",
                _first_edit(
                    page, base, "/registers/virtual-school/", "/registers/virtual-school/schools/"
                ),
            )
        )
    if _may_open("imports:validation_rule", role):
        found.append(("imports:validation_rule", f"/data/snapshots/{snapshot}/validation/903_133/"))
    if _may_open("registers:iro_child", role):
        found.append(
            (
                "registers:iro_child",
                _first_link(page, base, "/registers/iro/", "/registers/iro/child/"),
            )
        )
    if _may_open("registers:missing", role):
        found.append(
            (
                "registers:missing_child",
                _first_link(page, base, "/registers/missing/", "/registers/missing/child/"),
            )
        )
    return pages + found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_reflows_and_passes_axe(server: tuple[str, str, str], page, role: str) -> None:
    shots = os.environ.get("CSC_SCREENSHOTS")
    base, snapshot, batch = server
    sign_in(page, base, LOGIN[role])
    pages = _pages(page, base, snapshot, batch, role)
    missing = [route for route, path in pages if path is None]
    failing = []
    # Each page is loaded once and looked at at each width in turn (a resize reflows it).
    for _route, path in pages:
        if path is None:
            continue
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        response = page.goto(base + path)
        if response.status != 200:
            failing.append((path, f"HTTP {response.status}"))
            continue
        if page.locator("h1").count() != 1:
            failing.append((path, "h1 count"))
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            if not page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"):
                failing.append((width, path, "overflow", page.evaluate(WIDE)))
            try:
                accessible(page)
            except AssertionError:
                failing.append((width, path, "axe"))
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                name = path.strip("/").replace("/", "_") or "start"
                page.screenshot(path=f"{shots}/{role}-{width}-{name}.png", full_page=True)
    print("\n".join(map(str, [missing, *failing])))
    assert missing == [] and failing == [], (missing, failing)


def _look(page, failing: list, label: str) -> None:
    """One h1, no sideways scroll and axe clean at each width, for the page as it stands."""
    if page.locator("h1").count() != 1:
        failing.append((label, "h1 count"))
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        if not page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"):
            failing.append((width, label, "overflow", page.evaluate(WIDE)))
        try:
            accessible(page)
        except AssertionError:
            failing.append((width, label, "axe"))
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def test_second_factor_setup_link_pages_reflow(server: tuple[str, str, str], page) -> None:
    """The pages of a required second factor, which answer a POST or a one-time link: the
    Administrator's setup-link page, and the user's own setup page opened by that link."""
    base, _, _ = server
    failing: list = []
    sign_in(page, base, LOGIN["administrator"])
    page.goto(base + "/account/users/")
    page.click("button:has-text('Require two-factor for b-setup')")
    page.wait_for_selector("#setup-link")
    _look(page, failing, "setup link")
    link = page.inner_text("#setup-link").strip()
    page.context.clear_cookies()
    sign_in(page, base, "b-setup")
    page.goto(link)
    assert page.url.endswith("/account/two-factor/"), page.url
    _look(page, failing, "set up an authenticator")
    assert failing == [], failing
