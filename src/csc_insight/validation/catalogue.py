"""The rule catalogue: one SQL file per rule under `rules/`, its metadata in a YAML block
comment at the top, the same layout as the indicator definitions (rules/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from csc_insight.indicators.catalogue import _YAML_LOADER

Severity = Literal["error", "query", "la_level"]
SEVERITIES = ("error", "query", "la_level")
RETURNS = ("cin_census", "ssda903", "annex_a", "cross_return")
RETURN_NAMES = {
    "cin_census": "CIN census",
    "ssda903": "SSDA903",
    "annex_a": "Annex A",
    "cross_return": "Across returns",
}
# Every rule's SELECT returns these; any other column is a value shown beside the failure.
ROW_COLUMNS = ("child_id", "source_ref")

_HEADER = re.compile(r"\A\s*/\*(.*?)\*/\s*(.*)\Z", re.DOTALL)
_YEAR = re.compile(r"\A(\d{4})-(\d{2})\Z")


class RuleError(ValueError):
    """A rule file that does not follow rules/README.md."""


def year_start(label: str) -> int:
    """'2019-20' -> 2019 (the collection year runs 1 April 2019 to 31 March 2020)."""
    match = _YEAR.match(str(label))
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError(f"collection year {label!r}: expected the form 2019-20")
    return int(match[1])


@dataclass(frozen=True)
class Rule:
    id: str  # the file name: '903_133', 'cin_8868', 'annexa_AA01'
    code: str  # the DfE's code ('133', '8868') or ours ('AA01', 'XR01')
    returns: str  # which return it checks (RETURNS)
    message: str  # the DfE's message word for word, or ours
    severity: Severity
    fields: tuple[str, ...]
    requires: tuple[str, ...]  # table.column the rule reads
    years_from: str | None  # first collection year in force ('2019-20'), None: always
    years_to: str | None  # last collection year in force, None: still in force
    sql: str
    differs_from_reference: str | None = None
    not_implemented: str | None = None  # why the snapshot cannot check it (no SQL then)
    tests: dict[str, Any] = field(default_factory=dict)

    def in_force(self, collection_year: str | None) -> bool:
        if collection_year is None:
            return True
        start = year_start(collection_year)
        if self.years_from and start < year_start(self.years_from):
            return False
        return not (self.years_to and start > year_start(self.years_to))

    @property
    def years_in_force(self) -> str:
        """The collection years the rule is in force for, in words: 'from 2024-25'."""
        if self.years_from and self.years_to:
            return f"{self.years_from} to {self.years_to}"
        if self.years_from:
            return f"from {self.years_from}"
        return f"up to {self.years_to}" if self.years_to else "every year"

    @property
    def implemented(self) -> bool:
        return self.not_implemented is None

    @property
    def return_name(self) -> str:
        """The return in words, as pages show it ('CIN census')."""
        return RETURN_NAMES[self.returns]


def parse_rule(rule_id: str, text: str) -> Rule:
    """Read one rule file's text (metadata block, then a SELECT, or nothing when the rule
    says why it is `not_implemented`)."""
    from csc_insight.store.schema import tables

    match = _HEADER.match(text)
    if not match:
        raise RuleError(f"{rule_id}: no /* metadata */ block at the top")
    try:
        meta = yaml.load(match[1], Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise RuleError(f"{rule_id}: metadata is not valid YAML: {exc}") from None
    for key in ("code", "return", "message", "severity", "fields"):
        if key not in meta:
            raise RuleError(f"{rule_id}: metadata lacks {key!r}")
    if meta["severity"] not in SEVERITIES:
        raise RuleError(f"{rule_id}: severity {meta['severity']!r} is not one of {SEVERITIES}")
    if meta["return"] not in RETURNS:
        raise RuleError(f"{rule_id}: return {meta['return']!r} is not one of {RETURNS}")
    sql = match[2].strip().rstrip(";")
    not_implemented = meta.get("not_implemented")
    if not sql and not not_implemented:
        raise RuleError(f"{rule_id}: no SELECT (say why under not_implemented)")
    known = tables()
    for need in meta.get("requires") or ():
        table, _, column = need.partition(".")
        if column not in known.get(table, []):
            raise RuleError(f"{rule_id}: requires unknown column {need!r}")
    years = meta.get("years") or {}
    for bound in (years.get("from"), years.get("to")):
        if bound:
            year_start(bound)
    rule = Rule(
        id=rule_id,
        code=str(meta["code"]),
        returns=meta["return"],
        message=" ".join(str(meta["message"]).split()),
        severity=meta["severity"],
        fields=tuple(meta["fields"]),
        requires=tuple(meta.get("requires") or ()),
        years_from=years.get("from"),
        years_to=years.get("to"),
        sql=sql,
        differs_from_reference=meta.get("differs_from_reference"),
        not_implemented=not_implemented,
        tests=dict(meta.get("tests") or {}),
    )
    if sql:
        import sqlglot

        columns = sqlglot.parse_one(
            re.sub(r"(?<![:\w]):(\w+)", "NULL", sql), read="duckdb"
        ).named_selects
        missing = [c for c in ROW_COLUMNS if c not in columns]
        if missing:
            raise RuleError(f"{rule_id}: the SELECT must return {', '.join(missing)}")
    return rule


@cache
def _load() -> tuple[Rule, ...]:
    folder = files("csc_insight.validation").joinpath("rules")
    found = [
        parse_rule(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8"))
        for f in folder.iterdir()
        if f.name.endswith(".sql")
    ]
    return tuple(sorted(found, key=lambda r: (RETURNS.index(r.returns), r.id)))


def rules() -> list[Rule]:
    """Every rule, implemented or not, by return then id."""
    return list(_load())


def get(rule_id: str) -> Rule:
    for rule in _load():
        if rule.id == rule_id or rule.code == rule_id:
            return rule
    raise KeyError(f"No validation rule called {rule_id!r}")


@cache
def not_ported() -> dict[tuple[str, str], str]:
    """(return, code) -> why, for each DfE rule of the reference rule sets that CSC Insight
    does not run (rules/not_ported.yaml)."""
    text = files("csc_insight.validation").joinpath("rules", "not_ported.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {
        (returns, str(code)): " ".join(data["reasons"][reason].split())
        for returns, by_reason in data["rules"].items()
        for reason, codes in by_reason.items()
        for code in codes
    }
