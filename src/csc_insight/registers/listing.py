"""The providers and champions registers as tab-separated lines, for `csc-insight registers
list providers|champions` (no child is named, so no access-log event is written)."""

from __future__ import annotations

from datetime import date

from csc_insight.registers import champions, providers, services
from csc_insight.registers.models import ProviderKind, TrainingRecord, VisitResult


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def providers_lines(on: date | None = None) -> list[str]:
    view = services.providers_view(on=on)
    lines = [
        "urn\tname\ttype\trating\tinspected\tprevious\tvisited\tvisit_result\tchildren_now\talerts"
    ]
    kinds, results = dict(ProviderKind.choices), dict(VisitResult.choices)
    for p in view.providers:
        visit = p.last_visit
        lines.append(
            "\t".join(
                [
                    p.urn,
                    p.name,
                    kinds[p.kind],
                    p.rating_label,
                    _day(p.current.inspected_on if p.current else None),
                    p.previous.label if p.previous else "",
                    _day(visit.visited_on if visit else None),
                    results[visit.result] if visit else "",
                    "no data" if p.children_now is None else str(p.children_now),
                    "; ".join(providers.ALERTS[a] for a in p.alerts),
                ]
            )
        )
    if not view.placed_known:
        lines.append("No returns loaded: the children placed with each provider are not known.")
    return lines


def champions_lines(on: date | None = None) -> list[str]:
    view = services.champions_view(on=on)
    lines = [f"department\tchampion\trole\tappointed\t{view.last_due.label} return\talerts"]
    for d in view.departments:
        got = d.return_for(view.last_due)
        returned = f"{got.assurance} {got.received_on.isoformat()}" if got else ""
        for a in d.in_post or (None,):
            lines.append(
                "\t".join(
                    [
                        d.name,
                        a.name if a else "",
                        a.role if a else "",
                        _day(a.appointed_on if a else None),
                        returned,
                        "; ".join(champions.ALERTS[x] for x in d.alerts),
                    ]
                )
            )
    lines.append(f"Training completed: {TrainingRecord.objects.count()} records")
    return lines
