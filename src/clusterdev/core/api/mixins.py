from typing import Any

from django.db.models import QuerySet


# List filters do not apply to one object's URL. DRF filters the queryset for detail views too,
# which builds the whole filterset (about half the cost of a detail request) to no purpose: an
# object's URL names it exactly. (A comment, not a docstring: drf-spectacular would publish a
# docstring as the description of every endpoint that inherits it.)
class FiltersOnListsOnly:
    action: str | None

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if getattr(self, "action", None) != "list":
            return queryset
        return super().filter_queryset(queryset)  # type: ignore[misc]
