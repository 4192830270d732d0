"""Dense cells found around heavy cells only must be those the full 3 × 3 sums give."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdev.engine.grid import dense, neighbourhood_sums, pack


@settings(max_examples=60, deadline=None)
@given(
    cells=st.dictionaries(
        st.tuples(st.integers(0, 2), st.integers(1, 40), st.integers(1, 40)),
        st.integers(1, 30),
        max_size=300,
    ),
    threshold=st.integers(1, 120),
)
def test_the_shortcut_finds_exactly_the_dense_cells(
    cells: dict[tuple[int, int, int], int], threshold: int
) -> None:
    if not cells:
        return
    items = sorted(cells.items())
    keys = pack([k[0] for k, _ in items], [k[1] for k, _ in items], [k[2] for k, _ in items])
    order = np.argsort(keys)
    keys = keys[order]
    values = np.array([v for _, v in items], dtype="int64")[order]
    expected = neighbourhood_sums(keys, values) >= threshold
    assert dense(keys, values, threshold).tolist() == expected.tolist()


def test_a_sparse_grid_with_a_few_heavy_cells_gives_the_same_dense_cells() -> None:
    rng = np.random.default_rng(3)
    rows = rng.integers(1, 300, 4000)
    cols = rng.integers(1, 300, 4000)
    keys = np.unique(pack(np.zeros(4000, dtype="int64"), rows, cols))
    values = np.ones(len(keys), dtype="int64")
    values[rng.choice(len(keys), 25, replace=False)] = 25  # few heavy cells: the shortcut
    assert (neighbourhood_sums(keys, values) >= 26).any()
    for threshold in (26, 27, 30, 40):
        expected = neighbourhood_sums(keys, values) >= threshold
        assert dense(keys, values, threshold).tolist() == expected.tolist()
