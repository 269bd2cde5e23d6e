"""Children missing education and at risk of it: the termly counts in the shape the
Safeguarding Sub-Committee reads them (seed 002, "Children Missing From Care, Home and
Education"), with each child's involvement with children's social care computed from the
snapshot, never typed:

    Total number of children being monitored: 18
    Electively Home Educated Children: 3
    Children Missing Education / At risk of Missing Education children: 14 (3 CP, 0 CIN, 3 EH)
    Children unable to attend school full time / part time due to medical reasons: 2
    (1 already included above in EHE)

A child is monitored in a term when one of their entries overlaps it (monitored from on or
before the term's last day, until on or after its first day, or still monitored). Each
child counts once in the total, and once in each category line (a child both missing
education and at risk counts once in the combined line). Involvement during the term, in
this order so that each child is counted once: CP (a child protection plan open on any day
of the term), else CIN (an episode of need open, not closed with no further action), else
EH (an early help episode open: from its start, or referral when it has no start, to its
closure). A child with any of the three is a jointly worked case. With no snapshot loaded
the CP / CIN / EH figures read "no data".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from csc_insight.store import snapshots

EHE, CME, AT_RISK, MEDICAL = "ehe", "cme", "at_risk", "medical"
SERVICES = ("CP", "CIN", "EH")


class TermError(ValueError):
    """A term that is not START:END as yyyy-mm-dd, END not before START."""


@dataclass(frozen=True)
class Term:
    start: date
    end: date

    @property
    def label(self) -> str:
        """'September-October 2019', 'November 2019-January 2020', 'March 2019'."""
        a, b = self.start, self.end
        if (a.year, a.month) == (b.year, b.month):
            return f"{a:%B %Y}"
        if a.year == b.year:
            return f"{a:%B}-{b:%B %Y}"
        return f"{a:%B %Y}-{b:%B %Y}"


def parse_term(text: str) -> Term:
    """'2019-09-01:2019-10-31' as a Term."""
    try:
        first, last = (date.fromisoformat(part.strip()) for part in text.split(":"))
    except ValueError as bad:
        raise TermError(
            f"A term is START:END as yyyy-mm-dd, for example 2019-09-01:2019-10-31 (found {text!r})"
        ) from bad
    if last < first:
        raise TermError(f"The term ends ({last}) before it starts ({first})")
    return Term(first, last)


@dataclass(frozen=True)
class Entry:
    child_id: str
    category: str
    start: date
    end: date | None = None

    def in_term(self, term: Term) -> bool:
        return self.start <= term.end and (self.end is None or self.end >= term.start)


def involvement(
    child_ids: Iterable[str], term: Term, snapshot_id: str | None = None
) -> dict[str, str] | None:
    """Child -> 'CP', 'CIN' or 'EH' for the children involved with social care or early help
    during the term (others absent); None when no snapshot is loaded."""
    ids = sorted(set(child_ids))
    try:
        with snapshots.connect(snapshot_id) as con:
            if not ids:
                return {}
            params = [ids, term.end, term.start]
            cp = con.execute(
                "SELECT DISTINCT child_id FROM cp_plans WHERE list_contains(?, child_id) AND "
                "start_date <= ? AND (end_date IS NULL OR end_date >= ?)",
                params,
            ).fetchall()
            cin = con.execute(
                "SELECT DISTINCT child_id FROM referrals WHERE list_contains(?, child_id) AND "
                "referral_date <= ? AND (closure_date IS NULL OR closure_date >= ?) AND "
                "NOT coalesce(nfa, false)",
                params,
            ).fetchall()
            eh = con.execute(
                "SELECT DISTINCT child_id FROM early_help WHERE list_contains(?, child_id) AND "
                "coalesce(start_date, referral_date) <= ? AND "
                "(closure_date IS NULL OR closure_date >= ?)",
                params,
            ).fetchall()
    except snapshots.SnapshotError:
        return None
    found: dict[str, str] = {}
    for label, rows in (("CP", cp), ("CIN", cin), ("EH", eh)):
        for (child,) in rows:
            found.setdefault(child, label)
    return found


@dataclass(frozen=True)
class Line:
    children: int
    by_service: dict[str, int] | None  # None: no snapshot (no data)


@dataclass(frozen=True)
class TermCounts:
    term: Term
    total: int
    ehe: Line
    cme: Line
    at_risk: Line
    cme_or_at_risk: Line
    medical: Line
    medical_also_ehe: int
    jointly_worked: tuple[str, ...]  # child ids, sorted
    monitored: tuple[str, ...]  # child ids, sorted


def _line(children: set[str], services: dict[str, str] | None) -> Line:
    if services is None:
        return Line(len(children), None)
    return Line(
        len(children), {s: sum(1 for c in children if services.get(c) == s) for s in SERVICES}
    )


def term_counts(
    entries: Sequence[Entry], term: Term, services: dict[str, str] | None
) -> TermCounts:
    """The term's counts from the entries and each child's involvement (`involvement`)."""
    by: dict[str, set[str]] = {EHE: set(), CME: set(), AT_RISK: set(), MEDICAL: set()}
    for entry in entries:
        if entry.in_term(term):
            by[entry.category].add(entry.child_id)
    monitored = set().union(*by.values())
    joint = sorted(c for c in monitored if services and c in services)
    return TermCounts(
        term=term,
        total=len(monitored),
        ehe=_line(by[EHE], services),
        cme=_line(by[CME], services),
        at_risk=_line(by[AT_RISK], services),
        cme_or_at_risk=_line(by[CME] | by[AT_RISK], services),
        medical=_line(by[MEDICAL], services),
        medical_also_ehe=len(by[MEDICAL] & by[EHE]),
        jointly_worked=tuple(joint),
        monitored=tuple(sorted(monitored)),
    )


def _split(line: Line) -> str:
    if line.by_service is None:
        return " (CP, CIN and EH: no data)"
    return " (" + ", ".join(f"{line.by_service[s]} {s}" for s in SERVICES) + ")"


def summary(counts: TermCounts) -> str:
    """'Total monitored 18: EHE 3, CME/at risk 14 (3 CP, 0 CIN, 3 EH), medical 2 (1 also
    EHE)'."""
    return (
        f"Total monitored {counts.total}: EHE {counts.ehe.children}, CME/at risk "
        f"{counts.cme_or_at_risk.children}{_split(counts.cme_or_at_risk)}, medical "
        f"{counts.medical.children} ({counts.medical_also_ehe} also EHE)"
    )


def report_lines(counts: TermCounts) -> list[str]:
    """The termly report's lines, as the committee paper sets them out."""
    return [
        counts.term.label,
        f"Total number of children being monitored: {counts.total}",
        f"Electively Home Educated Children: {counts.ehe.children}",
        f"Children Missing Education or unplaced: {counts.cme.children}",
        f"Children at Risk of Missing Education: {counts.at_risk.children}{_split(counts.at_risk)}",
        "Children Missing Education / At risk of Missing Education children: "
        f"{counts.cme_or_at_risk.children}{_split(counts.cme_or_at_risk)}",
        "Children unable to attend school full time / part time due to medical reasons: "
        f"{counts.medical.children} ({counts.medical_also_ehe} already included above in EHE)",
        "Jointly worked with children's social care or early help: "
        + ("no data" if counts.ehe.by_service is None else str(len(counts.jointly_worked))),
    ]
