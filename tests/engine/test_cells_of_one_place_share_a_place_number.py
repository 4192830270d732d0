"""Every product's cell at one place (row, column) gets the same place number, and
different places different numbers, on a compact grid and on one too wide to count."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdev.engine.footprints import _place_numbers
from clusterdev.engine.grid import BITS, pack

SPREAD = st.sampled_from([30, (1 << BITS) - 2])  # a few rows, or the whole 20-bit range


@settings(max_examples=60, deadline=None)
@given(
    spread=SPREAD,
    cells=st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 10**6)),
        min_size=1,
        max_size=200,
        unique=True,
    ),
)
def test_place_numbers_are_equal_exactly_when_the_places_are(spread, cells) -> None:
    pid = np.array([c[0] for c in cells])
    row = np.array([1 + c[1] % spread for c in cells])
    col = np.array([1 + c[2] % spread for c in cells])
    keys = np.unique(pack(pid, row, col))
    numbers = _place_numbers(keys)
    places = list(
        zip(
            ((keys >> BITS) & ((1 << BITS) - 1)).tolist(),
            (keys & ((1 << BITS) - 1)).tolist(),
            strict=True,
        )
    )
    for i in range(len(keys)):
        for j in range(len(keys)):
            assert (numbers[i] == numbers[j]) == (places[i] == places[j])
    assert numbers.min() >= 0
