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

    _round_title: str | None  # set by `read_round_titles`

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
            title = self.round_title()
            return title if title is not None else f"Audit round {self.audit_round} (deleted)"
        return ""

    def round_title(self) -> str | None:
        """The title of the audit round the paper reports on (None: no round, or deleted)."""
        if not hasattr(self, "_round_title"):
            Draft.read_round_titles([self])
        return self._round_title

    @staticmethod
    def read_round_titles(drafts: list[Draft]) -> None:
        """Read the titles of the drafts' audit rounds in one query, for `round_title`: a list
        of papers asks for each (`in_agenda_order`)."""
        from csc_insight.audits.models import Round

        wanted = {d.audit_round for d in drafts if d.audit_round}
        titles = dict(Round.objects.filter(pk__in=wanted).values_list("pk", "title"))
        for draft in drafts:
            draft._round_title = titles.get(draft.audit_round) if draft.audit_round else None

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.meeting:%d/%m/%Y})"
