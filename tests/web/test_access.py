"""Every route declares its policy, and every route x role gives exactly what it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from csc_insight.web.policy import policy_of

from .conftest import SNAPSHOT_ID, add_child
from .pages import check_page

WHO = ["anonymous", "member", "auditor", "manager", "analyst", "administrator"]
BATCH = "20200401T100000Z-0123456789ab"

# GET status by route, for: anonymous, member, auditor, manager, analyst, administrator.
# 302 for anonymous = sent to sign in; 405 = the route takes POST only.
GET_EXPECTED: dict[str, list[int]] = {
    "dashboard:start": [302, 200, 200, 200, 200, 200],
    "dashboard:overview": [302, 200, 200, 200, 200, 200],
    "dashboard:area": [302, 200, 200, 200, 200, 200],
    "dashboard:indicator": [302, 200, 200, 200, 200, 200],
    "dashboard:children": [302, 403, 403, 200, 200, 200],
    "accounts:login": [200, 302, 302, 302, 302, 302],
    "accounts:logout": [302, 405, 405, 405, 405, 405],
    "accounts:second_factor": [302, 200, 200, 200, 200, 200],
    # a setup link that is not the user's (here: no link was made) is 404
    "accounts:second_factor_setup": [302, 404, 404, 404, 404, 404],
    "accounts:users": [302, 403, 403, 403, 403, 200],
    "accounts:user_new": [302, 403, 403, 403, 403, 200],
    "accounts:user_role": [302, 403, 403, 403, 403, 405],
    "accounts:user_disable": [302, 403, 403, 403, 403, 405],
    "accounts:user_second_factor": [302, 403, 403, 403, 403, 405],
    "imports:data": [302, 403, 403, 403, 200, 200],
    "imports:upload": [302, 403, 403, 403, 405, 405],
    "imports:result": [302, 403, 403, 403, 200, 200],
    "imports:use_snapshot": [302, 403, 403, 403, 405, 405],
    "imports:validation_rule": [302, 403, 403, 200, 200, 200],
    "imports:validation_xlsx": [302, 403, 403, 200, 200, 200],
    "children:journey": [302, 403, 403, 200, 200, 200],
    "accesslog:search": [302, 403, 403, 403, 403, 200],
    "accesslog:export": [302, 403, 403, 403, 403, 200],
    "audits:list": [302, 200, 200, 200, 200, 200],
    "audits:new": [302, 403, 403, 200, 403, 200],
    "audits:trends": [302, 200, 200, 200, 200, 200],
    "audits:alerts": [302, 403, 403, 200, 403, 200],
    "audits:acknowledge": [302, 403, 403, 405, 403, 405],
    "audits:round": [302, 403, 200, 200, 200, 200],
    "audits:write_up": [302, 403, 403, 200, 403, 200],
    "audits:auditors": [302, 403, 403, 405, 403, 405],
    "audits:report": [302, 403, 200, 200, 200, 200],
    "audits:report_docx": [302, 403, 200, 200, 200, 200],
    "audits:act": [302, 403, 403, 200, 403, 200],
    "audits:case": [302, 403, 200, 200, 403, 200],
    "audits:moderate": [302, 403, 403, 200, 403, 200],
    "plans:list": [302, 200, 200, 200, 200, 200],
    "plans:new": [302, 403, 403, 403, 403, 200],
    "plans:import": [302, 403, 403, 403, 403, 200],
    "plans:mine": [302, 200, 200, 200, 200, 200],
    "plans:leads": [302, 403, 403, 403, 403, 200],
    "plans:detail": [302, 200, 200, 200, 200, 200],
    "plans:edit": [302, 403, 403, 403, 403, 200],
    "plans:section_new": [302, 403, 403, 403, 403, 200],
    "plans:review_new": [302, 403, 403, 403, 403, 200],
    "plans:export": [302, 200, 200, 200, 200, 200],
    "plans:action_new": [302, 403, 403, 403, 403, 200],
    "plans:action": [302, 200, 200, 200, 200, 200],
    # the manager leads the action, so may edit it; other non-administrators may not
    "plans:action_edit": [302, 403, 403, 200, 403, 200],
    "plans:action_update": [302, 403, 403, 200, 403, 200],
    "plans:action_move": [302, 403, 403, 403, 403, 405],
    "committee:list": [302, 200, 200, 200, 200, 200],
    "committee:new": [302, 403, 403, 200, 200, 200],
    # the draft is the non-public appendix: never Members or Auditors
    "committee:edit": [302, 403, 403, 200, 200, 200],
    "committee:download": [302, 403, 403, 200, 200, 200],
    "committee:agenda": [302, 200, 200, 200, 200, 200],
    "restricted:list": [302, 403, 403, 403, 403, 200],
    "restricted:new": [302, 403, 403, 403, 403, 200],
    "restricted:review": [302, 403, 403, 403, 403, 200],
    "restricted:review_export": [302, 403, 403, 403, 403, 200],
    "restricted:record": [302, 403, 403, 403, 403, 200],
    "restricted:lift": [302, 403, 403, 403, 403, 405],
    "restricted:grant": [302, 403, 403, 403, 403, 405],
    "restricted:revoke": [302, 403, 403, 403, 403, 405],
    # counts (not suppressed): staff, not Members; entries name children: Manager and above
    "registers:index": [302, 403, 200, 200, 200, 200],
    "registers:missing": [302, 403, 403, 200, 200, 200],
    "registers:missing_new": [302, 403, 403, 200, 200, 200],
    "registers:missing_import": [302, 403, 403, 200, 200, 200],
    "registers:missing_edit": [302, 403, 403, 200, 200, 200],
    "registers:missing_child": [302, 403, 403, 200, 200, 200],
    "registers:cme": [302, 403, 403, 200, 200, 200],
    "registers:cme_new": [302, 403, 403, 200, 200, 200],
    "registers:cme_edit": [302, 403, 403, 200, 200, 200],
    "registers:lado": [302, 403, 403, 200, 200, 200],
    "registers:lado_new": [302, 403, 403, 200, 200, 200],
    "registers:lado_edit": [302, 403, 403, 200, 200, 200],
    "registers:fostering": [302, 403, 403, 200, 200, 200],
    "registers:fostering_new": [302, 403, 403, 200, 200, 200],
    "registers:fostering_edit": [302, 403, 403, 200, 200, 200],
    "registers:fostering_visit": [302, 403, 403, 405, 405, 405],
    "registers:awareness_new": [302, 403, 403, 200, 200, 200],
    "registers:awareness_edit": [302, 403, 403, 200, 200, 200],
    # providers (children as counts: Manager and above); champions (staff: read by all but
    # Members, kept by Manager and above)
    "registers:providers": [302, 403, 403, 200, 200, 200],
    "registers:provider_new": [302, 403, 403, 200, 200, 200],
    "registers:providers_import": [302, 403, 403, 200, 200, 200],
    "registers:provider": [302, 403, 403, 200, 200, 200],
    "registers:provider_edit": [302, 403, 403, 200, 200, 200],
    "registers:provider_inspection": [302, 403, 403, 200, 200, 200],
    "registers:provider_visit": [302, 403, 403, 200, 200, 200],
    "registers:champions": [302, 403, 200, 200, 200, 200],
    "registers:champions_import": [302, 403, 403, 200, 200, 200],
    "registers:champions_new": [302, 403, 403, 200, 200, 200],
    "registers:champions_edit": [302, 403, 403, 200, 200, 200],
    "registers:iro": [302, 403, 403, 200, 200, 200],
    "registers:iro_import": [302, 403, 403, 200, 200, 200],
    "registers:iro_child": [302, 403, 403, 200, 200, 200],
    "registers:iro_escalation_new": [302, 403, 403, 200, 200, 200],
    "registers:iro_escalation_edit": [302, 403, 403, 200, 200, 200],
    "registers:iro_contact_new": [302, 403, 403, 200, 200, 200],
    "registers:iro_contact_edit": [302, 403, 403, 200, 200, 200],
    # the Virtual School: children's records, Manager and above
    "registers:virtual_school": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_import": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_school_new": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_school_edit": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_child": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_new": [302, 403, 403, 200, 200, 200],
    "registers:virtual_school_edit": [302, 403, 403, 200, 200, 200],
    # the registers' committee papers: made by Manager and above
    "registers:papers": [302, 403, 403, 200, 200, 200],
    "registers:paper": [302, 403, 403, 200, 200, 200],
}
# Unsafe routes: a POST from outside the policy is refused before the view runs.
POST_EXPECTED: dict[str, list[int]] = {
    "accounts:user_role": [302, 403, 403, 403, 403],
    "accounts:user_disable": [302, 403, 403, 403, 403],
    "accounts:user_new": [302, 403, 403, 403, 403],
    "accounts:user_second_factor": [302, 403, 403, 403, 403],
    "imports:upload": [302, 403, 403, 403],
    "imports:use_snapshot": [302, 403, 403, 403],
    "audits:acknowledge": [302, 403, 403],
    "audits:auditors": [302, 403, 403],
    "plans:action_move": [302, 403, 403, 403, 403],
    "restricted:new": [302, 403, 403, 403, 403],
    "restricted:lift": [302, 403, 403, 403, 403],
    "restricted:grant": [302, 403, 403, 403, 403],
    "restricted:revoke": [302, 403, 403, 403, 403],
    "registers:missing_new": [302, 403, 403],
    "registers:missing_import": [302, 403, 403],
    "registers:missing_edit": [302, 403, 403],
    "registers:cme_new": [302, 403, 403],
    "registers:cme_edit": [302, 403, 403],
    "registers:lado_new": [302, 403, 403],
    "registers:lado_edit": [302, 403, 403],
    "registers:fostering_new": [302, 403, 403],
    "registers:fostering_edit": [302, 403, 403],
    "registers:fostering_visit": [302, 403, 403],
    "registers:awareness_new": [302, 403, 403],
    "registers:awareness_edit": [302, 403, 403],
    "registers:provider_new": [302, 403, 403],
    "registers:providers_import": [302, 403, 403],
    "registers:provider_edit": [302, 403, 403],
    "registers:provider_inspection": [302, 403, 403],
    "registers:provider_visit": [302, 403, 403],
    "registers:champions_new": [302, 403, 403],
    "registers:champions_edit": [302, 403, 403],
    "registers:champions_import": [302, 403, 403],
    "registers:iro_import": [302, 403, 403],
    "registers:iro_escalation_new": [302, 403, 403],
    "registers:iro_escalation_edit": [302, 403, 403],
    "registers:iro_contact_new": [302, 403, 403],
    "registers:iro_contact_edit": [302, 403, 403],
    "registers:virtual_school_import": [302, 403, 403],
    "registers:virtual_school_school_new": [302, 403, 403],
    "registers:virtual_school_school_edit": [302, 403, 403],
    "registers:virtual_school_new": [302, 403, 403],
    "registers:virtual_school_edit": [302, 403, 403],
    "registers:paper": [302, 403, 403],
}
# Audit routes take ids of the round, case and alert that _audit_ids makes.
AUDIT_ARGS = {
    "audits:round": ["round_id"],
    "audits:write_up": ["round_id"],
    "audits:auditors": ["round_id"],
    "audits:report": ["round_id"],
    "audits:report_docx": ["round_id"],
    "audits:act": ["round_id"],
    "audits:case": ["round_id", "case_id"],
    "audits:moderate": ["round_id", "case_id"],
    "audits:acknowledge": ["alert_id"],
}


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            found.extend(_patterns(entry, ns))
        else:
            found.append((f"{prefix}{entry.name}", entry))
    return found


def _url(name: str, users: dict[str, object]) -> str:
    args = {
        "children:journey": {"child_id": "C1"},
        "dashboard:area": {"area_slug": "child-protection"},
        "dashboard:indicator": {"indicator_id": "referrals"},
        "dashboard:children": {"indicator_id": "referrals", "period": "2019-20-Q2"},
        "imports:result": {"batch": BATCH},
        "imports:use_snapshot": {"snapshot_id": SNAPSHOT_ID},
        "imports:validation_rule": {"snapshot_id": SNAPSHOT_ID, "rule_id": "cross_XR01"},
        "imports:validation_xlsx": {"snapshot_id": SNAPSHOT_ID},
        "accounts:user_role": {"user_id": users["member"].pk},
        "accounts:user_disable": {"user_id": users["member"].pk},
        "accounts:user_second_factor": {"user_id": users["member"].pk},
        "accounts:second_factor_setup": {"token": "not-a-setup-link"},
    }
    if name.startswith("plans:") and name not in PLAN_FREE:
        ids = _plan_ids(users)
        args[name] = {"plan_id": ids["plan_id"]}
        if name.startswith("plans:action") and name != "plans:action_new":
            args[name]["action_id"] = ids["action_id"]
        if name == "plans:export":
            args[name]["kind"] = "docx"
    if name in AUDIT_ARGS:
        ids = _audit_ids(users)
        args[name] = {key: ids[key] for key in AUDIT_ARGS[name]}
    if name in ("committee:edit", "committee:download"):
        args[name] = {
            "draft_id": _appendix_draft(),
            **({"fmt": "docx"} if "download" in name else {}),
        }
    if name in RESTRICTED_ARGS:
        args[name] = {RESTRICTED_ARGS[name]: _restricted_ids(users)[RESTRICTED_ARGS[name]]}
    if name == "registers:missing_edit":
        args[name] = {"episode_id": _missing_episode()}
    if name == "registers:cme_edit":
        args[name] = {"entry_id": _cme_entry()}
    if name == "registers:lado_edit":
        args[name] = {"contact_id": _lado_contact()}
    if name in ("registers:fostering_edit", "registers:fostering_visit"):
        args[name] = {"arrangement_id": _arrangement()}
    if name == "registers:awareness_edit":
        args[name] = {"activity_id": _awareness()}
    if name == "registers:missing_child":
        args[name] = {"child_id": "C1"}
    if name in PROVIDER_ROUTES:
        args[name] = {"provider_id": _provider()}
    if name == "registers:champions_new":
        args[name] = {"what": "champion"}
    if name == "registers:champions_edit":
        args[name] = {"what": "department", "record_id": _department()}
    if name == "registers:iro_child":
        args[name] = {"child_id": "C1"}
        _iro_escalation()
    if name == "registers:iro_escalation_edit":
        args[name] = {"escalation_id": _iro_escalation()}
    if name == "registers:iro_contact_edit":
        args[name] = {"contact_id": _iro_contact()}
    if name == "registers:paper":
        args[name] = {"kind": "lado-annual"}
    if name == "committee:agenda":
        args[name] = {"meeting": "2020-02-10", "fmt": "docx"}
    if name in VIRTUAL_SCHOOL_ARGS:
        args[name] = VIRTUAL_SCHOOL_ARGS[name]()
    return reverse(name, kwargs=args.get(name))


def _appendix_draft() -> int:
    """A draft of the non-public appendix on the test snapshot."""
    from datetime import date

    from csc_insight.committee.models import Draft

    draft, _ = Draft.objects.get_or_create(
        kind="appendix", meeting=date(2020, 2, 10), period="2019-20-Q2", snapshot_id=SNAPSHOT_ID
    )
    return draft.pk


def _missing_episode() -> int:
    """One episode in the missing register, for C1 (the snapshot's child)."""
    from datetime import date

    from csc_insight.registers.models import MissingEpisode

    episode, _ = MissingEpisode.objects.get_or_create(
        child_id="C1", start=date(2019, 10, 1), defaults={"missing_from": "care"}
    )
    return episode.pk


def _cme_entry() -> int:
    """One entry in the missing education register, for C1."""
    from datetime import date

    from csc_insight.registers.models import CmeEntry

    entry, _ = CmeEntry.objects.get_or_create(
        child_id="C1", category="at_risk", start=date(2019, 9, 1)
    )
    return entry.pk


def _lado_contact() -> int:
    """One contact in the LADO register."""
    from datetime import date

    from csc_insight.registers.models import LadoContact

    contact, _ = LadoContact.objects.get_or_create(
        reference="LADO-1",
        defaults={"received_on": date(2019, 10, 1), "sector": "education", "category": "physical"},
    )
    return contact.pk


def _arrangement() -> int:
    """One private fostering arrangement, for C1."""
    from datetime import date

    from csc_insight.registers.models import PrivateFostering

    arrangement, _ = PrivateFostering.objects.get_or_create(
        child_id="C1", notified_on=date(2019, 10, 1)
    )
    return arrangement.pk


def _awareness() -> int:
    from datetime import date

    from csc_insight.registers.models import AwarenessActivity

    activity, _ = AwarenessActivity.objects.get_or_create(
        held_on=date(2019, 7, 8), title="Stall", defaults={"kind": "pf_week"}
    )
    return activity.pk


PROVIDER_ROUTES = (
    "registers:provider",
    "registers:provider_edit",
    "registers:provider_inspection",
    "registers:provider_visit",
)


def _provider() -> int:
    from csc_insight.registers.models import Provider

    provider, _ = Provider.objects.get_or_create(
        urn="SC100001", defaults={"name": "Northway", "kind": "ifa"}
    )
    return provider.pk


def _school() -> int:
    from csc_insight.registers.virtual_school_models import VsSchool

    return VsSchool.objects.get_or_create(
        urn="100001", defaults={"name": "Hill", "phase": "primary"}
    )[0].pk


def _pep() -> int:
    """A PEP for C1 (the snapshot's child)."""
    from datetime import date

    from csc_insight.registers.virtual_school_models import VsPep

    return VsPep.objects.get_or_create(child_id="C1", held_on=date(2019, 10, 10))[0].pk


VIRTUAL_SCHOOL_ARGS = {
    "registers:virtual_school_school_edit": lambda: {"school_id": _school()},
    "registers:virtual_school_child": lambda: {"child_id": "C1"},
    "registers:virtual_school_new": lambda: {"child_id": "C1", "what": "pep"},
    "registers:virtual_school_edit": lambda: {"child_id": "C1", "what": "pep", "record_id": _pep()},
}


def _department() -> int:
    from csc_insight.registers.models import Department

    return Department.objects.get_or_create(name="Open Spaces")[0].pk


def _iro_escalation() -> int:
    """One escalation in the IRO service register, for C1."""
    from datetime import date

    from csc_insight.registers.iro_models import IroEscalation

    found, _ = IroEscalation.objects.get_or_create(
        child_id="C1",
        raised_on=date(2019, 10, 1),
        category="care_planning",
        defaults={"iro": "IRO1"},
    )
    return found.pk


def _iro_contact() -> int:
    from datetime import date

    from csc_insight.registers.iro_models import IroContact

    found, _ = IroContact.objects.get_or_create(
        child_id="C1", contact_on=date(2019, 10, 8), kind="visit", defaults={"iro": "IRO1"}
    )
    return found.pk


RESTRICTED_ARGS = {
    "restricted:record": "record_id",
    "restricted:lift": "record_id",
    "restricted:grant": "record_id",
    "restricted:revoke": "grant_id",
}


def _restricted_ids(users: dict[str, object]) -> dict[str, int]:
    """A restricted record (C9, so the children:journey row for C1 is unchanged) with one
    grant to u-manager."""
    from datetime import date

    from csc_insight.access.restricted.models import Grant, RestrictedRecord

    record, made = RestrictedRecord.objects.get_or_create(
        child_id="C9",
        defaults={"category": "staff", "reason": "test", "flagged_by": users["administrator"]},
    )
    if made:
        Grant.objects.create(
            record=record,
            user=users["manager"],
            reason="test",
            until=date(2099, 1, 1),
            granted_by=users["administrator"],
        )
    return {"record_id": record.pk, "grant_id": record.grants.get().pk}


PLAN_FREE = {"plans:list", "plans:new", "plans:import", "plans:mine", "plans:leads"}


def _plan_ids(users: dict[str, object]) -> dict[str, int]:
    """One plan with one section and one action led by u-manager."""
    from csc_insight.plans.models import Action, Lead, Plan

    plan, made = Plan.objects.get_or_create(name="Access plan")
    if made:
        section = plan.sections.create(title="Safe", position=1)
        action = Action.objects.create(
            plan=plan, section=section, ref="1.1", action="Audit return interviews"
        )
        lead = Lead.objects.create(name="MG", user=users["manager"])
        action.leads.add(lead)
    return {"plan_id": plan.pk, "action_id": plan.actions.get().pk}


def _audit_ids(users: dict[str, object]) -> dict[str, int]:
    """One round naming u-auditor, with one case (C2, not C1, so the auditor's journey grant
    does not change the children:journey row) audited by u-auditor, and one alert."""
    from datetime import date

    from csc_insight.audits.models import Alert, Audit, Round

    round_, made = Round.objects.get_or_create(
        title="Access round",
        defaults={
            "quarter": "2019-20-Q3",
            "snapshot_id": SNAPSHOT_ID,
            "access_until": date(2099, 1, 1),
        },
    )
    if made:
        round_.auditors.add(users["auditor"])
        case = round_.cases.create(child_id="C2", position=1)
        audit = Audit.objects.create(
            case=case, auditor=users["auditor"], audited_on=date(2019, 12, 1), overall="good"
        )
        Alert.objects.create(audit=audit, details="Immediate concern")
    alert = Alert.objects.select_related("audit__case").get(audit__case__round=round_)
    return {"round_id": round_.pk, "case_id": alert.audit.case_id, "alert_id": alert.pk}


@pytest.fixture
def result(home: Path) -> None:
    folder = home / "uploads" / BATCH
    folder.mkdir(parents=True)
    data = {
        "user": "u-analyst",
        "at": "2020-04-01T10:00:00+00:00",
        "files": ["a.csv"],
        "snapshot": None,
        "rows": {},
        "report": {
            "ok": False,
            "errors": 1,
            "warnings": 0,
            "not_listed": [],
            "issues": [
                {
                    "severity": "error",
                    "code": "bad_date",
                    "file": "a.csv",
                    "sheet": None,
                    "row": 3,
                    "column": "DOB",
                    "column_letter": "B",
                    "value": "31/02/2019",
                    "message": "a date as dd/mm/yyyy",
                }
            ],
        },
    }
    (folder / "result.json").write_text(json.dumps(data), encoding="utf-8")


def test_every_route_declares_a_policy() -> None:
    missing = [name for name, p in _patterns(get_resolver()) if policy_of(p.callback) is None]
    assert missing == []


def test_matrix_covers_every_route() -> None:
    assert sorted(GET_EXPECTED) == sorted(name for name, _ in _patterns(get_resolver()))


@pytest.mark.django_db
def test_get_matrix(clients, users, snapshot, result) -> None:
    seen = []
    for name, expected in GET_EXPECTED.items():
        url = _url(name, users)
        for who, status in zip(WHO, expected, strict=True):
            response = clients[who].get(url)
            seen.append((name, who, response.status_code))
            assert response.status_code == status, (name, who)
            if status == 302 and who == "anonymous":
                assert response["Location"].startswith(reverse("accounts:login"))
            if response["Content-Type"].startswith("text/html") and status in (200, 403, 404):
                check_page(response.content)
    unexpected_2xx = [
        s for s in seen if 200 <= s[2] < 300 and s[1] == "anonymous" and s[0] != "accounts:login"
    ]
    assert unexpected_2xx == []


@pytest.mark.django_db
def test_post_matrix(clients, users, snapshot) -> None:
    for name, expected in POST_EXPECTED.items():
        url = _url(name, users)
        for who, status in zip(WHO[: len(expected)], expected, strict=True):
            response = clients[who].post(url, {"role": "administrator"})
            assert response.status_code == status, (name, who)
    users["member"].refresh_from_db()
    assert users["member"].role == "member"
    assert users["member"].is_active is True


# A restricted child with letters in its id, so that lower and mixed case differ from it.
RESTRICTED_CHILD = "CL00000035"
# Other spellings of it, as a URL path segment: each is 404 for everyone (anonymous too:
# the route does not match, so nothing about the child is looked up or checked).
SPELLINGS = [
    "cl00000035",
    "Cl00000035",
    "cL00000035",
    "%20CL00000035",
    "CL00000035%20",
    "%09CL00000035",
    "%20cl00000035%20",
]


def _child_id_routes() -> list[str]:
    return sorted(
        name
        for name, p in _patterns(get_resolver())
        if "child_id" in getattr(p.pattern, "converters", {})
    )


def test_child_level_routes_are_found() -> None:
    assert _child_id_routes() == [
        "children:journey",
        "registers:iro_child",
        "registers:missing_child",
        "registers:virtual_school_child",
        "registers:virtual_school_edit",
        "registers:virtual_school_new",
    ]


@pytest.mark.django_db
def test_child_id_in_any_other_case_or_padding_is_404(clients, users, home, snapshot) -> None:
    """Issue 11 item 1: /children/CL00000035/ was 403 to a Manager for a restricted child
    but /children/cl00000035/ was 200 with the whole record."""
    from csc_insight.access.restricted.models import RestrictedRecord

    add_child(home, RESTRICTED_CHILD)
    RestrictedRecord.objects.create(
        child_id=RESTRICTED_CHILD,
        category="staff",
        reason="test",
        flagged_by=users["administrator"],
    )
    from datetime import date

    from csc_insight.registers.virtual_school_models import VsPep

    pep = VsPep.objects.create(child_id=RESTRICTED_CHILD, held_on=date(2019, 10, 10))
    more = {
        "registers:virtual_school_new": {"what": "pep"},
        "registers:virtual_school_edit": {"what": "pep", "record_id": pep.pk},
    }
    for name in _child_id_routes():
        canonical = reverse(name, kwargs={"child_id": RESTRICTED_CHILD, **more.get(name, {})})
        assert clients["manager"].get(canonical).status_code == 403
        assert clients["administrator"].get(canonical).status_code == 200
        for spelling in SPELLINGS:
            url = canonical.replace(RESTRICTED_CHILD, spelling)
            statuses = [clients[who].get(url).status_code for who in WHO]
            assert statuses == [404] * len(WHO), (name, spelling)
