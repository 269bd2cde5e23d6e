"""The Data pages: upload and load, see the outcome, load history, switch the current load."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from csc_insight.access import roles
from csc_insight.access.accesslog.record import record_access
from csc_insight.store import quarantine, snapshots
from csc_insight.validation.catalogue import SEVERITIES
from csc_insight.web.imports import uploads
from csc_insight.web.policy import allow


def _file_names(manifest: dict[str, Any]) -> list[str]:
    names = []
    for entry in manifest.get("files", manifest.get("sources", [])) or []:
        if isinstance(entry, dict):
            entry = entry.get("name") or entry.get("path") or entry.get("file") or ""
        names.append(Path(str(entry)).name)
    return names


def _loaded_at(text: str) -> datetime | str:
    """When a load was made (its manifest's ISO time, in UTC), for the template to show in
    words and local time; the text as it is when it is not a time."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text


def _history() -> list[dict[str, Any]]:
    current = snapshots.current_id()
    return [
        {
            "id": snap.id,
            "created_at": _loaded_at(snap.created_at),
            "created_by": snap.created_by,
            "files": _file_names(snap.manifest),
            "rows": sum(snap.rows().values()),
            "quarantined": (snap.manifest.get("quarantined") or {}).get("rows", 0),
            "current": snap.id == current,
        }
        for snap in reversed(snapshots.list_snapshots())
    ]


def _validation() -> dict[str, Any] | None:
    """The current load's rule results: counts per rule and the change since the last load."""
    from csc_insight.validation import at_load, report

    current = snapshots.current_id()
    if current is None:
        return None
    results = at_load.results_for(current)
    rules = report.summary_rows(results)
    return {
        "snapshot_id": current,
        "year": results.collection_year,
        "errors": results.count("error"),
        "queries": results.count("query"),
        # the rules with failing rows first (errors, then the most rows); the rest folded away
        "failing": sorted(
            (r for r in rules if r["failures"]),
            key=lambda r: (SEVERITIES.index(r["severity"]), -r["failures"], r["code"]),
        ),
        "passed": [r for r in rules if r["failures"] == 0],
        "skipped": [r for r in rules if r["failures"] is None],
        "change": at_load.changes(current),
    }


QUARANTINE_LISTED = 200


def _set_aside() -> dict[str, Any] | None:
    """The current load's quarantined rows and cells (the first few listed), or None."""
    try:
        snap = snapshots.current()
    except snapshots.SnapshotError:
        return None
    con = snapshots.connect(snap.id)
    try:
        if not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'quarantine'"
        ).fetchall()[0][0]:
            return None
        found = quarantine.summary(con)
        rows = con.execute(
            "SELECT file, sheet, row_number, column_letter, column_name, value, expected, "
            "scope, target FROM quarantine ORDER BY file, sheet, row_number, column_name "
            f"LIMIT {QUARANTINE_LISTED}"
        ).fetchall()
        total = con.execute("SELECT count(*) FROM quarantine").fetchall()[0][0]
    finally:
        con.close()
    if not total:
        return None
    keys = ("file", "sheet", "row", "letter", "column", "value", "expected", "scope", "target")
    return {
        **found,
        "total": total,
        "listed": [dict(zip(keys, r, strict=True)) for r in rows],
        "more": max(total - QUARANTINE_LISTED, 0),
    }


def _data_page(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    return render(
        request,
        "imports/data.html",
        {
            "history": _history(),
            "error": error,
            "set_aside": _set_aside(),
            "validation": _validation(),
        },
        status=status,
    )


@allow(roles.DATA)
@require_GET
def data(request: HttpRequest) -> HttpResponse:
    return _data_page(request)


@allow(roles.DATA)
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    try:
        batch, paths = uploads.save(
            request.FILES.getlist("returns"), request.FILES.getlist("extras")
        )
    except uploads.UploadRefused as refused:
        return _data_page(request, str(refused), status=400)
    uploads.load_batch(
        batch, paths, request.user.get_username(), strict=request.POST.get("strict") == "yes"
    )
    return redirect("imports:result", batch=batch)


@allow(roles.DATA)
@require_GET
def result(request: HttpRequest, batch: str) -> HttpResponse:
    found = uploads.outcome(batch)
    if found is None:
        raise Http404("No such upload")
    return render(request, "imports/result.html", {"outcome": found, "data": found.data})


@allow(roles.DATA)
@require_POST
def use_snapshot(request: HttpRequest, snapshot_id: str) -> HttpResponse:
    try:
        snapshots.set_current(snapshot_id)
    except snapshots.SnapshotError as missing:
        raise Http404(str(missing)) from missing
    messages.success(request, f"The current data is now the load {snapshot_id}")
    return redirect("imports:data")


def _results(snapshot_id: str) -> Any:
    from csc_insight.validation import at_load

    try:
        return at_load.results_for(snapshot_id)
    except snapshots.SnapshotError as missing:
        raise Http404("No such load") from missing


@allow(roles.CHILD_LEVEL)
@require_GET
def validation_rule(request: HttpRequest, snapshot_id: str, rule_id: str) -> HttpResponse:
    """The children behind one rule's failures; each child shown is access-logged."""
    from csc_insight.validation.catalogue import get

    try:
        rule = get(rule_id)
    except KeyError as missing:
        raise Http404("No such rule") from missing
    failures = [f for f in _results(snapshot_id).failures if f.rule == rule.id]
    for child in sorted({f.child for f in failures if f.child}):
        record_access(request, child, f"validation rule {rule.code}")
    return render(
        request,
        "imports/validation_rule.html",
        {"rule": rule, "failures": failures, "snapshot_id": snapshot_id},
    )


@allow(roles.CHILD_LEVEL)
@require_GET
def validation_xlsx(request: HttpRequest, snapshot_id: str) -> HttpResponse:
    """Every failing row of a load as a workbook to work through (access-logged)."""
    import io

    from csc_insight.validation import report

    results = _results(snapshot_id)
    for child in sorted({f.child for f in results.failures if f.child}):
        record_access(request, child, "validation workbook")
    buffer = io.BytesIO()
    report.write_xlsx(results, buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    )
    response["Content-Disposition"] = f'attachment; filename="validation-{snapshot_id}.xlsx"'
    return response
