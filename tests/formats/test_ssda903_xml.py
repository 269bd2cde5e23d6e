"""The SSDA903 return in its XML form, built by hand in the two shapes the reader documents
(the DfE message, Message/Children/Child, and the expanded return, EXPSSDA903/CHILD), loaded
through the loader, checking the values that reach the snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from csc_insight.store import loader, snapshots

MESSAGE = """<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails>
      <Collection>SSDA903</Collection>
      <Year>2020</Year>
      <ReferenceDate>2020-03-31</ReferenceDate>
    </CollectionDetails>
  </Header>
  <Children>
    <Child>
      <Header>
        <CHILD>a1</CHILD>
        <SEX>1</SEX>
        <DOB>2005-05-01</DOB>
        <ETHNIC>WBRI</ETHNIC>
      </Header>
      <Episodes>
        <Episode>
          <DECOM>2019-06-03</DECOM>
          <RNE>S</RNE>
          <LS>C2</LS>
          <CIN>N1</CIN>
          <PLACE>U1</PLACE>
          <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
          <DEC>01/09/2019</DEC>
          <REC>X1</REC>
          <WORKER>Sam</WORKER>
        </Episode>
        <Episode>
          <DECOM>2019-09-01</DECOM>
          <RNE>P</RNE>
          <LS>C2</LS>
          <CIN>N1</CIN>
          <PLACE>U3</PLACE>
          <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
          <REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE>
        </Episode>
      </Episodes>
      <Reviews>
        <Review>
          <REVIEW>2019-07-15</REVIEW>
          <REVIEW_CODE>PN1</REVIEW_CODE>
        </Review>
      </Reviews>
      <Missing>
        <MISSING>M</MISSING>
        <MIS_START>2019-08-01</MIS_START>
        <MIS_END>2019-08-02</MIS_END>
      </Missing>
      <SWEpisodes>
        <SW_ID>W1</SW_ID>
        <SW_DECOM>2019-06-03</SW_DECOM>
      </SWEpisodes>
    </Child>
    <Child>
      <Header>
        <CHILD>A2</CHILD>
        <SEX>2</SEX>
        <DOB>2002-02-14</DOB>
        <ETHNIC>BAFR</ETHNIC>
      </Header>
      <Episodes>
        <Episode>
          <DECOM>2019-10-10</DECOM>
          <RNE>S</RNE>
          <LS>V2</LS>
          <CIN>N4</CIN>
          <PLACE>Q9</PLACE>
          <PLACE_PROVIDER>PR3</PLACE_PROVIDER>
        </Episode>
      </Episodes>
      <OC3>
        <IN_TOUCH>YES</IN_TOUCH>
        <ACTIV>F2</ACTIV>
        <ACCOM>B1</ACCOM>
      </OC3>
    </Child>
  </Children>
</Message>
"""

EXPANDED = """<?xml version="1.0"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>B7</CHILDID>
      <SEX>2</SEX>
      <DOB>14/03/2004</DOB>
      <ETHNIC>WIRI</ETHNIC>
      <UASC>1</UASC>
      <DUC>01/01/2022</DUC>
      <AREVIEW>
        <REVIEW>20/11/2019</REVIEW>
        <REVIEW_CODE>PN0</REVIEW_CODE>
      </AREVIEW>
    </HEADER>
    <EPISODE>
      <DECOM>02/09/2019</DECOM>
      <RNE>S</RNE>
      <LS>V2</LS>
      <CIN>N8</CIN>
      <PL>U1</PL>
      <PLACE_PROVIDER>PR1</PLACE_PROVIDER>
    </EPISODE>
  </CHILD>
</EXPSSDA903>
"""


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CSC_INSIGHT_HOME", str(home))
    return home


def test_dfe_message_reaches_the_snapshot(base: Path, tmp_path: Path) -> None:
    """A1 (child on line 11, header 12): two episodes (lines 19, 30), a review, a missing
    episode; A2: one episode whose PLACE Q9 is not a placement code (line 63: quarantined) and
    an OC3 row taking the message's Year 2020 (year ending 31 March 2020). WORKER is named
    once; SWEpisodes is read, not used."""
    path = tmp_path / "return_2020.xml"
    path.write_text(MESSAGE, encoding="utf-8")
    result = loader.load([path])
    assert result.snapshot is not None, result.report.issues
    assert result.snapshot.manifest["files"][0]["format"] == "ssda903_xml"
    assert [
        (i.severity, i.code, i.row, i.column, i.value)
        for i in result.report.issues
        if i.code != "not_used"
    ] == [
        ("warning", "unknown_column", 28, "WORKER", None),
        ("quarantined", "unknown_code", 64, "PLACE", "Q9"),
    ]
    assert [i.code for i in result.report.warnings] == ["unknown_column", "not_used"]
    con = snapshots.connect()
    assert con.execute(
        "SELECT child_id, sex, dob, ethnicity, source_ref FROM children ORDER BY 1"
    ).fetchall() == [
        ("A1", "M", date(2005, 5, 1), "WBRI", "return_2020.xml:12"),
        ("A2", "F", date(2002, 2, 14), "BAFR", "return_2020.xml:57"),
    ]
    assert con.execute(
        "SELECT child_id, decom, rne, place, dec, rec, reason_place_change, "
        "source_ref FROM cla_episodes ORDER BY 1, 2"
    ).fetchall() == [
        ("A1", date(2019, 6, 3), "S", "U1", date(2019, 9, 1), "X1", None, "return_2020.xml:19"),
        ("A1", date(2019, 9, 1), "P", "U3", None, None, "CARPL", "return_2020.xml:30"),
    ]
    assert con.execute("SELECT child_id, review_date, review_code FROM cla_reviews").fetchall() == [
        ("A1", date(2019, 7, 15), "PN1")
    ]
    assert con.execute(
        "SELECT child_id, missing_type, start_date, end_date FROM missing_episodes"
    ).fetchall() == [("A1", "M", date(2019, 8, 1), date(2019, 8, 2))]
    assert con.execute(
        "SELECT child_id, year_ending, in_touch, activity, accommodation, "
        "suitable FROM care_leavers"
    ).fetchall() == [("A2", date(2020, 3, 31), "YES", "F2", "B", True)]
    assert con.execute(
        "SELECT row_number, column_name, value, target, child_id, raw->>'$.PLACE' FROM quarantine"
    ).fetchall() == [(64, "PLACE", "Q9", "cla_episodes", "A2", "Q9")]


def test_expanded_return_reaches_the_snapshot(base: Path, tmp_path: Path) -> None:
    """B7's HEADER (line 4) gives the child, her UASC row (DUC) and, inside it, a review; the
    EPISODE (line 16) spells PLACE as PL."""
    path = tmp_path / "903.xml"
    path.write_text(EXPANDED, encoding="utf-8")
    result = loader.load([path])
    assert result.snapshot is not None, result.report.issues
    assert result.report.issues == []
    con = snapshots.connect()
    # the Header and UASC rows merge into one child (store/merge.py)
    assert con.execute(
        "SELECT child_id, sex, dob, ethnicity, uasc, uasc_ceased FROM children"
    ).fetchall() == [("B7", "F", date(2004, 3, 14), "WIRI", True, date(2022, 1, 1))]
    assert con.execute(
        "SELECT child_id, decom, place, cin, source_ref FROM cla_episodes"
    ).fetchall() == [("B7", date(2019, 9, 2), "U1", "N8", "903.xml:16")]
    assert con.execute("SELECT child_id, review_date, review_code FROM cla_reviews").fetchall() == [
        ("B7", date(2019, 11, 20), "PN0")
    ]
