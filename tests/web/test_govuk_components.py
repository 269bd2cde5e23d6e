"""The GOV.UK components render through one shared Jinja2 environment (web/
govuk_components.py), so their macros compile once per process; what they render is the
same as with the library's own fresh environment."""

from __future__ import annotations

import jinja2
from django.template import Context, Template
from govuk_frontend_django.components import base

SKIP_LINK = (
    '{% load govuk_frontend_django %}{% gds_component "skip-link" '
    'text="Skip to main content" href="#main-content" %}'
)


def test_one_environment_is_shared() -> None:
    first = Template(SKIP_LINK).render(Context())
    shared = base.Environment()
    Template(SKIP_LINK).render(Context())
    assert base.Environment() is shared
    assert 'href="#main-content"' in first and "govuk-skip-link" in first


def test_output_matches_the_librarys_own_environment(monkeypatch) -> None:
    shared = Template(SKIP_LINK).render(Context())
    monkeypatch.setattr(base, "Environment", jinja2.Environment)  # the library as shipped
    fresh = Template(SKIP_LINK).render(Context())
    assert shared == fresh
