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
