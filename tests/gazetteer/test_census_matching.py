"""How the Census 2011 → LGD crosswalk (indiaset) lines up with India Post districts."""

from collections import Counter

from clusterdev.gazetteer import load_gazetteer, unmatched_census_districts

CROSSWALK_ROWS = 640


def test_at_least_90_percent_of_the_640_census_districts_are_matched() -> None:
    gaz = load_gazetteer()
    matches = gaz.census_matches
    assert len(matches) == CROSSWALK_ROWS
    matched = sum(1 for m in matches if m.district_code is not None)
    assert matched / CROSSWALK_ROWS >= 0.90
    assert gaz.census_match_rate() == matched / CROSSWALK_ROWS


def test_unmatched_census_districts_are_listed_and_agree_with_the_rate() -> None:
    gaz = load_gazetteer()
    unmatched = unmatched_census_districts(gaz)
    assert isinstance(unmatched, list)
    assert len(unmatched) == round(CROSSWALK_ROWS * (1 - gaz.census_match_rate()))


def test_most_matches_need_no_curated_alias() -> None:
    methods = Counter(m.method for m in load_gazetteer().census_matches)
    by_source_spelling = methods["census_name"] + methods["lgd_name"]
    assert by_source_spelling / CROSSWALK_ROWS >= 0.90


def test_no_two_census_districts_claim_the_same_india_post_district() -> None:
    codes = Counter(m.district_code for m in load_gazetteer().census_matches if m.district_code)
    assert max(codes.values()) == 1


def test_matched_districts_carry_lgd_code_and_both_spellings_as_aliases() -> None:
    gaz = load_gazetteer()
    for match in gaz.census_matches:
        if match.district_code is None:
            continue
        district = gaz.district_by_code(match.district_code)
        assert district.lgd_code == match.census.lgd_code
        kinds = {a.kind for a in district.aliases}
        assert {"india_post", "census2011", "lgd"} <= kinds


def test_lgd_codes_are_unique_across_districts() -> None:
    codes = [d.lgd_code for d in load_gazetteer().districts() if d.lgd_code]
    assert len(codes) == len(set(codes))
