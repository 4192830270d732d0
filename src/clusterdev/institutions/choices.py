"""Fixed vocabularies of the institutions app (after the seed's section 2.4 and 2.5 tables)."""

from django.db import models


class Category(models.TextChoices):
    """The five groups of the seed's 2005 status table (section 2.5)."""

    INTERNATIONAL = "international", "International"
    NATIONAL_PUBLIC = "national_public", "National government / public"
    NATIONAL_NON_GOVERNMENT = "national_non_government", "National non-government"
    STATE_GOVERNMENT = "state_government", "State government"
    STATE_NON_GOVERNMENT = "state_non_government", "State non-government"
    NOT_STATED = "not_stated", "Not stated in the source"


class RoleKind(models.TextChoices):
    ROLE = "role", "Role"
    FOCUS = "focus", "Focus of general improvement"


class ClusterType(models.TextChoices):
    """Abbreviations of the status table's "type of clusters assisted" column."""

    INDUSTRIAL = "industrial", "Industrial (Ind.)"
    ARTISAN = "artisan", "Artisan (Art.)"
    TEXTILE = "textile", "Textile (Tex:)"
    RURAL = "rural", "Rural"
    FLORICULTURE = "floriculture", "Floriculture (Flor.)"
    HORTICULTURE = "horticulture", "Horticulture (Hort.)"


class Channel(models.TextChoices):
    """Who carries out the initiatives (section 2.4)."""

    OWN_STAFF = "own_staff", "Own employees"
    EXTERNAL = "external", "External institutions"
    NOT_STATED = "", "Not stated"


class Leverage(models.TextChoices):
    """Whether over 20 % of the funds came from others (section 2.4): yes, or not applicable."""

    YES = "yes", "Yes"
    NOT_APPLICABLE = "na", "Not applicable (NA)"
    NOT_STATED = "", "Not stated"


class ThrustArea(models.TextChoices):
    CREDIT = "credit", "Credit"
    TECHNOLOGY = "technology", "Technology"
    EMPLOYMENT = "employment", "Employment"
    INFRASTRUCTURE = "infrastructure", "Infrastructure"
