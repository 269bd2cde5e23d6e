"""Which cases are open on a day, of which type, and who holds each, read from a snapshot.

A case is one child. Its type is the most intensive open service, in this order: looked
after (an SSDA903 episode open on the day), child protection (an open CP plan), care leaver
(an OC3 / Annex A List 9 row from the last year, not marked died or no longer required),
child in need (an open referral that was not NFA), early help (an open early help episode).
Its worker is the allocation open on the day (the latest to start), else the worker on the
open referral or CP plan, else the care leaver's personal adviser; None when none is known.
An agreed series of short-term breaks (legal status V3, V4) is not a looked-after case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

OPEN_CASES_SQL = """
WITH open_service AS (
    SELECT child_id, 1 AS rank, 'cla' AS case_type, NULL AS worker, NULL AS team
    FROM cla_episodes WHERE decom <= $day AND (dec IS NULL OR dec > $day)
      AND coalesce(ls, '') NOT IN ('V3', 'V4')
    UNION ALL
    SELECT child_id, 2, 'cp', worker, team
    FROM cp_plans WHERE start_date <= $day AND (end_date IS NULL OR end_date > $day)
    UNION ALL
    SELECT child_id, 3, 'care_leaver', personal_advisor, NULL
    FROM care_leavers
    WHERE (year_ending IS NULL OR year_ending > $day - INTERVAL 1 YEAR)
      AND coalesce(in_touch, '') NOT IN ('DIED', 'NREQ')
    UNION ALL
    SELECT child_id, 4, 'cin', worker, team
    FROM referrals WHERE referral_date <= $day AND (closure_date IS NULL OR closure_date > $day)
      AND NOT coalesce(nfa, FALSE)
    UNION ALL
    SELECT child_id, 5, 'early_help', NULL, NULL
    FROM early_help WHERE coalesce(start_date, referral_date) <= $day
      AND (closure_date IS NULL OR closure_date > $day)
),
allocated AS (
    SELECT child_id, worker, team FROM allocations
    WHERE start_date <= $day AND (end_date IS NULL OR end_date > $day)
    QUALIFY row_number() OVER (PARTITION BY child_id ORDER BY start_date DESC, worker) = 1
),
case_type AS (
    SELECT child_id, arg_min(case_type, rank) AS case_type FROM open_service GROUP BY child_id
),
named AS (
    SELECT child_id, arg_min(worker, rank) AS worker, arg_min(team, rank) AS team
    FROM open_service WHERE worker IS NOT NULL GROUP BY child_id
)
SELECT t.child_id, t.case_type, coalesce(a.worker, n.worker) AS worker,
       coalesce(a.team, n.team) AS team
FROM case_type t
LEFT JOIN allocated a USING (child_id)
LEFT JOIN named n USING (child_id)
ORDER BY t.child_id
"""


@dataclass(frozen=True)
class OpenCase:
    child_id: str
    case_type: str  # a key of grades.CASE_TYPES
    worker: str | None
    team: str | None


def open_cases(con: Any, day: date) -> list[OpenCase]:
    """Every case open on `day` in the snapshot behind `con` (a DuckDB connection)."""
    rows = con.execute(OPEN_CASES_SQL, {"day": day}).fetchall()
    return [OpenCase(str(c), t, w, tm) for c, t, w, tm in rows]
