"""Path converters: a child id in a URL matches only in its canonical form.

`cl00000035`, `Cl00000035` or ` CL00000035` do not match the route at all, so they are 404
before any view or access check runs; the one canonical form (common/child_ids.py) is the
only spelling of a child in a URL.
"""

from __future__ import annotations

from django.urls import register_converter

from csc_insight.common.child_ids import CANONICAL_PATTERN, canonical_child_id


class ChildIdConverter:
    regex = CANONICAL_PATTERN

    def to_python(self, value: str) -> str:
        return canonical_child_id(value)

    def to_url(self, value: str) -> str:
        return canonical_child_id(value)


register_converter(ChildIdConverter, "child_id")
