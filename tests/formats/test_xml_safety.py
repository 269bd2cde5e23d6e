"""Hostile and broken XML is refused with a clear finding, never parsed or raised."""

from __future__ import annotations

from pathlib import Path

from csc_insight.formats.report import Report
from csc_insight.formats.xml_safety import MAX_DEPTH, SafeXML, check_prolog

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
    tags, safe, report = _events(tmp_path, "<?xml version='1.0'?>\n<!-- export -->\n"
                                 "<Message><A>1</A><B>&amp;</B></Message>")
    assert tags == ["A", "B", "Message"]
    assert safe.ok and report.issues == []


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
            + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">\n'
                      for i in range(2, 10)).replace("&lol1;", "&lol;")
            + ']>\n<Message><a>&lol9;</a></Message>')
    tags, safe, report = _events(tmp_path, bomb)
    assert tags == [] and not safe.ok
    code, row, message = _only_error(report)
    assert (code, row) == ("xml_doctype", 2)
    assert "DOCTYPE" in message
    assert report.issues[0].value.startswith("<!DOCTYPE lolz")


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           "<Message><a>&x;</a></Message>")
    tags, safe, report = _events(tmp_path, xxe)
    assert tags == [] and not safe.ok
    assert _only_error(report)[:2] == ("xml_doctype", 1)


def test_doctype_only_is_refused(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, '<!DOCTYPE html SYSTEM "about:legacy-compat">')
    assert not safe.ok
    assert _only_error(report)[:2] == ("xml_doctype", 1)


def test_entity_declared_after_a_comment_is_refused(tmp_path: Path) -> None:
    tags, safe, report = _events(tmp_path, "<?xml version='1.0'?>\n<!-- a -->\n<!-- b -->\n"
                                 '<!ENTITY x "y">\n<Message/>')
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
    tags, safe, report = _events(tmp_path, "<Message>" + "<a>" * depth + "</a>" * depth
                                 + "</Message>")
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
