"""GOV.UK-styled error pages (Django calls these; they are not routes of their own), and
the one-line logging of refusals."""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


class ForbiddenOneLine(logging.Filter):
    """A 403 is an expected refusal, not a fault: django.request logs it as one line
    ("Forbidden (Permission denied): /path/"), without the traceback Django attaches."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
