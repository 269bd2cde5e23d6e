"""A draft committee paper: what the author wrote (the narrative and who it is from), and
what the numbers come from (kind, period, meeting, snapshot, plan). The numbers themselves
are never stored or edited: every preview and export rebuilds them from the snapshot."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from csc_insight.indicators.periods import short_label


class Kind(models.TextChoices):
    PERFORMANCE = "performance", "Children and Families Performance Report"
    APPENDIX = "appendix", "Non-public appendix to the performance report"
    PLAN = "plan", "Service plan progress report"
    AUDIT = "audit", "Quality assurance report from an audit round"


PUBLIC_KINDS = frozenset({Kind.PERFORMANCE, Kind.PLAN, Kind.AUDIT})


class Draft(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meeting = models.DateField()
    period = models.CharField(max_length=20, blank=True)
    snapshot_id = models.CharField(max_length=100, blank=True)
    plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="committee_drafts",
    )
    audit_round = models.PositiveIntegerField(null=True, blank=True)
    narrative = models.JSONField(default=dict)
    meta = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-meeting", "kind", "pk"]

    @property
    def public(self) -> bool:
        return self.kind in PUBLIC_KINDS

    @property
    def source(self) -> str:
        """What the paper reports on, for lists: its period (as papers name it, 'Q3 2019-20'),
        plan or audit round (by title)."""
        if self.period:
            return short_label(self.period)
        if self.plan_id:
            return self.plan.name  # type: ignore[union-attr]
        if self.audit_round:
            from csc_insight.audits.models import Round

            round_ = Round.objects.filter(pk=self.audit_round).first()
            return round_.title if round_ else f"Audit round {self.audit_round} (deleted)"
        return ""

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.meeting:%d/%m/%Y})"
