from django.db import models


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    SUSPENDED = "suspended", "Suspended"
    DROPPED = "dropped", "Dropped"


class Step(models.IntegerChoices):
    SELECTION = 1, "Selection"
    DIAGNOSTIC = 2, "Diagnostic study"
    TRUST = 3, "Trust building"
    ACTION_PLAN = 4, "Action plan"
    IMPLEMENTATION = 5, "Implementation"
    MONITORING = 6, "Monitoring & evaluation"


class Objective(models.TextChoices):
    COMPETITIVENESS = "competitiveness", "Competitiveness"
    POVERTY = "poverty_alleviation", "Poverty alleviation"
    EMPLOYMENT = "employment", "Employment"
    GOVERNANCE = "local_governance", "Local governance"
    ENVIRONMENT = "environment", "Environment"


class Approach(models.TextChoices):
    TECHNOLOGY = "technology", "Technology-focused"
    CONSORTIA = "consortia", "Consortia"
    NETWORK = "network", "Network / governance"
    MIXED = "mixed", "Mixed"


class RecordStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"


class Decision(models.TextChoices):
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"


# The free-text sections of each step's record (the structured parts of steps 2, 4, 5 and 6
# live in the diagnostics, actionplans and monitoring apps).
STEP_SECTIONS = {
    1: [
        ("criteria", "How candidate clusters were found and judged"),
        ("decision", "Why this cluster was chosen"),
    ],
    2: [
        ("findings", "Main findings of the study"),
        ("participation", "How the cluster's actors took part"),
    ],
    3: [
        ("trust", "Trust among the actors and with the institution"),
        ("joint_actions", "Small joint actions and what came of them"),
    ],
    4: [
        ("priorities", "Priorities agreed with the actors"),
        ("ownership", "Who owns the plan locally"),
    ],
    5: [
        ("handover", "What local actors now carry out themselves"),
        ("issues", "Problems met and how they were handled"),
    ],
    6: [
        ("results", "Results against the targets"),
        ("sustainability", "Can local institutions carry on?"),
        ("lessons", "Lessons for other clusters"),
    ],
}


class ActorType(models.TextChoices):
    """Who took part in an event (the seed's cluster actors)."""

    FIRM = "firm", "Enterprises"
    ARTISAN = "artisan", "Artisans and workers"
    SUPPLIER = "supplier", "Suppliers"
    BUYER = "buyer", "Buyers"
    BDS = "bds_provider", "BDS providers"
    BMO = "bmo", "BMOs (associations, cooperatives)"
    INSTITUTION = "institution", "Public institutions"
    FINANCE = "finance", "Finance institutions"
    OTHER = "other", "Others"


# Step 1's selection criteria (the seed's four), in the order pages show them.
CRITERIA_LABELS = {
    "socio_economic_importance": "Socio-economic importance",
    "promotability": "Promotability",
    "viability": "Viability",
    "sustainability": "Sustainability",
}
