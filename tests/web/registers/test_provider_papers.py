"""The registers' annual public papers, `committee providers-annual|safeguarding-annual
--year 2019-20`: read back from HTML, DOCX (python-docx) and, where LibreOffice is
installed, PDF (pdftotext); with no records they say so in words."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest
from docx import Document

from csc_insight.cli import main
from csc_insight.registers.models import (
    AssuranceReturn,
    Champion,
    Department,
    Provider,
    ProviderInspection,
    ProviderVisit,
    TrainingRecord,
)
from csc_insight.store import snapshots

pytestmark = pytest.mark.django_db
HAS_SOFFICE = shutil.which("soffice") is not None


def _paper(kind: str, out: Path, meeting: str = "2020-06-10") -> str:
    fmt = out.suffix[1:]
    args = ["committee", kind, "--year", "2019-20", "--meeting", meeting, "--format", fmt]
    assert main([*args, "--out", str(out)]) == 0
    if fmt == "html":
        import lxml.html

        body = lxml.html.parse(str(out)).getroot().body
        return " ".join(" ".join(body.itertext()).split())
    if fmt == "pdf":
        done = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        )
        return " ".join(done.stdout.split())
    doc = Document(str(out))
    cells = [" | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _providers(home: Path) -> None:
    """Northway (IFA): Good in 2017, Requires improvement on 10 September 2019, visited 1
    June 2019 (met). Willow House (home): Outstanding, never visited. Step Forward
    (supported): not inspected, visited October 2018. Children: C1 and C2 at Northway now;
    C3 and C10-C16 at Willow House for part of the year (gone by its end)."""
    northway = Provider.objects.create(urn="SC100001", name="Northway Fostering", kind="ifa")
    willow = Provider.objects.create(urn="SC100002", name="Willow House", kind="home")
    step = Provider.objects.create(urn="2100003", name="Step Forward", kind="supported")
    ProviderInspection.objects.create(
        provider=northway, inspected_on=date(2017, 5, 12), rating="good"
    )
    ProviderInspection.objects.create(
        provider=northway, inspected_on=date(2019, 9, 10), rating="requires_improvement"
    )
    ProviderInspection.objects.create(
        provider=willow, inspected_on=date(2019, 2, 1), rating="outstanding"
    )
    ProviderVisit.objects.create(provider=northway, visited_on=date(2019, 6, 1), result="met")
    ProviderVisit.objects.create(provider=step, visited_on=date(2018, 10, 1), result="partly")
    con = duckdb.connect(str(snapshots.current(home).path))
    rows = [("C1", "2019-05-01", None, "SC100001"), ("C2", "2019-06-01", None, "SC100001")]
    rows += [(f"C{i}", "2019-04-10", "2019-08-01", "SC100002") for i in (3, *range(10, 17))]
    for child, start, end, urn in rows:
        con.execute(
            "INSERT INTO cla_episodes (child_id, decom, dec, urn, source) "
            "VALUES (?, CAST(? AS DATE), CAST(? AS DATE), ?, 'ssda903')",
            [child, start, end, urn],
        )
    con.close()


def test_providers_paper(tmp_path: Path, home: Path, snapshot, capsys) -> None:
    """10 children during the year (shown); 2 at the year's end, at an IFA rated Requires
    improvement: 'c' in the cell, its row, its column and the total."""
    _providers(home)
    text = _paper("providers-annual", tmp_path / "p.html")
    assert "\tPublic\t" in capsys.readouterr().out
    assert (
        "The register holds 3 providers: 1 independent fostering agency, 1 semi-independent "
        "or supported accommodation provider, 1 children's home."
    ) in text
    assert ("1 Ofsted judgement in 2019-20 changed a provider's rating: 1 down and 0 up.") in text
    assert (
        "1 of the 3 providers had an annual monitoring visit in 2019-20, assessing the "
        "provider against the national minimum standards: the standards were met at 1 "
        "visit, partly met at 0 and not met at 0."
    ) in text
    assert (
        "At 31 March 2020, 2 providers had had no monitoring visit in the previous 12 "
        "months: Step Forward (2100003) Willow House (SC100002)"
    ) in text
    assert "During 2019-20, 10 looked-after children were placed at some time" in text
    for child in ("C1", "C10"):
        assert f" {child} " not in f" {text} "
    docx = _paper("providers-annual", tmp_path / "p.docx")
    assert (
        "Northway Fostering | SC100001 | Independent fostering agency | 10/09/2019 | Good | "
        "Requires improvement | Yes"
    ) in docx
    assert "Independent fostering agency | 0 | 0 | 1 | 0 | 0 | 1" in docx  # by rating
    assert "All providers | 1 | 0 | 1 | 0 | 1 | 3" in docx
    assert "Independent fostering agency | 0 | c | 0 | c" in docx  # children at the end
    assert "Children's home | 0 | 0 | 0 | 0" in docx
    assert "All providers | 0 | c | 0 | c" in docx
    assert "c: not shown to protect children's identities" in docx
    if HAS_SOFFICE:
        pdf = _paper("providers-annual", tmp_path / "p.pdf")
        assert "Independent Fostering Agencies and Other Providers: Annual Report 2019-20" in pdf
        assert "10 looked-after children were placed" in pdf


def test_providers_paper_with_nothing(tmp_path: Path) -> None:
    """No providers and no data loaded."""
    text = _paper("providers-annual", tmp_path / "p.html")
    assert (
        "The register holds no providers, so there are no Ofsted ratings, changes of rating "
        "or monitoring visits to report for 2019-20."
    ) in text
    assert (
        "No data: no returns are loaded, so the looked-after children placed with each "
        "provider are not known."
    ) in text
    assert "Members are asked to note the report." in text


def _champions() -> None:
    ccs = Department.objects.create(name="Community and Children's Services")
    spaces = Department.objects.create(name="Open Spaces")
    clerk = Department.objects.create(name="Town Clerk's")
    Champion.objects.create(
        department=ccs,
        name="Chris Example",
        role="Assistant Director",
        appointed_on=date(2018, 4, 1),
    )
    Champion.objects.create(
        department=spaces,
        name="Pat Sample",
        role="Head of Operations",
        appointed_on=date(2018, 6, 1),
        ended_on=date(2019, 12, 31),
    )
    Champion.objects.create(
        department=clerk, name="Lee Person", role="Head of Service", appointed_on=date(2019, 7, 1)
    )
    for dept, half, received, level, actions in (
        (ccs, "2019-20-H1", date(2019, 10, 15), "green", ""),
        (spaces, "2019-20-H1", date(2019, 11, 20), "amber", "Refresh training for park staff"),
        (ccs, "2019-20-H2", date(2020, 4, 20), "red", "Appoint a deputy champion"),
    ):
        AssuranceReturn.objects.create(
            department=dept, half_year=half, received_on=received, assurance=level, actions=actions
        )
    for name, course, day in (
        ("Chris Example", "Safeguarding champions' briefing", date(2019, 10, 10)),
        ("Jo Bloggs", "Safeguarding awareness", date(2019, 11, 11)),
        ("Jo Bloggs", "Prevent awareness", date(2020, 1, 5)),
        ("Jo Bloggs", "Prevent awareness", date(2019, 3, 1)),  # the year before
    ):
        TrainingRecord.objects.create(name=name, course=course, completed_on=day)


def test_safeguarding_paper(tmp_path: Path) -> None:
    """At 31 March 2020 Open Spaces's champion has stood down (31 December). At the June
    meeting both half-years are due: H1 from 2 of 3 (Open Spaces late), H2 from 1."""
    _champions()
    text = _paper("safeguarding-annual", tmp_path / "s.html")
    assert (
        "At 31 March 2020, 2 of the 3 departments had a safeguarding champion in post; these "
        "had none: Open Spaces"
    ) in text
    assert "In 2019-20, 1 champion was appointed and 1 stood down." in text
    assert (
        "2019-20-H1 (April-September 2019, due by 31 October 2019): returns from 2 of the 3 "
        "departments: 1 green, 1 amber, 0 red; 1 received after the due date."
    ) in text
    assert (
        "2019-20-H2 (October 2019-March 2020, due by 30 April 2020): returns from 1 of the 3 "
        "departments: 0 green, 0 amber, 1 red; 0 received after the due date."
    ) in text
    assert (
        "Community and Children's Services, 2019-20-H2 (Red): Appoint a deputy champion "
        "Open Spaces, 2019-20-H1 (Amber): Refresh training for park staff"
    ) in text
    assert (
        "In 2019-20, 2 members of staff completed safeguarding training (3 courses in all); "
        "1 of the 2 champions in post at the year's end did so."
    ) in text
    assert "Jo Bloggs" not in text
    docx = _paper("safeguarding-annual", tmp_path / "s.docx")
    assert "Open Spaces | None in post |  | " in docx
    assert "Town Clerk's | Lee Person | Head of Service | 01/07/2019" in docx
    assert (
        "Community and Children's Services | Green (received 15/10/2019) | Red (received "
        "20/04/2020)"
    ) in docx
    assert "Town Clerk's | Not received | Not received" in docx
    assert "Prevent awareness | 1" in docx
    if HAS_SOFFICE:
        pdf = _paper("safeguarding-annual", tmp_path / "s.pdf")
        assert "Safeguarding Champions and Assurance" in pdf
        assert "1 champion was appointed and 1 stood down" in pdf


def test_safeguarding_paper_before_the_second_return_is_due(tmp_path: Path) -> None:
    """At a meeting on 15 April 2020 the H2 returns are not yet due (and the one received
    on 20 April is not yet in)."""
    _champions()
    text = _paper("safeguarding-annual", tmp_path / "s.html", meeting="2020-04-15")
    assert "2019-20-H2 (October 2019-March 2020): returns are due by 30 April 2020." in text
    assert "Town Clerk's Not received Not yet due" in text


def test_safeguarding_paper_with_nothing(tmp_path: Path) -> None:
    text = _paper("safeguarding-annual", tmp_path / "s.html")
    assert (
        "No departments are on the register, so no safeguarding champions or assurance "
        "returns are recorded for 2019-20."
    ) in text
    assert "No safeguarding training completions are recorded for 2019-20." in text


def test_the_year_is_needed(tmp_path: Path, capsys) -> None:
    args = ["committee", "providers-annual", "--meeting", "2020-06-10", "--format", "html"]
    assert main([*args, "--out", str(tmp_path / "x.html")]) == 2
    assert "--year" in capsys.readouterr().err
    assert main([*args, "--year", "2019-20-Q3", "--out", str(tmp_path / "x.html")]) == 1
    assert "A year is written 2019-20" in capsys.readouterr().err
