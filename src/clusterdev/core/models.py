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
