"""Write the SSDA903 CSVs (header, episodes, reviews, uasc, oc2, oc3, missing, placed_adoption,
prev_perm, ad1) covering every collection year of the window in one set. OC2 and OC3 carry an
extra last column `YEAR`: the collection year's ending year. With form 'xml' the same tables
go into one XML file instead (`synth.write_903_xml`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv
from csc_insight.synth.world import World, latest

SEX_903 = {"M": "1", "F": "2", "U": "1"}


def write_903(world: World, out: Path, form: str = "csv") -> list[Path]:
    """The SSDA903 tables as CSV files (`form` 'csv') or one DfE-style XML file ('xml')."""
    d, x = world.data, world.extra
    rng = np.random.default_rng([world.seed, 903])
    s0, e0 = np.datetime64(world.start, "D"), np.datetime64(world.end, "D")
    ch = d["children"]
    index = {cid: i for i, cid in enumerate(ch["child_id"].tolist())}

    def child_rows(ids: np.ndarray) -> np.ndarray:
        return np.array([index[c] for c in ids.tolist()], dtype=np.int64)

    def sex(rows: np.ndarray) -> np.ndarray:
        return np.array([SEX_903[s] for s in ch["sex"][rows].tolist()], dtype=object)

    ep = d["cla_episodes"]
    in_window = (ep["decom"] <= e0) & (np.isnat(ep["dec"]) | (ep["dec"] >= s0))
    ep = {k: v[in_window] for k, v in ep.items()}
    # The Header lists every child in any table of the return: care leavers in OC3 too.
    in_return = np.concatenate(
        [ep["child_id"], d["cla_health"]["child_id"], d["care_leavers"]["child_id"]]
    ).astype(str)
    hrows = child_rows(np.unique(in_return).astype(object))
    # MOTHER for girls looked after other than under short breaks (V3, V4), blank for others
    # (SSDA903 165, 393, 399, 607, 628); a mother is 13 or older by the window's start, with
    # her child's date of birth (611, 620, 621).
    in_care = np.unique(ep["child_id"][~np.isin(ep["ls"], ["V3", "V4"])].astype(str))
    girl = (ch["sex"][hrows] == "F") & np.isin(ch["child_id"][hrows].astype(str), in_care)
    age_at_start = (s0 - ch["dob"][hrows]).astype(np.int64)
    is_mother = girl & (age_at_start > 13 * 365) & (rng.random(len(hrows)) < 0.04)
    mother = np.where(girl, np.where(is_mother, "1", "0"), None).astype(object)
    mc_dob = np.where(is_mother, e0 - rng.integers(30, 360, len(hrows)), np.datetime64("NaT"))
    # her child born by the end of her latest episode of care (SSDA903 625)
    latest_dec = latest(ep["child_id"], ep["dec"].astype("datetime64[D]"), ch["child_id"][hrows])
    mc_dob = np.where(latest_dec < mc_dob, latest_dec, mc_dob)
    no_upn = np.array([u is None for u in ch["upn"][hrows].tolist()], dtype=bool)
    tables: dict[str, dict[str, np.ndarray]] = {}
    tables["header"] = {
        "CHILD": ch["child_id"][hrows],
        "SEX": sex(hrows),
        "DOB": ch["dob"][hrows],
        "ETHNIC": ch["ethnicity"][hrows],
        # No UPN (unaccompanied children): its 'UPN unknown' code (SSDA903 442)
        "UPN": np.where(no_upn, ch["upn_unknown"][hrows], ch["upn"][hrows]),
        "MOTHER": mother,
        "MC_DOB": mc_dob.astype("datetime64[D]"),
    }
    tables["episodes"] = {
        "CHILD": ep["child_id"],
        "DECOM": ep["decom"],
        "RNE": ep["rne"],
        "LS": ep["ls"],
        "CIN": ep["cin"],
        "PLACE": ep["place"],
        "PLACE_PROVIDER": ep["place_provider"],
        "DEC": ep["dec"],
        "REC": ep["rec"],
        "REASON_PLACE_CHANGE": ep["reason_place_change"],
        "HOME_POST": ep["home_post"],
        "PL_POST": ep["pl_post"],
        "URN": ep["urn"],
    }
    rv = d["cla_reviews"]
    keep = (rv["review_date"] >= s0) & (rv["review_date"] <= e0)
    rrows = child_rows(rv["child_id"][keep])
    tables["reviews"] = {
        "CHILD": rv["child_id"][keep],
        "DOB": ch["dob"][rrows],
        "REVIEW": rv["review_date"][keep],
        "REVIEW_CODE": rv["review_code"][keep],
    }
    # UASC: children whose status had not ceased before the window (SSDA903 104)
    urows = hrows[(ch["uasc"][hrows] == True) & ~(ch["uasc_ceased"][hrows] < s0)]  # noqa: E712
    duc = ch["uasc_ceased"][urows]
    tables["uasc"] = {
        "CHILD": ch["child_id"][urows],
        "SEX": sex(urows),
        "DOB": ch["dob"][urows],
        "DUC": np.where(duc <= e0, duc, np.datetime64("NaT")),
    }

    oc2, o2 = d["cla_health"], x["oc2"]
    orows = child_rows(oc2["child_id"])
    tables["oc2"] = {
        "CHILD": oc2["child_id"],
        "DOB": ch["dob"][orows],
        "SDQ_SCORE": oc2["sdq_score"],
        "SDQ_REASON": o2["sdq_reason"],
        "CONVICTED": _01(oc2["convicted"]),
        "HEALTH_CHECK": _01(oc2["health_check"]),
        "IMMUNISATIONS": _01(oc2["immunisations"]),
        "TEETH_CHECK": _01(oc2["teeth_check"]),
        "HEALTH_ASSESSMENT": _01(o2["health_assessment"]),
        "SUBSTANCE_MISUSE": _01(oc2["substance_misuse"]),
        "INTERVENTION_RECEIVED": _01(o2["intervention_received"]),
        "INTERVENTION_OFFERED": _01(o2["intervention_offered"]),
        "YEAR": o2["year"],
    }

    cl = d["care_leavers"]
    lrows = child_rows(cl["child_id"])
    accom = np.array(
        [
            a if a in (None, "Z", "0") else a + ("1" if s else "2")
            for a, s in zip(cl["accommodation"].tolist(), cl["suitable"].tolist(), strict=True)
        ],
        dtype=object,
    )
    tables["oc3"] = {
        "CHILD": cl["child_id"],
        "DOB": ch["dob"][lrows],
        "IN_TOUCH": cl["in_touch"],
        "ACTIV": cl["activity"],
        "ACCOM": accom,
        "YEAR": cl["year_ending"].astype("datetime64[Y]").astype(np.int64) + 1970,
    }

    ms = d["missing_episodes"]
    keep = (ms["source"] == "ssda903") & (ms["start_date"] >= s0) & (ms["start_date"] <= e0)
    mrows = child_rows(ms["child_id"][keep])
    tables["missing"] = {
        "CHILD": ms["child_id"][keep],
        "DOB": ch["dob"][mrows],
        "MISSING": ms["missing_type"][keep],
        "MIS_START": ms["start_date"][keep],
        "MIS_END": ms["end_date"][keep],
    }

    ad = d["adoption"]
    keep = (ad["decision_date"] <= e0) & (
        np.isnat(ad["adoption_order_date"]) | (ad["adoption_order_date"] >= s0)
    )
    arows = child_rows(ad["child_id"][keep])
    ceased = ad["adoption_order_date"][keep]
    tables["placed_adoption"] = {
        "CHILD": ad["child_id"][keep],
        "DOB": ch["dob"][arows],
        "DATE_PLACED": ad["decision_date"][keep],
        "DATE_PLACED_CEASED": ceased,
        "REASON_PLACED_CEASED": np.where(np.isnat(ceased), None, "E11").astype(object),
    }

    starts = ep["rne"] == "S"
    starts &= ep["decom"] >= s0
    prows = child_rows(ep["child_id"][starts])
    k = len(prows)
    prev = np.where(rng.random(k) < 0.9, "Z1", "P4").astype(object)
    tables["prev_perm"] = {
        "CHILD": ep["child_id"][starts],
        "DOB": ch["dob"][prows],
        "PREV_PERM": prev,
        "LA_PERM": np.full(k, None, dtype=object),
        "DATE_PERM": np.full(k, None, dtype=object),
    }

    a1 = x["ad1"]
    matched = ad["matched_date"]
    # AD1 is for children adopted in the window, and only they (SSDA903 187, 602)
    adopted = ad["adoption_order_date"]
    keep = ~np.isnat(matched) & ~np.isnat(adopted) & (adopted >= s0) & (adopted <= e0)
    # adopted on 31 March itself, in care since 1 April: looked after continuously for the
    # year as the DfE counts it, which has no AD1 (SSDA903 187)
    keep &= ~_whole_year(ad["entered_care"], adopted)
    sel = np.nonzero(keep)[0]
    drows = child_rows(ad["child_id"][sel])
    # adopted by the foster carers when placed with them (A5), not when placed with others
    # (A6; SSDA903 335)
    adopted_from = {
        c: p
        for c, p, r in zip(
            ep["child_id"].tolist(), ep["place"].tolist(), ep["rec"].tolist(), strict=True
        )
        if r in ("E11", "E12")
    }
    by_carer = np.array([adopted_from.get(c) for c in ad["child_id"][sel].tolist()], dtype=object)
    foster = np.where(by_carer == "A5", True, np.where(by_carer == "A6", False, None))
    foster = np.where(foster == None, a1["foster_care"][sel], foster)  # noqa: E711
    tables["ad1"] = {
        "CHILD": ad["child_id"][sel],
        "DOB": ch["dob"][drows],
        "DATE_INT": ad["decision_date"][sel],
        "DATE_MATCH": matched[sel],
        "FOSTER_CARE": _01(foster),
        "NB_ADOPTR": a1["nb_adoptr"][sel],
        "SEX_ADOPTR": a1["sex_adoptr"][sel],
        "LS_ADOPTR": a1["ls_adoptr"][sel],
    }
    if form == "xml":
        from csc_insight.synth.write_903_xml import write_903_xml

        return [write_903_xml(tables, out / "ssda903.xml", world.end)]
    return [write_csv(out / f"{name}.csv", columns) for name, columns in tables.items()]


def _01(values: np.ndarray) -> np.ndarray:
    v = np.asarray(values, dtype=object)
    out = np.full(len(v), None, dtype=object)
    out[v == True] = "1"  # noqa: E712
    out[v == False] = "0"  # noqa: E712
    return out


def _whole_year(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Whether care from `start` to `end` ended on a 31 March and began by the 1 April before."""
    end = end.astype("datetime64[D]")
    month = end.astype("datetime64[M]")
    march_31 = ((month.astype(np.int64) % 12) == 2) & ((end + 1).astype("datetime64[M]") != month)
    year_start = (month - 11).astype("datetime64[D]")
    return march_31 & (start.astype("datetime64[D]") <= year_start)
