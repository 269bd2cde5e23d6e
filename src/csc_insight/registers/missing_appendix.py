"""The non-public appendix to the termly missing paper (seed 002, agenda item 19: "Children
Missing From Care, Home and Education", read with the public report at item 6): the children
behind the public counts, episode by episode and child by child.

Non-public under Schedule 12A, Part 1, paragraphs 1 and 2 (information relating to, and
likely to identify, an individual), so counts are shown as they are, without the disclosure
policy. A child whose record is restricted (access/restricted) is counted and listed as
"Restricted record", with no id, dates or themes: the appendix goes to Members and must
not undo a restriction. Built with `csc-insight committee missing-appendix --term START:END
--meeting DATE`.
"""

from __future__ import annotations

from datetime import date

from csc_insight.access.restricted.access import MASK, restricted_ids
from csc_insight.registers import cme, missing, services
from csc_insight.registers.models import MissingEpisode, MissingFrom
from csc_insight.reports.paper import Block, Grid, Heading, Narrative, Paper, Para

SUBJECT = "Children Missing From Care, Home and Education: non-public appendix"
EXEMPT = (1, 2)
NOT_RECORDED = "Not recorded"
CATEGORY_NAMES = {
    cme.EHE: "Elective home education",
    cme.CME: "Missing education",
    cme.AT_RISK: "At risk of missing education",
    cme.MEDICAL: "Unable to attend for medical reasons",
}


def missing_appendix(
    term: cme.Term,
    meeting: date,
    on: date | None = None,
    masked: frozenset[str] | None = None,
) -> Paper:
    """The appendix for `term`; `masked` defaults to the restricted records in force."""
    on = on or term.end
    masked = restricted_ids() if masked is None else masked
    view = services.missing_view(on=on)
    episodes = sorted(
        (ep for ep in view.episodes if term.start <= ep.start <= term.end),
        key=lambda ep: (ep.child_id, ep.start),
    )
    body: list[Block] = [Heading("Children missing from home and care", 3)]
    if view.loaded_count is None and view.register_count == 0:
        body.append(Para("No data: no returns are loaded and the register is empty."))
    elif not episodes:
        body.append(Para(f"No child went missing from home or care in {term.label}."))
    else:
        body.append(_episodes_grid(episodes, term, on, masked))
    body += [Heading("Children missing education and at risk of it", 3), *_cme(term, masked)]
    return Paper(
        kind="missing-appendix",
        subject=SUBJECT,
        meeting=meeting,
        public=False,
        exempt_paragraphs=EXEMPT,
        narrative=Narrative(
            summary=(
                f"This appendix lists the children behind the figures in the public report "
                f"on children missing from care, home and education for {term.label}."
            ),
            recommendations="Note the appendix.",
            background=(
                "Each episode is shown once, whether it was recorded in the missing register, "
                "the SSDA903 return or both. Alerts follow the City's protocol: a return "
                "interview offered within 72 hours of the return; the Lead Member notified "
                "after seven days missing; a third episode within 90 days."
            ),
            current_position="The children are listed below.",
            conclusion="Members are asked to note the appendix.",
        ),
        body=body,
        period=term.label,
    )


def _episodes_grid(
    episodes: list[missing.Episode], term: cme.Term, on: date, masked: frozenset[str]
) -> Grid:
    themes = {
        (row.child_id, row.start): row.themes
        for row in MissingEpisode.objects.filter(start__gte=term.start, start__lte=term.end)
    }
    rows = []
    for ep in episodes:
        if ep.child_id in masked:
            rows.append([MASK, *("" for _ in range(9))])
            continue
        rows.append(
            [
                ep.child_id,
                _missing_from(ep.missing_from),
                _day(ep.start),
                _day(ep.returned_on) if ep.returned_on else f"Still missing on {_day(on)}",
                str(ep.days_missing(on)),
                _offered(ep),
                _yes_no(ep.rhi_accepted),
                _day(ep.rhi_held_on) if ep.rhi_held_on else NOT_RECORDED,
                themes.get((ep.child_id, ep.start)) or NOT_RECORDED,
                "; ".join(missing.ALERTS[a] for a in ep.alerts) or "None",
            ]
        )
    children = len({ep.child_id for ep in episodes})
    return Grid(
        f"Episodes in {term.label}: {len(episodes)}, by {children} "
        f"{'child' if children == 1 else 'children'}",
        [
            "Child",
            "Missing from",
            "Missing on",
            "Found or returned",
            "Days missing",
            "Return interview offered",
            "Accepted",
            "Interview held",
            "Themes from the interview",
            "Alerts",
        ],
        rows,
        note=f"Days missing and alerts as at {_day(on)}.",
    )


def _cme(term: cme.Term, masked: frozenset[str]) -> list[Block]:
    view = services.cme_view(term)
    if not view.entries:
        return [Para(f"No child was monitored in {term.label}.")]
    rows = []
    for entry, involvement in sorted(
        view.entries, key=lambda e: (e[0].child_id, e[0].category, e[0].start)
    ):
        if entry.child_id in masked:
            rows.append([MASK, CATEGORY_NAMES.get(entry.category, entry.category), "", "", ""])
            continue
        rows.append(
            [
                entry.child_id,
                CATEGORY_NAMES.get(entry.category, entry.category),
                _day(entry.start),
                _day(entry.end) if entry.end else "Still monitored",
                (involvement or "None") if view.services_known else "No data",
            ]
        )
    note = (
        ""
        if view.services_known
        else "No returns are loaded: involvement with social care and early help is no data."
    )
    return [
        Grid(
            f"Children monitored in {term.label}: {len({e.child_id for e, _ in view.entries})}",
            ["Child", "Category", "Monitored from", "Monitored until", "Social care or early help"],
            rows,
            note=note,
        )
    ]


def _missing_from(code: str) -> str:
    """'care' -> 'Care'; a loaded episode's own wording as it is; blank -> Not recorded."""
    labels = dict(MissingFrom.choices)
    return str(labels.get(code, code)) if code else NOT_RECORDED


def _offered(ep: missing.Episode) -> str:
    if ep.rhi_offered_on is not None:
        return _day(ep.rhi_offered_on)
    return _yes_no(ep.rhi_offered)


def _yes_no(flag: bool | None) -> str:
    return NOT_RECORDED if flag is None else ("Yes" if flag else "No")


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")
