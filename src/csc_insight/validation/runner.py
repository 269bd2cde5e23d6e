"""Running the rules in force for a collection year on a snapshot's DuckDB file.

Each rule's SELECT returns the failing rows: `child_id`, `source_ref` (where the row came
from: file, sheet and Excel row, or file and XML line) and the values that decide it. The
runner gives each a `Failure` with the file and row split out of the lineage.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import duckdb

from csc_insight.common.lanes import in_lanes
from csc_insight.formats import quarantine
from csc_insight.indicators.binding import bind
from csc_insight.indicators.periods import fy_label, fy_start_year
from csc_insight.store.loader import split_ref
from csc_insight.validation.catalogue import Rule, rules, year_start


@dataclass(frozen=True)
class Failure:
    """One failing row of one rule."""

    rule: str
    code: str
    returns: str
    severity: str
    message: str
    child: str | None
    file: str
    sheet: str | None
    row: int | None
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: its deep copy took most of the time of saving a large load's
        # results; `values` is flat and never changed afterwards.
        return {name: getattr(self, name) for name in _FAILURE_FIELDS}


_FAILURE_FIELDS = tuple(f.name for f in fields(Failure))


@dataclass
class Results:
    collection_year: str
    failures: list[Failure] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)
    rules_skipped: dict[str, str] = field(default_factory=dict)  # id -> why
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        """Failing rows per rule id, for every rule run (0 where it passed)."""
        out = dict.fromkeys(self.rules_run, 0)
        for f in self.failures:
            out[f.rule] = out.get(f.rule, 0) + 1
        return out

    def count(self, severity: str) -> int:
        return sum(1 for f in self.failures if f.severity == severity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "collection_year": self.collection_year,
            "rules_run": self.rules_run,
            "rules_skipped": self.rules_skipped,
            "seconds": round(self.seconds, 3),
            "failures": [f.to_dict() for f in self.failures],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Results:
        """Results as `to_dict` kept them. Each rule's rows come in the order of the files
        that hold them (`run_rule`), rules in the order they ran: results kept before
        `run_rule` sorted them (loads before 4 December 2026) left each rule's rows in no
        particular order."""
        failures = [Failure(**f) for f in data["failures"]]
        ran = {rule: at for at, rule in enumerate(dict.fromkeys(f.rule for f in failures))}
        failures.sort(key=lambda f: (ran[f.rule], *_place(f)))
        return cls(
            collection_year=data["collection_year"],
            rules_run=data["rules_run"],
            rules_skipped=data["rules_skipped"],
            seconds=data.get("seconds", 0.0),
            failures=failures,
        )


def latest_collection_year(con: duckdb.DuckDBPyConnection) -> str:
    """The collection year of the latest referral, contact or care episode (else this year)."""
    latest = con.execute(
        "SELECT greatest(max_by_r, max_by_c, max_by_e) FROM (SELECT "
        "(SELECT max(referral_date) FROM referrals) AS max_by_r, "
        "(SELECT max(contact_date) FROM contacts) AS max_by_c, "
        "(SELECT max(decom) FROM cla_episodes) AS max_by_e)"
    ).fetchall()[0][0]
    return fy_label(fy_start_year(latest or date.today()))


def params(collection_year: str) -> dict[str, Any]:
    """`:year_start` (1 April) and `:year_end` (31 March, the census reference date)."""
    start = year_start(collection_year)
    return {"year_start": date(start, 4, 1), "year_end": date(start + 1, 3, 31)}


def _ensure_quarantine(con: duckdb.DuckDBPyConnection) -> None:
    """Rules read back the rows the readers set aside from `quarantine`, which every load
    writes; a snapshot built another way (or before it) gets an empty one for this session."""
    if not con.execute(
        "SELECT EXISTS (SELECT 1 FROM duckdb_tables() WHERE table_name = 'quarantine')"
    ).fetchall()[0][0]:
        con.execute(quarantine.DDL.replace("CREATE TABLE", "CREATE TEMP TABLE"))


def _missing(con: duckdb.DuckDBPyConnection, rule: Rule, held: dict[str, bool]) -> list[str]:
    """The tables of `requires` that hold no rows, loaded or set aside (quarantined) by the
    readers: the rule has nothing to check. `held` keeps each table's answer for the rules
    after it (asked for every rule, it took 0.5 s of CPU on an England-sized year)."""
    tables = sorted({need.partition(".")[0] for need in rule.requires})
    for t in tables:
        if t not in held:
            held[t] = con.execute(
                f"SELECT EXISTS (SELECT 1 FROM {t}) "
                "OR EXISTS (SELECT 1 FROM quarantine WHERE target = ?)",
                [t],
            ).fetchall()[0][0]
    return [t for t in tables if not held[t]]


def run_rule(con: duckdb.DuckDBPyConnection, rule: Rule, collection_year: str) -> list[Failure]:
    """The failing rows of one rule on the snapshot open on `con`, in the order of the files
    that hold them (file, sheet, row, then child), as someone correcting them works through
    them; a rule's SQL leaves its rows in no particular order."""
    _ensure_quarantine(con)
    sql = bind(rule.sql, params(collection_year), "duckdb")
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    failures = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        child, ref = row.pop("child_id"), row.pop("source_ref")
        file, sheet, number = split_ref(ref)
        failures.append(
            Failure(
                rule=rule.id,
                code=rule.code,
                returns=rule.returns,
                severity=rule.severity,
                message=rule.message,
                child=child,
                file=file,
                sheet=sheet,
                row=number,
                values={k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()},
            )
        )
    failures.sort(key=_place)
    return failures


def _place(failure: Failure) -> tuple[str, str, bool, int, str]:
    """Where a failing row is, for sorting: a row without a number after those with one."""
    return (
        failure.file,
        failure.sheet or "",
        failure.row is None,
        failure.row or 0,
        failure.child or "",
    )


def run(
    con: duckdb.DuckDBPyConnection,
    collection_year: str | None = None,
    only: Iterable[str] | None = None,
    lanes: int = 1,
    first: Callable[[duckdb.DuckDBPyConnection], object] | None = None,
) -> Results:
    """Every implemented rule in force for `collection_year` (default: the snapshot's
    latest), on the snapshot open on `con`; with `lanes`, that many rules at once, each lane
    on a connection of its own (`common.lanes`), the results the same. `first`, a job of
    the caller's, runs in the lanes before the rules (a load makes the tables for the
    indicators so: on an England-sized year the check took 9.5 s instead of 10.5-11.2 s
    with those tables made on a thread of their own beside the rules' lanes); the results'
    `seconds` are the whole run's, `first` included."""
    started = time.perf_counter()
    year = collection_year or latest_collection_year(con)
    wanted = set(only) if only else None
    results = Results(collection_year=year)
    _ensure_quarantine(con)
    held: dict[str, bool] = {}  # table -> whether it holds rows (`_missing`)
    chosen: list[Rule] = []
    for rule in rules():
        if wanted is not None and rule.id not in wanted and rule.code not in wanted:
            continue
        if not rule.in_force(year):
            results.rules_skipped[rule.id] = f"in force {rule.years_in_force}, not in {year}"
            continue
        if not rule.implemented:
            results.rules_skipped[rule.id] = f"not implemented: {rule.not_implemented}"
            continue
        empty = _missing(con, rule, held)
        if empty:
            results.rules_skipped[rule.id] = f"no data: {', '.join(empty)} empty"
            continue
        results.rules_run.append(rule.id)
        chosen.append(rule)

    def job(cursor: duckdb.DuckDBPyConnection, rule: Rule | None) -> list[Failure]:
        if rule is None:
            first(cursor)  # type: ignore[misc]  # only None when `first` is given
            return []
        return run_rule(cursor, rule, year)

    for found in in_lanes(con, [None, *chosen] if first else chosen, job, lanes):
        results.failures.extend(found)
    results.seconds = time.perf_counter() - started
    return results
