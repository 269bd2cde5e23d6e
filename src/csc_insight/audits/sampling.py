"""The quarterly audit sample (seed 002: three cases from each of three social workers, nine
a quarter, so that every open case is audited within two years) and the thematic sample.

Rules, in order:
1. Only cases open at the end of the quarter (`cases.open_cases`).
2. A case audited in the 12 months up to the end of the quarter is left out, unless
   `include_recent` is set (then it simply waits behind every other case).
3. Cases never audited come first, then the longest since their last audit.
4. Workers are taken in the order of their longest-waiting case, a bigger caseload of
   eligible cases first when that ties, and `per_worker` cases are taken from each of
   `workers` workers. When those workers hold fewer than `per_worker` eligible cases each,
   the next workers fill the quota. Unallocated cases are never sampled as if
   "Unallocated" were a worker: they are counted in `Coverage.unallocated`, an alert of
   their own.
Children in `exclude` (restricted records, unless the QA lead includes them) are never taken.
A thematic round (`theme` = an indicator id) takes the children the indicator engine counts
in that indicator's numerator for the quarter, by rules 2 and 3, up to `size`.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from csc_insight.audits.cases import OpenCase, open_cases
from csc_insight.indicators.periods import Period, parse_period

# Themes offered for thematic rounds: indicator id -> what the round is about.
THEMES: dict[str, str] = {
    "missing_children_with_episode": "Children missing from home or care",
    "cp_subsequent_pct": "Second or subsequent child protection plans",
    "rereferrals_12m_pct": "Re-referrals within 12 months",
    "cla_3plus_placements": "Children in care with three or more placements",
    "assessments_45wd_pct": "Assessments authorised within 45 working days",
}
UNALLOCATED = "Unallocated"


class SampleError(ValueError):
    """The quarter or the options cannot give a sample."""


@dataclass(frozen=True)
class SampleOptions:
    per_worker: int = 3
    workers: int = 3
    include_recent: bool = False  # allow cases audited in the last `recent_months`
    recent_months: int = 12
    theme: str | None = None  # an indicator id: a thematic round
    size: int | None = None  # thematic sample size (default per_worker * workers)
    exclude: frozenset[str] = frozenset()  # children never sampled (restricted records)

    @property
    def target(self) -> int:
        return self.size if self.size is not None else self.per_worker * self.workers


@dataclass(frozen=True)
class Choice:
    child_id: str
    case_type: str | None  # None: not open at the end of the quarter (thematic only)
    worker: str | None
    team: str | None
    last_audited: date | None
    reason: str


@dataclass(frozen=True)
class Coverage:
    open_cases: int
    audited_in_two_years: int  # open cases audited in the two years up to the day
    never_audited: int
    audited_recently: int  # audited in the last `recent_months`, so left out
    quarters_to_cover: int | None  # quarters at this sample size to reach the rest
    unallocated: int = 0  # open cases with no allocated worker (not sampled by worker)


@dataclass(frozen=True)
class Sample:
    quarter: str
    as_at: date
    theme: str | None
    chosen: list[Choice]
    coverage: Coverage
    options: SampleOptions = field(default_factory=SampleOptions)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["as_at"] = self.as_at.isoformat()
        # how many children were left out, never which (they are restricted records)
        data["options"]["exclude"] = len(self.options.exclude)
        for row in data["chosen"]:
            row["last_audited"] = row["last_audited"] and row["last_audited"].isoformat()
        return data


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the last day when it has no such day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def last_audits(history: Iterable[tuple[str, date]], on: date) -> dict[str, date]:
    """Each child's latest audit on or before `on`."""
    latest: dict[str, date] = {}
    for child_id, day in history:
        if day <= on and (child_id not in latest or day > latest[child_id]):
            latest[child_id] = day
    return latest


def _priority(last: date | None, child_id: str) -> tuple[date, str]:
    return (last or date.min, child_id)


def _reason(last: date | None, recent_from: date) -> str:
    if last is None:
        return "Never audited"
    text = f"Last audited {last:%d/%m/%Y}"
    return f"{text}, within 12 months (re-audit asked for)" if last > recent_from else text


def _quarter(quarter: str | Period) -> Period:
    period = parse_period(quarter) if isinstance(quarter, str) else quarter
    if period.kind != "quarter":
        raise SampleError(f"{period.label} is not a quarter: use, for example, 2019-20-Q3")
    return period


def coverage(
    cases: list[OpenCase],
    last: dict[str, date],
    on: date,
    per_quarter: int,
    recent_months: int = 12,
) -> Coverage:
    """How far the cycle has reached the cases open on `on`."""
    two_years = months_before(on, 24)
    recent = months_before(on, recent_months)
    audited = sum(1 for c in cases if c.child_id in last and last[c.child_id] > two_years)
    rest = len(cases) - audited
    return Coverage(
        open_cases=len(cases),
        audited_in_two_years=audited,
        never_audited=sum(1 for c in cases if c.child_id not in last),
        audited_recently=sum(1 for c in cases if c.child_id in last and last[c.child_id] > recent),
        quarters_to_cover=math.ceil(rest / per_quarter) if per_quarter > 0 else None,
        unallocated=sum(1 for c in cases if not c.worker),
    )


def propose_sample(
    con: Any,
    quarter: str | Period,
    history: Iterable[tuple[str, date]],
    options: SampleOptions | None = None,
) -> Sample:
    """Propose a round's sample from the snapshot behind `con` (see the module docstring).

    `history` is every earlier audit as (child_id, date audited).
    """
    options = options or SampleOptions()
    if min(options.per_worker, options.workers, options.target) < 1:
        raise SampleError("Choose at least one case from at least one worker")
    period = _quarter(quarter)
    on = period.end
    cases = open_cases(con, on)
    last = last_audits(history, on)
    recent_from = months_before(on, options.recent_months)

    def eligible(child_id: str) -> bool:
        if child_id in options.exclude:
            return False
        return options.include_recent or not (child_id in last and last[child_id] > recent_from)

    if options.theme:
        chosen = _thematic(con, period, cases, last, eligible, recent_from, options)
    else:
        chosen = _by_worker(cases, last, eligible, recent_from, options)
    return Sample(
        period.label,
        on,
        options.theme,
        chosen,
        coverage(cases, last, on, options.target, options.recent_months),
        options,
    )


def _by_worker(
    cases: list[OpenCase],
    last: dict[str, date],
    eligible: Any,
    recent_from: date,
    options: SampleOptions,
) -> list[Choice]:
    by_worker: dict[str, list[OpenCase]] = {}
    for case in cases:
        if case.worker and eligible(case.child_id):
            by_worker.setdefault(case.worker, []).append(case)
    for held in by_worker.values():
        held.sort(key=lambda c: _priority(last.get(c.child_id), c.child_id))

    def worker_key(worker: str) -> tuple[date, int, str]:
        first = by_worker[worker][0]
        return (last.get(first.child_id) or date.min, -len(by_worker[worker]), worker)

    chosen: list[Choice] = []
    for used, worker in enumerate(sorted(by_worker, key=worker_key)):
        if used >= options.workers and len(chosen) >= options.target:
            break
        held = by_worker[worker]
        room = options.per_worker if used < options.workers else options.target - len(chosen)
        for case in held[: min(room, options.per_worker)]:
            when = last.get(case.child_id)
            reason = (
                f"{_reason(when, recent_from)}; {worker} holds {len(held)} "
                f"case{'s' if len(held) != 1 else ''} due for audit"
            )
            chosen.append(
                Choice(case.child_id, case.case_type, case.worker, case.team, when, reason)
            )
    return chosen


def _thematic(
    con: Any,
    period: Period,
    cases: list[OpenCase],
    last: dict[str, date],
    eligible: Any,
    recent_from: date,
    options: SampleOptions,
) -> list[Choice]:
    from csc_insight.indicators import children

    theme = options.theme or ""
    try:
        rows = children(con, theme, period)
    except (KeyError, LookupError) as exc:
        raise SampleError(f"Theme {theme}: {exc}") from exc
    matching = sorted(
        {r.child_id for r in rows if r.in_numerator and eligible(r.child_id)},
        key=lambda c: _priority(last.get(c), c),
    )
    by_child = {c.child_id: c for c in cases}
    title = THEMES.get(theme, theme)
    chosen = []
    for child_id in matching[: options.target]:
        case = by_child.get(child_id)
        when = last.get(child_id)
        chosen.append(
            Choice(
                child_id,
                case.case_type if case else None,
                case.worker if case else None,
                case.team if case else None,
                when,
                f"{_reason(when, recent_from)}; matches the theme: {title} in {period.label}",
            )
        )
    return chosen
