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


class ActorKind(models.TextChoices):
    """The seed's cluster actors (domain reference, section 1)."""

    FIRM = "firm", "Enterprise"
    SUPPLIER = "supplier", "Supplier (raw material, machinery)"
    BUYER = "buyer", "Buyer"
    SUBCONTRACTOR = "subcontractor", "Sub-contractor"
    BDS_PROVIDER = "bds_provider", "BDS provider"
    BMO = "bmo", "BMO (association, chamber, cooperative)"
    PUBLIC_INSTITUTION = "public_institution", "Public institution"
    FINANCE = "finance", "Finance institution"
    REGULATOR = "regulator", "Regulator"
    OTHER = "other", "Other"


class ActorSize(models.TextChoices):
    MICRO = "micro", "Micro"
    SMALL = "small", "Small"
    MEDIUM = "medium", "Medium"
    LARGE = "large", "Large"


class TieKind(models.TextChoices):
    SUPPLY = "supply", "Supplies to"
    SALES = "sales", "Sells through / to"
    SUBCONTRACTING = "subcontracting", "Sub-contracts"
    SERVICE = "service", "Provides services"
    MEMBERSHIP = "membership", "Member of"
    FINANCE = "finance", "Finances"
    INFORMATION = "information", "Exchanges information"
    COOPERATION = "cooperation", "Cooperates"


class DocumentKind(models.TextChoices):
    DSR = "dsr", "Diagnostic study report (DSR)"
    SURVEY = "survey", "Survey data"
    MINUTES = "minutes", "Minutes of a meeting"
    PHOTO = "photo", "Photograph"
    OTHER = "other", "Other"


# Upload limits: what a field office can send on a slow link, in the formats it has.
DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
