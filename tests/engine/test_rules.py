"""Rule sets are data files with a source and tests; percentiles interpolate linearly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterdev.engine import RuleSetError, list_rules, load_rules
from clusterdev.engine.methods import apply_rules, stars

REQUIRED = {"unido-1996", "fmc-observatory", "msme-di-small", "lq-stars", "strong"}


def test_the_required_rule_sets_ship_with_a_version_title_source_and_tests() -> None:
    assert set(list_rules()) >= REQUIRED
    for name in list_rules():
        rules = load_rules(name)
        assert rules.name == name and rules.version and rules.title
        assert rules.source_document and rules.tests


def test_a_copied_and_edited_rule_file_can_be_passed_by_path(tmp_path: Path) -> None:
    text = list_rules()["msme-di-small"].read_text().replace("value = 20", "value = 35")
    path = tmp_path / "mine.toml"
    path.write_text(text.replace('name = "msme-di-small"', 'name = "mine"'))
    rules = load_rules(str(path))
    assert rules.name == "mine" and rules.tests[0].conditions[0].value == 35


def test_an_unknown_rule_set_name_fails_listing_the_known_ones() -> None:
    with pytest.raises(RuleSetError, match="fmc-observatory"):
        load_rules("no-such-rules")


def test_a_malformed_rule_file_fails_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'name = "bad"\nversion = "1"\ntitle = "Bad"\n[[tests]]\nid = "x"\nconditions = [{ figure = "height", value = 1 }]\n'
    )
    with pytest.raises(RuleSetError, match="figure must be one of"):
        load_rules(str(path))


def _table(lq: list[float], emp: list[int], units: list[int]) -> pd.DataFrame:
    n = len(lq)
    return pd.DataFrame(
        {
            "product_code": ["1430"] * n,
            "typology": ["industrial"] * n,
            "location_quotient": lq,
            "employment": emp,
            "units": units,
            "turnover_inr": [0.0] * n,
            "looms": [0] * n,
            "stars": [0] * n,
            "share": [0.1] * n,
        }
    )


def test_strong_clusters_use_linearly_interpolated_percentiles() -> None:
    lq = [0.5, 1.0, 1.5, 2.0, 4.0]
    emp = [10, 20, 30, 40, 50]
    df = _table(lq, emp, [1, 2, 3, 4, 5])
    p75 = np.percentile(lq, 75)  # 2.0 by linear interpolation
    assert p75 == 2.0
    found = apply_rules(df, load_rules("strong"))
    assert list(found["location_quotient"]) == [2.0, 4.0]
    assert list(found["rules_met"]) == ["strong", "strong;strong10"]


def test_unido_excludes_services_and_artisan_clusters() -> None:
    df = _table([1.0] * 3, [500] * 3, [150] * 3).assign(
        typology=["industrial", "services", "handicraft"]
    )
    assert list(apply_rules(df, load_rules("unido-1996"))["typology"]) == ["industrial"]


def test_stars_count_size_specialisation_and_focus() -> None:
    df = _table([3.0, 0.5, 2.5], [1000, 10, 20], [1, 1, 1]).assign(share=[0.99, 0.01, 0.95])
    assert list(stars(df)) == [3, 0, 1]


@pytest.mark.parametrize(
    ("footprint", "message"),
    [
        ("cell_km = 0", "footprint.cell_km must be between 0.1 and 100"),
        ("cell_km = 500", "footprint.cell_km must be between 0.1 and 100"),
        ('cell_km = "two"', "footprint.cell_km must be a number"),
        ("min_units = 0", "footprint.min_units must be a whole number of at least 1"),
        ('edge_cells = "yes"', "footprint.edge_cells must be true or false"),
        ("min_unit = 20", "unknown footprint setting min_unit"),
    ],
)
def test_footprint_parameters_outside_their_range_fail_naming_the_field(
    tmp_path: Path, footprint: str, message: str
) -> None:
    path = tmp_path / "grid.toml"
    path.write_text(
        'name = "grid"\nversion = "1"\ntitle = "Grid"\n[[tests]]\nid = "x"\n'
        f'conditions = [{{ figure = "units", value = 1 }}]\n[footprint]\n{footprint}\n'
    )
    with pytest.raises(RuleSetError, match=message) as error:
        load_rules(str(path))
    assert "grid.toml" in str(error.value)
