"""Resolving (state, district) pairs written the many ways real data write them."""

import pytest

from clusterdev.gazetteer import District, load_gazetteer


def resolve(state: str, district: str) -> District:
    return load_gazetteer().resolve(state, district)


def test_resolves_india_post_label_of_ahmedabad() -> None:
    ahmedabad = resolve("Gujarat", "AHMADABAD")
    assert (ahmedabad.name, ahmedabad.state_code, ahmedabad.code) == ("Ahmadabad", "IN-GJ", "438")


def test_resolves_common_and_lgd_spelling_of_ahmedabad() -> None:
    assert resolve("Gujarat", "Ahmedabad") == resolve("Gujarat", "AHMADABAD")


def test_resolves_census_spelling_of_ahmedabad() -> None:
    ahmedabad = resolve("Gujarat", "AHMADABAD")
    assert ahmedabad.census2011_name == "Ahmadabad"
    assert resolve("24", "Ahmadabad") == ahmedabad


def test_resolves_tuticorin_and_thoothukudi_to_the_same_district() -> None:
    tuticorin = resolve("Tamil Nadu", "TUTICORIN")
    assert resolve("Tamil Nadu", "Thoothukudi") == tuticorin
    assert resolve("Tamil Nadu", "Thoothukkudi") == tuticorin
    assert tuticorin.lgd_code == "594"


@pytest.mark.parametrize(
    ("state", "district", "expected"),
    [
        ("Haryana", "Gurgaon", "Gurugram"),
        ("Karnataka", "Bangalore", "Bengaluru Urban"),
        ("Karnataka", "Mysore", "Mysuru"),
        ("Uttar Pradesh", "Allahabad", "Prayagraj"),
        ("Gujarat", "Baroda", "Vadodara"),
        ("Maharashtra", "Poona", "Pune"),
        ("Maharashtra", "Bombay", "Mumbai"),
        ("West Bengal", "Calcutta", "Kolkata"),
        ("Tamil Nadu", "Madras", "Chennai"),
        ("Tamil Nadu", "Trichy", "Tiruchirappalli"),
        ("Kerala", "Trivandrum", "Thiruvananthapuram"),
        ("West Bengal", "North 24 Parganas", "24 Paraganas North"),
    ],
)
def test_resolves_well_known_renamings_and_common_spellings(
    state: str, district: str, expected: str
) -> None:
    assert resolve(state, district).name == expected


@pytest.mark.parametrize(
    ("state", "district", "expected"),
    [
        ("Jammu & Kashmir", "Badgam", "Budgam"),  # Census 2011 spelling
        ("Jammu & Kashmir", "Punch", "Poonch"),
        ("Odisha", "Balasore", "Baleshwar"),  # LGD spelling
        ("Odisha", "Keonjhar", "Kendujhar"),
        ("Maharashtra", "Chhatrapati Sambhajinagar", "Aurangabad"),  # LGD, renamed 2023
        ("Madhya Pradesh", "Narmadapuram", "Hoshangabad"),
        ("Sikkim", "Gangtok", "East District"),
        ("Karnataka", "Bijapur", "Vijayapura"),
        ("Chhattisgarh", "Bijapur", "Bijapur"),
    ],
)
def test_resolves_census_and_lgd_spellings(state: str, district: str, expected: str) -> None:
    assert resolve(state, district).name == expected


def test_resolves_an_lgd_district_code_given_as_the_district() -> None:
    assert resolve("Gujarat", "438").name == "Ahmadabad"


@pytest.mark.parametrize(
    "spelling", ["ahmedabad", "AHMEDABAD", "  Ahmedabad  ", "Ahmed-abad.", "ahmed abad"]
)
def test_resolves_any_case_and_stray_spaces_and_punctuation(spelling: str) -> None:
    assert resolve(" gujarat ", spelling).code == "438"


def test_resolves_a_state_given_by_iso_code() -> None:
    assert resolve("IN-GJ", "Surat") == resolve("Gujarat", "Surat")
    assert resolve("in-tn", "Madurai").state_code == "IN-TN"


def test_same_label_in_two_states_is_told_apart_by_the_state() -> None:
    bihar = resolve("Bihar", "Aurangabad")
    maharashtra = resolve("Maharashtra", "Aurangabad")
    assert bihar.state_code == "IN-BR"
    assert maharashtra.state_code == "IN-MH"
    assert bihar.code != maharashtra.code
    assert bihar.name == maharashtra.name == "Aurangabad"


@pytest.mark.parametrize("label", ["AURANGABAD", "BALRAMPUR", "BILASPUR", "HAMIRPUR", "PRATAPGARH"])
def test_every_label_shared_by_two_states_gives_two_districts(label: str) -> None:
    found = [d for d in load_gazetteer().districts() if d.india_post_label == label]
    assert len(found) == 2
    assert len({d.state_code for d in found}) == 2


def test_census_spelling_resolves_under_the_2011_state_of_a_district_now_in_telangana() -> None:
    hyderabad = resolve("Telangana", "Hyderabad")
    assert resolve("Andhra Pradesh", "Hyderabad") == hyderabad
    assert hyderabad.state_code == "IN-TG"
    assert hyderabad.census2011_state_code == "IN-AP"


def test_leh_resolves_under_ladakh_and_under_its_2011_state() -> None:
    leh = resolve("Ladakh", "Leh")
    assert resolve("Jammu and Kashmir", "Leh(Ladakh)") == leh
    assert leh.state_code == "IN-LA"


def test_district_codes_are_lgd_codes_or_india_post_codes() -> None:
    for district in load_gazetteer().districts():
        if district.lgd_code is not None:
            assert district.code == district.lgd_code
        else:
            suffix = district.state_code.removeprefix("IN-")
            assert district.code.startswith(f"IP-{suffix}-")


def test_district_by_code_round_trips_every_district() -> None:
    gaz = load_gazetteer()
    for district in gaz.districts():
        assert gaz.district_by_code(district.code) is district
    with pytest.raises(KeyError):
        gaz.district_by_code("IP-XX-NOWHERE")


def test_every_alias_of_every_district_resolves_back_to_it() -> None:
    gaz = load_gazetteer()
    for district in gaz.districts():
        for alias in district.aliases:
            assert gaz.resolve(district.state_code, alias.name) is district, alias
