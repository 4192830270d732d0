"""Numbers too long or too precise to plan with are refused as field errors, quickly."""

import time

import pytest

from clusterdev.planning.model import PlanningInputError, Scenario, seed_mapping


@pytest.mark.parametrize("value", ["1e999999", "1e-999999", "0." + "1" * 60, "9" * 60])
@pytest.mark.parametrize("field", ["cost_per_cluster_crore", "inflation_rate", "clusters"])
def test_oversized_number_is_a_field_error_naming_the_field(field: str, value: str) -> None:
    mapping = seed_mapping()
    mapping[field] = value
    started = time.perf_counter()
    with pytest.raises(PlanningInputError) as error:
        Scenario.from_mapping(mapping)
    assert field in error.value.by_field()
    assert time.perf_counter() - started < 1


def test_overlong_spending_share_is_a_field_error() -> None:
    mapping = seed_mapping()
    mapping["spending_profile"] = ["0." + "1" * 40, "0.2", "0.2", "0.2", "0.2"]
    with pytest.raises(PlanningInputError) as error:
        Scenario.from_mapping(mapping)
    assert any(field.startswith("spending_profile") for field in error.value.by_field())
