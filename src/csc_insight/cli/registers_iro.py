"""`registers list iro`: the escalations with their alerts, the looked-after children with
an alert (review overdue, no IRO contact between reviews), each IRO's caseload and the
current year's figures. A thin layer over `csc_insight.registers.iro_services`; one
access-log event with every child id printed."""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def list_iro(args: argparse.Namespace) -> int:
    from csc_insight.registers import iro
    from csc_insight.registers.iro_services import iro_for_command

    view, masked = iro_for_command(args.user or getpass.getuser(), args.include_restricted)
    if view.returns is None:
        print("No returns loaded: reviews and caseloads are not known.", file=sys.stderr)
    print("child\tiro\traised\tissue\tstage\tstage_date\tresolved\toutcome\talerts")
    for row, e in view.escalations:
        if row.child_id in masked:
            print("Restricted record")
            continue
        print(
            f"{row.child_id}\t{row.iro}\t{_day(row.raised_on)}\t{row.category}\t{row.stage}\t"
            f"{_day(row.stage_on)}\t{_day(row.resolved_on)}\t{row.outcome}\t"
            + "; ".join(iro.ALERTS[a] for a in e.alerts)
        )
    print()
    print(f"Looked-after children with an alert, as at {view.as_at.isoformat()}:")
    print("child\tiro\tlast_review\tnext_due\tlast_contact\talerts")
    for s in view.alerted:
        if s.child_id in masked:
            print("Restricted record")
            continue
        print(
            f"{s.child_id}\t{s.iro or ''}\t{_day(s.last_review)}\t{_day(s.next_due)}\t"
            f"{_day(s.last_contact)}\t" + "; ".join(iro.ALERTS[a] for a in s.alerts)
        )
    print()
    print("iro\tchildren\tcontacts_12_months\topen_escalations")
    for c in view.caseloads:
        print(f"{c.iro}\t{c.children}\t{c.contacts}\t{c.open_escalations}")
    r, y = view.register, view.year
    reviews = (
        "reviews: no data"
        if y is None or y.due is None
        else f"{y.in_time} of {len(y.due)} reviews due held in time"
    )
    print()
    print(
        f"{r.year.label}: {len(r.raised)} escalations raised, {len(r.closed)} of them closed; "
        f"{r.open_at_end} open; {len(r.contacts)} IRO contacts; {reviews}"
    )
    return 0
