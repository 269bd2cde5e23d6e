"""Every register form that names a child (web.registers.form_pages): a record naming a
restricted child, its id typed in lower case, is refused (403) and nothing is saved; the
same record naming a child the user may see is saved. A new entry of a register that keeps
who made it is its maker's, and editing it does not change that."""

from __future__ import annotations

import pytest
from django.db.models import Model
from django.urls import reverse

from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.registers.iro_models import IroContact, IroEscalation
from csc_insight.registers.models import CmeEntry, LadoContact, MissingEpisode, PrivateFostering

from .lado_data import LADO_FORM

pytestmark = pytest.mark.django_db

# route, model, a valid form naming child C1 (typed as the forms allow)
CHILD_FORMS: list[tuple[str, type[Model], dict[str, str]]] = [
    (
        "registers:missing_new",
        MissingEpisode,
        {
            "child_id": "c1",
            "missing_from": "care",
            "start": "01/10/2019",
            "reported_by": "Foster carer",
            "reported_on": "01/10/2019",
            "risk_noted_at_placement": "true",
            "returned_on": "03/10/2019",
            "how_found": "Returned of own accord",
            "rhi_offered_on": "04/10/2019",
            "rhi_accepted": "false",
            "themes": "Peer group",
        },
    ),
    (
        "registers:cme_new",
        CmeEntry,
        {
            "child_id": "c1",
            "category": "at_risk",
            "start": "01/09/2019",
            "attendance": "86",
            "school": "City School",
        },
    ),
    (
        "registers:fostering_new",
        PrivateFostering,
        {"child_id": "c1", "notified_on": "01/10/2019", "notified_by": "School"},
    ),
    (
        "registers:iro_escalation_new",
        IroEscalation,
        {
            "child_id": "c1",
            "iro": "AB",
            "raised_on": "02/03/2020",
            "category": "placement",
            "stage": "stage_1",
            "stage_on": "09/03/2020",
        },
    ),
    (
        "registers:iro_contact_new",
        IroContact,
        {"child_id": "c1", "iro": "AB", "contact_on": "28/02/2020", "kind": "phone"},
    ),
]


@pytest.mark.parametrize(("route", "model", "form"), CHILD_FORMS, ids=[r for r, *_ in CHILD_FORMS])
def test_a_restricted_child_typed_into_a_form_is_refused(clients, users, route, model, form):
    RestrictedRecord.objects.create(
        child_id="C9", category="staff", reason="test", flagged_by=users["administrator"]
    )
    refused = clients["manager"].post(reverse(route), {**form, "child_id": "c9"})
    assert refused.status_code == 403
    assert model.objects.count() == 0
    # the administrator may see every record, so saves it
    by_administrator = clients["administrator"].post(reverse(route), {**form, "child_id": "c9"})
    assert by_administrator.status_code == 302
    assert clients["manager"].post(reverse(route), form).status_code == 302
    assert sorted(model.objects.values_list("child_id", flat=True)) == ["C1", "C9"]


def test_a_new_entry_is_its_makers_and_stays_so_when_edited(clients) -> None:
    route, model, form = CHILD_FORMS[0]  # the missing register
    assert clients["manager"].post(reverse(route), form).status_code == 302
    episode = model.objects.get()
    assert episode.created_by.username == "u-manager"
    edit = reverse("registers:missing_edit", args=[episode.pk])
    assert clients["analyst"].post(edit, {**form, "reported_by": "Police"}).status_code == 302
    episode.refresh_from_db()
    assert (episode.reported_by, episode.created_by.username) == ("Police", "u-manager")
    # a register that names no child and keeps its maker: the LADO's
    assert clients["analyst"].post(reverse("registers:lado_new"), LADO_FORM).status_code == 302
    assert LadoContact.objects.get().created_by.username == "u-analyst"


def test_a_form_with_errors_is_shown_again_with_status_400(clients) -> None:
    for route, model, form in CHILD_FORMS:
        response = clients["manager"].post(reverse(route), {**form, "child_id": ""})
        assert response.status_code == 400, route
        assert b"govuk-error-summary" in response.content, route
        assert model.objects.count() == 0, route
