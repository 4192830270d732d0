"""The grid's fast helpers must give what their plain definitions give.

Neighbour pairs, 3 × 3 sums and components are checked against a dictionary of cells;
the packed sort against ``numpy.lexsort`` and ``numpy.unique``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdev.engine.footprints import connected_components
from clusterdev.engine.grid import (
    components,
    dense,
    key_order,
    lex_order,
    neighbour_pairs,
    neighbourhood_sums,
    pack,
    sorted_distinct,
    unique_inverse,
)

CELLS = st.dictionaries(
    st.tuples(st.integers(0, 2), st.integers(1, 30), st.integers(1, 30)),
    st.integers(1, 30),
    max_size=300,
)


def _sorted(cells: dict[tuple[int, int, int], int]) -> tuple[list[tuple[int, int, int]], object]:
    items = sorted(cells)
    keys = pack([c[0] for c in items], [c[1] for c in items], [c[2] for c in items])
    return items, keys


@settings(max_examples=80, deadline=None)
@given(cells=CELLS, connectivity=st.sampled_from([4, 8]))
def test_neighbour_pairs_are_every_pair_of_touching_cells_once(
    cells: dict[tuple[int, int, int], int], connectivity: int
) -> None:
    items, keys = _sorted(cells)
    position = {c: i for i, c in enumerate(items)}
    moves = [(0, 1), (1, 0)] if connectivity == 4 else [(0, 1), (1, -1), (1, 0), (1, 1)]
    expected = {
        (position[(g, y, x)], position[(g, y + dy, x + dx)])
        for g, y, x in items
        for dy, dx in moves
        if (g, y + dy, x + dx) in position
    }
    src, dst = neighbour_pairs(keys, connectivity)
    got = list(zip(src.tolist(), dst.tolist(), strict=True))
    assert len(got) == len(set(got))
    assert set(got) == expected


@settings(max_examples=80, deadline=None)
@given(cells=CELLS, threshold=st.integers(1, 120))
def test_dense_cells_are_those_whose_three_by_three_sum_reaches_the_threshold(
    cells: dict[tuple[int, int, int], int], threshold: int
) -> None:
    items, keys = _sorted(cells)
    values = np.array([cells[c] for c in items], dtype="int64")
    sums = [
        sum(cells.get((g, y + dy, x + dx), 0) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
        for g, y, x in items
    ]
    assert neighbourhood_sums(keys, values).tolist() == sums
    assert dense(keys, values, threshold).tolist() == [s >= threshold for s in sums]


@settings(max_examples=80, deadline=None)
@given(cells=CELLS)
def test_components_are_those_of_the_union_find_reference(
    cells: dict[tuple[int, int, int], int],
) -> None:
    items, keys = _sorted(cells)
    expected = connected_components([(str(g), y, x) for g, y, x in items])
    labels = components(keys, 8)
    assert labels.tolist() == [expected[(str(g), y, x)] for g, y, x in items]


@settings(max_examples=80, deadline=None)
@given(
    columns=st.integers(1, 3).flatmap(
        lambda k: st.lists(
            st.tuples(*[st.integers(-(2**20), 2**20) for _ in range(k)]), max_size=200
        )
    ),
    wide=st.booleans(),
)
def test_lex_order_is_numpys_stable_lexsort(columns: list[tuple[int, ...]], wide: bool) -> None:
    if not columns:
        return
    arrays = [np.array(c, dtype="int64") for c in zip(*columns, strict=True)]
    if wide:  # too many bits to pack: the fallback
        arrays[0] = arrays[0] * 2**40
    assert lex_order(*arrays).tolist() == np.lexsort(arrays[::-1]).tolist()


@settings(max_examples=80, deadline=None)
@given(
    values=st.lists(st.integers(-(2**40), 2**40), max_size=200),
    small=st.booleans(),
)
def test_unique_inverse_and_sorted_distinct_are_numpys_unique(
    values: list[int], small: bool
) -> None:
    array = np.array(values, dtype="int64")
    if small:  # a small range is counted, not sorted
        array = array % 50
    distinct, inverse = np.unique(array, return_inverse=True)
    got, got_inverse = unique_inverse(array)
    assert got.tolist() == distinct.tolist()
    assert got_inverse.tolist() == inverse.tolist()
    assert sorted_distinct(array).tolist() == distinct.tolist()


@settings(max_examples=50, deadline=None)
@given(cells=CELLS)
def test_key_order_sorts_packed_keys(cells: dict[tuple[int, int, int], int]) -> None:
    items = list(cells)
    keys = pack([c[0] for c in items], [c[1] for c in items], [c[2] for c in items])
    order = key_order(keys)
    assert keys[order].tolist() == sorted(keys.tolist())
    distinct, inverse = unique_inverse(keys, order)
    assert distinct[inverse].tolist() == keys.tolist()
