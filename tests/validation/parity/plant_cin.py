"""Hand-planted failures in a CIN census XML, one child per DfE rule, for the parity test:
each change breaks the rule the way a data officer's file does (an assessment dated before
its referral, a closure without its reason, a plan ending the day it starts). The file is
pretty-printed, one element a line, so each row has a line of its own.

`plant(tree)` changes the tree in place and returns {rule code: child} for what it planted.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta

from lxml import etree

Element = etree._Element


def _day(text: str | None, days: int = 0) -> str:
    return (date.fromisoformat(text) + timedelta(days=days)).isoformat()


def _text(parent: Element, tag: str) -> str | None:
    found = parent.find(tag)
    return found.text if found is not None else None


def _set(parent: Element, tag: str, value: str) -> None:
    found = parent.find(tag)
    if found is None:
        found = etree.SubElement(parent, tag)
    found.text = value


def _drop(parent: Element, tag: str) -> None:
    found = parent.find(tag)
    if found is not None:
        parent.remove(found)


def _episodes(child: Element) -> list[Element]:
    return child.findall("CINdetails")


def _plans(child: Element) -> list[Element]:
    return [p for d in _episodes(child) for p in d.findall("ChildProtectionPlans")]


def _one_plan(child: Element, *, ended: bool) -> Element | None:
    """The child's only CP plan, when it has exactly one (ended or open as asked)."""
    plans = _plans(child)
    if len(plans) != 1 or (_text(plans[0], "CPPendDate") is not None) != ended:
        return None
    return plans[0]


def _first(child: Element, path: str, need: tuple[str, ...] = ()) -> Element | None:
    for item in child.iterfind(path):
        if all(_text(item, tag) for tag in need):
            return item
    return None


# Each planter changes one child and says whether it could (the child had what it needs).
Planter = Callable[[Element], bool]


def _assessment_before_referral(child: Element) -> bool:  # 1103
    for details in _episodes(child):
        item = _first(details, "Assessments", ("AssessmentActualStartDate",))
        if item is not None:
            _set(item, "AssessmentActualStartDate", _day(_text(details, "CINreferralDate"), -1))
            return True
    return False


def _icpc_before_referral(child: Element) -> bool:  # 1104
    for details in _episodes(child):
        item = _first(details, "Section47", ("DateOfInitialCPC",))
        if item is not None:
            before = _day(_text(details, "CINreferralDate"), -1)
            _set(item, "DateOfInitialCPC", before)
            if details.find("DateOfInitialCPC") is not None:  # the same ICPC, both levels
                _set(details, "DateOfInitialCPC", before)
            return True
    return False


def _plan_before_referral(child: Element) -> bool:  # 1105
    plan = _one_plan(child, ended=True)
    if plan is None:
        return False
    _set(plan, "CPPstartDate", _day(_text(plan.getparent(), "CINreferralDate"), -1))
    return True


def _s47_before_referral(child: Element) -> bool:  # 2889
    for details in _episodes(child):
        item = _first(details, "Section47", ("S47ActualStartDate",))
        if item is not None:
            _set(item, "S47ActualStartDate", _day(_text(details, "CINreferralDate"), -1))
            return True
    return False


def _cin_plan_on_nfa(child: Element) -> bool:  # 4000
    for details in _episodes(child):
        if (
            details.find("CINPlanDates") is not None
            and details.find("ChildProtectionPlans") is None
        ):
            _set(details, "ReferralNFA", "true")
            return True
    return False


def _cin_plan_ends_before_start(child: Element) -> bool:  # 4011
    item = _first(child, "CINdetails/CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
    if item is None:
        return False
    _set(item, "CINPlanEndDate", _day(_text(item, "CINPlanStartDate"), -1))
    return True


def _cin_plan_before_referral(child: Element) -> bool:  # 4015
    for details in _episodes(child):
        item = _first(details, "CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
        if item is not None:
            _set(item, "CINPlanStartDate", _day(_text(details, "CINreferralDate"), -1))
            return True
    return False


def _no_gender(child: Element) -> bool:  # 4180
    _drop(child.find("ChildIdentifiers"), "GenderCurrent")
    return True


def _bad_ethnicity(child: Element) -> bool:  # 4220
    _set(child.find("ChildCharacteristics"), "Ethnicity", "XXXX")
    return True


def _authorised_before_start(child: Element) -> bool:  # 8608
    item = _first(
        child,
        "CINdetails/Assessments",
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    )
    if item is None:
        return False
    _set(item, "AssessmentAuthorisationDate", _day(_text(item, "AssessmentActualStartDate"), -1))
    return True


def _no_primary_need(child: Element) -> bool:  # 8610
    for details in _episodes(child):
        if _text(details, "ReferralNFA") == "false" and _text(details, "PrimaryNeedCode"):
            _drop(details, "PrimaryNeedCode")
            return True
    return False


def _closed_before_referral(child: Element) -> bool:  # 8630
    for details in _episodes(child):
        if _text(details, "CINclosureDate") and details.find("Assessments") is None:
            _set(details, "CINclosureDate", _day(_text(details, "CINreferralDate"), -1))
            return True
    return False


def _closed_without_reason(child: Element) -> bool:  # 8805
    for details in _episodes(child):
        if _text(details, "CINclosureDate") and _text(details, "ReasonForClosure"):
            _drop(details, "ReasonForClosure")
            return True
    return False


def _reason_without_closure(child: Element) -> bool:  # 8810
    if len(_episodes(child)) != 1 or _plans(child):
        return False
    details = _episodes(child)[0]
    if _text(details, "CINclosureDate") and _text(details, "ReasonForClosure"):
        _drop(details, "CINclosureDate")
        return True
    return False


def _cp_plan_on_nfa(child: Element) -> bool:  # 8832
    for details in _episodes(child):
        if (
            details.find("ChildProtectionPlans") is not None
            and details.find("CINPlanDates") is None
        ):
            _set(details, "ReferralNFA", "true")
            return True
    return False


def _plan_ends_the_day_it_starts(child: Element) -> bool:  # 8840
    plan = _one_plan(child, ended=True)
    if plan is None:
        return False
    _drop(plan, "Reviews")
    _set(plan, "CPPendDate", _text(plan, "CPPstartDate"))
    return True


def _review_on_plan_start(child: Element) -> bool:  # 8841
    plan = _one_plan(child, ended=True)
    review = plan.find("Reviews/CPPreviewDate") if plan is not None else None
    if review is None:
        return False
    review.text = _text(plan, "CPPstartDate")
    return True


def _bad_referral_source(child: Element) -> bool:  # 8866
    details = _episodes(child)[0] if _episodes(child) else None
    if details is None or _text(details, "CINreferralDate") < "2013-04-01":
        return False
    _set(details, "ReferralSource", "99")
    return True


def _factor_21_with_others(child: Element) -> bool:  # 8869
    factors = _first(child, "CINdetails/Assessments/FactorsIdentifiedAtAssessment")
    if factors is None or len(factors) == 0:
        return False
    etree.SubElement(factors, "AssessmentFactors").text = "21"
    return True


def _bad_category(tag: str) -> Planter:  # 8905, 8910
    def planter(child: Element) -> bool:
        plan = _one_plan(child, ended=True)
        if plan is None:
            return False
        _set(plan, tag, "XXX")
        return True

    return planter


def _died(days_before: str, offset: int) -> Planter:  # 8915, 8920
    def planter(child: Element) -> bool:
        plan = _one_plan(child, ended=True)
        if plan is None:
            return False
        start, end = _text(plan, "CPPstartDate"), _text(plan, "CPPendDate")
        if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
            return False
        _drop(plan, "Reviews")
        death = _day(_text(plan, days_before), offset)
        _set(child.find("ChildIdentifiers"), "PersonDeathDate", death)
        return True

    return planter


def _plan_ends_before_start(child: Element) -> bool:  # 8925
    plan = _one_plan(child, ended=True)
    if plan is None:
        return False
    _drop(plan, "Reviews")
    _set(plan, "CPPendDate", _day(_text(plan, "CPPstartDate"), -1))
    return True


def _overlapping_plans(child: Element) -> bool:  # 8940
    plan = _one_plan(child, ended=True)
    if plan is None:
        return False
    start, end = _text(plan, "CPPstartDate"), _text(plan, "CPPendDate")
    if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
        return False
    second = copy.deepcopy(plan)
    _set(second, "CPPstartDate", _day(start, 1))
    for reviews in second.findall("Reviews"):
        second.remove(reviews)
    plan.addnext(second)
    return True


PLANTERS: dict[str, Planter] = {
    "1103": _assessment_before_referral,
    "1104": _icpc_before_referral,
    "1105": _plan_before_referral,
    "2889": _s47_before_referral,
    "4000": _cin_plan_on_nfa,
    "4011": _cin_plan_ends_before_start,
    "4015": _cin_plan_before_referral,
    "4180": _no_gender,
    "4220": _bad_ethnicity,
    "8608": _authorised_before_start,
    "8610": _no_primary_need,
    "8630": _closed_before_referral,
    "8805": _closed_without_reason,
    "8810": _reason_without_closure,
    "8832": _cp_plan_on_nfa,
    "8840": _plan_ends_the_day_it_starts,
    "8841": _review_on_plan_start,
    "8866": _bad_referral_source,
    "8869": _factor_21_with_others,
    "8905": _bad_category("InitialCategoryOfAbuse"),
    "8910": _bad_category("LatestCategoryOfAbuse"),
    "8915": _died("CPPstartDate", -1),
    "8920": _died("CPPendDate", -1),
    "8925": _plan_ends_before_start,
    "8940": _overlapping_plans,
}


def plant(tree: etree._ElementTree, skip: int = 0) -> dict[str, str]:
    """Plant one failure per rule of PLANTERS, each on a child of its own (from the
    `skip`-th child on); {rule code: child id}."""
    children = tree.getroot().findall("Children/Child")[skip:]
    used: set[int] = set()
    planted: dict[str, str] = {}
    for code, planter in PLANTERS.items():
        for n, child in enumerate(children):
            if n not in used and planter(child):
                used.add(n)
                planted[code] = child.findtext("ChildIdentifiers/LAchildID")
                break
    return planted
