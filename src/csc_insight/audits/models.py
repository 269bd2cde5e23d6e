"""Audit rounds as people keep them: the sample, each case's audit with its section grades,
the moderation (original and moderated grades both kept), findings linked to plan actions,
and immediate-concern alerts."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from csc_insight.audits.grades import CASE_TYPES, GRADES, OVERALL, SECTIONS

GRADE_CHOICES = GRADES
SECTION_CHOICES = SECTIONS
MODERATED_CHOICES = [*SECTIONS, (OVERALL, "Overall")]


class Kind(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly"
    THEMATIC = "thematic", "Thematic"
    MULTI_AGENCY = "multi_agency", "Multi-agency"


class Round(models.Model):
    title = models.CharField(max_length=200)
    quarter = models.CharField(max_length=20)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QUARTERLY)
    theme = models.CharField(max_length=100, blank=True)  # indicator id of a thematic round
    snapshot_id = models.CharField(max_length=64)
    # Auditor accounts named here see this round's cases (and their journeys) until this day.
    auditors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="audit_rounds"
    )
    access_until = models.DateField()
    summary = models.TextField("summary of findings", blank=True)
    recommendations = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-quarter", "-pk"]

    def __str__(self) -> str:
        return self.title


class Case(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="cases")
    position = models.PositiveIntegerField(default=0)
    child_id = models.CharField(max_length=64)
    case_type = models.CharField(max_length=20, choices=CASE_TYPES, blank=True)
    worker = models.CharField(max_length=100, blank=True)
    team = models.CharField(max_length=100, blank=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "child_id"], name="audits_case_once_per_round")
        ]

    def __str__(self) -> str:
        return f"Case {self.position}"


class Audit(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="audit")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audited_on = models.DateField()
    overall = models.CharField("overall grade", max_length=30, choices=GRADE_CHOICES)
    immediate_concern = models.BooleanField(default=False)
    concern_details = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by every save: a save from a form opened at an older version is refused.
    version = models.PositiveIntegerField(default=1)


class SectionGrade(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="sections")
    section = models.CharField(max_length=30, choices=SECTION_CHOICES)
    grade = models.CharField(max_length=30, choices=GRADE_CHOICES, blank=True)
    strengths = models.TextField(blank=True)
    improve = models.TextField("areas to improve", blank=True)
    evidence = models.TextField("evidence notes", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["audit", "section"], name="audits_section_once")
        ]


class Moderation(models.Model):
    audit = models.OneToOneField(Audit, on_delete=models.CASCADE, related_name="moderation")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField()
    at = models.DateTimeField(auto_now_add=True)


class ModeratedGrade(models.Model):
    moderation = models.ForeignKey(Moderation, on_delete=models.CASCADE, related_name="grades")
    section = models.CharField(max_length=30, choices=MODERATED_CHOICES)
    original = models.CharField(max_length=30, choices=GRADE_CHOICES, blank=True)
    grade = models.CharField(max_length=30, choices=GRADE_CHOICES, blank=True)


class Finding(models.Model):
    """A finding or recommendation from a round, and the plan action it became."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="findings")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="findings"
    )
    section = models.CharField(max_length=30, choices=SECTION_CHOICES, blank=True)
    text = models.TextField()
    action = models.ForeignKey(
        "plans.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_findings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]


class Alert(models.Model):
    """An immediate concern raised in an audit: shown to managers until acknowledged."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="alerts")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    details = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
