"""`{{ row|in_file:file }}`: a place in a return as its file numbers them (`row_in`): "line
12" in an XML file (the element's line, as a text editor shows it), "12" in a CSV file or a
workbook's sheet (the row, as a spreadsheet shows it); blank when there is none."""

from __future__ import annotations

from django import template

from csc_insight.common.report import row_in

register = template.Library()


@register.filter
def in_file(row: int | None, file: str | None) -> str:
    return row_in(file or "", row)
