"""States and union territories: the committed table and how they resolve."""

import pytest

from clusterdev.gazetteer import UnresolvedPlace, load_gazetteer


def test_all_36_states_and_union_territories_are_present() -> None:
    states = list(load_gazetteer().states())
    assert len(states) == 36
    assert len({s.code for s in states}) == 36
    assert len({s.india_post_name for s in states}) == 36


def test_every_state_has_a_district() -> None:
    gaz = load_gazetteer()
    assert all(any(True for _ in gaz.districts(s.code)) for s in gaz.states())


def test_census_codes_run_from_01_to_35_with_the_post_2011_units_empty() -> None:
    states = list(load_gazetteer().states())
    census = sorted(s.census2011_code for s in states if s.census2011_code)
    # 25 (Daman & Diu) and 26 (Dadra & Nagar Haveli) merged into IN-DH in 2020.
    assert census == [f"{n:02d}" for n in range(1, 36) if n not in (25, 26)]
    without = {s.code for s in states if s.census2011_code is None}
    assert without == {"IN-TG", "IN-LA", "IN-DH"}


def test_lgd_codes_of_the_newer_units() -> None:
    gaz = load_gazetteer()
    codes = {code: gaz.state_by_code(code).lgd_code for code in ("IN-TG", "IN-LA", "IN-DH")}
    assert codes == {"IN-TG": "36", "IN-LA": "37", "IN-DH": "38"}


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("IN-GJ", "IN-GJ"),
        ("gj", "IN-GJ"),
        ("24", "IN-GJ"),
        ("Orissa", "IN-OR"),
        ("IN-OD", "IN-OR"),
        ("Pondicherry", "IN-PY"),
        ("Uttaranchal", "IN-UT"),
        ("IN-UK", "IN-UT"),
        ("IN-TS", "IN-TG"),
        ("36", "IN-TG"),
        ("Jammu & Kashmir", "IN-JK"),
        ("1", "IN-JK"),
        ("NCT of Delhi", "IN-DL"),
        ("Andaman & Nicobar Islands", "IN-AN"),
        ("Dadra & Nagar Haveli", "IN-DH"),
        ("Daman & Diu", "IN-DH"),
        ("THE DADRA AND NAGAR HAVELI AND DAMAN AND DIU", "IN-DH"),
        ("  tamil   nadu. ", "IN-TN"),
    ],
)
def test_resolves_a_state_from_any_known_spelling_or_code(spelling: str, code: str) -> None:
    assert load_gazetteer().resolve_state(spelling).code == code


def test_state_by_code_accepts_the_stable_and_the_current_iso_code() -> None:
    gaz = load_gazetteer()
    assert gaz.state_by_code("IN-CT") is gaz.state_by_code("IN-CG")
    with pytest.raises(KeyError):
        gaz.state_by_code("IN-XX")


def test_unknown_state_raises_with_field_state_and_a_suggestion() -> None:
    with pytest.raises(UnresolvedPlace) as caught:
        load_gazetteer().resolve_state("Gujrat")
    assert caught.value.field == "state"
    assert caught.value.reason == "unknown state"
    assert caught.value.suggestions == ["Gujarat"]
    assert "did you mean Gujarat?" in str(caught.value)
