"""`registers list lado` and `registers list private-fostering`: each entry with its
alerts as on today, then the current year's figures (and, for private fostering, the
year's awareness activity). A thin layer over `csc_insight.registers.annual_services`."""

from __future__ import annotations

import argparse
import getpass
from datetime import date


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def list_lado(args: argparse.Namespace) -> int:
    from csc_insight.registers import lado
    from csc_insight.registers.annual_services import lado_for_command

    view = lado_for_command(args.user or getpass.getuser())
    print(
        "reference\treceived\tsector\tcategory\tkind\tinitial_meeting\toutcome\tconcluded\talerts"
    )
    for row, contact in view.entries:
        print(
            f"{row.reference}\t{_day(row.received_on)}\t{row.sector}\t{row.category}\t"
            f"{contact.kind}\t{_day(row.initial_meeting_on)}\t{row.outcome}\t"
            f"{_day(row.concluded_on)}\t" + "; ".join(lado.ALERTS[a] for a in contact.alerts)
        )
    f = view.figures
    print()
    print(
        f"{f.year.label}: {len(f.received)} contacts, {f.referrals} referrals, "
        f"{len(f.concluded)} concluded, {f.meetings_in_time} initial meetings within 5 working "
        f"days, {f.open_at_end} open at the year's end"
    )
    return 0


def list_fostering(args: argparse.Namespace) -> int:
    from csc_insight.registers import private_fostering
    from csc_insight.registers.annual_services import fostering_for_command

    view, masked = fostering_for_command(args.user or getpass.getuser(), args.include_restricted)
    print("child\tnotified\tinitial_visit\tassessment\tvisits\tended\talerts")
    for row, a in view.entries:
        if row.child_id in masked:
            print("Restricted record")
            continue
        print(
            f"{row.child_id}\t{_day(row.notified_on)}\t{_day(row.initial_visit_on)}\t"
            f"{_day(row.assessment_completed_on)}\t{len(a.visits)}\t{_day(row.ended_on)}\t"
            + "; ".join(private_fostering.ALERTS[x] for x in a.alerts)
        )
    f = view.figures
    print()
    print(
        f"{f.year.label}: {f.notified} notified, {f.open_in_year} in place, {f.ended} ended; "
        f"{len(view.awareness)} awareness activities"
    )
    for activity in view.awareness:
        attendees = "" if activity.attendees is None else f" ({activity.attendees} attended)"
        print(f"{activity.held_on.isoformat()}\t{activity.kind}\t{activity.title}{attendees}")
    return 0
