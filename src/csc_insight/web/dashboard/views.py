"""The start page: what this user's role can use."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from csc_insight.web import roles
from csc_insight.web.policy import allow, sections_for


@allow(roles.EVERYONE)
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    sections = [s for s in sections_for(request.user) if s["name"] != "dashboard:start"]
    return render(request, "dashboard/start.html", {"sections": sections})
