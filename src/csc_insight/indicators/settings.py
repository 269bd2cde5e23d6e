"""Indicator settings and targets: shipped defaults, overridden from $CSC_INSIGHT_HOME.

`indicator_settings.yaml` holds the named choices (working-day convention, assessment
clock, per-indicator parameters); `targets.yaml` the target and tolerance per indicator
that give the RAG status.
"""

from __future__ import annotations

import copy
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from csc_insight.formats.codes import ACTIVITY_EET
from csc_insight.settings import home


def _read(name: str, override: str) -> dict[str, Any]:
    """The shipped file's settings updated from the home's file, if any. Each file is parsed
    once per process and again only when it changes (its time and size): every computation
    reads both, and parsing them took a tenth of the five headline indicators' time."""
    data = copy.deepcopy(_shipped(name))
    local = home() / override
    try:
        stat = local.stat()
    except FileNotFoundError:
        return data
    data.update(copy.deepcopy(_local(str(local), stat.st_mtime_ns, stat.st_size)))
    return data


@cache
def _shipped(name: str) -> dict[str, Any]:
    text = files("csc_insight.indicators").joinpath(name).read_text("utf-8")
    return yaml.safe_load(text) or {}


@lru_cache(maxsize=16)
def _local(path: str, mtime_ns: int, size: int) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}


def load_settings() -> dict[str, Any]:
    settings = _read("settings.yaml", "indicator_settings.yaml")
    if settings["working_days"] not in ("day0", "inclusive"):
        raise ValueError("working_days must be day0 or inclusive")
    if settings["assessment_clock"] not in ("referral", "assessment_start"):
        raise ValueError("assessment_clock must be referral or assessment_start")
    return settings


def load_targets() -> dict[str, dict[str, Any]]:
    return _read("targets.yaml", "targets.yaml")


def sql_params(
    settings: dict[str, Any], indicator_id: str, defaults: dict[str, Any]
) -> dict[str, Any]:
    """The values bound to :name in a definition's SQL (`binding.bind`)."""
    params = {
        "inclusive": 1 if settings["working_days"] == "inclusive" else 0,
        "clock_from_referral": settings["assessment_clock"] == "referral",
        "eet_codes": sorted(ACTIVITY_EET),
    }
    params.update(defaults)
    params.update((settings.get("params") or {}).get(indicator_id, {}))
    return params


def rag(value: float | None, polarity: str, target: dict[str, Any] | None) -> str | None:
    """'green' on or beyond the target, 'amber' within tolerance of it, else 'red'."""
    if value is None or target is None or polarity == "neutral":
        return None
    gap = (
        value - float(target["target"]) if polarity == "higher" else float(target["target"]) - value
    )
    if gap >= 0:
        return "green"
    return "amber" if -gap <= float(target.get("tolerance", 0)) else "red"
