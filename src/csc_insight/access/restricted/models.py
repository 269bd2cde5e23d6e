"""A restricted record (a flag on one child) and the time-limited grants that open it.

Children of staff, relatives of staff, high-profile cases and adoptions are restricted:
their journey and their row in any child-level list open only for the roles named in
CSC_INSIGHT_RESTRICTED_ROLES (default: Administrator) or for a user holding a grant that
has not expired or been revoked. Nothing is deleted: lifting a flag and revoking a grant
are recorded with who and when, so the review report shows the whole history.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models


class Category(models.TextChoices):
    STAFF = "staff", "Member of staff"
    RELATIVE = "relative", "Relative of a member of staff"
    HIGH_PROFILE = "high_profile", "High profile"
    ADOPTION = "adoption", "Adoption"
    OTHER = "other", "Other"


class RestrictedRecord(models.Model):
    child_id = models.CharField(max_length=64, unique=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.CharField(max_length=300)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    flagged_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["child_id"]

    def __str__(self) -> str:
        return f"{self.child_id} ({self.get_category_display()})"

    @property
    def in_force(self) -> bool:
        return self.lifted_at is None


class Grant(models.Model):
    record = models.ForeignKey(RestrictedRecord, on_delete=models.PROTECT, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="restricted_grants"
    )
    reason = models.CharField(max_length=300)
    until = models.DateField(help_text="The last day the grant opens the record")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} on {self.record.child_id} until {self.until:%d/%m/%Y}"

    def status(self, today: date) -> str:
        if self.revoked_at is not None:
            return "Revoked"
        return "Active" if today <= self.until else "Expired"
