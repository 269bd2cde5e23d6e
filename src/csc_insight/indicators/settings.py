"""Indicator settings and targets: shipped defaults, overridden from $CSC_INSIGHT_HOME.

`indicator_settings.yaml` holds the named choices (working-day convention, assessment
clock, per-indicator parameters); `targets.yaml` the target and tolerance per indicator
that give the RAG status.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from csc_insight.formats.codes import ACTIVITY_EET
from csc_insight.settings import home


def _read(name: str, override: str) -> dict[str, Any]:
    data = yaml.safe_load(files("csc_insight.indicators").joinpath(name).read_text("utf-8"))
    local = home() / override
    if local.exists():
        data.update(yaml.safe_load(local.read_text(encoding="utf-8")) or {})
    return data or {}


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
