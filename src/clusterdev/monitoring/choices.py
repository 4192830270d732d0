"""The vocabularies of monitoring: value types, kinds of value, disaggregations, answers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueType(models.TextChoices):
    NUMBER = "number", _("Number")
    COUNT = "count", _("Count")
    PERCENT = "percent", _("Percent")
    YES_NO = "yes_no", _("Yes / no (1 / 0)")


class Kind(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    TARGET = "target", _("Target")
    ACTUAL = "actual", _("Actual")
    LIFE_TARGET = "life_target", _("Life-of-initiative target")


# Kinds that belong to a period; the others belong to the initiative as a whole.
PERIOD_KINDS = {Kind.TARGET, Kind.ACTUAL}


class Sex(models.TextChoices):
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")


class Size(models.TextChoices):
    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")


class SocialCategory(models.TextChoices):
    SC = "sc", _("SC")
    ST = "st", _("ST")
    OBC = "obc", _("OBC")
    GENERAL = "general", _("General")


# The disaggregation dimensions: the Value field, its vocabulary and its label.
DIMENSIONS: dict[str, type[models.TextChoices]] = {
    "sex": Sex,
    "size": Size,
    "social_category": SocialCategory,
}
DIMENSION_LABELS = {
    "sex": _("Sex"),
    "size": _("Enterprise size"),
    "social_category": _("Social category"),
}


class Ability(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    UNLOCKED = "unlocked", _("Unlocked")
