"""The termly public paper "Children Missing From Care, Home and Education" (seed 002 item
6), from the two registers and the loaded returns: `csc-insight report missing --term
START:END --meeting DATE`. Public, so every count goes through the disclosure policy
(reports/disclosure.py: 1 to 5 is written "fewer than 6"); a count whose difference from
another shown would give a small count away (RHIs offered in time of those returned; the
total monitored when a category is small) is not shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from csc_insight.registers import cme, missing, services
from csc_insight.registers.missing import RHI_DAYS
from csc_insight.reports.disclosure import DEFAULT, Rule, count_text
from csc_insight.reports.paper import Block, Heading, Narrative, Paper, Para

SUBJECT = "Children Missing From Care, Home and Education"


@dataclass(frozen=True)
class MissingFigures:
    """The term's missing episodes as the paper counts them (and the register indicators:
    register_missing_episodes, register_missing_rhi_72h_pct)."""

    episodes: list[missing.Episode]  # starting in the term, each once
    returned: list[missing.Episode]  # of those, ended (found or returned)
    in_time: list[missing.Episode]  # of those, return interview offered within 72 hours
    accepted: list[missing.Episode]

    @property
    def children(self) -> set[str]:
        return {ep.child_id for ep in self.episodes}


def missing_figures(view: services.MissingView, term: cme.Term) -> MissingFigures:
    episodes = [ep for ep in view.episodes if term.start <= ep.start <= term.end]
    returned = [ep for ep in episodes if ep.returned_on is not None]
    in_time = [
        ep
        for ep in returned
        if ep.rhi_offered_on is not None and (ep.rhi_offered_on - ep.returned_on).days <= RHI_DAYS
    ]  # type: ignore[operator]
    return MissingFigures(episodes, returned, in_time, [ep for ep in episodes if ep.rhi_accepted])


def missing_paper(
    term: cme.Term, meeting: date, rule: Rule = DEFAULT, on: date | None = None
) -> Paper:
    on = on or term.end
    view = services.missing_view(on=on)
    figures = missing_figures(view, term)
    episodes, children = figures.episodes, figures.children
    returned, in_time, accepted = figures.returned, figures.in_time, figures.accepted
    n = count_text
    body: list[Block] = [Heading("Children missing from home and care", 3)]
    if view.loaded_count is None and view.register_count == 0:
        body.append(Para("No data: no returns are loaded and the register is empty."))
    else:
        body.append(
            Para(
                f"In {term.label} there were {n(len(episodes), rule)} episodes of children going "
                f"missing, by {n(len(children), rule)} children (each episode counted once "
                "whether it is in the register, the SSDA903 return or both)."
            )
        )
        if episodes:
            late = len(returned) - len(in_time)
            offered = (
                f"{n(len(in_time), rule)} of the {n(len(returned), rule)} episodes that had ended"
                if not (rule.small(len(in_time)) or rule.small(late))
                else "not shown (with the number of episodes that had ended it would "
                "reveal a small number)"
            )
            body.append(
                Para(
                    f"Return home interviews offered within 72 hours of the return: {offered}. "
                    f"Interviews accepted: {n(len(accepted), rule)}."
                )
            )
    counts = services.cme_view(term).counts
    body.append(Heading("Children missing education", 3))
    split = (
        "CP, CIN and EH: no data"
        if counts.cme_or_at_risk.by_service is None
        else ", ".join(f"{n(counts.cme_or_at_risk.by_service[s], rule)} {s}" for s in cme.SERVICES)
    )
    lines = (counts.ehe.children, counts.cme_or_at_risk.children, counts.medical.children)
    # With every category shown, the total would give a small category away.
    total = (
        "not shown (it would reveal a small number)"
        if any(rule.small(c) for c in lines)
        else n(counts.total, rule)
    )
    body.append(Para(f"{term.label}. Total number of children being monitored: {total}."))
    body.append(
        Para(
            f"Electively Home Educated Children: {n(counts.ehe.children, rule)}. "
            "Children Missing Education / At risk of Missing Education children: "
            f"{n(counts.cme_or_at_risk.children, rule)} ({split}). Children unable "
            "to attend school full time / part time due to medical reasons: "
            f"{n(counts.medical.children, rule)}."
        )
    )
    narrative = Narrative(
        summary=(
            "This report sets out the response of the City in respect of missing "
            f"children in {term.label}, from the missing and missing education "
            "registers."
        ),
        recommendations="Note the report.",
        background=(
            "Any child missing from home or care is offered a return home interview "
            "within 72 hours of their return; after seven days missing the Lead "
            "Member is notified. Children missing education, at risk of it, home "
            "educated or unable to attend for medical reasons are monitored termly."
        ),
        current_position="The figures for the term are set out below.",
        conclusion="Members are asked to note the report.",
    )
    return Paper(
        kind="missing",
        subject=SUBJECT,
        meeting=meeting,
        public=True,
        narrative=narrative,
        body=body,
        period=term.label,
        notes=[f"Counts of 1 to {rule.threshold} are written 'fewer than {rule.threshold + 1}'."]
        if rule.threshold
        else [],
    )
