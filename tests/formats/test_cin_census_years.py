"""CIN census files of three specification years, built by hand, loaded through the loader.

From the DfE's CIN census specifications (as FORMATS.md records them): 2013-14 (the first
year with `DateOfInitialCPC` in `CINdetails` as well as in `Section47`; `GenderCurrent`;
`FormerUPN`, `UPNunknown`, `AssessmentInternalReviewDate`), 2019-20 (the same blocks plus
`ReferralNFA`), and 2025-26 (`Sex` instead of `GenderCurrent`; `PreProceedingsandFGDM`).

Each file holds the same five ICPC situations, so every year must count five ICPCs, once
each (worked out by hand in `ICPC_ROWS`):
- A: the ICPC in both places, same date: one event;
- B: only in CINdetails, the episode's S47 has none: it is that S47's ICPC;
- C: only in CINdetails, the episode has no S47: an ICPC of its own, no enquiry start;
- D: only in Section47;
- E: in CINdetails; the episode's first S47 said ICPCnotRequired, the second has no date:
  the second's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc_insight.indicators.engine import compute
from csc_insight.store.loader import load

D = date


def _header(year: int) -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Message>\n<Header>\n'
        f"<CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>"
        f"<ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails>\n"
        f"<Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>X</SoftwareCode>"
        f"<Release>1</Release><SerialNo>1</SerialNo><DateTime>{year}-04-10T10:00:00"
        f"</DateTime></Source>\n</Header>\n<Children>\n"
    )


def _child(spec: str, child_id: str, sex: str, body: str, *, disabilities: str = "NONE") -> str:
    if spec == "2025-26":
        identity = f"<Sex>{sex}</Sex>"
    else:
        identity = f"<GenderCurrent>{ {'M': '1', 'F': '2', 'U': '9'}[sex] }</GenderCurrent>"
    extra = "<FormerUPN>A12345678901X</FormerUPN>" if spec == "2013-14" else ""
    disability = "".join(f"<Disability>{d}</Disability>" for d in disabilities.split(","))
    return (
        f"<Child>\n<ChildIdentifiers><LAchildID>{child_id}</LAchildID>"
        f"<UPN>A1234567890{child_id[-1]}3</UPN>{extra}"
        f"<PersonBirthDate>2010-01-0{len(child_id)}</PersonBirthDate>{identity}"
        f"</ChildIdentifiers>\n<ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
        f"<Disabilities>{disability}</Disabilities></ChildCharacteristics>\n"
        f"{body}</Child>\n"
    )


def _episode(spec: str, y: int, *, icpc: str | None, s47s: list[str], extra: str = "") -> str:
    """One CINdetails referred on 2 September of the collection year's first calendar year
    `y`, with an assessment (factors 1B, 2A) and the given Section47 blocks."""
    nfa = "" if spec == "2013-14" else "<ReferralNFA>false</ReferralNFA>"
    review = (
        "<AssessmentInternalReviewDate>{y}-09-20</AssessmentInternalReviewDate>"
        if spec == "2013-14"
        else ""
    ).format(y=y)
    pre = (
        "<PreProceedingsandFGDM><PPStartDate>{y}-11-01</PPStartDate>"
        "<FGDMMeetingOffer>true</FGDMMeetingOffer></PreProceedingsandFGDM>"
        if spec == "2025-26"
        else ""
    ).format(y=y)
    icpc_element = f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>" if icpc else ""
    return (
        f"<CINdetails><CINreferralDate>{y}-09-02</CINreferralDate>"
        f"<ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>"
        f"{icpc_element}{nfa}"
        f"<Assessments><AssessmentActualStartDate>{y}-09-03</AssessmentActualStartDate>"
        f"{review}<AssessmentAuthorisationDate>{y}-10-01</AssessmentAuthorisationDate>"
        f"<FactorsIdentifiedAtAssessment><AssessmentFactors>1B</AssessmentFactors>"
        f"<AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment>"
        f"</Assessments>{''.join(s47s)}{pre}{extra}</CINdetails>\n"
    )


def _s47(start: str, icpc: str | None = None, not_required: str | None = None) -> str:
    return (
        "<Section47>"
        f"<S47ActualStartDate>{start}</S47ActualStartDate>"
        + (f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>" if icpc else "")
        + (f"<ICPCnotRequired>{not_required}</ICPCnotRequired>" if not_required else "")
        + "</Section47>"
    )


SPECS = {"2013-14": 2014, "2019-20": 2020, "2025-26": 2026}


def _file(tmp: Path, spec: str) -> Path:
    end = SPECS[spec]
    y = end - 1
    children = [
        _child(
            spec,
            "A",
            "M",
            _episode(spec, y, icpc=f"{y}-10-01", s47s=[_s47(f"{y}-09-10", f"{y}-10-01", "false")]),
        ),
        _child(
            spec,
            "BB",
            "F",
            _episode(spec, y, icpc=f"{y}-10-02", s47s=[_s47(f"{y}-09-11")]),
            disabilities="AUT,LD",
        ),
        _child(spec, "CCC", "U", _episode(spec, y, icpc=f"{y}-10-03", s47s=[])),
        _child(
            spec, "DDDD", "M", _episode(spec, y, icpc=None, s47s=[_s47(f"{y}-09-13", f"{y}-10-04")])
        ),
        _child(
            spec,
            "EEEEE",
            "F",
            _episode(
                spec,
                y,
                icpc=f"{y}-10-05",
                s47s=[_s47(f"{y}-09-14", not_required="true"), _s47(f"{y}-09-20")],
                extra="<CINnote>typed by hand</CINnote>",
            ),
        ),
    ]
    path = tmp / f"cin_census_{end}.xml"
    path.write_text(
        _header(end) + "".join(children) + "</Children>\n</Message>\n", encoding="utf-8"
    )
    return path


def ICPC_ROWS(y: int) -> list[tuple[str, str, date | None, date, bool | None]]:  # noqa: N802
    """(s47_id, child, S47 start, ICPC date, ICPCnotRequired) for collection year y-(y+1)."""
    return [
        (f"A/S47/{y}-09-10", "A", D(y, 9, 10), D(y, 10, 1), False),
        (f"BB/S47/{y}-09-11", "BB", D(y, 9, 11), D(y, 10, 2), None),
        (f"CCC/ICPC/{y}-10-03", "CCC", None, D(y, 10, 3), None),
        (f"DDDD/S47/{y}-09-13", "DDDD", D(y, 9, 13), D(y, 10, 4), None),
        (f"EEEEE/S47/{y}-09-20", "EEEEE", D(y, 9, 20), D(y, 10, 5), None),
    ]


@pytest.mark.parametrize("spec", list(SPECS))
def test_each_spec_year_counts_every_icpc_once(spec: str, tmp_path: Path) -> None:
    y = SPECS[spec] - 1
    result = load([_file(tmp_path, spec)], base=tmp_path / "home")
    issues = result.report.issues
    assert [i for i in issues if i.severity == "error"] == []
    con = duckdb.connect(str(result.snapshot.path), read_only=True)
    rows = con.execute(
        "SELECT s47_id, child_id, start_date, icpc_date, icpc_not_required "
        "FROM s47_enquiries WHERE icpc_date IS NOT NULL ORDER BY icpc_date"
    ).fetchall()
    assert rows == ICPC_ROWS(y)
    # The ICPC of its own belongs to C's episode; E's first S47 keeps no ICPC.
    assert con.execute(
        "SELECT referral_id FROM s47_enquiries WHERE child_id = 'CCC'"
    ).fetchall() == [(f"CCC/REF/{y}-09-02",)]
    assert con.execute(
        "SELECT start_date, icpc_date, icpc_not_required FROM s47_enquiries "
        "WHERE child_id = 'EEEEE' ORDER BY start_date"
    ).fetchall() == [(D(y, 9, 14), None, True), (D(y, 9, 20), D(y, 10, 5), None)]
    # GenderCurrent 1/2/9 or Sex M/F/U; disabilities; assessment factors.
    assert con.execute(
        "SELECT child_id, sex, disability FROM children ORDER BY child_id"
    ).fetchall() == [
        ("A", "M", False),
        ("BB", "F", True),
        ("CCC", "U", False),
        ("DDDD", "M", False),
        ("EEEEE", "F", False),
    ]
    assert con.execute("SELECT DISTINCT factors FROM assessments").fetchall() == [("1B,2A",)]
    # ICPCs in the collection year: five, each once.
    (icpc,) = compute(con, f"{y}-{str(y + 1)[2:]}", ids=["icpc_held"], comparisons=False)
    assert (icpc.status, icpc.numerator) == ("ok", 5)
    # What is read but not used, and what no specification has, are named.
    named = {i.code: i.message for i in issues if i.file == f"cin_census_{y + 1}.xml"}
    assert "CINnote" in named["unknown_element"]
    not_used = named.get("read_not_used", "")  # 2019-20: every element is read
    assert "Source" not in not_used  # the header's software details are not child data
    assert ("FormerUPN" in not_used) == (spec == "2013-14")
    assert ("AssessmentInternalReviewDate" in not_used) == (spec == "2013-14")
    assert "PreProceedingsandFGDM" not in not_used  # 2025-26: read into pre_proceedings
    pre = con.execute("SELECT count(*), bool_and(fgdm_offered) FROM pre_proceedings").fetchall()
    assert pre == ([(5, True)] if spec == "2025-26" else [(0, None)])


def test_two_years_files_count_an_icpc_once(tmp_path: Path) -> None:
    """An episode open across 31 March is in both years' files with its CINdetails ICPC
    (C's, with no S47): the merged snapshot has one ICPC, not two."""
    one = _file(tmp_path, "2019-20")
    text = one.read_text(encoding="utf-8").replace("<Year>2020</Year>", "<Year>2021</Year>")
    two = tmp_path / "cin_census_2021.xml"
    two.write_text(text.replace("2020-03-31", "2021-03-31"), encoding="utf-8")
    result = load([one, two], base=tmp_path / "home")
    assert [i for i in result.report.issues if i.severity == "error"] == []
    con = duckdb.connect(str(result.snapshot.path), read_only=True)
    assert con.execute(
        "SELECT count(*), count(DISTINCT s47_id) FROM s47_enquiries WHERE icpc_date IS NOT NULL"
    ).fetchall() == [(5, 5)]
