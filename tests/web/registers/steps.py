"""What the whole-task register browser tests share: each page they land on has exactly one
h1 with the words a user reads, and no serious or critical axe-core violation."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from ..browser import accessible


def on_page(page, heading: str, check: bool = True) -> None:
    """The page's one h1 reads `heading`; axe-core finds nothing serious when `check` (a
    page of the same template already checked in the test may skip it)."""
    # expect() waits for the page a click led to: a count taken at once can catch it
    # half-loaded, with no h1 yet
    expect(page.locator("h1")).to_have_text([heading])
    if check:
        accessible(page)


def shoot(page, name: str) -> None:
    """Keep the page's image at 1280 and 320 px when CSC_SCREENSHOTS names a folder, and at
    both widths the page has no sideways scroll (WCAG 1.4.10)."""
    shots = os.environ.get("CSC_SCREENSHOTS")
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), width
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


# Each cell's text as a user sees it: the words hidden for screen readers left out, a
# line break or run of white space as one space.
_SEEN = """cells => cells.map(cell => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll(".govuk-visually-hidden").forEach(hidden => hidden.remove());
    copy.querySelectorAll("br").forEach(br => br.replaceWith(" "));
    return copy.textContent.replace(/\\s+/g, " ").trim();
})"""


def cells(row) -> list[str]:
    """A table row's cells as a user sees them."""
    return row.locator("td").evaluate_all(_SEEN)
