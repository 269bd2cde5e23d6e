"""Reading untrusted XML safely: streaming parse that refuses DTDs, entities and deep nesting.

Uploaded XML (the CIN census) may be hostile or simply not XML. `SafeXML` streams a file with
lxml's `iterparse` and reports every refusal to a `Report` instead of raising:

- a file that is not XML at all (a renamed PNG, spreadsheet or PDF): `not_xml`;
- any DOCTYPE or ENTITY declaration in the prolog (billion laughs, external entities such
  as file:///etc/passwd): `xml_doctype`, from the bytes before parsing and again from what
  libxml2 parsed before the root element. Entities are never resolved, the network is never
  touched and no DTD is loaded; without a DTD an entity reference is a well-formedness error;
- nesting deeper than `MAX_DEPTH` elements: `xml_too_deep`;
- a truncated file or syntax error, with the line lxml gives: `xml_syntax`.

The caller iterates `SafeXML(path, report, tags)`: first ("start", root element), its children
not yet read, then ("end", element) for each element named in `tags` (local names, any
namespace; every element when None) as it closes. lxml picks those elements out in C, so an
England-sized file costs Python time per `Child`, not per element. Read what you need from an
element inside the loop: once the loop has moved on it is freed, with everything before it,
so memory stays flat. Depth is checked in C over what is in memory every `RELEASE_EVERY`
elements (before any of it is freed) and at the end. Check `.ok` afterwards: False means the
file was refused part-way and nothing from it can be trusted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from csc_insight.common.report import Report

MAX_DEPTH = 64
RELEASE_EVERY = 1000  # elements handed out between depth checks (and freeing)
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
_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
# Elements nested deeper than MAX_DEPTH, counting the root (the context node) as 1.
_DEEP_PATH = "/".join(["*"] * MAX_DEPTH)
_ANY_TOO_DEEP = etree.XPath(f"boolean({_DEEP_PATH})")
_FIRST_TOO_DEEP = etree.XPath(f"({_DEEP_PATH})[1]")


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
            report.error(
                "xml_doctype",
                name,
                "The file declares a DOCTYPE or ENTITY: these are "
                "refused because they can read other files or exhaust memory. The CIN "
                "census needs neither; export the file again without it.",
                row=line,
                value=text[match.start(1) : match.start(1) + 40].decode(errors="replace"),
            )
            return False
        pos = match.end()
    rest = text[pos:].lstrip()
    if not rest.startswith(b"<"):
        report.error(
            "not_xml",
            name,
            "This is not an XML file: expected it to start with '<'.",
            value=rest[:20].decode("utf-8", errors="replace"),
        )
        return False
    return True


# libxml2 keeps an element's line in 16 bits: from this line on, lxml's `sourceline` is the
# line of the element's first child instead (for a text child, the line where it ends).
_BIG_LINE = 65535


def line_of(element: etree._Element) -> int:
    """The line of the element's start tag, also past line 65,535 of a pretty-printed file,
    where lxml's `sourceline` gives the line after it (0 when unknown)."""
    line = element.sourceline or 0
    if line < _BIG_LINE:
        return line
    if element.text:
        return line - element.text.count("\n")
    if len(element) and isinstance(element[0].tag, str):
        return line_of(element[0])
    return line


class SafeXML:
    """Iterate the events of an untrusted XML file; see the module."""

    def __init__(self, path: Path, report: Report, tags: Iterable[str] | None = None) -> None:
        self.path, self.report = path, report
        self.tags = None if tags is None else tuple(f"{{*}}{tag}" for tag in tags)
        self.ok = True

    def _refuse(self, code: str, message: str, **where: object) -> None:
        self.ok = False
        self.report.error(code, self.path.name, message, **where)

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        if not check_prolog(self.path, self.report):
            self.ok = False
            return
        try:
            root = _first_start(self.path)
            if root is not None:
                if _declares_doctype(root):
                    self._refuse(
                        "xml_doctype",
                        "The file declares a DOCTYPE: these are refused "
                        "because they can read other files or exhaust memory.",
                        row=root.sourceline,
                    )
                    return
                yield "start", root
            events = etree.iterparse(str(self.path), events=("end",), tag=self.tags, **_OPTIONS)
            pending: list[etree._Element] = []
            for _, element in events:
                yield "end", element
                pending.append(element)
                if len(pending) == RELEASE_EVERY:
                    if not self._shallow_enough(element.getroottree().getroot()):
                        return
                    _release(pending)
            if events.root is not None and self._shallow_enough(events.root):
                _release(pending)
        except etree.XMLSyntaxError as exc:
            message, line = exc.msg, exc.lineno
            if not line:  # iterparse's vague 'no element found': libxml2 logged the real one
                logged = [
                    e for e in exc.error_log.filter_from_errors() if e.filename == str(self.path)
                ]
                message, line = (logged[-1].message, logged[-1].line) if logged else (message, 0)
            self._refuse(
                "xml_syntax",
                f"The file is not well-formed XML (is it truncated?): {message}",
                row=line or None,
            )
        except OSError as exc:
            self._refuse("unreadable", f"The file could not be read: {exc}")

    def _shallow_enough(self, root: etree._Element) -> bool:
        """Refuse (False) when anything still in the tree is nested deeper than MAX_DEPTH."""
        if not _ANY_TOO_DEEP(root):
            return True
        self._refuse(
            "xml_too_deep",
            f"Elements are nested more than {MAX_DEPTH} deep: the file is refused.",
            row=_FIRST_TOO_DEEP(root)[0].sourceline,
        )
        return False


def _first_start(path: Path) -> etree._Element | None:
    """The root element as its start tag is read (its children are not), or None."""
    try:
        for _, element in etree.iterparse(str(path), events=("start",), **_OPTIONS):
            return element
    except etree.XMLSyntaxError:
        pass  # the full parse reports it, with its line
    return None


def _declares_doctype(root: etree._Element) -> bool:
    # check_prolog reads bytes; an encoding it cannot see through (UTF-16 without a BOM) could
    # hide a DOCTYPE, so ask libxml2 what it parsed before the root too.
    info = root.getroottree().docinfo
    return bool(info.doctype) or info.internalDTD is not None


def _release(elements: list[etree._Element]) -> None:
    """Free elements already handed out, and what came before each of them, then forget them."""
    for element in elements:
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
    elements.clear()
