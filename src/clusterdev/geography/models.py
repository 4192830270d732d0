"""Geography as stored in the database; :mod:`clusterdev.gazetteer` is where it comes from.

These rows are reference data: they are replaced wholesale by ``load_geography`` and are
not edited by hand, so they are not change-logged.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse


class State(models.Model):
    code = models.CharField(
        max_length=8, unique=True, help_text="Stable code: ISO 3166-2:IN as first assigned"
    )
    name = models.CharField(max_length=100)
    iso_3166_2 = models.CharField(max_length=8, blank=True, help_text="Current ISO 3166-2 code")
    census2011_code = models.CharField(max_length=2, blank=True)
    lgd_code = models.CharField(max_length=4, blank=True)
    india_post_name = models.CharField(max_length=100, blank=True)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geography:state", args=[self.code])


class District(models.Model):
    code = models.CharField(
        max_length=40, unique=True, help_text="LGD district code where known, else IP-…"
    )
    name = models.CharField(max_length=100)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="districts")
    india_post_label = models.CharField(max_length=100, blank=True)
    lgd_code = models.CharField(max_length=8, blank=True)
    lgd_name = models.CharField(max_length=100, blank=True)
    census2011_name = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    centroid_basis = models.CharField(max_length=20, blank=True)
    pin_count = models.PositiveIntegerField(default=0, validators=[MaxValueValidator(1_000_000)])

    class Meta:
        ordering = ["state__name", "name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return f"{self.name}, {self.state.name}"

    def get_absolute_url(self) -> str:
        return reverse("geography:district", args=[self.code])


class DistrictAlias(models.Model):
    """One known spelling of a district, with where the spelling comes from."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=100)
    normalised = models.CharField(max_length=100, db_index=True)
    kind = models.CharField(max_length=20)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["district", "normalised", "kind"], name="uniq_alias")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class PinCode(models.Model):
    pin = models.CharField(max_length=6, unique=True)
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="pincodes", null=True, blank=True
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["pin"]

    def __str__(self) -> str:
        return self.pin
