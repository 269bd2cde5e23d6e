"""A register's import page: one file uploaded, checked and imported.

The file's name is made safe and must be .xlsx or .csv; it is written to a private folder
under the uploads root, imported by the register's own reader, and removed whatever
happens. A clean import goes back to the register with what it added; anything else stays
on the page with the reader's report (rows read, quarantined, errors).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from csc_insight.registers.missing_import import ImportResult
from csc_insight.web.imports.uploads import (
    SHEET_SUFFIXES,
    UploadRefused,
    safe_name,
    uploads_root,
)
from csc_insight.web.registers.forms import RegisterImportForm

# Imports the saved file (the view binds who is importing) and says what it read.
Run = Callable[[Path], ImportResult]


def import_page(
    request: HttpRequest,
    run: Run,
    *,
    back: str,
    template: str = "registers/register_import.html",
    context: dict[str, Any] | None = None,
    added: str = "",
) -> HttpResponse:
    """The import page of the register listed at the URL name `back` (its back link too);
    `added` names what a row adds in the message (e.g. 'episodes ')."""
    form = RegisterImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = _import_upload(form, run)
        if result is not None and result.read and not result.quarantined:
            messages.success(request, f"{result.created} {added}added, {result.updated} updated")
            return redirect(back)
    return render(
        request,
        template,
        {**(context or {}), "form": form, "result": result, "list_url": back},
        status=400 if form.errors or (result and not result.read) else 200,
    )


def _import_upload(form: RegisterImportForm, run: Run) -> ImportResult | None:
    """Import the form's file; None, with the reason on the form, when it is refused."""
    upload = form.cleaned_data["file"]
    try:
        name = safe_name(upload.name or "", allowed=SHEET_SUFFIXES)
    except UploadRefused as refused:
        form.add_error("file", str(refused))
        return None
    folder = Path(tempfile.mkdtemp(prefix="register-", dir=uploads_root()))
    try:
        path = folder / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return run(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
