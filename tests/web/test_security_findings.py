"""Issue 11: each access finding of the hostile test, replayed. Every test here failed on
the code the test was run against and passes now.

The test snapshot (conftest.make_snapshot) holds child C1 (referral 1 July 2019); tests
that need an id with letters in it (so that lower and mixed case differ) add CL00000035
with a referral on 2 July 2019.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from csc_insight.web.restricted.models import Grant, RestrictedRecord

from .conftest import add_child

CHILD = "CL00000035"


def _restrict(users, child_id: str = CHILD) -> RestrictedRecord:
    return RestrictedRecord.objects.create(child_id=child_id, category="staff",
                                           reason="test", flagged_by=users["administrator"])


# --- 1. A restricted record opened by changing the case of its id ----------------------

def test_1_lower_case_id_does_not_open_a_restricted_record(clients, users, home,
                                                            snapshot) -> None:
    """Was: /children/CL00000035/ 403 to a Manager, /children/cl00000035/ 200 with date of
    birth and timeline. Now every other spelling is 404, and the canonical one still 403."""
    add_child(home, CHILD)
    _restrict(users)
    manager = clients["manager"]
    assert manager.get(f"/children/{CHILD}/").status_code == 403
    for spelling in ("cl00000035", "Cl00000035", "%20CL00000035%20"):
        response = manager.get(f"/children/{spelling}/")
        assert response.status_code == 404, spelling
        assert b"2011-05-06" not in response.content and b"06/05/2011" not in response.content


# --- 2. Restricting an id typed in lower case ------------------------------------------

def test_2_restricting_a_lower_case_id_restricts_the_child(clients, users, home,
                                                            snapshot) -> None:
    """Was: stored as typed ('cl00000035'), so the check on 'CL00000035' never matched and
    the Manager still opened the record (200)."""
    add_child(home, CHILD)
    response = clients["administrator"].post(reverse("restricted:new"), {
        "child_id": "  cl00000035 ", "category": "staff", "reason": "Child of a worker"})
    assert response.status_code == 302
    assert list(RestrictedRecord.objects.values_list("child_id", flat=True)) == [CHILD]
    assert clients["manager"].get(f"/children/{CHILD}/").status_code == 403
    # an id that is not an id even once upper-cased is refused with the form's message
    refused = clients["administrator"].post(reverse("restricted:new"), {
        "child_id": "cl/../1", "category": "staff", "reason": "x"})
    assert refused.status_code == 200
    assert b"Enter a child ID of letters, numbers, - and _ only" in refused.content


@pytest.mark.django_db(transaction=True)
def test_2_migration_makes_stored_ids_canonical(users) -> None:
    """Rows flagged before the fix: 'cl00000006' becomes 'CL00000006'; ' c7' and 'C7' are
    merged into the in-force 'C7' row with both grants."""
    from datetime import date

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("restricted", "0001_initial")])
    old = executor.loader.project_state([("restricted", "0001_initial")]).apps
    Record, OldGrant = old.get_model("restricted", "RestrictedRecord"), old.get_model(
        "restricted", "Grant")
    admin_id = users["administrator"].pk
    Record.objects.create(child_id="cl00000006", category="staff", reason="a",
                          flagged_by_id=admin_id)
    lifted = Record.objects.create(child_id="C7", category="staff", reason="b",
                                   flagged_by_id=admin_id, lifted_at="2020-01-01T00:00Z")
    padded = Record.objects.create(child_id=" c7", category="adoption", reason="c",
                                   flagged_by_id=admin_id)
    for record in (lifted, padded):
        OldGrant.objects.create(record=record, user_id=users["manager"].pk, reason="g",
                                until=date(2099, 1, 1), granted_by_id=admin_id)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    rows = {r.child_id: r for r in RestrictedRecord.objects.all()}
    assert sorted(rows) == ["C7", "CL00000006"]
    assert rows["C7"].in_force and rows["C7"].category == "adoption"
    assert Grant.objects.filter(record=rows["C7"]).count() == 2
