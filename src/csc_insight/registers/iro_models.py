"""The IRO service register's records (issue 17, register 5): the disputes an Independent
Reviewing Officer raised about a looked-after child's plan (the IRO Handbook's dispute
resolution, informal first and then formal stages), and the IRO's contacts with the child
between reviews. Reviews, participation and placement moves are not kept here: they come
from the SSDA903 in the current snapshot (registers/iro_returns.py).

An IRO is recorded by initials or a code (for example "IRO1"), not a full name."""

from __future__ import annotations

from django.db import models

from csc_insight.registers.base_models import Recorded, Timestamped


class EscalationStage(models.TextChoices):
    INFORMAL = "informal", "Informal: with the social worker or team manager"
    STAGE_1 = "stage_1", "Formal stage 1: team manager"
    STAGE_2 = "stage_2", "Formal stage 2: service manager"
    STAGE_3 = "stage_3", "Formal stage 3: head of service or director"
    CAFCASS = "cafcass", "Referred to Cafcass"


class EscalationCategory(models.TextChoices):
    CARE_PLANNING = "care_planning", "Care planning"
    PLACEMENT = "placement", "Placement"
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    CONTACT = "contact", "Family time and contact"
    PERMANENCE = "permanence", "Permanence"
    DELAY = "delay", "Drift or delay"
    OTHER = "other", "Other"


class EscalationOutcome(models.TextChoices):
    RESOLVED = "resolved", "Resolved"
    PARTLY = "partly", "Partly resolved"
    NOT_RESOLVED = "not_resolved", "Closed without being resolved"
    WITHDRAWN = "withdrawn", "Withdrawn or overtaken by events"


class ContactKind(models.TextChoices):
    VISIT = "visit", "Visit"
    PHONE = "phone", "Phone call"
    VIRTUAL = "virtual", "Video call"


IRO_HELP = "Initials or a code such as IRO1, not a full name"


class IroEscalation(Recorded):
    """A dispute an IRO raised about a child's care plan, from the day raised through the
    stages of the local dispute resolution protocol to its resolution. `stage` is the stage
    it has reached and `stage_on` the day it reached it (blank: the day it was raised); an
    escalation is open until `resolved_on`, which comes with its outcome."""

    child_id = models.CharField(max_length=64, db_index=True)
    iro = models.CharField("IRO", max_length=20, help_text=IRO_HELP)
    raised_on = models.DateField("Date raised")
    category = models.CharField("Issue", max_length=16, choices=EscalationCategory.choices)
    stage = models.CharField(
        "Stage reached",
        max_length=10,
        choices=EscalationStage.choices,
        default=EscalationStage.INFORMAL,
    )
    stage_on = models.DateField("Date it reached this stage", null=True, blank=True)
    resolved_on = models.DateField("Date resolved or closed", null=True, blank=True)
    outcome = models.CharField(max_length=14, choices=EscalationOutcome.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_on", "child_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "raised_on", "category"], name="iro_escalation_child_day_issue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} {self.category} raised {self.raised_on:%d/%m/%Y}"


class IroContact(Timestamped):
    """An IRO's contact with a looked-after child between reviews."""

    child_id = models.CharField(max_length=64, db_index=True)
    iro = models.CharField("IRO", max_length=20, help_text=IRO_HELP)
    contact_on = models.DateField("Date")
    kind = models.CharField("Type", max_length=8, choices=ContactKind.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-contact_on", "child_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "contact_on", "kind"], name="iro_contact_child_day_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} {self.kind} {self.contact_on:%d/%m/%Y}"
