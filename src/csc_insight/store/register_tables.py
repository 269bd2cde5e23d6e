"""The registers' rows where the indicator engine can read them: one DuckDB file beside the
snapshots, `$CSC_INSIGHT_HOME/registers.duckdb`, attached read-only as `registers` while
the register indicators are computed (`registers.lado_contacts`, ...).

The registers themselves live in the application database (csc_insight.registers); that
package writes this file after every change (registers/bridge.py) with `write`. The file
holds only the tables of the registers that are kept, so a register not kept has no table
and its indicators read "no data (register not kept)"; a register kept but empty has its
tables, empty, and its counts read 0.

Layout of the file:

    <one table per register table in TABLES>   the rows, columns as listed below
    kept (register, first_day)                  the registers kept, each with its earliest
                                                date on record (NULL when it holds none)
    calendar (day, is_working_day, working_day_no)
                                                working days over the registers' dates
                                                (common/calendar.py), for timescales
    meta (key, value)                           digest of the contents, when written

Writing is atomic: a temporary file beside it is filled, closed and renamed over the old
one (`os.replace`), under a lock, so a reader sees the old file or the new one, never half
of either; a write that would change nothing leaves the file (and its version) as it was.
`version()` changes exactly when the file does: caches of computed figures key on it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from csc_insight.settings import home

FILE = "registers.duckdb"
ALIAS = "registers"  # the name definitions read the tables under: registers.<table>


@dataclass(frozen=True)
class Table:
    register: str  # the register kind whose table it is (the registers' KINDS)
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type)
    about: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


def _cols(*pairs: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.split()[0], p.split()[1]) for p in pairs)


TABLES: dict[str, Table] = {
    "missing_episodes": Table(
        "missing",
        _cols(
            "child_id VARCHAR",
            "missing_from VARCHAR",  # home | care
            "start_date DATE",
            "reported_on DATE",
            "returned_on DATE",
            "rhi_offered_on DATE",  # return home interview offered
            "rhi_accepted BOOLEAN",
            "rhi_held_on DATE",
            "lead_member_notified_on DATE",
        ),
        "one row per episode in the missing register (child and start date)",
    ),
    "cme_entries": Table(
        "cme",
        _cols(
            "child_id VARCHAR",
            "category VARCHAR",  # ehe | cme | at_risk | medical
            "start_date DATE",
            "end_date DATE",  # NULL: still monitored
            "attendance DOUBLE",
        ),
        "one row per child and category monitored by the education service",
    ),
    "lado_contacts": Table(
        "lado",
        _cols(
            "reference VARCHAR",
            "received_on DATE",
            "sector VARCHAR",
            "category VARCHAR",
            "met_threshold BOOLEAN",  # TRUE: a referral; FALSE: a consultation; NULL: undecided
            "initial_meeting_on DATE",
            "outcome VARCHAR",
            "concluded_on DATE",
        ),
        "one row per contact with the LADO (adults known by case reference only)",
    ),
    "private_fostering": Table(
        "private-fostering",
        _cols(
            "child_id VARCHAR",
            "notified_on DATE",
            "initial_visit_on DATE",
            "assessment_completed_on DATE",
            "ended_on DATE",
        ),
        "one row per private fostering arrangement, from its notification",
    ),
    "providers": Table(
        "providers",
        _cols("urn VARCHAR", "name VARCHAR", "kind VARCHAR"),  # kind: ifa | supported | home
        "one row per provider, by Ofsted URN (upper case, no spaces)",
    ),
    "provider_inspections": Table(
        "providers",
        _cols("urn VARCHAR", "inspected_on DATE", "rating VARCHAR"),
        "one row per Ofsted judgement (outstanding | good | requires_improvement | inadequate)",
    ),
    "departments": Table(
        "champions",
        _cols("department VARCHAR"),
        "one row per department on the safeguarding champions register",
    ),
    "assurance_returns": Table(
        "champions",
        _cols("department VARCHAR", "half_year VARCHAR", "received_on DATE", "assurance VARCHAR"),
        "one row per chief officer's six-monthly return (half_year as 2019-20-H1)",
    ),
    "half_years": Table(
        "champions",
        _cols("half_year VARCHAR", "starts_on DATE", "ends_on DATE", "due_on DATE"),
        "the financial half-years and the day each one's assurance return is due",
    ),
    "iro_escalations": Table(
        "iro",
        _cols(
            "child_id VARCHAR",
            "raised_on DATE",
            "category VARCHAR",  # care_planning | placement | education | health | ...
            "stage VARCHAR",  # informal | stage_1 | stage_2 | stage_3 | cafcass
            "stage_on DATE",  # the day it reached its stage; NULL: the day raised
            "resolved_on DATE",  # NULL: open
            "outcome VARCHAR",  # resolved | partly | not_resolved | withdrawn; NULL: none
        ),
        "one row per dispute an IRO raised about a looked-after child's care plan",
    ),
    "iro_contacts": Table(
        "iro",
        _cols("child_id VARCHAR", "contact_on DATE"),
        "one row per IRO contact with a looked-after child between reviews",
    ),
    "vs_peps": Table(
        "virtual-school",
        _cols(
            "child_id VARCHAR",
            "held_on DATE",
            "grade VARCHAR",  # outstanding | good | requires_improvement | inadequate; NULL
        ),
        "one row per Personal Education Plan, with the Headteacher's quality grade",
    ),
    "vs_attendance": Table(
        "virtual-school",
        _cols(
            "child_id VARCHAR",
            "school_year VARCHAR",  # 2019-20
            "term VARCHAR",  # autumn | spring | summer
            "term_ends_on DATE",  # 31 December, 31 March, 31 August (registers/virtual_school)
            "percent DOUBLE",
        ),
        "one row per child and term: attendance as a percentage of possible sessions",
    ),
    "vs_exclusions": Table(
        "virtual-school",
        _cols(
            "child_id VARCHAR",
            "start_date DATE",
            "kind VARCHAR",  # suspension | permanent
            "days DOUBLE",  # school days (a suspension)
        ),
        "one row per suspension or permanent exclusion",
    ),
}
REGISTERS = tuple(dict.fromkeys(t.register for t in TABLES.values()))
# Written with every file, whichever registers are kept: read without being required.
REFERENCE = ("calendar",)

_ARROW_TYPES = {
    "VARCHAR": "string",
    "DATE": "date32",
    "BOOLEAN": "bool_",
    "DOUBLE": "float64",
    "INTEGER": "int32",
}
_lock = threading.RLock()  # attachments belong to a DuckDB instance: one at a time per process


class RegisterTablesError(ValueError):
    """Rows that do not fit the tables above."""


def path(base: Path | None = None) -> Path:
    return (base or home()) / FILE


def version(base: Path | None = None) -> str:
    """Changes exactly when the file is replaced (or appears, or goes): 'none' without one."""
    try:
        stat = path(base).stat()
    except FileNotFoundError:
        return "none"
    return f"{stat.st_ino}-{stat.st_mtime_ns}-{stat.st_size}"


def columns(table: str) -> tuple[str, ...]:
    """The columns of a register table; KeyError when there is no such table."""
    return TABLES[table].names


def _digest(tables: Mapping[str, Sequence[Sequence[Any]]], kept: Mapping[str, date | None]) -> str:
    text = repr(
        (sorted((k, [tuple(r) for r in v]) for k, v in tables.items()), sorted(kept.items()))
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _check(tables: Mapping[str, Sequence[Sequence[Any]]], kept: Mapping[str, date | None]) -> None:
    for name, rows in tables.items():
        if name not in TABLES:
            raise RegisterTablesError(f"no register table called {name!r}")
        if TABLES[name].register not in kept:
            raise RegisterTablesError(f"{name}: its register {TABLES[name].register} is not kept")
        width = len(TABLES[name].columns)
        if any(len(row) != width for row in rows):
            raise RegisterTablesError(f"{name}: every row needs {width} values")
    for register in kept:
        if register not in REGISTERS:
            raise RegisterTablesError(f"no register called {register!r}")
        absent = [t for t, spec in TABLES.items() if spec.register == register and t not in tables]
        if absent:
            raise RegisterTablesError(f"register {register} kept without {', '.join(absent)}")


def _dates(tables: Mapping[str, Sequence[Sequence[Any]]]) -> list[date]:
    return [v for rows in tables.values() for row in rows for v in row if isinstance(v, date)]


def _fill(
    con: duckdb.DuckDBPyConnection, name: str, spec: Sequence[tuple[str, str]], rows: Any
) -> None:
    import pyarrow as pa

    con.execute(f"CREATE TABLE {name} ({', '.join(f'{c} {t}' for c, t in spec)})")
    if not rows:
        return
    arrays = {
        c: pa.array([row[i] for row in rows], getattr(pa, _ARROW_TYPES[t])())
        for i, (c, t) in enumerate(spec)
    }
    con.register("_rows", pa.table(arrays))
    try:
        con.execute(f"INSERT INTO {name} SELECT * FROM _rows")
    finally:
        con.unregister("_rows")


def _current_digest(target: Path) -> str | None:
    if not target.exists():
        return None
    try:
        con = duckdb.connect()
        try:
            con.execute(f"ATTACH {_quote(str(target))} AS old (READ_ONLY)")
            found = con.execute("SELECT value FROM old.meta WHERE key = 'digest'").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return None  # unreadable: write it again
    return found[0] if found else None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@contextlib.contextmanager
def _file_lock(folder: Path) -> Iterator[None]:
    import fcntl

    with open(folder / ".registers.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def write(
    tables: Mapping[str, Sequence[Sequence[Any]]],
    kept: Mapping[str, date | None],
    base: Path | None = None,
) -> bool:
    """Replace the file with `tables` (every table of each register in `kept`, which maps a
    kept register to its earliest date on record). Returns False, leaving the file alone,
    when it already holds exactly these rows."""
    _check(tables, kept)
    target = path(base)
    digest = _digest(tables, kept)
    with _file_lock(target.parent):
        if _current_digest(target) == digest:
            return False
        tmp = target.parent / f".{FILE}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.unlink(missing_ok=True)
        con = duckdb.connect(str(tmp))
        try:
            for name, rows in tables.items():
                _fill(con, name, TABLES[name].columns, rows)
            _fill(con, "kept", _cols("register VARCHAR", "first_day DATE"), sorted(kept.items()))
            _calendar(con, _dates(tables))
            _fill(con, "meta", _cols("key VARCHAR", "value VARCHAR"), [("digest", digest)])
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    return True


def _calendar(con: duckdb.DuckDBPyConnection, days: list[date]) -> None:
    from csc_insight.common.calendar import calendar_rows

    rows = (
        calendar_rows(min(days) - timedelta(days=14), max(days) + timedelta(days=90))
        if days
        else []
    )
    spec = _cols("day DATE", "is_working_day BOOLEAN", "working_day_no INTEGER")
    _fill(con, "calendar", spec, [(d, w, n) for d, w, _, n in rows])


def remove(base: Path | None = None) -> None:
    """Delete the file (no register is then kept, as far as the indicators know)."""
    with _file_lock(path(base).parent):
        path(base).unlink(missing_ok=True)


@dataclass(frozen=True)
class Held:
    """What an attached file holds: each kept register with its earliest date on record."""

    kept: dict[str, date | None]

    def keeps(self, table: str) -> bool:
        return TABLES[table].register in self.kept

    def first_day(self, registers: Sequence[str]) -> date | None:
        days = [d for r in registers if (d := self.kept.get(r)) is not None]
        return min(days) if days else None


@contextlib.contextmanager
def attached(con: Any, base: Path | None = None) -> Iterator[Held | None]:
    """The file attached read-only to the DuckDB connection `con` as `registers` for the
    block (None when there is no file); detached after it. One block at a time per process:
    an attachment is shared by every connection to the same database file."""
    target = path(base)
    with _lock:
        if not target.exists():
            yield None
            return
        try:
            con.execute(f"ATTACH {_quote(str(target))} AS {ALIAS} (READ_ONLY)")
        except duckdb.Error:
            yield None  # gone, or unreadable: as if not kept
            return
        try:
            rows = con.execute(f"SELECT register, first_day FROM {ALIAS}.kept").fetchall()
            yield Held({r: d for r, d in rows})
        finally:
            con.execute(f"DETACH {ALIAS}")


def read(table: str, base: Path | None = None) -> list[tuple[Any, ...]] | None:
    """Every row of one register table (None when the file or the table is absent), for
    checks and tests."""
    con = duckdb.connect()
    try:
        with attached(con, base) as held:
            if held is None or not held.keeps(table):
                return None
            return con.execute(f"SELECT * FROM {ALIAS}.{table} ORDER BY ALL").fetchall()
    finally:
        con.close()
