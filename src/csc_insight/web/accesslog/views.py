"""The Administrator's access log pages: search, and export of a search as CSV."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from csc_insight.access import roles
from csc_insight.access.accesslog.search import SearchForm, find, to_csv
from csc_insight.web.policy import allow


def _filters(request: HttpRequest) -> tuple[SearchForm, dict[str, object]]:
    form = SearchForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, {k: v for k, v in form.cleaned_data.items() if v}
    return form, {}


@allow(roles.ADMIN)
@require_GET
@never_cache  # Cache-Control: no-store: the log names children
def search(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    page = Paginator(find(**filters), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accesslog/search.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@allow(roles.ADMIN)
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    _, filters = _filters(request)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    response = HttpResponse(to_csv(find(**filters)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="access-log-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
