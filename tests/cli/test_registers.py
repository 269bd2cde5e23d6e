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


def test_lado_import_then_list(tmp_path, users, capsys) -> None:
    """L-1: a referral received Wed 2 Oct 2019 with its meeting on Thu 10 Oct (the 6th
    working day: late). Row 3 has a sector that is not one (quarantined)."""
    path = tmp_path / "lado.csv"
    path.write_text(
        "REFERENCE,RECEIVED,SECTOR,CATEGORY,THRESHOLD,INITIAL_MEETING,OUTCOME,CONCLUDED\n"
        "L-1,02/10/2019,education,physical,Y,10/10/2019,unfounded,01/11/2019\n"
        "L-2,03/10/2019,circus,physical,Y,,,\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "lado", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "1 added, 0 updated, 1 quarantined\n"
    assert captured.err.startswith("lado.csv, row 3, column C 'SECTOR': Expected education")
    assert main(["registers", "list", "lado", "--user", "u-manager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "L-1\t2019-10-02\teducation\tphysical\tReferrals\t2019-10-10\tunfounded\t2019-11-01\t"
        "Initial evaluation meeting not held within 5 working days"
    )
    event = AccessEvent.objects.get()
    assert (event.route, event.child_ids) == ("cli:registers list lado", " L-1 ")


def test_private_fostering_import_then_list(tmp_path, users, capsys) -> None:
    register = tmp_path / "pf.csv"
    register.write_text(
        "CHILD,NOTIFIED,INITIAL_VISIT,VISITS,ENDED\n"
        "C1,01/10/2019,03/10/2019,14/11/2019,01/12/2019\n"
        "C9,01/10/2019,03/10/2019,,01/12/2019\n",
        encoding="utf-8",
    )
    awareness = tmp_path / "awareness.csv"
    awareness.write_text("DATE,KIND,TITLE\n08/07/2019,pf week,Stall\n", encoding="utf-8")
    assert main(["registers", "import", "private-fostering", str(register)]) == 0
    assert main(["registers", "import", "private-fostering-awareness", str(awareness)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 added, 0 updated, 0 quarantined",
        "1 added, 0 updated, 0 quarantined",
    ]
    RestrictedRecord.objects.create(
        child_id="C9", category="staff", reason="t", flagged_by=users["administrator"]
    )
    assert main(["registers", "list", "private-fostering", "--user", "u-manager"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # C1 was not assessed by 12 Nov (42 days), before it ended on 1 Dec: that alert stands;
    # no visit is overdue once the arrangement has ended
    assert sorted(lines[1:3]) == [
        "C1\t2019-10-01\t2019-10-03\t\t1\t2019-12-01\tAssessment not completed within 42 "
        "days of notification",
        "Restricted record",
    ]
    event = AccessEvent.objects.get()
    assert (event.route, event.child_ids) == ("cli:registers list private-fostering", " C1 ")


def test_providers_import_and_list(tmp_path, capsys) -> None:
    """Row 3 has no INSPECTED for its rating: quarantined; no data loaded, so the children
    placed are 'no data' and the downgrade fires wherever it is."""
    from datetime import date

    from csc_insight.registers.listing import providers_lines

    path = tmp_path / "providers.csv"
    path.write_text(
        "URN,NAME,TYPE,RATING,INSPECTED\nSC100001,Northway,IFA,Good,12/05/2017\n"
        "SC100002,Willow House,HOME,Good,\nSC100001,Northway,IFA,Inadequate,10/09/2019\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "providers", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "1 added, 0 updated, 1 quarantined\n"
    assert captured.err.startswith("providers.csv, row 3, column E 'INSPECTED': Expected")
    assert main(["registers", "list", "providers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("urn\tname\ttype\trating")
    assert lines[1].startswith("SC100001\tNorthway\tIndependent fostering agency\tInadequate")
    assert lines[-1] == "No returns loaded: the children placed with each provider are not known."
    assert providers_lines(on=date(2019, 12, 31))[1].split("\t")[-2:] == [
        "no data",
        "Ofsted rating down where our children live; No monitoring visit in the last 12 months",
    ]


def test_champions_import_and_list(tmp_path, capsys) -> None:
    from datetime import date

    from csc_insight.registers.listing import champions_lines

    path = tmp_path / "champions.csv"
    path.write_text(
        "DEPARTMENT,NAME,ROLE,APPOINTED\nOpen Spaces,Pat Sample,Head of Operations,01/06/2018\n"
        "Town Clerk's,,,\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "champions", str(path)]) == 0
    assert capsys.readouterr().out == "1 added, 0 updated, 0 quarantined\n"
    returns = tmp_path / "returns.csv"
    returns.write_text(
        "DEPARTMENT,HALF_YEAR,RECEIVED,ASSURANCE\nOpen Spaces,2019-20-H1,20/10/2019,green\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "champions", str(returns)]) == 0
    capsys.readouterr()
    assert main(["registers", "list", "champions"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("department\tchampion")
    assert champions_lines(on=date(2019, 11, 1)) == [
        "department\tchampion\trole\tappointed\t2019-20-H1 return\talerts",
        "Open Spaces\tPat Sample\tHead of Operations\t2018-06-01\tgreen 2019-10-20\t",
        "Town Clerk's\t\t\t\t\tNo safeguarding champion; Assurance return overdue for the "
        "last half-year",
        "Training completed: 0 records",
    ]
    bad = tmp_path / "training.csv"
    bad.write_text("NAME,COURSE\nJo,Prevent\n", encoding="utf-8")
    assert main(["registers", "import", "champions", str(bad)]) == 1
    assert "Nothing was imported." in capsys.readouterr().err


def test_virtual_school_import_and_list_with_nothing_loaded(
    tmp_path, users, capsys, monkeypatch
) -> None:
    """A PEPs file (known by PEP_DATE) with a bad grade on row 3; a file that is no Virtual
    School file imports nothing. With no returns loaded the list says so and shows the
    children with a record this school year."""
    from csc_insight.registers.virtual_school_models import VsPep

    path = tmp_path / "peps.csv"
    path.write_text(
        "CHILD,PEP_DATE,GRADE\nC1,10/10/2019,requires improvement\nC2,11/10/2019,fine\n",
        encoding="utf-8",
    )
    assert main(["registers", "import", "virtual-school", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "1 added, 0 updated, 1 quarantined\n"
    assert captured.err.startswith("peps.csv, row 3, column C 'GRADE': Expected Outstanding")
    other = tmp_path / "other.csv"
    other.write_text("CHILD,WHEN\nC1,01/01/2020\n", encoding="utf-8")
    assert main(["registers", "import", "virtual-school", str(other)]) == 1
    assert "Nothing was imported." in capsys.readouterr().err
    assert VsPep.objects.count() == 1
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2019-11-01")
    assert main(["registers", "list", "virtual-school", "--user", "u-manager"]) == 0
    captured = capsys.readouterr()
    assert "No returns loaded: who is looked after is not known." in captured.err
    lines = captured.out.splitlines()
    assert lines[1] == "# on the register in 2019-20 (who is looked after: no data)"
    assert lines[2].split("\t")[0] == "C1"
    assert lines[2].endswith("Latest PEP graded below good")
    assert lines[-2] == "Autumn term 2019: no data on who is looked after"
