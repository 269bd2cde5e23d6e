"""Write the local extras CSVs (docs/local_extras.md) into `local_extras/`."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from csc_insight.synth.csvout import write_csv, yn
from csc_insight.synth.world import World


def write_local(world: World, out: Path) -> list[Path]:
    d = world.data
    folder = out / "local_extras"
    folder.mkdir(parents=True, exist_ok=True)
    c, eh, v, m = d["contacts"], d["early_help"], d["visits"], d["missing_episodes"]
    sb = d["short_breaks"]
    h, pp, al, w, pop = (
        d["health_assessments"],
        d["pathway_plan_reviews"],
        d["allocations"],
        d["workers"],
        d["population"],
    )
    files = {
        "contacts.csv": {
            "CONTACT_ID": c["contact_id"],
            "CHILD": c["child_id"],
            "CONTACT_DATE": c["contact_date"],
            "SOURCE": c["source_code"],
            "DECISION_DATE": c["decision_date"],
            "OUTCOME": c["outcome"],
        },
        "early_help.csv": {
            "EH_ID": eh["eh_id"],
            "CHILD": eh["child_id"],
            "REFERRAL_DATE": eh["referral_date"],
            "START_DATE": eh["start_date"],
            "COMPLETION_DATE": eh["completion_date"],
            "ORGANISATION": eh["organisation"],
            "CLOSURE_DATE": eh["closure_date"],
            "CLOSURE_REASON": eh["closure_reason"],
            "GOAL_START": eh["goal_score_start"],
            "GOAL_REVIEW": eh["goal_score_review"],
            "GOAL_END": eh["goal_score_end"],
            "SHORT_BREAK": yn(eh["short_break"]),
            "REFERRAL_SOURCE": eh["referral_source"],
            "REFERRAL_OUTCOME": eh["referral_outcome"],
        },
        "short_breaks.csv": {
            "CHILD": sb["child_id"],
            "DISABILITY": sb["disability"],
            "SERVICE": sb["service"],
            "START_DATE": sb["start_date"],
            "END_DATE": sb["end_date"],
            "HOURS_PER_WEEK": sb["hours_per_week"],
            "NIGHTS_PER_YEAR": sb["nights_per_year"],
        },
        "visits.csv": {
            "CHILD": v["child_id"],
            "VISIT_DATE": v["visit_date"],
            "VISIT_TYPE": v["visit_type"],
            "SEEN_ALONE": yn(v["seen_alone"]),
            "WORKER": v["worker"],
        },
        "missing.csv": {
            "CHILD": m["child_id"],
            "MISSING": m["missing_type"],
            "MIS_START": m["start_date"],
            "MIS_END": m["end_date"],
            "RHI_OFFERED": yn(m["rhi_offered"]),
            "RHI_ACCEPTED": yn(m["rhi_accepted"]),
            "RHI_DATE": m["rhi_date"],
        },
        "health.csv": {
            "CHILD": h["child_id"],
            "ASSESSMENT_DATE": h["assessment_date"],
            "KIND": h["kind"],
        },
        "pathway_plans.csv": {"CHILD": pp["child_id"], "REVIEW_DATE": pp["review_date"]},
        "allocations.csv": {
            "CHILD": al["child_id"],
            "WORKER": al["worker"],
            "TEAM": al["team"],
            "START_DATE": al["start_date"],
            "END_DATE": al["end_date"],
        },
        "workers.csv": {
            "WORKER": w["worker"],
            "NAME": w["name"],
            "TEAM": w["team"],
            "ROLE": w["role"],
            "FTE": w["fte"],
        },
        "population.csv": {
            "YEAR": pop["year"],
            "AGE_FROM": pop["age_from"],
            "AGE_TO": pop["age_to"],
            "POPULATION": pop["population"],
        },
    }
    mentioned: set[str] = set()
    for cols in files.values():
        if "CHILD" in cols:
            mentioned.update(cols["CHILD"].tolist())
    ch = d["children"]
    keep = np.fromiter(
        (c in mentioned for c in ch["child_id"].tolist()), dtype=bool, count=len(ch["child_id"])
    )
    children = {
        "CHILD": ch["child_id"][keep],
        "DOB": ch["dob"][keep],
        "SEX": ch["sex"][keep],
        "ETHNICITY": ch["ethnicity"][keep],
        "DISABILITY": yn(ch["disability"][keep]),
        "UASC": yn(ch["uasc"][keep]),
    }
    paths = [write_csv(folder / "children.csv", children)]
    paths += [write_csv(folder / name, cols) for name, cols in files.items()]
    return paths
