"""Fixed vocabularies of the diagnostic study."""

from django.db import models


class ConstraintArea(models.TextChoices):
    """Where a diagnosed constraint lies; action plan activities answer to these."""

    TECHNOLOGY = "technology", "Technology and production"
    RAW_MATERIAL = "raw_material", "Raw material"
    FINANCE = "finance", "Finance and credit"
    MARKETING = "marketing", "Marketing and market access"
    DESIGN = "design", "Design and product development"
    SKILLS = "skills", "Skills and training"
    INFRASTRUCTURE = "infrastructure", "Infrastructure"
    ENVIRONMENT = "environment", "Environment and energy"
    WORK_CONDITIONS = "work_conditions", "Work conditions"
    COOPERATION = "cooperation", "Cooperation and governance"
    POLICY = "policy", "Policy and regulation"
    OTHER = "other", "Other"
