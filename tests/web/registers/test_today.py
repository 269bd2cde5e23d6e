"""The registers keep the same "today" as plans and audits: CSC_INSIGHT_TODAY when set (the
demo runs as at its data's last day), else the real date."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from csc_insight.registers import services


def test_today_is_the_demo_day_when_set(monkeypatch) -> None:
    monkeypatch.setenv("CSC_INSIGHT_TODAY", "2020-03-31")
    assert services.today() == date(2020, 3, 31)


def test_today_is_the_real_date_otherwise(monkeypatch) -> None:
    monkeypatch.delenv("CSC_INSIGHT_TODAY", raising=False)
    assert services.today() == timezone.localdate()
