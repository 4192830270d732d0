"""The sorted id hashes come back from DuckDB in chunks, read where they lie: a value
repeated across a chunk boundary, or chunks out of order, must change nothing."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from clusterdev.engine.validation import _repeats

BLANK = np.uint64(7)


def _expected(values: list[int]) -> list[int]:
    seen, counts = np.unique(np.array(values, dtype="uint64"), return_counts=True)
    found = set(seen[counts > 1].tolist()) | ({int(BLANK)} if int(BLANK) in values else set())
    return sorted(found)


@given(
    values=st.lists(st.integers(0, 12), max_size=40),
    cuts=st.lists(st.integers(0, 40), max_size=5),
    shuffle=st.booleans(),
)
def test_repeats_are_the_same_however_the_hashes_are_chunked(
    values: list[int], cuts: list[int], shuffle: bool
) -> None:
    ordered = np.sort(np.array(values, dtype="uint64"))
    chunks = np.split(ordered, sorted(c for c in cuts if c <= len(ordered)))
    if shuffle:
        chunks = chunks[::-1]
    assert _repeats(chunks, BLANK).tolist() == _expected(values)


def test_no_chunk_at_all_repeats_nothing() -> None:
    assert _repeats([], BLANK).tolist() == []
