"""The registers' records: missing episodes, children missing education, LADO contacts,
private fostering arrangements with their visits and awareness activity, providers with
their Ofsted inspections and monitoring visits, safeguarding champions with their
departments' assurance returns and training, and the rows an import quarantined."""

from __future__ import annotations

from django.db import models

from csc_insight.registers.base_models import Recorded, Timestamped


class MissingFrom(models.TextChoices):
    HOME = "home", "Home"
    CARE = "care", "Care"


class MissingEpisode(Recorded):
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


class CmeEntry(Timestamped):
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

    class Meta:
        ordering = ["category", "child_id", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "category", "start"], name="cme_entry_child_category_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} {self.category} from {self.start:%d/%m/%Y}"


class LadoSector(models.TextChoices):
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    SOCIAL_CARE = "social_care", "Social care"
    FAITH = "faith", "Faith"
    SPORT = "sport", "Sport"
    EARLY_YEARS = "early_years", "Early years"
    OTHER = "other", "Other"


class LadoCategory(models.TextChoices):
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    NEGLECT = "neglect", "Neglect"
    SUITABILITY = "suitability", "Suitability to work with children"


class LadoOutcome(models.TextChoices):
    SUBSTANTIATED = "substantiated", "Substantiated"
    UNSUBSTANTIATED = "unsubstantiated", "Unsubstantiated"
    UNFOUNDED = "unfounded", "Unfounded"
    FALSE = "false", "False"
    MALICIOUS = "malicious", "Malicious"
    NFA = "nfa", "No further action"


class LadoContact(Recorded):
    """A contact with the LADO about an adult who works with children: a referral when it
    met the threshold (`met_threshold` True), a consultation (advice only) when it did not.

    The adult is known here by the LADO's case reference only, never by name: the entry is
    person-level and its pages are for Manager and above, access-logged by reference."""

    reference = models.CharField("Case reference", max_length=64, unique=True)
    received_on = models.DateField("Date received")
    source = models.CharField("Who made the contact", max_length=200, blank=True)
    sector = models.CharField(max_length=12, choices=LadoSector.choices)
    role = models.CharField("The adult's role", max_length=200, blank=True)
    category = models.CharField("Allegation category", max_length=12, choices=LadoCategory.choices)
    met_threshold = models.BooleanField("Met the threshold (referral)", null=True, blank=True)
    initial_meeting_on = models.DateField("Initial evaluation meeting", null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=LadoOutcome.choices, blank=True)
    concluded_on = models.DateField("Date concluded", null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} received {self.received_on:%d/%m/%Y}"


class PrivateFostering(Recorded):
    """A private fostering arrangement, from its notification: the initial visit, the
    assessment and the arrangement's end (its later visits are PrivateFosteringVisit)."""

    child_id = models.CharField(max_length=64, db_index=True)
    notified_on = models.DateField("Date notified")
    notified_by = models.CharField("Notified by", max_length=200, blank=True)
    initial_visit_on = models.DateField("Initial visit", null=True, blank=True)
    assessment_completed_on = models.DateField("Assessment completed", null=True, blank=True)
    ended_on = models.DateField("Arrangement ended", null=True, blank=True)
    end_reason = models.CharField("Why it ended", max_length=200, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-notified_on", "child_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child_id", "notified_on"], name="private_fostering_child_notified"
            )
        ]

    def __str__(self) -> str:
        return f"{self.child_id} notified {self.notified_on:%d/%m/%Y}"


class PrivateFosteringVisit(models.Model):
    """A statutory visit to a privately fostered child after the initial visit."""

    arrangement = models.ForeignKey(
        PrivateFostering, on_delete=models.CASCADE, related_name="visits"
    )
    visited_on = models.DateField("Date of visit")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["visited_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["arrangement", "visited_on"], name="private_fostering_visit_day"
            )
        ]


class AwarenessKind(models.TextChoices):
    TRAINING = "training", "Training session"
    PF_WEEK = "pf_week", "Private Fostering Week event"
    BRIEFING = "briefing", "Briefing or information to partners"
    CAMPAIGN = "campaign", "Publicity or community campaign"
    OTHER = "other", "Other"


class AwarenessActivity(Timestamped):
    """What was done to raise awareness of private fostering (no child is named here)."""

    held_on = models.DateField("Date")
    kind = models.CharField("Kind of activity", max_length=10, choices=AwarenessKind.choices)
    title = models.CharField("What it was", max_length=200)
    audience = models.CharField("Who it was for", max_length=200, blank=True)
    attendees = models.PositiveIntegerField("Attendees", null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-held_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["held_on", "title"], name="awareness_day_title")
        ]

    def __str__(self) -> str:
        return f"{self.title} on {self.held_on:%d/%m/%Y}"


# Providers (issue 17, register 7): independent fostering agencies, semi-independent /
# supported accommodation and children's homes, with their Ofsted ratings and the City's
# annual monitoring visits. Where our children live comes from the SSDA903 URN (providers.py).


class ProviderKind(models.TextChoices):
    IFA = "ifa", "Independent fostering agency"
    SUPPORTED = "supported", "Semi-independent or supported accommodation"
    HOME = "home", "Children's home"


class Rating(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class VisitResult(models.TextChoices):
    MET = "met", "Standards met"
    PARTLY = "partly", "Standards partly met"
    NOT_MET = "not_met", "Standards not met"


class Provider(Timestamped):
    """A provider the City places children with, by its Ofsted unique reference number (the
    URN the SSDA903 episode gives for the placement)."""

    urn = models.CharField("Ofsted URN", max_length=12, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField("Type", max_length=10, choices=ProviderKind.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "urn"]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"


class ProviderInspection(models.Model):
    """One Ofsted judgement: the history of ratings, the latest being the current one (none:
    not yet inspected)."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="inspections")
    inspected_on = models.DateField("Inspection date")
    rating = models.CharField("Ofsted rating", max_length=24, choices=Rating.choices)

    class Meta:
        ordering = ["provider", "-inspected_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "inspected_on"], name="provider_inspection_day"
            )
        ]


class ProviderVisit(models.Model):
    """The City's annual monitoring visit, against the national minimum standards."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="visits")
    visited_on = models.DateField("Monitoring visit")
    result = models.CharField(max_length=8, choices=VisitResult.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["provider", "-visited_on"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "visited_on"], name="provider_visit_day")
        ]


# Safeguarding champions (issue 17, register 8): a champion per department, the chief
# officers' six-monthly assurance returns and the safeguarding training staff completed.


class Department(models.Model):
    name = models.CharField(max_length=200, unique=True)
    chief_officer = models.CharField("Chief officer", max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Champion(models.Model):
    """A department's safeguarding champion from `appointed_on` until `ended_on` (blank:
    still the champion)."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="champions")
    name = models.CharField(max_length=200)
    role = models.CharField("Role", max_length=200, blank=True)
    appointed_on = models.DateField("Date appointed")
    ended_on = models.DateField("Stood down", null=True, blank=True)

    class Meta:
        ordering = ["department", "-appointed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "name", "appointed_on"], name="champion_department_name_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.department}"


class Assurance(models.TextChoices):
    GREEN = "green", "Green: full assurance"
    AMBER = "amber", "Amber: partial assurance"
    RED = "red", "Red: limited assurance"


class AssuranceReturn(models.Model):
    """A chief officer's six-monthly return on how the department discharged its
    safeguarding responsibilities; `half_year` as 2019-20-H1 (April-September) or -H2."""

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="returns")
    half_year = models.CharField("Half-year", max_length=10)
    received_on = models.DateField("Date received")
    assurance = models.CharField("Assurance", max_length=6, choices=Assurance.choices)
    actions = models.TextField("Actions", blank=True)

    class Meta:
        ordering = ["-half_year", "department"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "half_year"], name="assurance_return_department_half"
            )
        ]


class TrainingRecord(models.Model):
    """Safeguarding training one member of staff completed."""

    name = models.CharField("Who", max_length=200)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="training"
    )
    course = models.CharField(max_length=200)
    completed_on = models.DateField("Date completed")

    class Meta:
        ordering = ["-completed_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "course", "completed_on"], name="training_name_course_day"
            )
        ]


class KeptRegister(models.Model):
    """A register this install keeps, from the first time anything was imported into it or
    saved in it (registers/bridge.py). A register kept with no entries in a period reads 0
    on the dashboards; one never kept reads "no data (register not kept)". Deleting every
    entry leaves the register kept."""

    register = models.CharField(max_length=32, unique=True)  # a kind: services.KINDS
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["register"]

    def __str__(self) -> str:
        return f"{self.register} kept since {self.since:%d/%m/%Y}"


# The IRO service and the Virtual School (issue 17, registers 5 and 6) keep their models in
# their own modules, imported here so that Django finds them.
import csc_insight.registers.virtual_school_models  # noqa: E402, F401
from csc_insight.registers.iro_models import IroContact, IroEscalation  # noqa: E402, F401
