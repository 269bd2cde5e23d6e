"""CIN census XML reader: the canonical rows it writes and the findings it reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.common.report import Report
from csc_insight.formats import cin_census, tabular
from csc_insight.store import schema

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<Message>
<Header>
<CollectionDetails>
<Collection>CIN</Collection>
<Year>2020</Year>
<ReferenceDate>2020-03-31</ReferenceDate>
</CollectionDetails>
</Header>
<Children>
"""  # 10 lines: the first Child starts on line 11
FOOTER = "</Children>\n</Message>\n"

FULL_CHILD = """<Child>
<ChildIdentifiers>
<LAchildID> c1 </LAchildID>
<UPN>A123456789012</UPN>
<PersonBirthDate>2010-05-01</PersonBirthDate>
<GenderCurrent>2</GenderCurrent>
</ChildIdentifiers>
<ChildCharacteristics>
<Ethnicity>WBRI</Ethnicity>
<Disabilities><Disability>NONE</Disability></Disabilities>
</ChildCharacteristics>
<CINdetails>
<CINreferralDate>2019-06-01</CINreferralDate>
<ReferralSource>1A</ReferralSource>
<PrimaryNeedCode>N1</PrimaryNeedCode>
<CINclosureDate>2020-01-10</CINclosureDate>
<ReasonForClosure>RC8</ReasonForClosure>
<ReferralNFA>false</ReferralNFA>
<Assessments>
<AssessmentActualStartDate>2019-06-02</AssessmentActualStartDate>
<AssessmentAuthorisationDate>01/07/2019</AssessmentAuthorisationDate>
<FactorsIdentifiedAtAssessment>
<AssessmentFactors>1a</AssessmentFactors>
<AssessmentFactors>3B</AssessmentFactors>
</FactorsIdentifiedAtAssessment>
</Assessments>
<CINPlanDates>
<CINPlanStartDate>2019-07-05</CINPlanStartDate>
</CINPlanDates>
<Section47>
<S47ActualStartDate>2019-07-20</S47ActualStartDate>
<InitialCPCtarget>2019-08-09</InitialCPCtarget>
<DateOfInitialCPC>2019-08-01</DateOfInitialCPC>
<ICPCnotRequired>0</ICPCnotRequired>
</Section47>
<ChildProtectionPlans>
<CPPstartDate>2019-08-01</CPPstartDate>
<CPPendDate>2019-12-01</CPPendDate>
<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
<NumberOfPreviousCPP>1</NumberOfPreviousCPP>
<Reviews>
<CPPreviewDate>2019-10-01</CPPreviewDate>
<CPPreviewDate>2019-11-15</CPPreviewDate>
</Reviews>
</ChildProtectionPlans>
</CINdetails>
</Child>
"""
# Lines (the Child opens on 11): CINdetails 22, Assessments 29, CINPlanDates 37,
# Section47 40, ChildProtectionPlans 46, CPPreviewDate 53 and 54.


def _child(child_id: str, body: str = "", *, dob: str = "2015-01-01", extra_ids: str = "") -> str:
    """A Child on 5 + len(body lines) lines: ids on its lines 2-5."""
    return (
        f"<Child>\n<ChildIdentifiers>\n<LAchildID>{child_id}</LAchildID>\n"
        + (f"<PersonBirthDate>{dob}</PersonBirthDate>\n" if dob else "<UPN/>\n")
        + extra_ids
        + "</ChildIdentifiers>\n"
        + body
        + "</Child>\n"
    )


def _episode(*lines: str) -> str:
    return "<CINdetails>\n" + "".join(line + "\n" for line in lines) + "</CINdetails>\n"


def _load(
    tmp_path: Path, children: str, *, header: str = HEADER, name: str = "cin_census_2020.xml"
) -> tuple[duckdb.DuckDBPyConnection, Report, dict]:
    path = tmp_path / name
    path.write_text(header + children + FOOTER, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(con)
    report = Report()
    written = cin_census.read(path, con, report)
    return con, report, written


def _where(report: Report, severity: str = "error") -> list[tuple]:
    return [
        (i.code, i.file, i.row, i.column, i.value) for i in report.issues if i.severity == severity
    ]


def test_full_child_maps_to_every_canonical_table(tmp_path: Path) -> None:
    con, report, written = _load(tmp_path, FULL_CHILD)
    assert report.issues == []
    assert written == {
        "children": 1,
        "referrals": 1,
        "assessments": 1,
        "cin_plans": 1,
        "s47_enquiries": 1,
        "cp_plans": 1,
        "cp_reviews": 2,
        "pre_proceedings": 0,
    }
    f = "cin_census_2020.xml"
    assert con.execute(
        "SELECT child_id, upn, dob, expected_dob, sex, ethnicity, disability, uasc, death_date, "
        "source, source_ref FROM children"
    ).fetchall() == [
        (
            "C1",
            "A123456789012",
            date(2010, 5, 1),
            None,
            "F",
            "WBRI",
            False,
            None,
            None,
            "cin_census",
            f"{f}:11",
        )
    ]
    assert con.execute(
        "SELECT referral_id, child_id, referral_date, source_code, nfa, primary_need, "
        "closure_date, closure_reason, source_ref FROM referrals"
    ).fetchall() == [
        (
            "C1/REF/2019-06-01",
            "C1",
            date(2019, 6, 1),
            "1A",
            False,
            "N1",
            date(2020, 1, 10),
            "RC8",
            f"{f}:22",
        )
    ]
    assert con.execute(
        "SELECT assessment_id, child_id, referral_id, start_date, authorised_date, factors, "
        "source_ref FROM assessments"
    ).fetchall() == [
        (
            "C1/ASMT/2019-06-02",
            "C1",
            "C1/REF/2019-06-01",
            date(2019, 6, 2),
            date(2019, 7, 1),
            "1A,3B",
            f"{f}:29",
        )
    ]
    assert con.execute(
        "SELECT cin_plan_id, referral_id, start_date, end_date, source_ref FROM cin_plans"
    ).fetchall() == [("C1/CINP/2019-07-05", "C1/REF/2019-06-01", date(2019, 7, 5), None, f"{f}:37")]
    assert con.execute(
        "SELECT s47_id, referral_id, start_date, icpc_target_date, icpc_date, "
        "icpc_not_required, source_ref FROM s47_enquiries"
    ).fetchall() == [
        (
            "C1/S47/2019-07-20",
            "C1/REF/2019-06-01",
            date(2019, 7, 20),
            date(2019, 8, 9),
            date(2019, 8, 1),
            False,
            f"{f}:40",
        )
    ]
    assert con.execute(
        "SELECT cp_plan_id, referral_id, start_date, end_date, initial_category, "
        "latest_category, previous_plans, source, source_ref FROM cp_plans"
    ).fetchall() == [
        (
            "C1/CPP/2019-08-01",
            "C1/REF/2019-06-01",
            date(2019, 8, 1),
            date(2019, 12, 1),
            "NEG",
            "EMO",
            1,
            "cin_census",
            f"{f}:46",
        )
    ]
    assert con.execute("SELECT * FROM cp_reviews ORDER BY review_date").fetchall() == [
        ("C1/CPP/2019-08-01", "C1", date(2019, 10, 1), "cin_census", f"{f}:53"),
        ("C1/CPP/2019-08-01", "C1", date(2019, 11, 15), "cin_census", f"{f}:54"),
    ]


def test_temporary_tables_are_dropped(tmp_path: Path) -> None:
    con, _, _ = _load(tmp_path, FULL_CHILD)
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]


def test_2025_sex_expected_birth_disability_and_pre_proceedings(tmp_path: Path) -> None:
    child = (
        "<Child>\n<ChildIdentifiers>\n<LAchildID>k9</LAchildID>\n"
        "<ExpectedPersonBirthDate>2026-01-20</ExpectedPersonBirthDate>\n<Sex>U</Sex>\n"
        "</ChildIdentifiers>\n<ChildCharacteristics>\n<Disabilities>\n"
        "<Disability>NONE</Disability>\n<Disability>AUT</Disability>\n</Disabilities>\n"
        "</ChildCharacteristics>\n"
        + _episode(
            "<CINreferralDate>2025-11-03</CINreferralDate>",
            "<ReferralNFA>1</ReferralNFA>",
            "<PreProceedingsandFGDM>",
            "<PPStartDate>2025-11-10</PPStartDate>",
            "<LBPSentDate>2025-11-12</LBPSentDate>",
            "<FGDMMeetingOffer>true</FGDMMeetingOffer>",
            "<FGDMMeetingFac>0</FGDMMeetingFac>",
            "<InitialPPMeetingDate>2025-11-20</InitialPPMeetingDate>",
            "<ReviewMeetingsCount>2</ReviewMeetingsCount>",
            "<StepDecisionDate>2026-02-02</StepDecisionDate>",
            "<PPOutcome>2</PPOutcome>",
            "<CourtAppDate>2026-02-09</CourtAppDate>",
            "</PreProceedingsandFGDM>",
        )
        + "</Child>\n"
    )
    con, report, written = _load(tmp_path, child)
    # Pre-proceedings are read into their own table, tied to the episode.
    assert report.issues == []
    assert written["pre_proceedings"] == 1
    assert con.execute(
        "SELECT pre_proceedings_id, child_id, referral_id, start_date, letter_sent_date, "
        "fgdm_offered, fgdm_facilitated, initial_meeting_date, review_meetings, "
        "step_decision_date, outcome, court_application_date, letter_init_cp_date, source_ref "
        "FROM pre_proceedings"
    ).fetchall() == [
        (
            "K9/PP/2025-11-10",
            "K9",
            "K9/REF/2025-11-03",
            date(2025, 11, 10),
            date(2025, 11, 12),
            True,
            False,
            date(2025, 11, 20),
            2,
            date(2026, 2, 2),
            "2",
            date(2026, 2, 9),
            None,
            "cin_census_2020.xml:26",
        )
    ]
    assert con.execute(
        "SELECT child_id, dob, expected_dob, sex, disability FROM children"
    ).fetchall() == [("K9", None, date(2026, 1, 20), "U", True)]
    assert con.execute("SELECT referral_id, nfa FROM referrals").fetchall() == [
        ("K9/REF/2025-11-03", True)
    ]


def test_two_referrals_on_one_date_get_numbered_ids(tmp_path: Path) -> None:
    body = _episode("<CINreferralDate>2019-06-01</CINreferralDate>") + _episode(
        "<CINreferralDate>2019-06-01</CINreferralDate>"
    )
    con, report, _ = _load(tmp_path, _child("C7", body))
    assert report.errors == []
    assert con.execute(
        "SELECT referral_id, source_ref FROM referrals ORDER BY source_ref"
    ).fetchall() == [
        ("C7/REF/2019-06-01", "cin_census_2020.xml:16"),
        ("C7/REF/2019-06-01#2", "cin_census_2020.xml:19"),
    ]


def test_bad_values_name_line_element_and_value(tmp_path: Path) -> None:
    body = (
        "<ChildCharacteristics>\n<Ethnicity>XXXX</Ethnicity>\n"
        "<Disabilities><Disability>WINGS</Disability></Disabilities>\n"
        "</ChildCharacteristics>\n"
        + _episode(
            "<CINreferralDate>2019-13-45</CINreferralDate>",
            "<ReferralSource>11Z</ReferralSource>",
            "<ReferralNFA>Y</ReferralNFA>",
        )
    )
    con, report, _ = _load(tmp_path, _child("C2", body))
    f = "cin_census_2020.xml"
    # Child on line 11; CINdetails on line 20.
    assert sorted(_where(report)) == [
        ("bad_date", f, 20, "CINreferralDate", "2019-13-45"),
        ("bad_value", f, 11, "Disability", "WINGS"),
        ("bad_value", f, 20, "ReferralNFA", "Y"),
        ("unknown_code", f, 11, "Ethnicity", "XXXX"),
        ("unknown_code", f, 20, "ReferralSource", "11Z"),
    ]
    messages = {i.column: i.message for i in report.errors}
    assert messages["Ethnicity"].startswith("'Ethnicity' should be one of ABAN, AIND,")
    assert messages["ReferralNFA"] == "'ReferralNFA' should be true, false, 1 or 0."
    assert all(i.column_letter is None for i in report.issues)
    # The referral without a usable date is not written; the child still is.
    assert con.execute("SELECT count(*) FROM referrals").fetchall() == [(0,)]
    assert con.execute("SELECT child_id FROM children").fetchall() == [("C2",)]


def test_upn_unknown_is_read_into_upn_unknown(tmp_path: Path) -> None:
    """UPNunknown (why a child has no UPN) goes to upn_unknown; a code off the DfE's list
    (UN1-UN10) is reported and left blank."""
    episode = _episode("<CINreferralDate>2019-06-01</CINreferralDate>")
    children = _child("U1", episode, extra_ids="<UPNunknown>UN2</UPNunknown>\n") + _child(
        "U2", episode, extra_ids="<UPNunknown>UN11</UPNunknown>\n"
    )
    con, report, _ = _load(tmp_path, children)
    # U1's Child opens on line 11 and has 10 lines, so U2's opens on 21
    assert _where(report) == [("unknown_code", "cin_census_2020.xml", 21, "UPNunknown", "UN11")]
    assert con.execute(
        "SELECT child_id, upn, upn_unknown FROM children ORDER BY child_id"
    ).fetchall() == [("U1", None, "UN2"), ("U2", None, None)]


def test_required_elements(tmp_path: Path) -> None:
    children = _child("", _episode("<CINreferralDate>2019-06-01</CINreferralDate>")) + _child(
        "C3",
        _episode(
            "<ReferralSource>1A</ReferralSource>",
            "<Assessments>",
            "<AssessmentAuthorisationDate>2019-07-01</AssessmentAuthorisationDate>",
            "</Assessments>",
        ),
        dob="",
    )
    _, report, written = _load(tmp_path, children)
    f = "cin_census_2020.xml"
    # First child: lines 11-19; second: Child 20, CINdetails 25, Assessments 27.
    assert sorted(_where(report)) == [
        ("missing_value", f, 11, "LAchildID", None),
        ("missing_value", f, 20, "PersonBirthDate", "C3"),
        ("missing_value", f, 25, "CINreferralDate", None),
        ("missing_value", f, 27, "AssessmentActualStartDate", None),
    ]
    assert [i.message for i in report.errors if i.row == 20] == [
        "A child needs PersonBirthDate or ExpectedPersonBirthDate."
    ]
    assert written["children"] == 1 and written["referrals"] == 0


def test_duplicate_child_and_end_before_start(tmp_path: Path) -> None:
    episode = _episode(
        "<CINreferralDate>2019-06-01</CINreferralDate>",
        "<CINclosureDate>2019-05-01</CINclosureDate>",
        "<Assessments>",
        "<AssessmentActualStartDate>2019-06-10</AssessmentActualStartDate>",
        "<AssessmentAuthorisationDate>2019-06-09</AssessmentAuthorisationDate>",
        "</Assessments>",
        "<ChildProtectionPlans>",
        "<CPPstartDate>2019-07-01</CPPstartDate>",
        "<CPPendDate>2019-06-30</CPPendDate>",
        "</ChildProtectionPlans>",
    )
    children = _child("C4", episode) + _child(" c4", "")
    _, report, _ = _load(tmp_path, children)
    f = "cin_census_2020.xml"
    # First Child 11, CINdetails 16, Assessments 19, ChildProtectionPlans 23; second Child 29.
    assert sorted(_where(report)) == [
        ("duplicate_key", f, 29, "LAchildID", "C4"),
        ("end_before_start", f, 16, "CINclosureDate", "2019-05-01"),
        ("end_before_start", f, 19, "AssessmentAuthorisationDate", "2019-06-09"),
        ("end_before_start", f, 23, "CPPendDate", "2019-06-30"),
    ]
    assert _where(report, "warning") == [("no_cin_details", f, 29, "CINdetails", "C4")]


def test_collection_must_be_cin(tmp_path: Path) -> None:
    header = HEADER.replace("<Collection>CIN<", "<Collection>SSDA903<").replace(
        "<Year>2020<", "<Year>20<"
    )
    _, report, _ = _load(tmp_path, _child("C1", ""), header=header)
    f = "cin_census_2020.xml"
    assert sorted(_where(report)) == [
        ("bad_value", f, 4, "Year", "20"),
        ("not_cin_census", f, 4, "Collection", "SSDA903"),
    ]


def test_other_xml_is_not_a_cin_census(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("<rss><channel/></rss>", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(con)
    report = Report()
    assert cin_census.read(path, con, report) == {}
    assert _where(report) == [("not_cin_census", "feed.xml", 1, "rss", None)]


@pytest.mark.parametrize(
    ("content", "code", "row"),
    [
        (HEADER + FULL_CHILD[:300], "xml_syntax", 21),  # cut inside line 21
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_xml", None),
        (b"", "empty_file", None),
        (
            '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><Message>&x;</Message>',
            "xml_doctype",
            1,
        ),
    ],
)
def test_unreadable_files_write_nothing(
    tmp_path: Path, content: str | bytes, code: str, row: int | None
) -> None:
    path = tmp_path / "cin.xml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    schema.create(con)
    report = Report()
    assert cin_census.read(path, con, report) == {}
    assert [(i.code, i.row) for i in report.issues] == [(code, row)]
    assert con.execute("SELECT count(*) FROM children").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]


def test_detect(tmp_path: Path) -> None:
    xml = tmp_path / "anything.XML"
    xml.write_text("<Message/>")
    unnamed = tmp_path / "upload"
    unnamed.write_text(HEADER + FOOTER)
    csv_file = tmp_path / "episodes.csv"
    csv_file.write_text("CHILD,DECOM\n")
    assert [cin_census.detect(p) for p in (xml, unnamed, csv_file)] == [True, True, False]


def test_file_written_on_one_line_links_each_element_to_its_own_parent(tmp_path: Path) -> None:
    # Every element is on line 2; links must still follow the document, not the line.
    one_line = HEADER.replace("\n", "").replace("?>", "?>\n") + (
        _child(
            "A",
            _episode(
                "<CINreferralDate>2019-06-01</CINreferralDate>",
                "<Assessments><AssessmentActualStartDate>2019-06-02"
                "</AssessmentActualStartDate></Assessments>",
            ),
        )
        + _child(
            "B",
            _episode(
                "<CINreferralDate>2019-07-01</CINreferralDate>",
                "<Assessments><AssessmentActualStartDate>2019-07-03"
                "</AssessmentActualStartDate></Assessments>",
            ),
        )
    ).replace("\n", "")
    con, report, written = _load(tmp_path, one_line, header="")
    assert report.errors == []
    assert written["assessments"] == 2
    assert con.execute(
        "SELECT child_id, referral_id, source_ref FROM assessments ORDER BY child_id"
    ).fetchall() == [
        ("A", "A/REF/2019-06-01", "cin_census_2020.xml:2"),
        ("B", "B/REF/2019-07-01", "cin_census_2020.xml:2"),
    ]


def test_events_are_staged_in_document_order(tmp_path: Path) -> None:
    """The loader writes a day's events in the order they were staged; the joins that give
    each referral and assessment its id must not reorder them, or two loads of one file would
    order a day's referrals differently. Here 3,000 children run from the last id to the
    first, on one line (as the generator writes the file), their referrals and assessments
    on one day; DuckDB's verify_parallelism makes so few rows go through the parallel plans
    an England-sized file gets."""
    ids = [f"C{n:05d}" for n in range(3000, 0, -1)]
    episode = _episode(
        "<CINreferralDate>2019-06-01</CINreferralDate>",
        "<Assessments><AssessmentActualStartDate>2019-06-02"
        "</AssessmentActualStartDate></Assessments>",
    )
    one_line = HEADER.replace("\n", "").replace("?>", "?>\n") + "".join(
        _child(child_id, episode) for child_id in ids
    ).replace("\n", "")
    path = tmp_path / "cin_census_2020.xml"
    path.write_text(one_line + FOOTER, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "t.duckdb"), config={"threads": 4})
    con.execute("PRAGMA verify_parallelism")
    schema.create(con)
    report = Report()
    cin_census.read(path, con, report)
    assert report.errors == []
    staged = con.execute("SELECT referral_id FROM referrals ORDER BY rowid").fetchall()
    assert [r for (r,) in staged] == [f"{c}/REF/2019-06-01" for c in ids]
    staged = con.execute("SELECT child_id FROM assessments ORDER BY rowid").fetchall()
    assert [c for (c,) in staged] == ids


def test_namespaced_file_is_read_by_local_names(tmp_path: Path) -> None:
    header = HEADER.replace("<Message>", '<Message xmlns="http://www.dcsf.gov.uk/cin">')
    con, report, written = _load(tmp_path, FULL_CHILD, header=header)
    assert report.issues == []
    assert written == {
        "children": 1,
        "referrals": 1,
        "assessments": 1,
        "cin_plans": 1,
        "s47_enquiries": 1,
        "cp_plans": 1,
        "cp_reviews": 2,
        "pre_proceedings": 0,
    }
    assert con.execute(
        "SELECT cp_plan_id, review_date FROM cp_reviews ORDER BY review_date"
    ).fetchall() == [
        ("C1/CPP/2019-08-01", date(2019, 10, 1)),
        ("C1/CPP/2019-08-01", date(2019, 11, 15)),
    ]


def test_the_first_of_a_repeated_element_is_read(tmp_path: Path) -> None:
    body = (
        "<ChildCharacteristics>\n<Ethnicity>WBRI</Ethnicity>\n<Ethnicity>XXXX</Ethnicity>\n"
        "</ChildCharacteristics>\n"
        + _episode(
            "<CINreferralDate>2019-06-01</CINreferralDate>",
            "<CINreferralDate>2019-13-45</CINreferralDate>",
        )
    )
    con, report, _ = _load(tmp_path, _child("C5", body))
    assert report.issues == []
    assert con.execute(
        "SELECT c.ethnicity, r.referral_date FROM children c JOIN referrals r USING (child_id)"
    ).fetchall() == [("WBRI", date(2019, 6, 1))]


@pytest.mark.parametrize("pending_rows", [3, 1_000])  # inserted in several statements, or one
def test_rows_staged_in_many_batches_keep_their_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pending_rows: int
) -> None:
    monkeypatch.setattr(cin_census, "STAGE_BATCH", 2)
    monkeypatch.setattr(tabular, "PENDING_ROWS", pending_rows)
    plan = (
        "<ChildProtectionPlans>",
        "<CPPstartDate>{d}</CPPstartDate>",
        "<Reviews>",
        "<CPPreviewDate>2020-02-01</CPPreviewDate>",
        "</Reviews>",
        "</ChildProtectionPlans>",
    )
    children = "".join(
        _child(
            f"K{n}",
            _episode(
                f"<CINreferralDate>2019-0{n}-01</CINreferralDate>",
                *(line.format(d=f"2019-0{n}-15") for line in plan),
            ),
        )
        for n in range(1, 6)
    )
    con, report, written = _load(tmp_path, children)
    assert report.errors == []
    assert written["cp_reviews"] == 5
    assert con.execute(
        "SELECT r.child_id, p.referral_id FROM cp_reviews r JOIN cp_plans p "
        "USING (cp_plan_id) ORDER BY r.child_id"
    ).fetchall() == [
        ("K1", "K1/REF/2019-01-01"),
        ("K2", "K2/REF/2019-02-01"),
        ("K3", "K3/REF/2019-03-01"),
        ("K4", "K4/REF/2019-04-01"),
        ("K5", "K5/REF/2019-05-01"),
    ]


def test_nesting_too_deep_inside_a_child_writes_nothing(tmp_path: Path) -> None:
    deep = "<Extra>" * 62 + "</Extra>" * 62  # Message, Children, Child: 65 deep
    con, report, written = _load(
        tmp_path, _child("C6", deep + _episode("<CINreferralDate>2019-06-01</CINreferralDate>"))
    )
    assert written == {}
    assert [(i.code, i.row) for i in report.issues] == [("xml_too_deep", 16)]
    assert con.execute("SELECT count(*) FROM children").fetchall() == [(0,)]


def test_lines_past_65535_name_the_element_itself(tmp_path: Path) -> None:
    """libxml2 keeps a line in 16 bits: past line 65,535 lxml gives the line after an
    element's start tag. With a comment of 70,000 line breaks before <Children>, FULL_CHILD
    opens on line 70,012 and each row names its element's own line (the offsets of the
    comment under FULL_CHILD), as below line 65,536."""
    padded = HEADER.replace("<Children>", "<!--" + "\n" * 70_000 + "-->\n<Children>")
    con, report, _ = _load(tmp_path, FULL_CHILD, header=padded)
    start = 70_012
    refs = {
        table: con.execute(f"SELECT list(source_ref ORDER BY source_ref) FROM {table}").fetchone()[
            0
        ]
        for table in ("children", "referrals", "assessments", "cin_plans", "cp_plans")
    }
    name = "cin_census_2020.xml"
    assert refs == {
        "children": [f"{name}:{start}"],
        "referrals": [f"{name}:{start + 11}"],
        "assessments": [f"{name}:{start + 18}"],
        "cin_plans": [f"{name}:{start + 26}"],
        "cp_plans": [f"{name}:{start + 35}"],
    }
    assert con.execute("SELECT list(source_ref ORDER BY review_date) FROM cp_reviews").fetchone()[
        0
    ] == [f"{name}:{start + 42}", f"{name}:{start + 43}"]
    assert con.execute("SELECT source_ref FROM s47_enquiries").fetchall() == [
        (f"{name}:{start + 29}",)
    ]


def test_text_is_read_as_lxml_gives_it_and_trimmed_as_python_strips(tmp_path: Path) -> None:
    """The walk in C (`_census_walk`) reads an element's text as lxml's `.text` does and trims
    what `str.strip` trims: text split by CDATA is one value; no-break and ideographic spaces
    are trimmed at the ends and kept inside; a child id is upper-cased as `str.upper` does
    ('ß' becomes 'SS'); a blank or empty element is no value; of two UPNs the first is read;
    the disability codes of the first Disabilities are joined, blank ones left out."""
    body = (
        "<ChildCharacteristics>\n"
        "<Ethnicity>\u00a0WB<![CDATA[RI]]>\u3000</Ethnicity>\n"
        "<Disabilities><Disability> hand </Disability><Disability>\u2003</Disability>"
        "<Disability>VIS</Disability><Colour>red</Colour></Disabilities>\n"
        "<Disabilities><Disability>MOB</Disability></Disabilities>\n"
        "</ChildCharacteristics>\n"
        + _episode(
            "<CINreferralDate> 2019-06-01 </CINreferralDate>",
            "<ReferralSource>\u00a0</ReferralSource>",
            "<PrimaryNeedCode></PrimaryNeedCode>",
        )
    )
    ids = "<UPN>A 1\u00a0B</UPN>\n<UPN>Z999</UPN>\n"
    con, report, written = _load(tmp_path, _child("\u2002straße-1\u00a0", body, extra_ids=ids))
    assert written["children"] == 1
    assert con.execute("SELECT child_id, upn, ethnicity, disability FROM children").fetchall() == [
        ("STRASSE-1", "A 1\u00a0B", "WBRI", True)
    ]
    assert con.execute(
        "SELECT child_id, referral_date, source_code, primary_need FROM referrals"
    ).fetchall() == [("STRASSE-1", date(2019, 6, 1), None, None)]
    unknown = [i.message for i in report.issues if i.code == "unknown_element"]
    assert len(unknown) == 1 and unknown[0].endswith("were ignored: Colour.")


def test_a_file_inventing_thousands_of_elements_names_at_most_a_thousand(
    tmp_path: Path,
) -> None:
    """A hostile file may invent millions of element names: the reader remembers at most
    1,000 of those it does not read, so its memory and its warning stay bounded."""
    invented = "".join(f"<Made{n}>x</Made{n}>" for n in range(1500))
    con, report, written = _load(tmp_path, _child("C1", extra_ids=invented + "\n"))
    assert written["children"] == 1
    (unknown,) = [i.message for i in report.issues if i.code == "unknown_element"]
    named = unknown.split("were ignored: ")[1].rstrip(".").split(", ")
    assert len(named) == 1000
    assert all(name.startswith("Made") for name in named)
