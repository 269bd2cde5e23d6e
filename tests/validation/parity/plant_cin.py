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


_CHECK = "ABCDEFGHJKLMNPQRTUVWXYZ"


def _upn(child: Element) -> Element | None:
    """The child's UPN element, when it is 13 characters, the last 12 digits."""
    upn = child.find("ChildIdentifiers/UPN")
    text = upn.text if upn is not None else None
    return upn if text and len(text) == 13 and text[1:].isdigit() else None


def _wrong_check_letter(child: Element) -> bool:  # 1510
    upn = _upn(child)
    if upn is None:
        return False
    right = _CHECK[sum(int(d) * (i + 2) for i, d in enumerate(upn.text[1:])) % 23]
    upn.text = ("A" if right != "A" else "B") + upn.text[1:]
    return True


def _same_upn_as_another(child: Element) -> bool:  # 1520
    upn, before = _upn(child), child.getprevious()
    other = _upn(before) if before is not None else None
    if upn is None or other is None:
        return False
    upn.text = other.text
    return True


def _unknown_la(child: Element) -> bool:  # 1530
    upn = _upn(child)
    if upn is None:
        return False
    upn.text = upn.text[0] + "999" + upn.text[4:]
    return True


def _letter_in_the_digits(child: Element) -> bool:  # 1540
    upn = _upn(child)
    if upn is None:
        return False
    upn.text = upn.text[:5] + "X" + upn.text[6:]
    return True


def _bad_last_character(child: Element) -> bool:  # 1550
    upn = _upn(child)
    if upn is None:
        return False
    upn.text = upn.text[:12] + "I"
    return True


def _unknown_upn(child: Element, code: str | None) -> None:
    """Drop the child's UPN and give `code` (none: blank) as the reason for it."""
    ids = child.find("ChildIdentifiers")
    upn = ids.find("UPN")
    if code is not None:
        reason = etree.Element("UPNunknown")
        reason.text = code
        upn.addnext(reason)
    ids.remove(upn)


def _referred_on(child: Element) -> bool:
    return any(_text(d, "ReferralNFA") in ("false", "0") for d in _episodes(child))


def _un7_going_on(child: Element) -> bool:  # 8772
    if _upn(child) is None or not _referred_on(child):
        return False
    _unknown_upn(child, "UN7")
    return True


def _no_upn_at_school_age(child: Element) -> bool:  # 8770Q
    born = child.findtext("ChildIdentifiers/PersonBirthDate")
    if _upn(child) is None or not _referred_on(child) or not born or born > "2010-01-01":
        return False
    _unknown_upn(child, None)
    return True


def _cin_plan(start: str, end: str | None) -> Element:
    plan = etree.Element("CINPlanDates")
    etree.SubElement(plan, "CINPlanStartDate").text = start
    if end:
        etree.SubElement(plan, "CINPlanEndDate").text = end
    return plan


def _open_cin_plan_beside_open_cp_plan(child: Element) -> bool:  # 4001
    plan = _one_plan(child, ended=False)
    if plan is None or plan.getparent().find("CINPlanDates") is not None:
        return False
    plan.addprevious(_cin_plan(_day(_text(plan, "CPPstartDate"), 1), None))
    return True


def _died_before(tag: str) -> Planter:  # 4008, 4009Q
    def planter(child: Element) -> bool:
        if _plans(child):
            return False
        item = _first(child, "CINdetails/CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
        if item is None:
            return False
        start, end = _text(item, "CINPlanStartDate"), _text(item, "CINPlanEndDate")
        if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
            return False
        _set(child.find("ChildIdentifiers"), "PersonDeathDate", _day(_text(item, tag), -1))
        return True

    return planter


def _overlapping_cin_plans(child: Element) -> bool:  # 4014
    if _plans(child):
        return False
    item = _first(child, "CINdetails/CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
    if item is None:
        return False
    start, end = _text(item, "CINPlanStartDate"), _text(item, "CINPlanEndDate")
    if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
        return False
    item.addnext(_cin_plan(_day(start, 1), end))
    return True


def _cin_plan_during_cp_plan(child: Element) -> bool:  # 4016
    plan = _one_plan(child, ended=True)
    if plan is None or plan.getparent().find("CINPlanDates") is not None:
        return False
    start, end = _text(plan, "CPPstartDate"), _text(plan, "CPPendDate")
    if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
        return False
    plan.addprevious(_cin_plan(_day(start, 1), end))
    return True


def _cp_plan_during_cin_plan(child: Element) -> bool:  # 4017
    if _plans(child):
        return False
    item = _first(child, "CINdetails/CINPlanDates", ("CINPlanStartDate", "CINPlanEndDate"))
    if item is None:
        return False
    start, end = _text(item, "CINPlanStartDate"), _text(item, "CINPlanEndDate")
    if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
        return False
    plan = etree.Element("ChildProtectionPlans")
    for tag, value in (
        ("CPPstartDate", _day(start, 1)),
        ("CPPendDate", end),
        ("InitialCategoryOfAbuse", "NEG"),
        ("LatestCategoryOfAbuse", "NEG"),
        ("NumberOfPreviousCPP", "0"),
    ):
        etree.SubElement(plan, tag).text = value
    item.getparent().append(plan)
    return True


def _no_plans(child: Element) -> bool:
    return not _plans(child) and child.find("CINdetails/CINPlanDates") is None


def _born_and_expected(child: Element) -> bool:  # 8525Q
    ids = child.find("ChildIdentifiers")
    born = _text(ids, "PersonBirthDate")
    if not born:
        return False
    _set(ids, "ExpectedPersonBirthDate", born)
    return True


def _died_before_birth(child: Element) -> bool:  # 8535Q
    ids = child.find("ChildIdentifiers")
    born = _text(ids, "PersonBirthDate")
    if not born or not _no_plans(child):
        return False
    _set(ids, "PersonDeathDate", _day(born, -1))
    return True


def _no_disability(child: Element) -> bool:  # 8540
    chars = child.find("ChildCharacteristics")
    if chars is None or chars.find("Disabilities") is None:
        return False
    if not any(_text(d, "ReferralNFA") == "false" for d in _episodes(child)):
        return False
    _drop(chars, "Disabilities")
    return True


def _referred_after_death(child: Element) -> bool:  # 8555Q
    if len(_episodes(child)) != 1 or not _no_plans(child):
        return False
    referred = _text(_episodes(child)[0], "CINreferralDate")
    _set(child.find("ChildIdentifiers"), "PersonDeathDate", _day(referred, -1))
    return True


def _bad_nfa_flag(child: Element) -> bool:  # 8568
    details = _episodes(child)[0] if _episodes(child) else None
    if details is None or details.find("ReferralNFA") is None:
        return False
    _set(details, "ReferralNFA", "maybe")
    return True


def _no_episodes(child: Element) -> bool:  # 8590
    if not _episodes(child):
        return False
    for details in _episodes(child):
        child.remove(details)
    return True


def _referred_long_before_birth(child: Element) -> bool:  # 8606
    born = _text(child.find("ChildIdentifiers"), "PersonBirthDate")
    if not born or len(_episodes(child)) != 1 or not _no_plans(child):
        return False
    _set(_episodes(child)[0], "CINreferralDate", _day(born, -281))
    return True


def _factors_without_authorisation(child: Element) -> bool:  # 8614
    item = _first(child, "CINdetails/Assessments", ("AssessmentAuthorisationDate",))
    if item is None or item.find("FactorsIdentifiedAtAssessment/AssessmentFactors") is None:
        return False
    _drop(item, "AssessmentAuthorisationDate")
    return True


def _bad_code(tag: str, value: str) -> Planter:  # 8640, 8650
    def planter(child: Element) -> bool:
        for details in _episodes(child):
            if _text(details, tag):
                _set(details, tag, value)
                return True
        return False

    return planter


def _no_previous_plans(child: Element) -> bool:  # 8730
    plan = _one_plan(child, ended=True)
    if plan is None or plan.find("NumberOfPreviousCPP") is None:
        return False
    _drop(plan, "NumberOfPreviousCPP")
    return True


def _open_episode_not_the_latest(child: Element) -> bool:  # 8816
    episodes = _episodes(child)
    if len(episodes) < 2 or _plans(child):
        return False
    first = min(episodes, key=lambda d: _text(d, "CINreferralDate"))
    if not _text(first, "CINclosureDate") or _text(first, "ReferralNFA") != "false":
        return False
    _drop(first, "CINclosureDate")
    _drop(first, "ReasonForClosure")
    return True


def _activity_on_nfa(child: Element) -> bool:  # 8831
    for details in _episodes(child):
        if (
            details.find("Assessments") is not None
            and details.find("CINPlanDates") is None
            and details.find("ChildProtectionPlans") is None
            and details.find("Section47") is None
        ):
            _set(details, "ReferralNFA", "true")
            return True
    return False


def _second_s47(child: Element, keep_icpc: bool) -> bool:
    for details in _episodes(child):
        item = _first(details, "Section47", ("S47ActualStartDate", "DateOfInitialCPC"))
        if item is None or details.find("ChildProtectionPlans") is not None:
            continue
        start, icpc = _text(item, "S47ActualStartDate"), _text(item, "DateOfInitialCPC")
        if date.fromisoformat(icpc) - date.fromisoformat(start) < timedelta(days=3):
            continue
        if not keep_icpc:
            _drop(item, "DateOfInitialCPC")
            _drop(details, "DateOfInitialCPC")
            _set(item, "ICPCnotRequired", "false")
        second = copy.deepcopy(item)
        _set(second, "S47ActualStartDate", _day(start, 1))
        item.addnext(second)
        return True
    return False


def _two_open_s47s(child: Element) -> bool:  # 8839
    return _second_s47(child, keep_icpc=False)


def _overlapping_s47s(child: Element) -> bool:  # 8890
    return _second_s47(child, keep_icpc=True)


def _second_assessment(child: Element, authorised: bool) -> bool:
    item = _first(
        child,
        "CINdetails/Assessments",
        ("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
    )
    if item is None:
        return False
    start, end = (
        _text(item, "AssessmentActualStartDate"),
        _text(item, "AssessmentAuthorisationDate"),
    )
    if date.fromisoformat(end) - date.fromisoformat(start) < timedelta(days=3):
        return False
    if not authorised:
        _drop(item, "AssessmentAuthorisationDate")
    second = copy.deepcopy(item)
    _set(second, "AssessmentActualStartDate", _day(start, 1))
    item.addnext(second)
    return True


def _overlapping_assessments(child: Element) -> bool:  # 8863Q
    return _second_assessment(child, authorised=True)


def _two_open_assessments(child: Element) -> bool:  # 8896
    return _second_assessment(child, authorised=False)


def _saturday_on_or_after(text: str) -> str:
    day = date.fromisoformat(text)
    return (day + timedelta(days=(5 - day.weekday()) % 7)).isoformat()


def _target_on_a_saturday(child: Element) -> bool:  # 8870Q
    item = _first(child, "CINdetails/Section47", ("S47ActualStartDate", "InitialCPCtarget"))
    if item is None:
        return False
    _set(item, "InitialCPCtarget", _saturday_on_or_after(_text(item, "S47ActualStartDate")))
    return True


def _icpc_on_a_saturday(child: Element) -> bool:  # 8875
    for details in _episodes(child):
        item = _first(details, "Section47", ("S47ActualStartDate", "DateOfInitialCPC"))
        if item is None:
            continue
        saturday = _saturday_on_or_after(_text(item, "S47ActualStartDate"))
        _set(item, "DateOfInitialCPC", saturday)
        if details.find("DateOfInitialCPC") is not None:  # the same ICPC, both levels
            _set(details, "DateOfInitialCPC", saturday)
        return True
    return False


def _factor_twice(child: Element) -> bool:  # 8898
    factor = child.find("CINdetails/Assessments/FactorsIdentifiedAtAssessment/AssessmentFactors")
    if factor is None:
        return False
    factor.addnext(copy.deepcopy(factor))
    return True


def _closed(details: Element) -> bool:
    return bool(_text(details, "CINclosureDate")) and bool(_text(details, "ReasonForClosure"))


def _activity(details: Element) -> bool:
    return any(
        details.find(tag) is not None
        for tag in ("Section47", "CINPlanDates", "ChildProtectionPlans", "DateOfInitialCPC")
    )


def _s47_closed_after_assessment(child: Element) -> bool:  # 2990
    for details in _episodes(child):
        if _closed(details) and details.find("Section47") is not None:
            _set(details, "ReasonForClosure", "RC8")
            return True
    return False


def _cin_plan_ends_the_day_it_starts(child: Element) -> bool:  # 4012Q
    plans = child.findall("CINdetails/CINPlanDates")
    if len(plans) != 1 or not _text(plans[0], "CINPlanEndDate"):
        return False
    _set(plans[0], "CINPlanEndDate", _text(plans[0], "CINPlanStartDate"))
    return True


def _died_without_date(child: Element) -> bool:  # 8585Q
    if _text(child.find("ChildIdentifiers"), "PersonDeathDate"):
        return False
    for details in _episodes(child):
        if _closed(details):
            _set(details, "ReasonForClosure", "RC2")
            return True
    return False


def _closed_after_assessment_without_one(child: Element) -> bool:  # 8825Q
    for details in _episodes(child):
        if (
            _closed(details)
            and _text(details, "ReferralNFA") == "false"
            and details.find("Assessments") is not None
            and not _activity(details)
        ):
            for item in details.findall("Assessments"):
                details.remove(item)
            _set(details, "ReasonForClosure", "RC8")
            return True
    return False


def _s47_without_assessment(child: Element) -> bool:  # 2991Q
    for details in _episodes(child):
        if details.find("Section47") is not None and details.find("Assessments") is not None:
            for item in details.findall("Assessments"):
                details.remove(item)
            return True
    return False


def _no_factors_yet_support(child: Element) -> bool:  # 8873Q
    for details in _episodes(child):
        items = details.findall("Assessments")
        if (
            _closed(details)
            and _text(details, "ReasonForClosure") not in ("RC8", "RC9")
            and len(items) == 1
            and items[0].find("FactorsIdentifiedAtAssessment") is not None
        ):
            factors = items[0].find("FactorsIdentifiedAtAssessment")
            for factor in list(factors):
                factors.remove(factor)
            etree.SubElement(factors, "AssessmentFactors").text = "21"
            return True
    return False


def _authorised_after_closure(child: Element) -> bool:  # 8565
    for details in _episodes(child):
        item = _first(details, "Assessments", ("AssessmentAuthorisationDate",))
        if _closed(details) and item is not None and not _activity(details):
            _set(item, "AssessmentAuthorisationDate", _day(_text(details, "CINclosureDate"), 1))
            return True
    return False


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
    "1510": _wrong_check_letter,
    "1520": _same_upn_as_another,
    "1530": _unknown_la,
    "1540": _letter_in_the_digits,
    "1550": _bad_last_character,
    "8772": _un7_going_on,
    "8770Q": _no_upn_at_school_age,
    "4001": _open_cin_plan_beside_open_cp_plan,
    "4008": _died_before("CINPlanStartDate"),
    "4009Q": _died_before("CINPlanEndDate"),
    "4014": _overlapping_cin_plans,
    "4016": _cin_plan_during_cp_plan,
    "4017": _cp_plan_during_cin_plan,
    "8525Q": _born_and_expected,
    "8535Q": _died_before_birth,
    "8540": _no_disability,
    "8555Q": _referred_after_death,
    "8568": _bad_nfa_flag,
    "8590": _no_episodes,
    "8606": _referred_long_before_birth,
    "8614": _factors_without_authorisation,
    "8640": _bad_code("ReasonForClosure", "RC0"),
    "8650": _bad_code("PrimaryNeedCode", "N10"),
    "8730": _no_previous_plans,
    "8816": _open_episode_not_the_latest,
    "8831": _activity_on_nfa,
    "8839": _two_open_s47s,
    "8863Q": _overlapping_assessments,
    "8870Q": _target_on_a_saturday,
    "8875": _icpc_on_a_saturday,
    "8890": _overlapping_s47s,
    "8896": _two_open_assessments,
    "8898": _factor_twice,
    "2990": _s47_closed_after_assessment,
    "4012Q": _cin_plan_ends_the_day_it_starts,
    "8585Q": _died_without_date,
    "8825Q": _closed_after_assessment_without_one,
    "2991Q": _s47_without_assessment,
    "8873Q": _no_factors_yet_support,
    "8565": _authorised_after_closure,
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
