"""The page checker every fetched page goes through (the GOV.UK Notify pattern)."""

from __future__ import annotations

from collections import Counter

import lxml.html


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def check_page(html: str | bytes) -> lxml.html.HtmlElement:
    """One <h1> matching the title's first part, unique ids, GOV.UK classes on the frame."""
    doc = lxml.html.document_fromstring(html)
    h1s = doc.xpath("//h1")
    assert len(h1s) == 1, f"expected one <h1>, found {len(h1s)}"
    title = _text(doc.xpath("//title")[0])
    first = title.split(" – ")[0].removeprefix("Error: ")
    assert _text(h1s[0]) == first, f"<h1> {_text(h1s[0])!r} differs from title {title!r}"
    ids = Counter(doc.xpath("//@id"))
    assert not [i for i, n in ids.items() if n > 1], f"duplicate ids: {ids.most_common(3)}"
    assert "govuk-template" in doc.get("class", "").split()
    assert doc.xpath("//body[contains(@class, 'govuk-template__body')]")
    assert doc.xpath("//main[@id='main-content' and contains(@class, 'govuk-main-wrapper')]")
    assert doc.xpath("//a[contains(@class, 'govuk-skip-link')][@href='#main-content']")
    assert not doc.xpath("//script[not(@src)]"), "inline script"
    assert not doc.xpath("//*[@style]"), "inline style"
    return doc
