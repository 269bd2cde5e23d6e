"""Hostile and broken XML is refused with a clear finding, never parsed or raised."""

from __future__ import annotations

from pathlib import Path

from csc_insight.common.report import Report
from csc_insight.common.xml_safety import MAX_DEPTH, RELEASE_EVERY, SafeXML, check_prolog

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def _events(tmp_path: Path, content: bytes | str) -> tuple[list[str], SafeXML, Report]:
    path = tmp_path / "upload.xml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    report = Report()
    safe = SafeXML(path, report)
    tags = [element.tag for event, element in safe if event == "end"]
    return tags, safe, report


def _only_error(report: Report) -> tuple[str, int | None, str]:
    assert len(report.issues) == 1, report.issues
    issue = report.issues[0]
    assert issue.severity == "error"
    assert issue.file == "upload.xml"
    return issue.code, issue.row, issue.message


def test_well_formed_file_streams_every_element(tmp_path: Path) -> None:
    tags, safe, report = _events(
        tmp_path, "<?xml version='1.0'?>\n<!-- export -->\n<Message><A>1</A><B>&amp;</B></Message>"
    )
    assert tags == ["A", "B", "Message"]
    assert safe.ok and report.issues == []


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n' for i in range(2, 10)
        ).replace("&lol1;", "&lol;")
        + "]>\n<Message><a>&lol9;</a></Message>"
    )
    tags, safe, report = _events(tmp_path, bomb)
    assert tags == [] and not safe.ok
    code, row, message = _only_error(report)
    assert (code, row) == ("xml_doctype", 2)
    assert "DOCTYPE" in message
    assert report.issues[0].value.startswith("<!DOCTYPE lolz")


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<Message><a>&x;</a></Message>"
    )
    tags, safe, report = _events(tmp_path, xxe)
    assert tags == [] and not safe.ok
    assert _only_error(report)[:2] == ("xml_doctype", 1)


def test_doctype_only_is_refused(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, '<!DOCTYPE html SYSTEM "about:legacy-compat">')
    assert not safe.ok
    assert _only_error(report)[:2] == ("xml_doctype", 1)


def test_entity_declared_after_a_comment_is_refused(tmp_path: Path) -> None:
    tags, safe, report = _events(
        tmp_path, "<?xml version='1.0'?>\n<!-- a -->\n<!-- b -->\n<!ENTITY x \"y\">\n<Message/>"
    )
    assert _only_error(report)[:2] == ("xml_doctype", 4)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = "<Message>" + "<a>" * MAX_DEPTH + "</a>" * MAX_DEPTH + "</Message>"
    tags, safe, report = _events(tmp_path, deep)
    assert not safe.ok
    code, row, message = _only_error(report)
    assert code == "xml_too_deep" and row == 1
    assert "64" in message


def test_nesting_at_the_limit_is_accepted(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 1  # plus the root
    tags, safe, report = _events(
        tmp_path, "<Message>" + "<a>" * depth + "</a>" * depth + "</Message>"
    )
    assert safe.ok and len(tags) == MAX_DEPTH


def test_truncated_file_reports_the_line(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, "<Message>\n<Child>\n<A>1</A>\n<B>2</B>\n<C>3")
    assert tags == ["A", "B"]  # what came before the break was seen, but ok is False
    assert not safe.ok
    code, row, message = _only_error(report)
    assert (code, row) == ("xml_syntax", 5)
    assert "truncated" in message


def test_renamed_png_is_not_xml(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, PNG)
    code, row, message = _only_error(report)
    assert code == "not_xml" and "PNG image" in message


def test_plain_text_is_not_xml(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, "CHILD,DOB\n1,01/01/2010\n")
    code, _, message = _only_error(report)
    assert code == "not_xml"
    assert report.issues[0].value == "CHILD,DOB\n1,01/01/20"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "upload.xml"
    path.write_bytes(b"  \n")
    report = Report()
    assert check_prolog(path, report) is False
    assert _only_error(report)[0] == "empty_file"


def test_undeclared_entity_reference_is_a_syntax_error(tmp_path: Path) -> None:
    # Without a DTD (refused above) no entity can be declared, so libxml2 rejects the reference.
    tags, safe, report = _events(tmp_path, "<Message>\n<a>&x;</a></Message>")
    assert tags == [] and not safe.ok
    assert _only_error(report)[:2] == ("xml_syntax", 2)


def test_doctype_in_utf16_without_a_bom_is_refused(tmp_path: Path) -> None:
    # The byte check cannot read this prolog; libxml2 can, and says what it found.
    doc = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE m [<!ENTITY x "boo">]>\n'
        "<Message><a>&x;</a></Message>"
    )
    tags, safe, report = _events(tmp_path, doc.encode("utf-16-le"))
    assert tags == [] and not safe.ok
    assert _only_error(report)[:2] == ("xml_doctype", 3)


def _named(tmp_path: Path, content: str, tags: tuple[str, ...]) -> tuple[list, SafeXML, Report]:
    path = tmp_path / "upload.xml"
    path.write_text(content, encoding="utf-8")
    report = Report()
    safe = SafeXML(path, report, tags=tags)
    return [(event, element.tag) for event, element in safe], safe, report


def test_named_elements_only_in_any_namespace_after_the_root(tmp_path: Path) -> None:
    events, safe, report = _named(
        tmp_path,
        '<m:Message xmlns:m="urn:x"><m:Child><a/></m:Child><b><Child/></b><Header/></m:Message>',
        ("Child", "Header"),
    )
    assert events == [
        ("start", "{urn:x}Message"),
        ("end", "{urn:x}Child"),
        ("end", "Child"),
        ("end", "Header"),
    ]
    assert safe.ok and report.issues == []


def test_deep_nesting_inside_a_named_element_is_refused(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 1  # plus Message and Child: one too many
    events, safe, report = _named(
        tmp_path,
        "<Message>\n<Child>" + "<a>" * depth + "</a>" * depth + "</Child></Message>",
        ("Child",),
    )
    assert not safe.ok
    assert _only_error(report)[:2] == ("xml_too_deep", 2)


def test_deep_nesting_outside_named_elements_is_refused(tmp_path: Path) -> None:
    deep = "<Message><Child/>" + "<a>" * MAX_DEPTH + "</a>" * MAX_DEPTH + "<Child/></Message>"
    events, safe, report = _named(tmp_path, deep, ("Child",))
    assert not safe.ok
    assert _only_error(report)[0] == "xml_too_deep"


def test_nesting_at_the_limit_inside_a_named_element_is_accepted(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 2
    events, safe, report = _named(
        tmp_path,
        "<Message><Child>" + "<a>" * depth + "</a>" * depth + "</Child></Message>",
        ("Child",),
    )
    assert safe.ok and events == [("start", "Message"), ("end", "Child")]


def test_elements_are_freed_once_the_loop_has_moved_on(tmp_path: Path) -> None:
    path = tmp_path / "upload.xml"
    count = 4 * RELEASE_EVERY + 5
    child = "<Child><a>" + "1" * 200 + "</a></Child>"  # the parser reads ahead a few KiB
    path.write_text(
        "<Message><Children>" + child * count + "</Children></Message>", encoding="utf-8"
    )
    most_held = 0
    children = None
    for event, element in SafeXML(path, Report(), tags=("Child",)):
        if event == "end":
            children = element.getparent()
            most_held = max(most_held, len(children))
            assert len(element) == 1  # intact while the loop body has it
    assert children is not None
    assert most_held < 2 * RELEASE_EVERY  # not all 4005
    assert len(children) == 1 and len(children[0]) == 0  # only the last, emptied
