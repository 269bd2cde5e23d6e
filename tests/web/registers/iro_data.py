"""A hand-made snapshot and register for the IRO service tests, every figure worked out by
hand here.

The returns (SSDA903):
- L01-L20 looked after from Fri 1 June 2018, still looked after. Reviews: 25 Jun 2018 (the
  first, due 29 Jun: 20 working days after 1 June, no bank holiday in June), 20 Sep 2018
  (due 25 Sep: 3 months after), 15 Mar 2019 (due 20 Mar: 6 months), 10 Sep 2019 (due 15
  Sep) and, due 10 Mar 2020, 5 Mar 2020 for L01-L16 and 20 Mar 2020 (late) for L17-L20.
  So 2018-19: 60 reviews due, 60 in time (100%); 2019-20: 40 due, 36 in time, plus M2's.
- M2 looked after from Wed 1 Jan 2020 (New Year's Day), no review: its first was due Wed
  29 Jan 2020 (2-3 Jan, 6-10, 13-17, 20-24, 27-29: 20 working days) and is overdue on 31
  March. 2019-20: 41 due, 36 in time (88%); the last review out of timescale was due in
  March 2020 (L17-L20's).
- M1 looked after from 31 Mar 2020 (the data's last day; its first review not yet due).
- Participation: 2018-19 PN1 48 (June 20, Sep 14, Mar 14), PN2 6 (Sep), PN7 6 (Mar): 54 of
  60 took part (90%). 2019-20 PN1 30 (Sep 20, Mar 10), PN2 7, PN7 3: 37 of 40.
- Placement moves: L01-L08 moved on 1 Oct 2019 (RNE P); the placement they left ended
  because the child asked (L01, L02: CHILD) or to carry out the care plan (L03-L08:
  CARPL). None in 2018-19.

The register (ESCALATIONS, CONTACTS): 2019-20: 6 care planning escalations by AB raised
2 Sep 2019 (L01-L06), resolved 12 Sep (10 days); 2 education escalations raised 2 Oct 2019
by EF, L07's at stage 1 from 7 Oct resolved 17 Oct, L08's informal and still open (resolved
10 Apr 2020, after the year). 2018-19: 2 placement escalations (L09, L10) raised 3 Sep 2018,
resolved 13 Sep. Contacts 2019-20: a visit to each of L01-L20 on 2 Dec 2019 (AB for
L01-L10, CD for L11-L20), a phone call to L01-L08 on 2 Jan 2020 (AB); none in 2018-19.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb

from csc_insight.common.calendar import build_calendar
from csc_insight.store import schema, snapshots

SNAPSHOT_ID = "20200401T090000Z-iro001"
CARE_START = date(2018, 6, 1)
REVIEWS = [date(2018, 6, 25), date(2018, 9, 20), date(2019, 3, 15), date(2019, 9, 10)]
MOVE = date(2019, 10, 1)


def _children() -> list[str]:
    return [f"L{i:02d}" for i in range(1, 21)]


def _codes(child: int) -> list[str]:
    """The participation codes of child n (1-20) at its five reviews."""
    sep18 = "PN1" if child <= 14 else "PN2"
    mar19 = "PN1" if child <= 14 else "PN7"
    mar20 = "PN1" if child <= 10 else ("PN2" if child <= 17 else "PN7")
    return ["PN1", sep18, mar19, "PN1", mar20]


def make_iro_snapshot(base: Path, snapshot_id: str = SNAPSHOT_ID) -> str:
    folder = snapshots.snapshot_dir(base)
    con = duckdb.connect(str(folder / f"{snapshot_id}.duckdb"))
    schema.create(con)
    build_calendar(con, date(2016, 1, 1), date(2021, 12, 31))
    con.execute("INSERT INTO snapshot_meta VALUES ('id', ?)", [snapshot_id])
    children, episodes, reviews = [], [], []
    for n, child in enumerate(_children(), start=1):
        children.append((child, date(2006, 1, 1)))
        if n <= 8:
            reason = "CHILD" if n <= 2 else "CARPL"
            episodes.append((child, CARE_START, "S", "U1", MOVE, "X1", reason))
            episodes.append((child, MOVE, "P", "U3", None, None, None))
        else:
            episodes.append((child, CARE_START, "S", "U1", None, None, None))
        last = date(2020, 3, 5) if n <= 16 else date(2020, 3, 20)
        for day, code in zip([*REVIEWS, last], _codes(n), strict=True):
            reviews.append((child, day, code))
    for child, start in (("M1", date(2020, 3, 31)), ("M2", date(2020, 1, 1))):
        children.append((child, date(2008, 1, 1)))
        episodes.append((child, start, "S", "U1", None, None, None))
    con.executemany(
        "INSERT INTO children (child_id, dob, source) VALUES (?, ?, 'ssda903')", children
    )
    con.executemany(
        "INSERT INTO cla_episodes (child_id, decom, rne, ls, place, dec, rec, "
        "reason_place_change, source) VALUES (?, ?, ?, 'C2', ?, ?, ?, ?, 'ssda903')",
        episodes,
    )
    con.executemany(
        "INSERT INTO cla_reviews (child_id, review_date, review_code, source) "
        "VALUES (?, ?, ?, 'ssda903')",
        reviews,
    )
    con.close()
    manifest = {
        "created_at": "2020-04-01T09:00:00Z",
        "created_by": "u-analyst",
        "files": [{"name": "ssda903_episodes.csv", "sha256": "0" * 64}],
        "rows": {"children": len(children), "cla_episodes": len(episodes)},
    }
    (folder / f"{snapshot_id}.json").write_text(json.dumps(manifest), encoding="utf-8")
    snapshots.publish(snapshot_id, base)
    return snapshot_id


def make_iro_register() -> None:
    from csc_insight.registers.iro_models import IroContact, IroEscalation

    for n in range(1, 7):
        IroEscalation.objects.create(
            child_id=f"L{n:02d}",
            iro="AB",
            raised_on=date(2019, 9, 2),
            category="care_planning",
            resolved_on=date(2019, 9, 12),
            outcome="resolved",
        )
    IroEscalation.objects.create(
        child_id="L07",
        iro="EF",
        raised_on=date(2019, 10, 2),
        category="education",
        stage="stage_1",
        stage_on=date(2019, 10, 7),
        resolved_on=date(2019, 10, 17),
        outcome="resolved",
    )
    IroEscalation.objects.create(
        child_id="L08",
        iro="EF",
        raised_on=date(2019, 10, 2),
        category="education",
        resolved_on=date(2020, 4, 10),
        outcome="partly",
    )
    for child in ("L09", "L10"):
        IroEscalation.objects.create(
            child_id=child,
            iro="AB",
            raised_on=date(2018, 9, 3),
            category="placement",
            resolved_on=date(2018, 9, 13),
            outcome="resolved",
        )
    for n, child in enumerate(_children(), start=1):
        iro = "AB" if n <= 10 else "CD"
        IroContact.objects.create(
            child_id=child, iro=iro, contact_on=date(2019, 12, 2), kind="visit"
        )
        if n <= 8:
            IroContact.objects.create(
                child_id=child, iro="AB", contact_on=date(2020, 1, 2), kind="phone"
            )
