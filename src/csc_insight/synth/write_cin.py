"""Write the Children in Need census XML, one file per collection year (`cin_census_YYYY.xml`).

As in the real census, a year's file holds every child with an episode of need open at any
point from 1 April to 31 March, and of each episode what the DfE's census-year rules ask for:
dates after 31 March are left out (an episode open across it appears in both years' files),
and so are the assessments authorised, the CIN and child protection plans ended and the
Section 47 enquiries concluded before 1 April (8696, 4013, 8930, 8715, 8740), which the
earlier year's file holds. An initial child protection conference is recorded once (2884):
in its Section47 block, or in CINdetails only when no Section47 block of the file carries it.
A child's date of death is given up to the reference date.
Files are streamed with `lxml.etree.xmlfile`, one child element at a time, each `Child` on a
line of its own: a row's lineage (`file:line`) and a validation failure then point at its
child's record, where a file on one line would give line 2 for every row (an indented file
would be about 30% bigger to read).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np

from csc_insight.synth import vocab
from csc_insight.synth.world import Columns, World

GENDER = {"M": "1", "F": "2", "U": "9"}
SECOND_DISABILITY = 0.2  # share of disabled children with a second disability code


def write_cin(world: World, out: Path, progress: Callable[[str], None] | None = None) -> list[Path]:
    paths = []
    for year in world.collection_years():
        if progress:
            progress(f"CIN census {year}")
        paths.append(write_year(world, year, out / f"cin_census_{year}.xml"))
    return paths


class _Groups:
    """Rows of a table grouped by referral (positions in the referrals table)."""

    def __init__(self, table: Columns, referral_ids: np.ndarray) -> None:
        pos = np.searchsorted(referral_ids, table["referral_id"].astype(str))
        self.order = np.argsort(pos, kind="stable")
        self.bounds = np.searchsorted(pos[self.order], np.arange(len(referral_ids) + 1))

    def rows(self, referral: int) -> np.ndarray:
        return self.order[self.bounds[referral] : self.bounds[referral + 1]]


def _before(values: np.ndarray, first: np.datetime64) -> np.ndarray:
    """Dates before `first` (NaT is not)."""
    return ~np.isnat(values) & (values.astype("datetime64[D]") < first)


def _iso(values: np.ndarray, ref: np.datetime64) -> np.ndarray:
    """ISO date strings, None for NaT or for dates after the reference date."""
    text = np.datetime_as_string(values.astype("datetime64[D]"), unit="D").astype(object)
    text[np.isnat(values) | (values > ref)] = None
    return text


def write_year(world: World, year: int, path: Path) -> Path:
    from lxml import etree

    d = world.data
    ref = np.datetime64(date(year, 3, 31), "D")
    first = np.datetime64(date(year - 1, 4, 1), "D")
    refs, ch = d["referrals"], d["children"]
    ref_ids = refs["referral_id"].astype(str)
    in_year = (refs["referral_date"] <= ref) & (
        np.isnat(refs["closure_date"]) | (refs["closure_date"] >= first)
    )
    sel = np.nonzero(in_year)[0]
    sel = sel[np.lexsort((refs["referral_date"][sel], refs["child_id"][sel].astype(str)))]
    child_index = {c: i for i, c in enumerate(ch["child_id"].tolist())}
    rng = np.random.default_rng([world.seed, 1])
    kinds = np.array(list(vocab.DISABILITY), dtype=object)
    kind = rng.choice(
        len(kinds),
        len(ch["child_id"]),
        p=np.array(list(vocab.DISABILITY.values())) / sum(vocab.DISABILITY.values()),
    )
    disability_code = kinds[kind]
    # a fifth of disabled children have a second disability (DfE 2888Q queries a return in
    # which no child has two)
    second_code = kinds[(kind + rng.integers(1, len(kinds), len(kind))) % len(kinds)]
    second_code[rng.random(len(kind)) >= SECOND_DISABILITY] = None

    a, s, cin, cp, rv = (
        d["assessments"],
        d["s47_enquiries"],
        d["cin_plans"],
        d["cp_plans"],
        d["cp_reviews"],
    )
    ga, gs, gc, gp = (_Groups(t, ref_ids) for t in (a, s, cin, cp))
    plan_pos = {pid: i for i, pid in enumerate(cp["cp_plan_id"].tolist())}
    rv_pos = np.array([plan_pos[p] for p in rv["cp_plan_id"].tolist()], dtype=np.int64)
    rv_order = np.argsort(rv_pos, kind="stable")
    rv_bounds = np.searchsorted(rv_pos[rv_order], np.arange(len(plan_pos) + 1))

    r_date, r_close = _iso(refs["referral_date"], ref), _iso(refs["closure_date"], ref)
    a_start, a_auth = _iso(a["start_date"], ref), _iso(a["authorised_date"], ref)
    s_start, s_target, s_icpc = (
        _iso(s["start_date"], ref),
        _iso(s["icpc_target_date"], ref),
        _iso(s["icpc_date"], ref),
    )
    c_start, c_end = _iso(cin["start_date"], ref), _iso(cin["end_date"], ref)
    p_start, p_end = _iso(cp["start_date"], ref), _iso(cp["end_date"], ref)
    rv_date = _iso(rv["review_date"], ref)
    dob = _iso(ch["dob"], np.datetime64("2200-01-01"))
    death = _iso(ch["death_date"], ref)
    # what an earlier year's file holds: assessments authorised, plans ended and enquiries
    # concluded before 1 April (an enquiry without a conference by 31 March too)
    a_old = _before(a["authorised_date"], first)
    c_old = _before(cin["end_date"], first)
    p_old = _before(cp["end_date"], first)
    held = ~np.isnat(s["icpc_date"]) & (s["icpc_date"].astype("datetime64[D]") <= ref)
    s_old = np.where(held, _before(s["icpc_date"], first), _before(s["start_date"], first))
    # a conference no Section47 block of this file carries goes in CINdetails
    icpc_of_referral = {}
    for row in range(len(s["referral_id"])):
        if s_icpc[row] is not None and not s_old[row] and s_start[row] is None:
            icpc_of_referral[s["referral_id"][row]] = s_icpc[row]

    def sub(parent: etree._Element, tag: str, value: object) -> None:
        if value is not None:
            etree.SubElement(parent, tag).text = str(value)

    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("Message"):
            header = etree.Element("Header")
            details = etree.SubElement(header, "CollectionDetails")
            sub(details, "Collection", "CIN")
            sub(details, "Year", year)
            sub(details, "ReferenceDate", f"{year}-03-31")
            source = etree.SubElement(header, "Source")
            for tag, value in (
                ("SourceLevel", "L"),
                ("LEA", _lea(world)),
                ("SoftwareCode", "csc-insight-synth"),
                ("Release", "1"),
                ("SerialNo", "1"),
                ("DateTime", f"{year}-04-01T00:00:00"),
            ):
                sub(source, tag, value)
            xf.write("\n")
            xf.write(header)
            xf.write("\n")
            with xf.element("Children"):
                xf.write("\n")
                i = 0
                while i < len(sel):
                    cid = refs["child_id"][sel[i]]
                    j = i
                    while j < len(sel) and refs["child_id"][sel[j]] == cid:
                        j += 1
                    c = child_index[cid]
                    child = etree.Element("Child")
                    ident = etree.SubElement(child, "ChildIdentifiers")
                    sub(ident, "LAchildID", cid)
                    sub(ident, "UPN", ch["upn"][c])
                    sub(ident, "UPNunknown", ch["upn_unknown"][c])
                    sub(ident, "PersonBirthDate", dob[c])
                    sub(ident, "GenderCurrent", GENDER[ch["sex"][c]])
                    sub(ident, "PersonDeathDate", death[c])
                    chars = etree.SubElement(child, "ChildCharacteristics")
                    sub(chars, "Ethnicity", ch["ethnicity"][c])
                    dis = etree.SubElement(chars, "Disabilities")
                    sub(dis, "Disability", disability_code[c] if ch["disability"][c] else "NONE")
                    if ch["disability"][c]:
                        sub(dis, "Disability", second_code[c])
                    for r in sel[i:j]:
                        rid = refs["referral_id"][r]
                        det = etree.SubElement(child, "CINdetails")
                        sub(det, "CINreferralDate", r_date[r])
                        sub(det, "ReferralSource", refs["source_code"][r])
                        sub(det, "PrimaryNeedCode", refs["primary_need"][r])
                        sub(det, "CINclosureDate", r_close[r])
                        if r_close[r] is not None:
                            sub(det, "ReasonForClosure", refs["closure_reason"][r])
                        sub(det, "DateOfInitialCPC", icpc_of_referral.get(rid))
                        sub(det, "ReferralNFA", "true" if refs["nfa"][r] else "false")
                        for k in ga.rows(r):
                            if a_start[k] is None or a_old[k]:
                                continue
                            el = etree.SubElement(det, "Assessments")
                            sub(el, "AssessmentActualStartDate", a_start[k])
                            sub(el, "AssessmentInternalReviewDate", a_auth[k])
                            sub(el, "AssessmentAuthorisationDate", a_auth[k])
                            if a_auth[k] is not None and a["factors"][k]:
                                fac = etree.SubElement(el, "FactorsIdentifiedAtAssessment")
                                for code in a["factors"][k].split(","):
                                    sub(fac, "AssessmentFactors", code)
                        for k in gc.rows(r):
                            if c_start[k] is None or c_old[k]:
                                continue
                            el = etree.SubElement(det, "CINPlanDates")
                            sub(el, "CINPlanStartDate", c_start[k])
                            sub(el, "CINPlanEndDate", c_end[k])
                        for k in gs.rows(r):
                            if s_start[k] is None or s_old[k]:
                                continue
                            el = etree.SubElement(det, "Section47")
                            sub(el, "S47ActualStartDate", s_start[k])
                            sub(el, "InitialCPCtarget", s_target[k])
                            sub(el, "DateOfInitialCPC", s_icpc[k])
                            not_required = s["icpc_not_required"][k]
                            if s_icpc[k] is None and not_required:
                                sub(el, "ICPCnotRequired", "true")
                            elif s_icpc[k] is not None:
                                sub(el, "ICPCnotRequired", "false")
                        for k in gp.rows(r):
                            if p_start[k] is None or p_old[k]:
                                continue
                            el = etree.SubElement(det, "ChildProtectionPlans")
                            sub(el, "CPPstartDate", p_start[k])
                            sub(el, "CPPendDate", p_end[k])
                            sub(el, "InitialCategoryOfAbuse", cp["initial_category"][k])
                            sub(el, "LatestCategoryOfAbuse", cp["latest_category"][k])
                            sub(el, "NumberOfPreviousCPP", cp["previous_plans"][k])
                            reviews = [
                                rv_date[q]
                                for q in rv_order[rv_bounds[k] : rv_bounds[k + 1]]
                                if rv_date[q] is not None
                            ]
                            if reviews:
                                rev = etree.SubElement(el, "Reviews")
                                for when in reviews:
                                    sub(rev, "CPPreviewDate", when)
                    xf.write(child)
                    xf.write("\n")
                    i = j
    return path


def _lea(world: World) -> str:
    from csc_insight.synth.profiles import PROFILES

    return PROFILES[world.profile].la_code
