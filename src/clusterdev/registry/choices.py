"""Fixed vocabularies of the registry."""

from django.db import models


class Typology(models.TextChoices):
    """The seven subtypes of the seed's broad classification (section 1.2)."""

    TRADITIONAL_SME = "traditional_sme", "Traditional SME (industrial)"
    ANCILLARY_SME = "ancillary_sme", "Ancillary SME (industrial)"
    EXPORT_SME = "export_sme", "Export SME (industrial)"
    HANDICRAFT = "handicraft", "Handicraft (artisan)"
    HANDLOOM = "handloom", "Handloom (artisan)"
    TINY_SSI = "tiny_ssi", "Tiny SSI / micro (artisan)"
    SERVICES = "services", "Services"


TYPOLOGY_FAMILY = {
    Typology.TRADITIONAL_SME: "industrial",
    Typology.ANCILLARY_SME: "industrial",
    Typology.EXPORT_SME: "industrial",
    Typology.HANDICRAFT: "artisan",
    Typology.HANDLOOM: "artisan",
    Typology.TINY_SSI: "artisan",
    Typology.SERVICES: "services",
}


class Status(models.TextChoices):
    CANDIDATE = "candidate", "Candidate (from mapping, not yet reviewed)"
    VERIFIED = "verified", "Verified"
    RETIRED = "retired", "Retired"


PUBLISHED_STATUSES = (Status.VERIFIED, Status.RETIRED)


class SizeBand(models.TextChoices):
    """Bands of enterprise counts (units) from a cluster's headline estimate."""

    UNKNOWN = "unknown", "Units not estimated"
    UNDER_50 = "lt50", "Fewer than 50 units"
    FROM_50 = "50-99", "50–99 units"
    FROM_100 = "100-499", "100–499 units"
    FROM_500 = "500-999", "500–999 units"
    FROM_1000 = "1000-4999", "1,000–4,999 units"
    FROM_5000 = "5000+", "5,000 units or more"


SIZE_BAND_BOUNDS: dict[str, tuple[int, int | None]] = {
    SizeBand.UNDER_50: (0, 49),
    SizeBand.FROM_50: (50, 99),
    SizeBand.FROM_100: (100, 499),
    SizeBand.FROM_500: (500, 999),
    SizeBand.FROM_1000: (1000, 4999),
    SizeBand.FROM_5000: (5000, None),
}


def size_band(units: int | None) -> str:
    if units is None:
        return SizeBand.UNKNOWN
    for band, (low, high) in SIZE_BAND_BOUNDS.items():
        if units >= low and (high is None or units <= high):
            return band
    return SizeBand.UNKNOWN
