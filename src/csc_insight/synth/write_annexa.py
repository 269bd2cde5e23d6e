"""Write Ofsted Annex A (Lists 1-11) for the six months before the window's end.

An xlsx workbook (`annex_a.xlsx`, xlsxwriter in constant-memory mode, fixed document
properties so the bytes are reproducible), or, when a list would not fit in an Excel sheet
(the `england` profile's contacts), one CSV per list (`annex_a_list_N.csv`, dates dd/mm/yyyy).
Cells use Ofsted drop-down spellings ("a) Male", "a) WBRI", "a) 1A: Individual",
"N1 - Abuse or neglect", "RC1 - Adopted", Yes/No).

`style` says how headings and coded cells are spelt, the ways real LA files differ:
- "short" (the default): the short headings of FORMATS.md and the spellings above;
- "ofsted": Ofsted's long headings of the 2023-24 template (`OFSTED_HEADINGS`) and its
  lettered drop-downs for every coded column ("c) Not stated/recorded", "a) Yes",
  "a) Neglect", "e) PR4 - Private provision", "F1: Full time in higher education");
- "codes": the short headings and bare codes (M/F/U, WBRI, 1A, N1, RC7, NEG, Y/N, F1, B).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from csc_insight.formats import codes
from csc_insight.synth.csvout import write_csv, yn
from csc_insight.synth.world import Columns, World, latest

EXCEL_MAX_ROWS = 1_048_576
DEMOGRAPHICS = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]
TEAM = ["Allocated Team", "Allocated Worker"]
HEADINGS: dict[int, list[str]] = {
    1: DEMOGRAPHICS + ["Date of Contact", "Contact Source"],
    2: DEMOGRAPHICS
    + ["Assessment start date", "Assessment completion date", "Organisation completing assessment"],
    3: DEMOGRAPHICS
    + [
        "Date of referral",
        "Referral Source",
        "Referral NFA?",
        "Number of Referrals in Last 12 Months",
    ]
    + TEAM,
    4: DEMOGRAPHICS
    + [
        "Does the Child have a Disability",
        "Continuous Assessment Start Date",
        "Child Seen During Continuous Assessment",
        "Continuous Assessment Date of Authorisation",
        "Was the child assessed as requiring LA children's social care support?",
    ]
    + TEAM,
    5: DEMOGRAPHICS
    + [
        "Does the Child have a Disability",
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Was an ICPC deemed unnecessary?",
        "Date of ICPC",
        "Did the ICPC Result in a CP Plan",
        "Number of Section 47 Enquiries in the last 12 months",
        "Number of ICPCs in the last 12 months",
    ]
    + TEAM,
    6: DEMOGRAPHICS
    + [
        "Does the Child have a Disability",
        "CIN Start Date",
        "Primary Need Code",
        "Date Child Was Last Seen",
        "CIN Closure Date",
        "Reason for Closure",
        "Case Status",
    ]
    + TEAM,
    7: DEMOGRAPHICS
    + [
        "Does the Child have a Disability",
        "CP Plan Start Date",
        "Initial Category of Abuse",
        "Latest Category of Abuse",
        "Date of the Last Statutory Visit",
        "Was the Child Seen Alone?",
        "Date of latest review conference",
        "CP Plan End Date",
        "Subject to Emergency Protection Order or Protected Under Police Powers "
        "in Last Six Months (Y/N)",
        "Number of Previous Child Protection Plans",
    ]
    + TEAM,
    8: DEMOGRAPHICS
    + [
        "UASC within the Last 12 Months (Y/N)",
        "Does the Child have a Disability",
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Second or subsequent period of being Looked After within the last 12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit/Contact",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 months",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of Episodes 'Missing' in the last 12 months",
        "Number of Episodes 'Absent' in the last 12 months",
        "Was the child offered a Return Interview after the last missing episode (Y/N)?",
        "Did the child accept the offer of a Return Interview (Y/N)?",
    ]
    + TEAM,
    9: DEMOGRAPHICS
    + ["Does the Child have a Disability"]
    + TEAM
    + [
        "Eligibility Category",
        "LA in Touch",
        "Type of Accommodation",
        "Suitability of Accommodation",
        "Activity Status",
    ],
    10: [
        "Child Unique ID",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Does the Child have a Disability",
        "Date the Child Entered Care",
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Placement Order",
        "Date of Matching",
        "Date Placed for Adoption",
        "Date of Adoption Order",
        "Date of Decision that Child Should No Longer be Placed for Adoption",
        "Reason for No Longer Placed for Adoption",
        "Date placed for fostering in FFA/concurrent planning placement",
    ],
    11: [
        "Individual adopter identifier",
        "Family identifier",
        "Gender",
        "Ethnicity",
        "Disability",
        "Is the (prospective) adopter fostering for adoption?",
        "Date enquiry received",
        "Date Stage 1 started",
        "Date Stage 1 ended",
        "Date Stage 2 started",
        "Date Stage 2 ended",
        "Date application submitted",
        "Date application approved",
        "Date adopter matched with child(ren)",
        "Date child/children placed with adopter(s)",
        "No. of children placed",
        "Date of Adoption Order",
        "Date of leaving adoption process",
        "Reason for leaving adoption process",
    ],
}


def _lettered(mapping: dict[str, str] | list[str], with_label: bool) -> dict[str, str]:
    keys = list(mapping)
    out = {}
    for i, code in enumerate(keys):
        letter = chr(ord("a") + i) if i < 26 else "z" + chr(ord("a") + i - 26)
        label = mapping[code] if isinstance(mapping, dict) else code
        out[code] = f"{letter}) {code}: {label}" if with_label else f"{letter}) {code}"
    return out


SEX_LABEL = {"M": "a) Male", "F": "b) Female", "U": "c) Unknown"}
ETHNICITY_LABEL = _lettered(codes.ETHNICITY, with_label=False)
SOURCE_LABEL = _lettered(codes.REFERRAL_SOURCE, with_label=True)
NEED_LABEL = {k: f"{k} - {v}" for k, v in codes.PRIMARY_NEED.items()}
CLOSURE_LABEL = {k: f"{k} - {v}" for k, v in codes.CLOSURE_REASON.items()}


def _map(values: np.ndarray, labels: dict[str, str]) -> np.ndarray:
    return np.array(
        [None if v is None else labels.get(v, v) for v in values.tolist()], dtype=object
    )


def annex_a_lists(world: World) -> dict[int, dict[str, np.ndarray]]:
    """Each list's columns (heading -> values), for the six months before the window's end."""
    d = world.data
    e0 = np.datetime64(world.end, "D")
    w0 = np.datetime64(_six_months_before(world.end), "D")
    ch = d["children"]
    index = {c: i for i, c in enumerate(ch["child_id"].tolist())}
    age = ((e0 - ch["dob"]).astype(np.int64) / 365.25).astype(np.int64)

    def demo(child_ids: np.ndarray) -> dict[str, np.ndarray]:
        rows = np.array([index[c] for c in child_ids.tolist()], dtype=np.int64)
        return {
            "Child Unique ID": child_ids,
            "Gender": _map(ch["sex"][rows], SEX_LABEL),
            "Ethnicity": _map(ch["ethnicity"][rows], ETHNICITY_LABEL),
            "Date of Birth": ch["dob"][rows],
            "Age of Child (Years)": age[rows],
        }

    def disabled(child_ids: np.ndarray) -> np.ndarray:
        rows = np.array([index[c] for c in child_ids.tolist()], dtype=np.int64)
        return yn(ch["disability"][rows], "Yes", "No")

    def between(x: np.ndarray) -> np.ndarray:
        return ~np.isnat(x) & (x >= w0) & (x <= e0)

    def open_in_window(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return (a <= e0) & (np.isnat(b) | (b >= w0))

    lists: dict[int, dict[str, np.ndarray]] = {}
    c = _rows(d["contacts"], between(d["contacts"]["contact_date"]))
    lists[1] = demo(c["child_id"]) | {
        "Date of Contact": c["contact_date"],
        "Contact Source": _map(c["source_code"], SOURCE_LABEL),
    }
    eh = d["early_help"]
    eh = _rows(eh, between(eh["start_date"]) | between(eh["completion_date"]))
    lists[2] = demo(eh["child_id"]) | {
        "Assessment start date": eh["start_date"],
        "Assessment completion date": eh["completion_date"],
        "Organisation completing assessment": eh["organisation"],
    }
    r = _rows(d["referrals"], between(d["referrals"]["referral_date"]))
    lists[3] = demo(r["child_id"]) | {
        "Date of referral": r["referral_date"],
        "Referral Source": _map(r["source_code"], SOURCE_LABEL),
        "Referral NFA?": yn(r["nfa"], "Yes", "No"),
        "Number of Referrals in Last 12 Months": r["referrals_12m"],
        "Allocated Team": r["team"],
        "Allocated Worker": r["worker"],
    }
    a = d["assessments"]
    a = _rows(a, open_in_window(a["start_date"], a["authorised_date"]))
    lists[4] = demo(a["child_id"]) | {
        "Does the Child have a Disability": disabled(a["child_id"]),
        "Continuous Assessment Start Date": a["start_date"],
        "Child Seen During Continuous Assessment": yn(a["child_seen"], "Yes", "No"),
        "Continuous Assessment Date of Authorisation": a["authorised_date"],
        "Was the child assessed as requiring LA children's social care support?": yn(
            a["needs_support"], "Yes", "No"
        ),
        "Allocated Team": a["team"],
        "Allocated Worker": a["worker"],
    }
    s = d["s47_enquiries"]
    s12 = _count_12m(s["child_id"], s["start_date"])
    i12 = _count_12m(s["child_id"], s["icpc_date"])
    keep = between(s["start_date"])
    s, s12, i12 = _rows(s, keep), s12[keep], i12[keep]
    lists[5] = demo(s["child_id"]) | {
        "Does the Child have a Disability": disabled(s["child_id"]),
        "Strategy discussion initiating Section 47 Enquiry Start Date": s["start_date"],
        "Was an ICPC deemed unnecessary?": yn(s["icpc_not_required"], "Yes", "No"),
        "Date of ICPC": s["icpc_date"],
        "Did the ICPC Result in a CP Plan": yn(s["cp_plan_resulted"], "Yes", "No"),
        "Number of Section 47 Enquiries in the last 12 months": s12,
        "Number of ICPCs in the last 12 months": i12,
        "Allocated Team": s["team"],
        "Allocated Worker": s["worker"],
    }

    visits = d["visits"]
    seen = _rows(visits, visits["visit_date"] <= e0)
    r = d["referrals"]
    r = _rows(r, open_in_window(r["referral_date"], r["closure_date"]))
    last_seen = latest(seen["child_id"], seen["visit_date"], r["child_id"])
    status = np.where(np.isnat(r["closure_date"]), "a) Open", "b) Closed").astype(object)
    lists[6] = demo(r["child_id"]) | {
        "Does the Child have a Disability": disabled(r["child_id"]),
        "CIN Start Date": r["referral_date"],
        "Primary Need Code": _map(r["primary_need"], NEED_LABEL),
        "Date Child Was Last Seen": last_seen,
        "CIN Closure Date": r["closure_date"],
        "Reason for Closure": _map(r["closure_reason"], CLOSURE_LABEL),
        "Case Status": status,
        "Allocated Team": r["team"],
        "Allocated Worker": r["worker"],
    }

    p = d["cp_plans"]
    p = _rows(p, open_in_window(p["start_date"], p["end_date"]))
    cpv = _rows(seen, seen["visit_type"] == "CP")
    last_visit, alone = latest(cpv["child_id"], cpv["visit_date"], p["child_id"], cpv["seen_alone"])
    rv = d["cp_reviews"]
    last_review = latest(rv["cp_plan_id"], rv["review_date"], p["cp_plan_id"])
    lists[7] = demo(p["child_id"]) | {
        "Does the Child have a Disability": disabled(p["child_id"]),
        "CP Plan Start Date": p["start_date"],
        "Initial Category of Abuse": p["initial_category"],
        "Latest Category of Abuse": p["latest_category"],
        "Date of the Last Statutory Visit": last_visit,
        "Was the Child Seen Alone?": yn(alone, "Yes", "No"),
        "Date of latest review conference": last_review,
        "CP Plan End Date": p["end_date"],
        HEADINGS[7][13]: np.full(len(p["child_id"]), "N", dtype=object),
        "Number of Previous Child Protection Plans": p["previous_plans"],
        "Allocated Team": p["team"],
        "Allocated Worker": p["worker"],
    }

    lists[8] = _list8(world, demo, disabled, w0, e0)
    lists[9] = _list9(world, demo, disabled, w0, e0)
    lists[10], lists[11] = _adoption_lists(world, demo, disabled, w0, e0)
    return lists


def _list8(world: World, demo, disabled, w0: np.datetime64, e0: np.datetime64) -> dict:
    d = world.data
    ep = d["cla_episodes"]
    ep = _rows(ep, (ep["decom"] <= e0) & (np.isnat(ep["dec"]) | (ep["dec"] >= w0)))
    # the latest episode of each child, and the start of its period of care
    order = np.lexsort((ep["decom"], ep["child_id"].astype(str)))
    ep = {k: v[order] for k, v in ep.items()}
    cid = ep["child_id"].astype(str)
    last = np.ones(len(cid), bool)
    last[:-1] = cid[1:] != cid[:-1]
    all_ep = d["cla_episodes"]
    starts = _rows(all_ep, all_ep["rne"] == "S")
    last_eps = {k: v[last] for k, v in ep.items()}
    kids = last_eps["child_id"]
    period_start = latest(starts["child_id"], starts["decom"], kids)
    year_ago = e0 - np.timedelta64(365, "D")
    prev_start = _count_between(starts["child_id"], starts["decom"], kids, year_ago, e0)
    placements = _count_between(
        all_ep["child_id"][np.isin(all_ep["rne"], ["S", "P", "T", "B", "U"])],
        all_ep["decom"][np.isin(all_ep["rne"], ["S", "P", "T", "B", "U"])],
        kids,
        year_ago,
        e0,
    )
    legal = _rows(all_ep, np.isin(all_ep["rne"], ["S", "L", "T", "U"]))
    place = _rows(all_ep, np.isin(all_ep["rne"], ["S", "P", "T", "B", "U"]))
    rv = d["cla_reviews"]
    v = _rows(d["visits"], d["visits"]["visit_type"] == "CLA")
    h = d["health_assessments"]
    ms = d["missing_episodes"]
    ms = _rows(ms, (ms["start_date"] >= year_ago) & (ms["start_date"] <= e0))
    ch = d["children"]
    uasc = dict(zip(ch["child_id"].tolist(), ch["uasc"].tolist(), strict=True))
    n = len(kids)
    last_missing = latest(ms["child_id"], ms["start_date"], kids, ms["rhi_offered"])[1]
    last_accept = latest(ms["child_id"], ms["start_date"], kids, ms["rhi_accepted"])[1]
    placement_start = latest(place["child_id"], place["decom"], kids)
    team = latest(
        d["allocations"]["child_id"], d["allocations"]["start_date"], kids, d["allocations"]["team"]
    )[1]
    worker = latest(
        d["allocations"]["child_id"],
        d["allocations"]["start_date"],
        kids,
        d["allocations"]["worker"],
    )[1]
    return demo(kids) | {
        "UASC within the Last 12 Months (Y/N)": yn(
            np.array([uasc[k] for k in kids.tolist()], dtype=object)
        ),
        "Does the Child have a Disability": disabled(kids),
        "Date Started to be Looked After": period_start,
        "Child's Category of Need": last_eps["cin"],
        "Second or subsequent period of being Looked After within the last 12 months (Y/N)": yn(
            (prev_start > 1).astype(object)
        ),
        "Start date of current legal status": latest(legal["child_id"], legal["decom"], kids),
        "Child's Legal Status": last_eps["ls"],
        "Date of Latest Statutory Review": latest(rv["child_id"], rv["review_date"], kids),
        "Date of Last Social Work Visit": latest(v["child_id"], v["visit_date"], kids),
        "What is the permanence plan for this child?": np.full(n, None, dtype=object),
        "Date of Last IRO Visit/Contact": latest(rv["child_id"], rv["review_date"], kids),
        "Date of Last Health Assessment": latest(
            h["child_id"][h["kind"] == "health"], h["assessment_date"][h["kind"] == "health"], kids
        ),
        "Date of Last Dental Check": latest(
            h["child_id"][h["kind"] == "dental"], h["assessment_date"][h["kind"] == "dental"], kids
        ),
        "Number of Placements in the Last 12 months": np.maximum(placements, 1),
        "Date Ceased to be Looked After": last_eps["dec"],
        "Reason Ceased to be Looked After": last_eps["rec"],
        "Start Date of Most Recent Placement": placement_start,
        "Placement Type": last_eps["place"],
        "Placement Provider": last_eps["place_provider"],
        "Placement postcode": last_eps["pl_post"],
        "URN of Placement": last_eps["urn"],
        "Placement Location": np.where(
            np.isin(last_eps["place_provider"], ["PR1", "PR0"]), "a) Inside LA", "b) Outside LA"
        ).astype(object),
        "LA of Placement": np.full(n, None, dtype=object),
        "Number of Episodes 'Missing' in the last 12 months": _count_between(
            ms["child_id"][ms["missing_type"] == "M"],
            ms["start_date"][ms["missing_type"] == "M"],
            kids,
            year_ago,
            e0,
        ),
        "Number of Episodes 'Absent' in the last 12 months": _count_between(
            ms["child_id"][ms["missing_type"] == "A"],
            ms["start_date"][ms["missing_type"] == "A"],
            kids,
            year_ago,
            e0,
        ),
        "Was the child offered a Return Interview after the last missing episode (Y/N)?": yn(
            last_missing
        ),
        "Did the child accept the offer of a Return Interview (Y/N)?": yn(last_accept),
        "Allocated Team": team,
        "Allocated Worker": worker,
    }


def _list9(world: World, demo, disabled, w0: np.datetime64, e0: np.datetime64) -> dict:
    cl = world.data["care_leavers"]
    order = np.lexsort((cl["year_ending"], cl["child_id"].astype(str)))
    cl = {k: v[order] for k, v in cl.items()}
    cid = cl["child_id"].astype(str)
    last = np.ones(len(cid), bool)
    last[:-1] = cid[1:] != cid[:-1]
    recent = cl["year_ending"] >= w0 - np.timedelta64(365, "D")
    cl = _rows(cl, last & recent)
    al = world.data["allocations"]
    team = latest(al["child_id"], al["start_date"], cl["child_id"], al["team"])[1]
    # the OC3's 0 (not applicable: died or returned home) is a blank in List 9
    applies = cl["accommodation"] != "0"
    suitable = np.where(
        (cl["accommodation"] == "Z") | ~applies,
        None,
        np.where(cl["suitable"] == True, "Suitable", "Unsuitable"),  # noqa: E712
    ).astype(object)
    return demo(cl["child_id"]) | {
        "Does the Child have a Disability": disabled(cl["child_id"]),
        "Allocated Team": team,
        "Allocated Worker": cl["personal_advisor"],
        "Eligibility Category": np.full(len(cid[last & recent]), "Former relevant", dtype=object),
        "LA in Touch": cl["in_touch"],
        "Type of Accommodation": np.where(applies, cl["accommodation"], None),
        "Suitability of Accommodation": suitable,
        "Activity Status": np.where(cl["activity"] != "0", cl["activity"], None),
    }


def _adoption_lists(
    world: World, demo, disabled, w0: np.datetime64, e0: np.datetime64
) -> tuple[dict, dict]:
    ad, a1 = world.data["adoption"], world.extra["ad1"]
    keep = np.isnat(ad["adoption_order_date"]) | (ad["adoption_order_date"] >= w0)
    ad = _rows(ad, keep)
    fam = a1["family"][keep]
    n = len(fam)
    dm = demo(ad["child_id"])
    none = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    list10 = {
        "Child Unique ID": ad["child_id"],
        "Family identifier": fam,
        "Gender": dm["Gender"],
        "Ethnicity": dm["Ethnicity"],
        "Date of Birth": dm["Date of Birth"],
        "Age of Child (Years)": dm["Age of Child (Years)"],
        "Does the Child have a Disability": disabled(ad["child_id"]),
        "Date the Child Entered Care": ad["entered_care"],
        "Date of Decision that Child Should be Placed for Adoption": ad["decision_date"],
        "Date of Placement Order": ad["placement_order_date"],
        "Date of Matching": ad["matched_date"],
        "Date Placed for Adoption": ad["placed_date"],
        "Date of Adoption Order": ad["adoption_order_date"],
        "Date of Decision that Child Should No Longer be Placed for Adoption": none,
        "Reason for No Longer Placed for Adoption": np.full(n, None, dtype=object),
        "Date placed for fostering in FFA/concurrent planning placement": none,
    }
    matched = ad["matched_date"]
    enquiry = matched - np.timedelta64(300, "D")
    list11 = {
        "Individual adopter identifier": np.array([f"{f}-1" for f in fam.tolist()], dtype=object),
        "Family identifier": fam,
        "Gender": np.full(n, "b) Female", dtype=object),
        "Ethnicity": np.full(n, "a) WBRI", dtype=object),
        "Disability": np.full(n, "No", dtype=object),
        "Is the (prospective) adopter fostering for adoption?": np.full(n, "No", dtype=object),
        "Date enquiry received": enquiry,
        "Date Stage 1 started": enquiry + np.timedelta64(20, "D"),
        "Date Stage 1 ended": enquiry + np.timedelta64(80, "D"),
        "Date Stage 2 started": enquiry + np.timedelta64(90, "D"),
        "Date Stage 2 ended": enquiry + np.timedelta64(200, "D"),
        "Date application submitted": enquiry + np.timedelta64(90, "D"),
        "Date application approved": enquiry + np.timedelta64(210, "D"),
        "Date adopter matched with child(ren)": matched,
        "Date child/children placed with adopter(s)": ad["placed_date"],
        "No. of children placed": np.where(np.isnat(ad["placed_date"]), 0, 1),
        "Date of Adoption Order": ad["adoption_order_date"],
        "Date of leaving adoption process": none,
        "Reason for leaving adoption process": np.full(n, None, dtype=object),
    }
    return list10, list11


def _six_months_before(end: date) -> date:
    """The first day of Annex A's six months: 31 March -> 1 October."""
    after = end + timedelta(days=1)
    months = after.year * 12 + after.month - 1 - 6
    return date(months // 12, months % 12 + 1, min(after.day, 28))


def _rows(cols: Columns, keep: np.ndarray) -> Columns:
    return {k: v[keep] for k, v in cols.items()}


def _count_between(
    keys: np.ndarray, when: np.ndarray, wanted: np.ndarray, lo: np.datetime64, hi: np.datetime64
) -> np.ndarray:
    ok = ~np.isnat(when) & (when >= lo) & (when <= hi)
    uniq, counts = np.unique(keys[ok].astype(str), return_counts=True)
    pos = np.clip(np.searchsorted(uniq, wanted.astype(str)), 0, max(len(uniq) - 1, 0))
    if not len(uniq):
        return np.zeros(len(wanted), np.int64)
    return np.where(uniq[pos] == wanted.astype(str), counts[pos], 0)


def _count_12m(keys: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Per row: rows of the same key dated in the 365 days up to this row's date (inclusive)."""
    out = np.zeros(len(keys), np.int64)
    k = keys.astype(str)
    ok = ~np.isnat(when)
    order = np.lexsort((when, k))
    ks, ws, oks = k[order], when[order], ok[order]
    counts = np.zeros(len(ks), np.int64)
    for back in range(0, 8):
        same = np.zeros(len(ks), bool)
        same[back:] = (ks[back:] == ks[: len(ks) - back]) & oks[: len(ks) - back] & oks[back:]
        if back:
            same[back:] &= (ws[back:] - ws[: len(ks) - back]).astype(np.int64) <= 365
        counts += same
    out[order] = counts
    return out


STYLES = ("short", "ofsted", "codes")

# The 2023-24 template's wording where it differs from the short headings above.
OFSTED_HEADINGS: dict[int, dict[str, str]] = {
    3: {"Referral NFA?": "Referral No Further Action?"},
    5: {
        "Was an ICPC deemed unnecessary?": (
            "Was an Initial Child Protection Conference deemed unnecessary?"
        ),
        "Date of ICPC": "Date of Initial Child Protection Conference",
        "Did the ICPC Result in a CP Plan": (
            "Did the Initial Child Protection Conference Result in a Child Protection Plan"
        ),
    },
    7: {
        "CP Plan Start Date": "Child Protection Plan Start Date",
        "CP Plan End Date": "Child Protection Plan End Date",
    },
    8: {
        "UASC within the Last 12 Months (Y/N)": (
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"
        ),
        "Date of Last IRO Visit/Contact": "Date of Last IRO Visit / Contact to the Child",
        "Number of Episodes 'Missing' in the last 12 months": (
            "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the "
            "last 12 months"
        ),
        "Number of Episodes 'Absent' in the last 12 months": (
            "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the "
            "last 12 months"
        ),
        "Was the child offered a Return Interview after the last missing episode (Y/N)?": (
            "Was the child offered a Return Interview after their last missing episode (Y/N)?"
        ),
        "Did the child accept the offer of a Return Interview (Y/N)?": (
            "Did the child accept a Return Interview after their last missing episode (Y/N)?"
        ),
    },
    10: {
        "Date of Matching": "Date of Matching Child and Prospective Adopters",
        "Reason for No Longer Placed for Adoption": (
            "Reason Why Child No Longer Placed for Adoption"
        ),
        "Date placed for fostering in FFA/concurrent planning placement": (
            "Date the child was placed for fostering in FFA or concurrent planning placement"
        ),
    },
}
PROVIDER_LABEL = {
    "PR0": "Parents or other person with parental responsibility",
    "PR1": "Own provision (by the LA)",
    "PR2": "Other LA provision",
    "PR3": "Other public provision",
    "PR4": "Private provision",
    "PR5": "Voluntary/third sector provision",
}
ACTIVITY_LABEL = {
    "F1": "Full time in higher education",
    "P1": "Part time in higher education",
    "F2": "Full time in education other than higher",
    "P2": "Part time in education other than higher",
    "F3": "Full time in training or employment",
    "P3": "Part time in training or employment",
    "F4": "Young person engaged full time in an apprenticeship",
    "P4": "Young person engaged part time in an apprenticeship",
    "F5": "Young person engaged full time in training or employment (not apprenticeship)",
    "P5": "Young person engaged part time in training or employment (not apprenticeship)",
    "G4": "Not in education, employment or training - illness or disability",
    "G5": "Not in education, employment or training - other",
    "G6": "Not in education, employment or training - pregnancy or parenting",
}
_OFSTED_SEX = {"M": "a) Male", "F": "b) Female", "U": "c) Not stated/recorded"}
_OFSTED_FLAG = {True: "a) Yes", False: "b) No"}
_OFSTED_CODES = {
    "place_provider": {
        c: f"{chr(97 + i)}) {c} - {label}" for i, (c, label) in enumerate(PROVIDER_LABEL.items())
    },
    "activity": {c: f"{c}: {label}" for c, label in ACTIVITY_LABEL.items()},
    "initial_category": {
        c: f"{chr(97 + i)}) {label}" for i, (c, label) in enumerate(codes.ABUSE_CATEGORY.items())
    },
    "in_touch": {
        "YES": "a) Yes",
        "NO": "b) No",
        "DIED": "c) Died",
        "REFU": "d) Refu",
        "NREQ": "e) NREQ",
        "RHOM": "f) Rhom",
    },
}
_OFSTED_CODES["latest_category"] = _OFSTED_CODES["initial_category"]


def styled(lists: dict[int, dict[str, np.ndarray]], style: str) -> dict[int, dict[str, np.ndarray]]:
    """The lists with headings and coded cells spelt in `style` (see the module)."""
    from csc_insight.formats.annexa_columns import LISTS
    from csc_insight.formats.tabular import _parser

    if style not in STYLES:
        raise ValueError(f"Annex A style should be one of {', '.join(STYLES)}, not {style!r}")
    out: dict[int, dict[str, np.ndarray]] = {}
    for n, unordered in lists.items():
        cols = {h: unordered[h] for h in HEADINGS[n]}
        if style == "short":
            out[n] = cols
            continue
        by_heading = {c.heading: c for c in LISTS[n].columns}
        renamed = OFSTED_HEADINGS.get(n, {}) if style == "ofsted" else {}
        out[n] = {}
        for heading, values in cols.items():
            column = by_heading.get(heading)
            if (
                column is not None
                and column.kind in ("code", "flag")
                and values.dtype == object
                and column.field != "eligibility"
            ):
                parse = _parser(column)
                spelt = {
                    raw: _spell(style, column.field, column.kind, parse(str(raw)), raw)
                    for raw in set(values.tolist())
                    if raw is not None
                }
                values = np.array(
                    [None if v is None else spelt[v] for v in values.tolist()], dtype=object
                )
            out[n][renamed.get(heading, heading)] = values
    return out


def _spell(style: str, field: str, kind: str, value: object, raw: object) -> object:
    """One coded cell's canonical `value` spelt in `style` (`raw` when there is no rule)."""
    if value is None:
        return raw
    if field == "suitable":  # Ofsted's drop-down; SSDA903 OC3's 1 (suitable) / 2
        return (
            ("1" if value else "2")
            if style == "codes"
            else ("a) Suitable" if value else "b) Unsuitable")
        )
    if kind == "flag":
        return ("Y" if value else "N") if style == "codes" else _OFSTED_FLAG[bool(value)]
    if style == "codes":
        return value
    if field == "sex":
        return _OFSTED_SEX[str(value)]
    return _OFSTED_CODES.get(field, {}).get(str(value), raw)


def write_annexa(world: World, out: Path, *, style: str = "short") -> list[Path]:
    lists = styled(annex_a_lists(world), style)
    if max(len(next(iter(cols.values()))) for cols in lists.values()) + 1 > EXCEL_MAX_ROWS:
        return [write_csv(out / f"annex_a_list_{n}.csv", cols) for n, cols in lists.items()]
    return [_write_xlsx(out / "annex_a.xlsx", lists)]


def _write_xlsx(path: Path, lists: dict[int, dict[str, np.ndarray]]) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "default_date_format": "dd/mm/yyyy"}
    )
    book.set_properties({"created": datetime(2000, 1, 1), "author": "csc-insight synth"})
    bold = book.add_format({"bold": True})
    for n, cols in lists.items():
        sheet = book.add_worksheet(f"List {n}")
        sheet.write_row(0, 0, list(cols), bold)
        values = [_cells(v) for v in cols.values()]
        for r, row in enumerate(zip(*values, strict=True), start=1):
            sheet.write_row(r, 0, row)
    book.close()
    return path


def _cells(values: np.ndarray) -> list:
    if values.dtype.kind == "M":
        return values.astype("datetime64[D]").astype(object).tolist()
    return [None if v is None else v for v in values.tolist()]
