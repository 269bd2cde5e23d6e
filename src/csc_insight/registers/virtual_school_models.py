"""The Virtual School register's records (issue 17, register 6): the schools our looked-after
children attend with their Ofsted grade, each child's school placements, Personal Education
Plans (PEPs) with the headteacher's quality grade, termly attendance, suspensions and
permanent exclusions, results by key stage and post-16 activity (NEET at 16-18).

Who is looked after, and of what age, is never kept here: it comes from the SSDA903 in the
current snapshot (registers/virtual_school.py). A record names a child by the returns' id.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class SchoolPhase(models.TextChoices):
    EARLY_YEARS = "early_years", "Nursery or early years setting"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special school"
    ALTERNATIVE = "alternative", "Alternative provision or pupil referral unit"
    POST16 = "post16", "College or sixth form (post-16)"
    OTHER = "other", "Other (tuition, not a school)"


class OfstedGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class VsSchool(models.Model):
    """A school or setting, by its URN when it has one (a tuition class has none), with its
    latest Ofsted grade and the date of that inspection (blank: not yet inspected)."""

    urn = models.CharField("URN", max_length=10, blank=True)
    name = models.CharField("School or setting", max_length=200)
    phase = models.CharField(max_length=12, choices=SchoolPhase.choices)
    ofsted_grade = models.CharField(
        "Ofsted grade", max_length=24, choices=OfstedGrade.choices, blank=True
    )
    ofsted_date = models.DateField("Date of the Ofsted inspection", null=True, blank=True)

    class Meta:
        ordering = ["name", "urn"]
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~Q(urn=""), name="vs_school_urn")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})" if self.urn else self.name


class VsPlacement(models.Model):
    """A child on a school's roll from `start` until `end` (blank: still there)."""

    child_id = models.CharField(max_length=64, db_index=True)
    school = models.ForeignKey(VsSchool, on_delete=models.PROTECT, related_name="placements")
    start = models.DateField("On roll from")
    end = models.DateField("Left", null=True, blank=True)

    class Meta:
        ordering = ["child_id", "-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "school", "start"], name="vs_placement_child_school_start"
            )
        ]


class PepGrade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class VsPep(models.Model):
    """A Personal Education Plan meeting and the Virtual School Headteacher's quality grade
    (blank: not yet graded). Its term comes from its date."""

    child_id = models.CharField(max_length=64, db_index=True)
    held_on = models.DateField("Date of the PEP")
    grade = models.CharField("Quality grade", max_length=24, choices=PepGrade.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["child_id", "-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["child_id", "held_on"], name="vs_pep_child_day")
        ]


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn"
    SPRING = "spring", "Spring"
    SUMMER = "summer", "Summer"


class VsAttendance(models.Model):
    """A child's attendance for one term, as a percentage of possible sessions."""

    child_id = models.CharField(max_length=64, db_index=True)
    year = models.CharField("School year", max_length=7)  # 2019-20
    term = models.CharField(max_length=6, choices=Term.choices)
    percent = models.FloatField("Attendance (%)")

    class Meta:
        ordering = ["child_id", "-year", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "year", "term"], name="vs_attendance_child_term"
            )
        ]


class ExclusionKind(models.TextChoices):
    SUSPENSION = "suspension", "Suspension (fixed-term exclusion)"
    PERMANENT = "permanent", "Permanent exclusion"


class VsExclusion(models.Model):
    """A suspension (with the school days it lasted) or a permanent exclusion."""

    child_id = models.CharField(max_length=64, db_index=True)
    start = models.DateField("Date of the exclusion")
    kind = models.CharField(max_length=10, choices=ExclusionKind.choices)
    days = models.FloatField("School days (suspension)", null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["child_id", "-start"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "start", "kind"], name="vs_exclusion_child_day_kind"
            )
        ]


class KeyStage(models.TextChoices):
    EYFS = "eyfs", "Early years foundation stage (good level of development)"
    KS1 = "ks1", "Key stage 1 (expected standard in reading, writing and maths)"
    KS2 = "ks2", "Key stage 2 (expected standard in reading, writing and maths)"
    KS4 = "ks4", "Key stage 4 (grade 4 or above in English and maths)"


class VsResult(models.Model):
    """A child's result at the end of a key stage in a school year: `expected` is whether
    they reached the standard the key stage is measured by (EYFS: a good level of
    development; KS1 and KS2: the expected standard in reading, writing and maths; KS4:
    grade 4 or above in English and maths), and KS4 also has the Attainment 8 score."""

    child_id = models.CharField(max_length=64, db_index=True)
    year = models.CharField("School year", max_length=7)
    key_stage = models.CharField("Key stage", max_length=4, choices=KeyStage.choices)
    expected = models.BooleanField("Reached the standard", null=True, blank=True)
    attainment8 = models.FloatField("Attainment 8 score (KS4)", null=True, blank=True)

    class Meta:
        ordering = ["child_id", "-year", "key_stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "year", "key_stage"], name="vs_result_child_year_stage"
            )
        ]


class Activity(models.TextChoices):
    EDUCATION = "education", "In education"
    TRAINING = "training", "In training or an apprenticeship"
    EMPLOYMENT = "employment", "In employment"
    NEET = "neet", "Not in education, employment or training (NEET)"


class VsActivity(models.Model):
    """A young person's post-16 activity as the Virtual School knew it on a day."""

    child_id = models.CharField(max_length=64, db_index=True)
    recorded_on = models.DateField("As at")
    activity = models.CharField(max_length=10, choices=Activity.choices)

    class Meta:
        ordering = ["child_id", "-recorded_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "recorded_on"], name="vs_activity_child_day"
            )
        ]
