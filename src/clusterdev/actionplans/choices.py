"""Fixed vocabularies of the action plan (step 4) and its implementation (step 5)."""

from django.db import models

from clusterdev.initiatives import choices as initiative_choices


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for review"
    APPROVED = "approved", "Approved"
    SUPERSEDED = "superseded", "Superseded by a later approved version"


# Versions nobody may change any more: start a new version instead.
LOCKED = (PlanStatus.APPROVED, PlanStatus.SUPERSEDED)
# Versions still being worked on; an initiative has at most one of these.
OPEN = (PlanStatus.DRAFT, PlanStatus.SUBMITTED)


# Reviews of plan versions use the same decisions as reviews of step records.
Decision = initiative_choices.Decision


class LegalForm(models.TextChoices):
    COMPANY = "company", "Company"
    SECTION_8 = "section_8", "Section 8 company"
    COOPERATIVE = "cooperative", "Cooperative"
    SOCIETY = "society", "Society"
    OTHER = "other", "Other"


class NetworkPurpose(models.TextChoices):
    JOINT_PURCHASE = "joint_purchase", "Joint purchase"
    PRODUCTION = "production", "Joint production"
    MARKETING = "marketing", "Joint marketing"
    LOAN_GUARANTEE = "loan_guarantee", "Collective loan guarantee"
    OTHER = "other", "Other"


class FacilityStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    UNDER_CONSTRUCTION = "under_construction", "Under construction"
    OPERATIONAL = "operational", "Operational"
    CLOSED = "closed", "Closed"


SHARE_FIELDS = ("share_private", "share_institution", "share_scheme", "share_state")
SHARE_LABELS = {
    "share_private": "private",
    "share_institution": "institution",
    "share_scheme": "scheme",
    "share_state": "state",
}
# What a comparison of two versions looks at, activity by activity.
COMPARED_FIELDS = (
    "title",
    "budget_inr",
    "start_date",
    "end_date",
    "responsible",
    *SHARE_FIELDS,
    "scheme_name",
)

COMPARED_LABELS = {
    "title": "Title",
    "budget_inr": "Budget (Rs)",
    "start_date": "Start",
    "end_date": "End",
    "responsible": "Responsible",
    "share_private": "Private share (%)",
    "share_institution": "Institution share (%)",
    "share_scheme": "Scheme share (%)",
    "share_state": "State share (%)",
    "scheme_name": "Scheme",
}

NETWORK_MIN_MEMBERS = 3
NETWORK_MAX_MEMBERS = 20
