"""`csc-insight registers import|list missing`: the import reports bad rows and imports the
rest; the list masks restricted records and is one access-log event."""

from __future__ import annotations

import pytest

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.cli import main
from csc_insight.registers.models import MissingEpisode

pytestmark = pytest.mark.django_db


def test_import_then_list(tmp_path, users, capsys) -> None:
    """C1: returned 3 Oct, no RHI by 31 Dec (72-hour alert). C9: restricted. Row 4 has a bad
    date and is quarantined; the command still succeeds."""
    path = tmp_path / "register.csv"
    path.write_text(
        "CHILD,MISSING_FROM,START,RETURNED\nC1,care,01/10/2019,03/10/2019\n"
        "C9,home,02/10/2019,02/10/2019\nC5,home,32/10/2019,\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "missing", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "2 added, 0 updated, 1 quarantined\n"
    assert captured.err.startswith("register.csv, row 4, column C 'START': Expected a date")
    assert MissingEpisode.objects.count() == 2
    RestrictedRecord.objects.create(
        child_id="C9", category="staff", reason="t", flagged_by=users["administrator"]
    )
    assert main(["registers", "list", "missing", "--user", "u-manager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "Restricted record"
    assert lines[2] == (
        "C1\t2019-10-01\tcare\t2019-10-03\t\t\tRegister\t"
        "No return interview offered within 72 hours"
    )
    event = AccessEvent.objects.get()
    assert (event.username, event.route, event.child_ids) == (
        "u-manager",
        "cli:registers list missing",
        " C1 ",
    )


def test_a_file_that_cannot_be_read_imports_nothing(tmp_path, capsys) -> None:
    path = tmp_path / "register.txt"
    path.write_text("CHILD\n", encoding="utf-8")
    assert main(["registers", "import", "missing", str(path)]) == 1
    assert "Nothing was imported." in capsys.readouterr().err
    assert not MissingEpisode.objects.exists()
