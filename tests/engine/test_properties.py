"""Invariants: row order, file splits and the LQ formula."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterdev.engine import location_quotient, map_register

SETTINGS = settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    from clusterdev.engine.synth import synthesise

    path = tmp_path_factory.mktemp("prop") / "r.csv"
    synthesise(path, enterprises=3_000, seed=5, mean_units=250)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    # A few rows that go to quarantine, so that it is covered too.
    bad = frame.head(3).copy()
    bad["nic_code"] = "99999"
    bad["enterprise_id"] = ["Q1", "Q2", "Q3"]
    return pd.concat([frame, bad], ignore_index=True)


def _clusters(path: object) -> pd.DataFrame:
    result = map_register(path, "msme-di-small")  # type: ignore[arg-type]
    return result.clusters.drop(columns=["outline"]), result.quarantine, result.summary["rows"]


def _write(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


def test_the_lq_check_value_is_twenty() -> None:
    assert location_quotient(200, 1_000, 10_000, 1_000_000) == pytest.approx(20.0)


def test_an_lq_with_an_empty_region_is_not_a_number() -> None:
    assert math.isnan(location_quotient(0, 0, 10, 100))


@SETTINGS
@given(seed=st.integers(0, 2**16))
def test_permuting_the_rows_changes_nothing(
    register: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory, seed: int
) -> None:
    folder = tmp_path_factory.mktemp("perm")
    a = _clusters(_write(register, folder / "a.csv"))
    b = _clusters(_write(register.sample(frac=1, random_state=seed), folder / "b.csv"))
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    assert a[2] == b[2]


@SETTINGS
@given(cut=st.floats(0.05, 0.95))
def test_mapping_two_files_together_equals_mapping_their_concatenation(
    register: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory, cut: float
) -> None:
    folder = tmp_path_factory.mktemp("split")
    at = int(len(register) * cut)
    whole = _clusters(_write(register, folder / "whole.csv"))
    first = _write(register.iloc[:at], folder / "first.csv")
    second = _write(register.iloc[at:], folder / "second.csv")
    split = _clusters([first, second])
    pd.testing.assert_frame_equal(whole[0], split[0])
    pd.testing.assert_frame_equal(whole[1], split[1])
    assert whole[2] == split[2]


@SETTINGS
@given(data=st.data())
def test_the_reported_lq_matches_its_formula(register: pd.DataFrame, data: st.DataObject) -> None:
    frame = register[register.nic_code != "99999"]
    clusters = _clusters_admin_cached(register)
    row = clusters.iloc[data.draw(st.integers(0, len(clusters) - 1))]
    frame = frame.assign(product=frame.nic_code.str[:4], employment=frame.employment.astype(int))
    from clusterdev.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    codes = [gaz.resolve(s, d).code for s, d in zip(frame.state, frame.district, strict=True)]
    frame = frame.assign(district_code=codes)
    in_region = frame[frame.district_code == row["district_codes"]]
    e_ir = in_region[in_region["product"] == row["product_code"]].employment.sum()
    e_r = in_region.employment.sum()
    big_e_i = frame[frame["product"] == row["product_code"]].employment.sum()
    big_e = frame.employment.sum()
    assert row["location_quotient"] == pytest.approx((e_ir / e_r) / (big_e_i / big_e), rel=1e-5)


_CACHE: dict[int, pd.DataFrame] = {}


def _clusters_admin_cached(register: pd.DataFrame) -> pd.DataFrame:
    key = id(register)
    if key not in _CACHE:
        import tempfile

        path = Path(tempfile.mkdtemp()) / "r.csv"
        register.to_csv(path, index=False)
        _CACHE[key] = map_register(path, "msme-di-small", methods=["administrative"]).clusters
    return _CACHE[key]


@settings(max_examples=25, deadline=None)
@given(
    cells=st.sets(
        st.tuples(
            st.sampled_from(["1430", "2100"]), st.integers(300, 330), st.integers(3000, 3030)
        ),
        max_size=200,
    )
)
def test_vectorised_cell_labels_equal_union_find(cells: set[tuple[str, int, int]]) -> None:
    from clusterdev.engine.footprints import connected_components, label_cells

    ordered = sorted(cells)
    expected = connected_components(ordered)
    got = label_cells([c[0] for c in ordered], [c[1] for c in ordered], [c[2] for c in ordered])
    assert got.tolist() == [expected[c] for c in ordered]
