"""What a person is told when a place cannot be resolved."""

import pickle

import pytest

from clusterdev.gazetteer import UnresolvedPlace, load_gazetteer


def test_unknown_district_raises_with_a_suggestion() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Gujarat", "Ahmdabad")
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.field, error.value) == ("district", "Ahmdabad")
    assert error.reason == "unknown district in Gujarat"
    assert error.suggestions[0] == "Ahmedabad"
    assert str(error) == (
        "district 'Ahmdabad' is not a known district of Gujarat; did you mean Ahmedabad?"
    )


def test_unknown_state_raises_with_field_state() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Atlantis", "Ahmedabad")
    assert caught.value.field == "state"
    assert caught.value.reason == "unknown state"
    assert caught.value.value == "Atlantis"


def test_suggestions_are_at_most_three_distinct_names() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Uttar Pradesh", "Bad")
    assert len(caught.value.suggestions) <= 3
    assert len(set(caught.value.suggestions)) == len(caught.value.suggestions)


def test_district_from_the_wrong_state_says_where_it_is() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Bihar", "Pune")
    assert "in Maharashtra" in str(caught.value)


def test_empty_district_is_reported_as_missing() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Goa", "  ")
    assert caught.value.field == "district"
    assert "missing" in str(caught.value)


def test_the_error_survives_pickling() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve("Gujarat", "Ahmdabad")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.field, copy.value, copy.reason, copy.suggestions, str(copy)) == (
        caught.value.field,
        caught.value.value,
        caught.value.reason,
        caught.value.suggestions,
        str(caught.value),
    )
