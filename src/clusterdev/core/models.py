"""The base every domain model shares."""

from django.db import models


class DomainModel(models.Model):
    """A row of domain data: timestamped, and change-logged once registered with auditlog.

    Every concrete subclass is registered in its app's ``changelog.py`` so that each create,
    update and delete records who, when and the before/after values.
    """

    created = models.DateTimeField(auto_now_add=True)
    last_updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class DataVersion(models.Model):
    """One row whose number goes up with every write to domain data.

    Cached answers carry the number they were computed at; bumping it inside the writing
    transaction makes every server process see the change on its very next request.
    """

    version = models.PositiveBigIntegerField(default=1)

    class Meta:
        verbose_name = "data version"

    def __str__(self) -> str:
        return f"data version {self.version}"
