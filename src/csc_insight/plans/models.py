"""Plans as people keep them: header, sections, actions with leads, RAG history, reviews.

Every change of an action's RAG, and every dated comment, is an `Update` row; the action's
own `rag` is the latest one. `Action.version` counts saves, so two people editing one action
at once cannot silently overwrite each other (see `services.save_action`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from csc_insight.plans.rag import CHOICES as RAG_CHOICES
from csc_insight.plans.rag import Rag


class Plan(models.Model):
    name = models.CharField(max_length=200)
    duration = models.CharField(max_length=200, blank=True)
    relevant_strategies = models.TextField(blank=True)
    monitoring_board = models.CharField(
        "board responsible for monitoring", max_length=300, blank=True
    )
    owner = models.CharField(max_length=200, blank=True)
    implementation_date = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    monitoring_frequency = models.CharField(
        "frequency of monitoring/reporting", max_length=100, blank=True
    )
    aims = models.TextField(blank=True)
    people_involved = models.TextField("people involved in delivering the plan", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=200)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Lead(models.Model):
    """A name or initials as plans write them ('RG'); an Administrator links it to a user."""

    name = models.CharField(max_length=100, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_leads",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SourceType(models.TextChoices):
    OFSTED = "ofsted", "Ofsted recommendation"
    COMMITTEE = "committee", "Committee request"
    AUDIT = "audit", "Audit finding"
    INDICATOR = "indicator", "Performance indicator"
    OTHER = "other", "Other"


class Action(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveIntegerField(default=0)
    ref = models.CharField(max_length=20)
    specific_aim = models.TextField(blank=True)
    source_type = models.CharField(max_length=20, choices=SourceType.choices, blank=True)
    source_reference = models.CharField(max_length=300, blank=True)
    indicator_id = models.CharField(max_length=100, blank=True)
    action = models.TextField()
    measure = models.TextField("measure/outcome", blank=True)
    start = models.DateField(null=True, blank=True)
    due = models.DateField(null=True, blank=True)
    leads = models.ManyToManyField(Lead, blank=True, related_name="actions")
    area_lead = models.CharField(max_length=200, blank=True)
    rag = models.CharField(max_length=10, choices=RAG_CHOICES, default=Rag.AMBER.value)
    closed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["section__position", "section_id", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.ref} {self.action[:40]}"

    @property
    def rag_enum(self) -> Rag:
        return Rag(self.rag)

    @property
    def lead_text(self) -> str:
        return "/".join(lead.name for lead in self.leads.all())

    @property
    def source_text(self) -> str:
        kind = self.get_source_type_display() if self.source_type else ""
        ref = self.indicator_id if self.source_type == SourceType.INDICATOR else ""
        return ": ".join(p for p in (kind, self.source_reference or ref) if p)


class Update(models.Model):
    """A dated comment, and the RAG the action had from that date."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField()
    rag = models.CharField(max_length=10, choices=RAG_CHOICES)
    previous_rag = models.CharField(max_length=10, choices=RAG_CHOICES, blank=True)
    comment = models.TextField(blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "created_at", "pk"]


class Review(models.Model):
    """A dated review of the plan: movement is measured from the latest one."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["held_on", "pk"]
