"""The figures the dashboards show: indicator results for a period, the 8-quarter trends,
the periods a snapshot covers, the default (latest complete) quarter, and what each
audience sees of them (reports.disclosure).

Computed figures are kept in memory and on disk, one folder per snapshot under
`$CSC_INSIGHT_HOME/cache/figures/<snapshot>/`, so every gunicorn worker shares them and a
page whose figures were worked out once is only rendering. Snapshots are immutable, so a
cached result is stale only when the current snapshot or the indicator settings and targets
change; both are in the cache key (a new snapshot is a new folder). The register indicators
also read the registers, which change whenever one is edited: their results, and what is
built from every result (a page's figures, the overview's table), are keyed on the
registers' file version too (store/register_tables.py) and kept in a folder of that version,
`<snapshot>/registers-<version>/`, the folders of earlier versions removed. A register
change recomputes the register indicators only.

Working figures out is what costs: each user may start at most `COMPUTE_LIMIT` uncached
computations per `COMPUTE_WINDOW` seconds (`charging()`; over it, `TooManyComputations`).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import os
import pickle
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from csc_insight.indicators import (
    Figure,
    Period,
    Result,
    catalogue,
    compute,
    coverage,
    parse_period,
)
from csc_insight.indicators import get as get_definition
from csc_insight.indicators.engine import as_backend
from csc_insight.indicators.periods import financial_year, quarter, quarter_of, ytd
from csc_insight.indicators.settings import load_settings, load_targets
from csc_insight.reports.disclosure import Audience, Policy, disclose, policy_for
from csc_insight.settings import home
from csc_insight.store import register_tables, snapshots

TREND_QUARTERS = 8
CACHE_SIZE = 256

# The files in $CSC_INSIGHT_HOME that override the shipped settings (indicators/settings.py).
OVERRIDES = ("indicator_settings.yaml", "targets.yaml")

# Uncached computations one user may start per window (the rest get a 429 page).
COMPUTE_LIMIT = 10
COMPUTE_WINDOW = 300

_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()
_charge: contextvars.ContextVar[Any] = contextvars.ContextVar("csc_charge", default=None)


class TooManyComputations(Exception):  # noqa: N818 (reads as the refusal it is)
    """A user asked for more uncached figures than the limit allows."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many new figures asked for; try again in {retry_after} s")
        self.retry_after = retry_after


def _ledger(user_key: str) -> Path:
    folder = home() / "cache" / "computations"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / (hashlib.sha256(user_key.encode()).hexdigest()[:24] + ".json")


def _spend(user_key: str) -> None:
    """Record one uncached computation for `user_key`, or refuse it (a small file per
    user, locked, so that every worker process counts against the same limit)."""
    import fcntl

    path = _ledger(user_key)
    now = time.time()
    with open(path, "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        try:
            stamps = [t for t in json.loads(handle.read() or "[]") if now - t < COMPUTE_WINDOW]
        except (ValueError, TypeError):
            stamps = []
        if len(stamps) >= COMPUTE_LIMIT:
            raise TooManyComputations(int(COMPUTE_WINDOW - (now - min(stamps))) + 1)
        stamps.append(now)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(stamps))


@contextlib.contextmanager
def charging(user_key: str | None) -> Iterator[None]:
    """Within this block every uncached computation counts against `user_key`'s limit."""
    token = _charge.set(user_key)
    try:
        yield
    finally:
        _charge.reset(token)


def _disk_path(snapshot_id: str, key: tuple[Any, ...], registers: str | None = None) -> Path:
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    folder = home() / "cache" / "figures" / snapshot_id.replace("/", "_")
    if registers is not None:
        folder = folder / f"registers-{registers}"
    return folder / f"{digest}.pickle"


def _prune_registers(folder: Path) -> None:
    """Remove the snapshot's folders of earlier registers' versions (never read again)."""
    import shutil

    for old in folder.parent.glob("registers-*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)


def _stored(
    snapshot_id: str,
    key: tuple[Any, ...],
    make: Any,
    charge: bool = False,
    registers: str | None = None,
) -> Any:
    """`make()` cached in memory and on disk under the snapshot's folder (of the registers'
    version `registers` when it reads them); `charge` counts a miss against the current
    user's limit (see `charging`)."""
    full = (str(home()), snapshot_id, *key, *(() if registers is None else (registers,)))

    def load() -> Any:
        path = _disk_path(snapshot_id, full, registers)
        if path.exists():
            try:
                with path.open("rb") as handle:
                    return pickle.load(handle)  # noqa: S301 (written by this app only)
            except (OSError, pickle.UnpicklingError, EOFError):
                pass
        if charge and (user := _charge.get()) is not None:
            _spend(user)
        value = make()
        if registers is None:
            _keep(path, value)
            return value
        _prune_registers(path.parent)
        with contextlib.suppress(OSError):  # another worker pruned this version meanwhile
            _keep(path, value)
        return value

    return _cached(full, load)


def _keep(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
        pickle.dump(value, out)
    os.replace(out.name, path)  # atomic: another worker never reads half a file


def _override_stamps() -> tuple[tuple[str, int, int], ...]:
    """(name, mtime, size) of the local override files; the shipped ones never change."""
    stamps = []
    for name in OVERRIDES:
        path = home() / name
        stat = path.stat() if path.exists() else None
        stamps.append((name, stat.st_mtime_ns if stat else 0, stat.st_size if stat else 0))
    return tuple(stamps)


def settings_version() -> str:
    """A short hash of the indicator settings and targets in force (re-read only when an
    override file changes: parsing YAML on every page view would cost more than the page)."""
    stamps = _override_stamps()

    def make() -> str:
        text = json.dumps([load_settings(), load_targets()], sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    return _cached(("settings", str(home()), stamps), make)


def _cached(key: tuple[Any, ...], make: Any) -> Any:
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = make()  # outside the lock: other pages are served while this one computes
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def rendered(snap: snapshots.Snapshot, key: tuple[Any, ...], make: Any) -> Any:
    """A rendered part of a page kept like the figures it shows: per install, snapshot (and
    when it was made: tests reuse ids), the settings in force and `key`."""
    return _cached(
        (
            "rendered",
            str(home()),
            snap.id,
            snap.created_at,
            settings_version(),
            register_tables.version(),
            *key,
        ),
        make,
    )


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def results(
    snapshot_id: str,
    period: Period,
    ids: Sequence[str] | None = None,
    by: str | None = None,
    comparisons: bool = True,
) -> list[Result]:
    """compute() on a snapshot, cached by (snapshot, period, ids, by, settings); the
    register indicators' results by the registers' version too, apart, so that a register
    change recomputes them only (cheap: the registers are small), uncharged."""
    on_registers = {d.id for d in catalogue() if d.register_tables}
    wanted = list(ids) if ids else [d.id for d in catalogue()]
    plain = [i for i in wanted if i not in on_registers]
    kept = [i for i in wanted if i in on_registers]

    def make(chosen: list[str]) -> list[Result]:
        with snapshots.connect(snapshot_id) as con:
            return compute(con, period, ids=chosen, by=by, comparisons=comparisons)

    found: list[Result] = []
    if plain:
        key = ("results", period.label, tuple(plain if ids else ()), by, comparisons)
        key += (settings_version(),)
        found += _stored(snapshot_id, key, lambda: make(plain), charge=True)
    if kept:
        key = ("register results", period.label, tuple(kept), by, comparisons)
        key += (settings_version(),)
        version = register_tables.version()
        found += _stored(snapshot_id, key, lambda: make(kept), registers=version)
    place = {ident: n for n, ident in enumerate(wanted)}
    return sorted(found, key=lambda r: place[r.id])  # stable: a breakdown keeps its order


def results_by_id(snapshot_id: str, period: Period) -> dict[str, Result]:
    """Every indicator's result for `period` (one cached computation shared by all pages)."""
    return {r.id: r for r in results(snapshot_id, period)}


def trend_quarters(period: Period) -> list[Period]:
    """The 8 quarters ending with the quarter in which `period` ends, oldest first."""
    end = quarter(*quarter_of(period.end))
    return [*end.previous_quarters(TREND_QUARTERS - 1), end]


def trends(snapshot_id: str, period: Period) -> dict[str, list[Figure]]:
    """Indicator id -> its figures for the 8 trend quarters, oldest first.

    Two compute() calls cover them: the last quarter gives itself and the four before it,
    and the same quarter a year earlier gives the three before those (and itself again).
    """
    quarters = trend_quarters(period)
    last, year_before = quarters[-1], quarters[-1].same_period_last_year()
    found: dict[str, dict[str, Figure]] = {}
    for anchor in (year_before, last):
        for result in results(snapshot_id, anchor):
            figures = found.setdefault(result.id, {})
            for fig in result.previous_quarters:
                figures[fig.period] = fig
            figures[anchor.label] = Figure(
                anchor.label, result.value, result.numerator, result.denominator, result.no_data
            )
    return {
        ident: [figs.get(q.label, Figure(q.label, None)) for q in quarters]
        for ident, figs in found.items()
    }


def audience_for(user: Any) -> Audience:
    """Members see the Member pages; every other role is staff."""
    return Audience.MEMBER if getattr(user, "role", None) == "member" else Audience.STAFF


def shown(
    snapshot_id: str, period: Period, ids: Sequence[str], by: str | None, policy: Policy
) -> tuple[dict[str, Result], dict[str, list[Figure]], dict[str, list[Result]]]:
    """What one page shows `policy`'s audience: the results of `ids` for `period`, their
    trends and (when `by` is given) their breakdown, with disclosure control applied to
    all of them together (cached like the figures themselves)."""
    key = (
        "shown",
        period.label,
        tuple(ids),
        by,
        policy.audience.value,
        policy.rule.threshold,
        policy.rule.suppress_zero,
        settings_version(),
    )
    version = register_tables.version()

    def make() -> tuple[dict[str, Result], dict[str, list[Figure]], dict[str, list[Result]]]:
        found = results_by_id(snapshot_id, period)
        every_trend = trends(snapshot_id, period)
        chosen = {i: found[i] for i in ids if i in found}
        broken: dict[str, list[Result]] = {}
        if by:
            live = [i for i in ids if i in found and found[i].status == "ok"]
            for r in results(snapshot_id, period, live, by=by, comparisons=False):
                broken.setdefault(r.id, []).append(r)
        return disclose(chosen, {i: every_trend.get(i, []) for i in chosen}, broken, policy)

    reads_registers = any(get_definition(i).register_tables for i in ids)
    return _stored(snapshot_id, key, make, registers=version if reads_registers else None)


def page_policy(user: Any) -> Policy:
    return policy_for(audience_for(user))


def snapshot_data(snapshot_id: str) -> coverage.SnapshotData:
    """The snapshot's id and how far its data run (indicators/coverage.py), read once."""

    def make() -> coverage.SnapshotData:
        with snapshots.connect(snapshot_id) as con:
            return coverage.SnapshotData.read(as_backend(con))

    return _cached(("snapshot data", str(home()), snapshot_id), make)  # tests reuse ids


def period_choices(snapshot_id: str) -> list[tuple[str, str]]:
    """(label, description) for every quarter, year to date and whole year the snapshot
    covers, newest first, up to the latest complete quarter."""
    data = snapshot_data(snapshot_id)
    last = data.latest_complete_quarter()
    first = quarter(*quarter_of(data.extent.first)) if data.extent else last
    choices: list[tuple[str, str]] = []
    q = last
    while q >= first or not choices:
        fy_year, number = quarter_of(q.end)
        if number == 4:
            year = financial_year(fy_year)
            choices.append((year.label, year.describe()))
        if number > 1:
            to_date = ytd(q.end)
            choices.append((to_date.label, to_date.describe()))
        choices.append((q.label, q.describe()))
        q = q.previous_quarters(1)[0]
    return choices


def read_period(text: str | None, snapshot_id: str) -> Period:
    """The period asked for in the query string, or the default; PeriodError if unreadable."""
    return parse_period(text) if text else snapshot_data(snapshot_id).latest_complete_quarter()


def warm() -> None:
    """Compute what the overview shows by default (the latest complete quarter and its
    trends) for the current snapshot, so the first visitor does not wait for it."""
    try:
        snapshot_id = snapshots.current().id
    except snapshots.SnapshotError:
        return
    period = snapshot_data(snapshot_id).latest_complete_quarter()
    results_by_id(snapshot_id, period)
    trends(snapshot_id, period)
