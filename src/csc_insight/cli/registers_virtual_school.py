"""`registers list virtual-school`: the Virtual School's children as at today (looked after,
Nursery to Year 13, from the current snapshot), each with year group, school and its Ofsted
grade, the latest PEP, this term's PEP, the latest attendance and alerts; then those on the
register this school year who are not looked after. One access-log event holds every child
id printed; restricted records are masked. A thin layer over
`csc_insight.registers.virtual_school_services`."""

from __future__ import annotations

import argparse
import getpass
import sys


def list_virtual_school(args: argparse.Namespace) -> int:
    from csc_insight.registers import virtual_school as vs
    from csc_insight.registers.virtual_school_services import for_command

    view, masked = for_command(args.user or getpass.getuser(), args.include_restricted)
    if not view.cohort_known:
        print("No returns loaded: who is looked after is not known.", file=sys.stderr)
    print("child\tyear_group\tschool\tofsted\tlatest_pep\tgrade\tpep_this_term\tattendance\talerts")
    for label, states in (("looked after", view.cohort), ("not looked after", view.others)):
        if label == "not looked after" and states:
            print(
                f"# on the register in {view.year.label}, not looked after on {view.on}"
                if view.cohort_known
                else f"# on the register in {view.year.label} (who is looked after: no data)"
            )
        for s in states:
            if s.child_id in masked:
                print("Restricted record")
                continue
            school = s.school
            pep = s.latest_pep
            attendance = s.attendance
            print(
                "\t".join(
                    [
                        s.child_id,
                        "" if s.year_group is None else vs.year_group_label(s.year_group),
                        school.school.name if school else "",
                        school.school.grade_label if school else "",
                        pep.held_on.isoformat() if pep else "",
                        vs.GRADES.get(pep.grade, "not graded") if pep else "",
                        "yes" if s.pep_this_term else "no",
                        f"{attendance.percent:g}% ({attendance.term})" if attendance else "",
                        "; ".join(vs.ALERTS[a] for a in s.alerts),
                    ]
                )
            )
    counts = view.alert_counts
    print()
    print(
        f"{view.term.label}: {len(view.cohort)} looked after in Nursery to Year 13"
        if view.cohort_known
        else f"{view.term.label}: no data on who is looked after"
    )
    print("; ".join(f"{vs.ALERTS[k]}: {v}" for k, v in counts.items()))
    return 0
