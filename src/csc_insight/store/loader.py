"""Loading returns into a new snapshot: all or nothing.

`load(paths)` detects each file's format, lets its reader validate it and stage canonical
rows, merges the sources (`store.merge`), checks what only the whole load can check (the
same child's date of birth across returns; every event's child exists), adds the
working-day calendar, and publishes the snapshot by one atomic rename of the index
(`store.snapshots`). Any error, an exception or a kill leaves the previous snapshot current
and the list of snapshots exactly as it was. One load runs at a time per install.

Rows with bad values are quarantined, not refused (`store.quarantine`): they are left out
of the canonical tables, kept in the snapshot's `quarantine` table with their raw values,
listed in the report and counted in the manifest. With `strict=True` they are errors and
refuse the load, as structural problems (unreadable file, missing column, wrong format)
always do. A load that would publish no rows is refused; a table that would have fewer
rows than in the current data is a warning (in bold when it falls to none or by half).

A large file of a format parsed in Python (the CIN census, READ_APART) is read in a worker
process into its own staging database while this process reads the rest and then merges
the tables the worker does not write (its reader's WRITES). Files that write only those
tables (by their reader's `writes`, from the name or headings) follow it to the worker,
so that the two processes take about the same time. The worker stages them all in a
database of its own, then attached beside the load's, where the checks and merges read its
rows (`store.staged`); its reports are added to the load's, in the order the files were
given to it. Once its own files are read, the worker also works out the SHA-256 of the files
this process read, for the manifest.

How long each step took, and the worker's own time, go into the manifest (`timings`,
`store.load_timings`).
"""

from __future__ import annotations

import fcntl
import getpass
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from multiprocessing import get_context
from pathlib import Path
from types import ModuleType

import duckdb

import csc_insight
from csc_insight import formats
from csc_insight.common import child_ids
from csc_insight.common.lanes import in_lanes, on_threads, share
from csc_insight.common.report import MAX_PER_KIND, Report
from csc_insight.formats import quarantine as staged_quarantine
from csc_insight.formats.recognise import closest
from csc_insight.settings import home
from csc_insight.store import merge, quarantine, schema, snapshots
from csc_insight.store.load_timings import Timeline, measured
from csc_insight.store.snapshots import Snapshot
from csc_insight.store.staged import Staged

LOADABLE_SUFFIXES = {".xlsx", ".xlsm", ".xml", ".csv"}
# A file at least this big, of a format read in Python (READ_APART), is read in a second
# process while this one reads the others: on two cores, a national-sized load's census
# then costs little more than the rest of the files.
APART_MIN_BYTES = 64 << 20

# A file at least this big whose tables are all ones the worker writes is read there too,
# after the big file (`_follows_apart`).
FOLLOW_MIN_BYTES = 4 << 20

# What a staging database's block allocator may hold (see `_connect_staging`).
STAGING_BLOCKS = 3 << 30

Progress = Callable[[str, int, int], None]  # (what, done, total)


# Runs on the built, unpublished snapshot file; adds to the report; False refuses the load.
Check = Callable[[Path, Report], bool]


@dataclass
class LoadResult:
    snapshot: Snapshot | None  # the new current snapshot; None when the load was refused
    report: Report
    rows: dict[str, int] = field(default_factory=dict)


class LoadInterrupted(Exception):
    """Raised by test hooks to simulate a crash at a named stage."""


def _crash_point(stage: str) -> None:
    """Die here when CSC_INSIGHT_CRASH_AT names this stage (used by the kill tests)."""
    if os.environ.get("CSC_INSIGHT_CRASH_AT") == stage:
        os._exit(137)


def expand(paths: list[Path], report: Report) -> list[Path]:
    """Files to load: named files as given, folders searched recursively for returns."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    if child.name == "injected_errors.csv":  # synth --inject-errors' key
                        report.warning(
                            "ignored_file",
                            child.name,
                            "The list of errors "
                            "`synth --inject-errors` planted, not a return; ignored.",
                        )
                    elif child.suffix.lower() in LOADABLE_SUFFIXES:
                        found.append(child)
                    else:
                        report.warning(
                            "ignored_file", child.name, "Not a return CSC Insight reads; ignored."
                        )
        elif path.is_file():
            found.append(path)
        else:
            report.error("no_such_file", str(path), "No such file or folder.")
    return found


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _exclusive(base: Path) -> Iterator[bool]:
    """Hold the install's load lock; yields False when another load holds it."""
    with open(base / "load.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _sweep(folder: Path, base: Path) -> None:
    """Remove what interrupted loads left behind: work folders and files of snapshots that
    never reached the index. Only called while holding the load lock."""
    published = set(snapshots.read_index(base)["snapshots"])
    for leftover in folder.iterdir():
        if leftover.name.startswith((".load-", ".index.")):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
        elif (
            leftover.suffix in (".duckdb", ".json")
            and leftover.name != "index.json"
            and leftover.stem not in published
        ):
            leftover.unlink(missing_ok=True)


def new_snapshot_id(now: datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def load(
    paths: list[Path],
    *,
    user: str | None = None,
    base: Path | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    check: Check | None = None,
) -> LoadResult:
    """Validate `paths` and, when there is no error, publish them as the current snapshot.

    Rows with bad values are quarantined; with `strict` they refuse the load instead.
    `check` runs on the built snapshot file before it is published (the DfE rules:
    `csc_insight.validation.at_load.load` passes them) and may refuse it."""
    base = base or home()
    base.mkdir(parents=True, exist_ok=True)
    report = Report(quarantine=not strict)
    with _exclusive(base) as locked:
        if not locked:
            report.error(
                "load_running",
                "-",
                "Another load is running for this install; try again when it has finished.",
            )
            return LoadResult(None, report)
        folder = snapshots.snapshot_dir(base)
        _sweep(folder, base)
        work = folder / f".load-{os.getpid()}-{secrets.token_hex(4)}"
        work.mkdir()
        try:
            return _load(
                paths, user or getpass.getuser(), folder, work, report, progress, base, check
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _load(
    paths: list[Path],
    user: str,
    folder: Path,
    work: Path,
    report: Report,
    progress: Progress | None,
    base: Path,
    check: Check | None = None,
) -> LoadResult:
    timeline = Timeline()
    files = expand(paths, report)
    if not files and report.ok:
        report.error("no_files", "-", "Nothing to load: name files or a folder of returns.")
    staging = _connect_staging(work / "staging.duckdb")
    schema.create(staging)
    staged_quarantine.ensure(staging)
    now = datetime.now(UTC).replace(microsecond=0)
    snapshot_id = new_snapshot_id(now)
    db_tmp = work / f"{snapshot_id}.duckdb"
    merged: dict[str, int] = {}  # tables already merged into the new snapshot file
    staged = Staged("staging")  # where each table's staged rows are (some in the worker's)
    started = False
    found = _recognise(files, report)
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as apart:
        # The big files read apart go to the worker first, so it reads while this process
        # reads everything else; `sources` keeps the files' order for the manifest.
        pending: list[tuple[int, Path, ModuleType, Future[Read]]] = []

        # The worker stages every file it reads into one database, attached beside this
        # one's when it is done (`_combine_with_worker`).
        part = str(work / "worker.duckdb")

        def read_in_worker(position: int, path: Path, reader: ModuleType) -> None:
            future = apart.submit(read_apart, reader.NAME, str(path), part, report.quarantine)
            pending.append((position, path, reader, future))

        for position, (path, reader) in enumerate(found):
            if getattr(reader, "READ_APART", False) and path.stat().st_size >= APART_MIN_BYTES:
                read_in_worker(position, path, reader)
        # The tables the worker writes: the others are merged here while it reads.
        busy = frozenset().union(*(reader.WRITES for _, _, reader, _ in pending))
        big = {position for position, *_ in pending}
        for position, (path, reader) in enumerate(found):
            if big and position not in big and _follows_apart(path, reader, busy):
                read_in_worker(position, path, reader)
        apart_positions = {position for position, *_ in pending}
        # The files read here are fingerprinted by the worker once its own are read, where
        # its core would otherwise wait for this process's last files (England-sized: 0.6 s
        # of this process's reading, the load's critical path, for 0.85 GB of files).
        mine = [position for position in range(len(found)) if position not in apart_positions]
        hashing = (
            apart.submit(sha256_each, [str(found[position][0]) for position in mine])
            if pending
            else None
        )
        sources: list[dict[str, object]] = [{} for _ in found]
        # Beside the worker, on half the threads, as the worker reads (`read_apart`; on two
        # cores, one each): a query split across more threads does more work. Once the
        # worker is done (it reads its files in turn), every thread again.
        with on_threads(staging, share(staging, 2)) as every_thread:
            if pending:
                pending[-1][3].add_done_callback(lambda _: every_thread())
            else:
                every_thread()
            for position, (path, reader) in enumerate(found):
                if progress:
                    progress(path.name, files.index(path), len(files))
                if position in apart_positions:
                    continue
                with timeline.step("read"):
                    rows = _read(reader, path, staging, report)
                    digest = sha256(path) if hashing is None else ""
                    sources[position] = _source(path, reader, rows, digest)
        if pending and report.ok:
            # While the worker reads, merge the tables it does not write: they are complete.
            # (Should the load be refused later, this unpublished file goes with `work`.)
            with timeline.step("merge_beside_worker"):
                _start_snapshot(staging, db_tmp)
                started = True
                merged = _merge_into_snapshot(
                    staging, staged, [t for t in _merged_tables() if t not in busy]
                )
        written: dict[str, int] = {}  # rows the worker staged, by table
        for position, path, reader, future in pending:
            with timeline.step("wait_for_worker"):
                rows, part_report, digest, took = future.result()
            timeline.worker(path.name, **took)
            report.absorb(part_report)
            if set(merged) & {t for t, n in rows.items() if n}:
                raise RuntimeError(f"{path.name} wrote a table merged while it was read")
            for table, count in rows.items():
                written[table] = written.get(table, 0) + count
            sources[position] = _source(path, reader, rows, digest)
        if hashing is not None:
            with timeline.step("wait_for_worker"):
                digests, took = hashing.result()
            timeline.worker(f"sha256 of {len(mine)} files", **took)
            for position, digest in zip(mine, digests, strict=True):
                sources[position]["sha256"] = digest
        if pending:
            with timeline.step("combine_staged_rows"):
                _combine_with_worker(staging, staged, part, written)
    if progress:
        progress("checking", len(files), len(files))
    _crash_point("after_read")
    if report.ok:
        with timeline.step("cross_checks"):
            with_orphans = cross_checks(staging, report, staged)
            # Tables merged while the worker read may hold events the checks just set aside.
            for table in with_orphans & merged.keys():
                merged[table] = _drop_orphans_merged(staging, table)
    if not report.ok:
        staging.close()
        return LoadResult(None, report)

    with timeline.step("merge"):
        _drop_done(staging, staged, merged)
        if not started:
            _start_snapshot(staging, db_tmp)
        merged |= _merge_into_snapshot(
            staging, staged, [t for t in _merged_tables() if t not in merged]
        )
    rows = {table: merged[table] for table in _merged_tables()}
    if not any(rows.values()):
        _refuse_empty(sources, report)
        staging.close()
        return LoadResult(None, report)
    with timeline.step("finish"):
        compare_with_current(rows, base, report)
        set_aside = _copy_quarantine(staging)
        _finish_snapshot(staging, snapshot_id, now, user)
        staging.close()
    _crash_point("after_build")
    if check is not None:
        with timeline.step("check"):
            passed = check(db_tmp, report)
        if not passed:
            return LoadResult(None, report)

    manifest = {
        "id": snapshot_id,
        "created_at": now.isoformat().replace("+00:00", "Z"),
        "created_by": user,
        "csc_insight_version": csc_insight.__version__,
        "files": sources,
        "rows": rows,
        "warnings": report.count("warning"),
        "quarantined": set_aside,
        "timings": timeline.to_dict(),  # until the manifest is written; publishing is quick
    }
    os.replace(db_tmp, folder / f"{snapshot_id}.duckdb")
    _crash_point("after_move")
    (folder / f"{snapshot_id}.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    _crash_point("before_publish")
    snap = snapshots.publish(snapshot_id, base)
    return LoadResult(snap, report, rows)


def _follows_apart(path: Path, reader: ModuleType, busy: frozenset[str]) -> bool:
    """Whether a file is read in the worker after the big one: when, from its name or
    headings, every table it can write is one the worker writes anyway (so the merges beside
    the worker still have all their rows), and it is big enough to be worth sending there.
    On an England-sized year, Annex A's Lists 3-5 and the local children's file
    (175 MB) follow the census, which the worker reads in about half the time the other files
    take here."""
    writes = getattr(reader, "writes", None)
    if writes is None or path.stat().st_size < FOLLOW_MIN_BYTES:
        return False
    tables = writes(path)
    return tables is not None and tables <= busy


def _recognise(files: list[Path], report: Report) -> list[tuple[Path, ModuleType]]:
    """Each file with the reader for its return, in order; an empty or unrecognised file is
    reported (an error) and left out."""
    found = []
    for path in files:
        if path.stat().st_size == 0:  # say so, rather than "not a recognised return"
            report.error(
                "empty_file",
                path.name,
                "The file is empty (0 bytes): expected a return with a header row; export it "
                "again.",
            )
            continue
        reader = formats.detect(path)
        if reader is None:
            near = closest(path)
            report.error(
                "unknown_format",
                path.name,
                "Not a recognised return: expected "
                "Ofsted Annex A, a CIN census XML, an SSDA903 CSV or XML or a "
                "local extras CSV (see docs/local_extras.md)." + (f" {near}" if near else ""),
            )
            continue
        found.append((path, reader))
    return found


def _source(path: Path, reader: ModuleType, rows: dict[str, int], digest: str) -> dict:
    """A source file as the manifest records it."""
    return {
        "file": path.name,
        "path": str(path.resolve()),
        "format": reader.NAME,
        "sha256": digest,
        "bytes": path.stat().st_size,
        "rows": rows,
    }


# rows, report, sha256, and the worker's seconds and cpu_s (`measured`)
Read = tuple[dict[str, int], Report, str, dict[str, float]]


def read_apart(reader_name: str, path: str, part: str, quarantining: bool = False) -> Read:
    """Read one file into the worker's staging database `part`, in a worker process, after
    the rows of the files it read before."""
    report = Report(quarantine=quarantining)
    with measured() as took:
        new = not Path(part).exists()
        con = _connect_staging(Path(part))
        con.execute(f"SET threads = {share(con, 2)}")  # the main process reads beside it
        try:
            if new:
                schema.create(con)
                staged_quarantine.ensure(con)
            rows = _read(formats.reader_named(reader_name), Path(path), con, report)
        finally:
            con.close()
        digest = sha256(Path(path))
    return rows, report, digest, took


def sha256_each(paths: list[str]) -> tuple[list[str], dict[str, float]]:
    """Each file's SHA-256, in the worker (`measured`: its seconds and cpu_s)."""
    with measured() as took:
        digests = [sha256(Path(path)) for path in paths]
    return digests, took


def _connect_staging(path: Path) -> duckdb.DuckDBPyConnection:
    """A staging database whose blocks come from DuckDB's block allocator, which keeps a
    freed block's memory for the next instead of giving it back to the system to be faulted
    in afresh: on an England-sized load the main process's page faults halved and its system
    time fell from 10.5 s to 7.5 s (4 December). The allocator holds at most a quarter of the
    machine's memory, and only the memory used counts towards the process's, as before."""
    reserve = min(STAGING_BLOCKS, os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 4)
    return duckdb.connect(str(path), config={"block_allocator_memory": f"{reserve}B"})


def _combine_with_worker(
    staging: duckdb.DuckDBPyConnection, staged: Staged, part: str, rows: dict[str, int]
) -> None:
    """Attach the worker's staging file as `worker`, bring each table's staged rows together
    in one of the two (`Staged.combine`; the worker staged `rows`), and add the rows the
    worker set aside to the load's quarantine."""
    staging.execute(f"ATTACH '{part}' AS worker")
    staged.combine(staging, "worker", rows)
    staging.execute("INSERT INTO staging.quarantine SELECT * FROM worker.quarantine")


def _read(reader: ModuleType, path: Path, con: duckdb.DuckDBPyConnection, report: Report) -> dict:
    try:
        return dict(reader.read(path, con, report))
    except Exception as exc:  # a reader bug must refuse the load, never half-load it
        report.error(
            "reader_failed",
            path.name,
            f"Could not read this file ({type(exc).__name__}: {exc}). Nothing was loaded.",
        )
        return {}


def cross_checks(con: duckdb.DuckDBPyConnection, report: Report, staged: Staged) -> set[str]:
    """Checks across files and formats, on the staged rows: a child's dates of birth agree
    (else it is left blank), every event's child exists (else the event is set aside), and
    each id no page can open is named. Returns the tables that had events set aside."""
    quarantine.blank_conflicting_dobs(con, report, staged)
    warn_unopenable_ids(con, report, staged)
    events = [t for t in schema.child_tables() if t != "children"]
    return set(quarantine.set_aside_orphans(con, events, report, staged))


def warn_unopenable_ids(con: duckdb.DuckDBPyConnection, report: Report, staged: Staged) -> int:
    """Warn of each child id outside the canonical form (`common.child_ids`): the child is
    loaded and counted, but no page can link to its record or restrict it; ids warned of.

    Each file's first MAX_PER_KIND ids are named, the rest counted: a system whose every id
    has a dot must not make a million warnings in Python."""
    file_of = quarantine.ref_sql("ref")[0]  # the file part of each id's first row
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _odd_ids AS SELECT child_id, ref, row_number() OVER "
        f"(PARTITION BY {file_of} ORDER BY child_id) AS n "
        "FROM (SELECT child_id, min(COALESCE(source_ref, '-')) AS ref "
        f"FROM {staged.table('children')} "
        f"WHERE NOT regexp_full_match(child_id, '{child_ids.CANONICAL_PATTERN}') "
        "GROUP BY child_id)"
    )
    try:
        named = con.execute(
            f"SELECT child_id, ref FROM _odd_ids WHERE n <= {MAX_PER_KIND} ORDER BY child_id"
        ).fetchall()
        for child_id, ref in named:
            file, sheet, row = split_ref(ref)
            report.warning(
                "child_id_not_openable",
                file,
                f"The child id '{child_id}' holds characters other than {child_ids.ALLOWED} "
                "(the DfE's CIN rule 1580 allows letters and numbers only): the child is "
                "loaded and counted, but its record cannot be opened or restricted in CSC "
                "Insight's pages. Correct the id in the case management system and reload.",
                sheet=sheet,
                row=row,
                column="child id",
                value=child_id,
            )
        unnamed = con.execute(
            f"SELECT min(ref), count(*) FROM _odd_ids WHERE n > {MAX_PER_KIND} GROUP BY {file_of}"
        ).fetchall()
        for ref, count in unnamed:
            report.more("warning", "child_id_not_openable", split_ref(ref)[0], count)
        return len(named) + sum(count for _, count in unnamed)
    finally:
        con.execute("DROP TABLE _odd_ids")


def _drop_orphans_merged(staging: duckdb.DuckDBPyConnection, table: str) -> int:
    """Leave out of the new snapshot's `table`, merged before the cross-file checks ran, the
    events of children in no file of the load (the checks set them aside); rows left.

    A merged row is one child's, as each of its staged rows was, so this leaves what merging
    the checked rows would have. The children are found among the few the checks set aside
    (the quarantine's orphans), not by looking up every row's child among all children: with
    0.1% of an England-sized year's rows made bad, 0.3 s for seven tables instead of 2.7 s."""
    staging.execute(
        f"DELETE FROM snap.{table} WHERE child_id IN "
        "(SELECT child_id FROM staging.quarantine WHERE problem = 'orphan' AND target = ?)",
        [table],
    )
    return staging.execute(f"SELECT count(*) FROM snap.{table}").fetchall()[0][0]


split_ref = quarantine.split_ref


def _drop_done(staging: duckdb.DuckDBPyConnection, staged: Staged, merged: dict[str, int]) -> None:
    """Drop the staging database's tables no step reads again: those merged while the worker
    read (the cross-file checks have read them since) and those whose rows were brought
    together in the worker's database (`Staged.combine`). Their memory goes to the merges
    still to come: on an England-sized year the load's peak, the children's merge, held
    0.25 GiB less."""
    for table in sorted({*merged, *staged.elsewhere}):
        staging.execute(f"DROP TABLE staging.{table}")


def _refuse_empty(sources: list[dict], report: Report) -> None:
    """Refuse a load that would publish no rows, saying what each file gave."""
    read = ", ".join(f"{s['file']} ({s['format']})" for s in sources if s) or "no file"
    report.error(
        "nothing_to_publish",
        "-",
        f"This load would publish no rows: {read} gave "
        "no rows for any table CSC Insight uses. Nothing changed: the current data "
        "is still current. Add the files that hold the children and their events "
        "(Annex A, the CIN census, SSDA903 Header and Episodes).",
        emphasis=True,
    )


def compare_with_current(rows: dict[str, int], base: Path, report: Report) -> None:
    """Warn, table by table, where this load has fewer rows than the current data."""
    try:
        before = snapshots.current(base).rows()
    except snapshots.SnapshotError:
        return
    for table, had in sorted(before.items()):
        now = rows.get(table, 0)
        if not had or now >= had:
            continue
        if now == 0:
            text = (
                f"The current data has {had:,} rows in {table}; this load has none: "
                f"publishing it leaves {table} empty. Include the file that holds them."
            )
        else:
            text = (
                f"The current data has {had:,} rows in {table}; this load has {now:,} "
                f"({100 * (had - now) // had}% fewer)."
            )
        report.warning(
            "fewer_rows",
            "-",
            text,
            column=table,
            value=f"{had:,} -> {now:,}",
            emphasis=now == 0 or now * 2 < had,
        )


def _copy_quarantine(staging: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Put the rows set aside into the new snapshot; their counts for the manifest."""
    staging.execute("USE snap")
    staged_quarantine.ensure(staging)
    staging.execute("USE staging")
    staging.execute(
        "INSERT INTO snap.quarantine SELECT * FROM staging.quarantine "
        "ORDER BY file, sheet, row_number, column_name"
    )
    return quarantine.summary(staging, "snap")


def _merged_tables() -> list[str]:
    """The tables merged from the staged rows (the calendar and snapshot_meta are made)."""
    return [t for t in schema.tables() if t not in ("calendar", "snapshot_meta")]


def _start_snapshot(staging: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Create the new snapshot's file, attached to the staging connection as `snap`."""
    staging.execute(f"ATTACH '{target}' AS snap")
    staging.execute("USE snap")
    schema.create(staging)
    staging.execute("USE staging")


def _merge_into_snapshot(
    staging: duckdb.DuckDBPyConnection, staged: Staged, tables: list[str]
) -> dict[str, int]:
    """One row per event in each of `tables` (store.merge); rows written per table.

    Two tables at a time (`common.lanes`), the most staged rows first: on an England-sized
    year the merges after the worker's took about 0.8 s less of 10 s, and those beside it
    0.5 s less; the load's peak, the children's merge with another beside it, 0.35-0.45 GiB
    more."""
    rows = {
        table: staging.execute(f"SELECT count(*) FROM {staged.table(table)}").fetchall()[0][0]
        for table in tables
    }
    largest_first = sorted(tables, key=lambda t: -rows[t])
    written = in_lanes(
        staging, largest_first, lambda con, table: merge.merge_table(con, table, staged, "snap")
    )
    done = dict(zip(largest_first, written, strict=True))
    return {table: done[table] for table in tables}


def _finish_snapshot(
    staging: duckdb.DuckDBPyConnection,
    snapshot_id: str,
    now: datetime,
    user: str,
) -> None:
    """Add the working-day calendar and the snapshot's own record, and detach it."""
    from csc_insight.common.calendar import build_calendar

    first, last = _date_range(staging)
    staging.execute("USE snap")
    build_calendar(staging, first, last)
    meta = {
        "id": snapshot_id,
        "created_at": now.isoformat(),
        "created_by": user,
        "data_from": first.isoformat(),
        "data_to": last.isoformat(),
    }
    staging.executemany("INSERT INTO snapshot_meta VALUES (?, ?)", list(meta.items()))
    staging.execute("USE staging")
    staging.execute("DETACH snap")


def _date_range(con: duckdb.DuckDBPyConnection) -> tuple[date, date]:
    """Calendar span: a year before the earliest event to two years after the latest."""
    probes = [
        ("contacts", "contact_date"),
        ("referrals", "referral_date"),
        ("cla_episodes", "decom"),
    ]
    lows, highs = [], []
    for table, col in probes:
        low, high = con.execute(f"SELECT min({col}), max({col}) FROM snap.{table}").fetchall()[0]
        if low:
            lows.append(low)
            highs.append(high)
    today = date.today()
    first = max(min(lows, default=today), date(1990, 1, 1)) - timedelta(days=366)
    last = max(highs, default=today) + timedelta(days=731)
    return first, max(last, today + timedelta(days=366))
