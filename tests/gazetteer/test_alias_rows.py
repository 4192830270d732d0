"""The alias table handed to vectorised joins."""

from collections import Counter

from clusterdev.gazetteer import load_gazetteer, normalise


def test_each_state_and_district_key_pair_occurs_once() -> None:
    rows = list(load_gazetteer().alias_rows())
    pairs = Counter((state_key, district_key) for state_key, district_key, _ in rows)
    assert max(pairs.values()) == 1


def test_every_spelling_of_every_district_is_joinable_under_every_state_key() -> None:
    gaz = load_gazetteer()
    rows = {(s, d): code for s, d, code in gaz.alias_rows()}
    state_keys: dict[str, list[str]] = {}
    for key, code in gaz.state_alias_rows():
        state_keys.setdefault(code, []).append(key)
    for district in gaz.districts():
        for alias in district.aliases:
            for state_key in state_keys[district.state_code]:
                assert rows[(state_key, alias.normalised)] == district.code


def test_keys_are_already_normalised() -> None:
    for state_key, district_key, _ in load_gazetteer().alias_rows():
        assert normalise(state_key) == state_key
        assert normalise(district_key) == district_key


def test_join_rows_agree_with_the_resolver() -> None:
    gaz = load_gazetteer()
    rows = {(s, d): code for s, d, code in gaz.alias_rows()}
    assert rows[("gujarat", "ahmedabad")] == gaz.resolve("Gujarat", "Ahmedabad").code
    assert rows[("andhrapradesh", "hyderabad")] == gaz.resolve("Telangana", "Hyderabad").code
    assert rows[("ingj", "438")] == "438"
