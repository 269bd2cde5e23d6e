"""The registers' records: one row per missing episode, and rows an import quarantined."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MissingFrom(models.TextChoices):
    HOME = "home", "Home"
    CARE = "care", "Care"


class MissingEpisode(models.Model):
    """One episode of a child missing from home or care, as the register keeps it.

    One episode per child and start date: the same key as the SSDA903 Missing table and the
    local extras, so an episode loaded from the returns and kept here is one episode."""

    child_id = models.CharField(max_length=64, db_index=True)
    missing_from = models.CharField(max_length=8, choices=MissingFrom.choices)
    start = models.DateField("Date missing from")
    reported_by = models.CharField("Reported by", max_length=200, blank=True)
    reported_on = models.DateField("Date reported to police", null=True, blank=True)
    risk_noted_at_placement = models.BooleanField(
        "Risk of going missing noted at placement", null=True, blank=True
    )
    strategy_meeting_on = models.DateField("Strategy meeting", null=True, blank=True)
    returned_on = models.DateField("Date found or returned", null=True, blank=True)
    how_found = models.CharField("Found or returned how", max_length=200, blank=True)
    rhi_offered_on = models.DateField("Return interview offered", null=True, blank=True)
    rhi_accepted = models.BooleanField("Return interview accepted", null=True, blank=True)
    rhi_held_on = models.DateField("Return interview held", null=True, blank=True)
    themes = models.TextField("Themes from the return interview", blank=True)
    lead_member_notified_on = models.DateField("Lead Member notified", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start", "child_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "start"], name="missing_episode_child_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} missing from {self.start:%d/%m/%Y}"


class QuarantinedRow(models.Model):
    """A row an import could not take, kept with its raw values and what was wrong."""

    register = models.CharField(max_length=20)
    file = models.CharField(max_length=200)
    row = models.PositiveIntegerField()
    values = models.JSONField(default=dict)
    problems = models.TextField()
    imported_by = models.CharField(max_length=150, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "file", "row"]


class CmeCategory(models.TextChoices):
    EHE = "ehe", "Electively home educated"
    CME = "cme", "Missing education or unplaced"
    AT_RISK = "at_risk", "At risk of missing education (low attendance)"
    MEDICAL = "medical", "Unable to attend for medical reasons"


class CmeEntry(models.Model):
    """A child monitored by the education service, in one category, from `start` until
    `end` (blank: still monitored). A child may be in two categories at once (medical and
    EHE). Whether the child is on a CP plan, in need or in early help is not kept here: it
    is computed from the current snapshot (registers/cme.py)."""

    child_id = models.CharField(max_length=64, db_index=True)
    category = models.CharField(max_length=10, choices=CmeCategory.choices)
    start = models.DateField("Monitored from")
    end = models.DateField("Monitored until", null=True, blank=True)
    attendance = models.FloatField("Attendance (%)", null=True, blank=True)
    school = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "child_id", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "category", "start"], name="cme_entry_child_category_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} {self.category} from {self.start:%d/%m/%Y}"
