"""`csc-insight children`: restricted records masked unless --include-restricted, and every
run written to the access log (issue 11 item 7).

The web test snapshot holds C1 (referral 1 July 2019); CL00000035 is added with a referral
on 2 July 2019, so both are behind `referrals` in 2019-20-Q2 (July-September 2019).
"""

from __future__ import annotations

import getpass

import pytest

from csc_insight.access.accesslog.models import AccessEvent
from csc_insight.access.restricted.models import RestrictedRecord
from csc_insight.cli import main
from web.conftest import add_child

pytestmark = pytest.mark.django_db
ARGS = ["children", "referrals", "--period", "2019-20-Q2"]


@pytest.fixture
def restricted(home, snapshot, users) -> None:
    add_child(home, "CL00000035")
    RestrictedRecord.objects.create(
        child_id="CL00000035", category="staff", reason="t", flagged_by=users["administrator"]
    )


def test_restricted_ids_are_masked_and_the_run_logged(restricted, users, capsys) -> None:
    """Was: CL00000035 printed with its referral date, and nothing logged."""
    assert main([*ARGS, "--user", "u-analyst"]) == 0
    out = capsys.readouterr().out
    assert "CL00000035" not in out and "2019-07-02" not in out
    lines = sorted(out.splitlines())
    assert lines == [
        "C1\tnumerator=yes\tdenominator=no\treferral_id R1, referral_date 2019-07-01",
        "Restricted record\tnumerator=yes\tdenominator=no\t",
    ]
    event = AccessEvent.objects.get()
    assert (event.username, event.user_id, event.route, event.child_ids) == (
        "u-analyst",
        users["analyst"].pk,
        "cli:children",
        " C1 ",
    )
    assert event.reason.startswith("referrals 2019-20-Q2, snapshot ")
    assert event.reason.endswith(": 1 of 2 children shown")


def test_include_restricted_prints_and_logs_them(restricted, capsys) -> None:
    assert main([*ARGS, "--include-restricted"]) == 0
    out = capsys.readouterr().out
    assert (
        "CL00000035\tnumerator=yes\tdenominator=no\treferral_id R-CL00000035, "
        "referral_date 2019-07-02"
    ) in out
    event = AccessEvent.objects.get()
    assert event.username == getpass.getuser() and event.user_id is None
    assert sorted(event.children_shown) == ["C1", "CL00000035"]
    assert event.reason.endswith(": 2 of 2 children shown, restricted records included")
