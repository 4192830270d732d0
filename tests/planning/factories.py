"""Saved scenarios for the tests."""

from typing import Any

from clusterdev.planning.model import Scenario
from clusterdev.planning.models import SavedScenario


def make_scenario(owner: Any, name: str = "Faster take-up", **inputs: Any) -> SavedScenario:
    mapping = Scenario.from_mapping({"clusters_per_year_max": 500, **inputs}).to_mapping()
    mapping.pop("name")
    return SavedScenario.objects.create(
        owner=owner, name=name, slug=SavedScenario.free_slug(name), inputs=mapping
    )
