"""Reading untrusted XML safely: streaming parse that refuses DTDs, entities and deep nesting.

Uploaded XML (the CIN census) may be hostile or simply not XML. `SafeXML` streams a file with
lxml's `iterparse` and reports every refusal to a `Report` instead of raising:

- a file that is not XML at all (a renamed PNG, spreadsheet or PDF): `not_xml`;
- any DOCTYPE or ENTITY declaration in the prolog (billion laughs, external entities such
  as file:///etc/passwd): `xml_doctype`. Entities are never resolved, the network is never
  touched and no DTD is loaded, and an entity reference lxml still reports is refused too;
- nesting deeper than `MAX_DEPTH` elements: `xml_too_deep`;
- a truncated file or syntax error, with the line lxml gives: `xml_syntax`.

The caller iterates `SafeXML(path, report)` for ("start" | "end", element) events and checks
`.ok` afterwards: False means the file was refused part-way and nothing from it can be trusted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from csc_insight.formats.report import Report

MAX_DEPTH = 64
PROLOG_LIMIT = 1 << 20  # a prolog (declaration, comments) longer than 1 MiB is refused

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip file or spreadsheet (.xlsx)",
    b"%PDF": "a PDF document",
    b"\xd0\xcf\x11\xe0": "an old Office file (.xls or .doc)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
}
# Markup before the root element: declaration, processing instructions, comments, DOCTYPE.
_PROLOG_ITEM = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!)", re.DOTALL)


def check_prolog(path: Path, report: Report) -> bool:
    """Refuse a file that is not XML or whose prolog declares a DOCTYPE or ENTITY."""
    name = path.name
    with path.open("rb") as fh:
        head = fh.read(PROLOG_LIMIT)
    if not head.strip():
        report.error("empty_file", name, "The file is empty: expected a CIN census XML file.")
        return False
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            report.error("not_xml", name, f"This is not an XML file: it looks like {what}.")
            return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace").encode("utf-8")
    else:
        text = head.removeprefix(codecs.BOM_UTF8)
    pos = 0
    while match := _PROLOG_ITEM.match(text, pos):
        if match.group(1) == b"<!":
            line = text.count(b"\n", 0, match.start(1)) + 1
            report.error("xml_doctype", name, "The file declares a DOCTYPE or ENTITY: these are "
                         "refused because they can read other files or exhaust memory. The CIN "
                         "census needs neither; export the file again without it.", row=line,
                         value=text[match.start(1) : match.start(1) + 40].decode(errors="replace"))
            return False
        pos = match.end()
    rest = text[pos:].lstrip()
    if not rest.startswith(b"<"):
        report.error("not_xml", name, "This is not an XML file: expected it to start with '<'.",
                     value=rest[:20].decode("utf-8", errors="replace"))
        return False
    return True


class SafeXML:
    """Iterate ("start" | "end", element) events of an untrusted XML file; see the module."""

    def __init__(self, path: Path, report: Report) -> None:
        self.path, self.report = path, report
        self.ok = True

    def _refuse(self, code: str, message: str, **where: object) -> None:
        self.ok = False
        self.report.error(code, self.path.name, message, **where)

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        if not check_prolog(self.path, self.report):
            self.ok = False
            return
        events = etree.iterparse(
            str(self.path), events=("start", "end"), resolve_entities=False, no_network=True,
            load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True,
        )
        depth = 0
        try:
            for event, element in events:
                if event == "start":
                    depth += 1
                    if depth > MAX_DEPTH:
                        self._refuse("xml_too_deep", f"Elements are nested more than {MAX_DEPTH} "
                                     "deep: the file is refused.", row=element.sourceline)
                        return
                else:
                    depth -= 1
                    if any(isinstance(child, etree._Entity) for child in element):
                        self._refuse("xml_entity", "The file uses an entity reference: these "
                                     "are refused.", row=element.sourceline,
                                     column=etree.QName(element).localname)
                        return
                yield event, element
        except etree.XMLSyntaxError as exc:
            line = exc.lineno or (exc.position[0] if exc.position else None)
            self._refuse("xml_syntax", "The file is not well-formed XML (is it truncated?): "
                         f"{exc.msg}", row=line or None)
        except OSError as exc:
            self._refuse("unreadable", f"The file could not be read: {exc}")
