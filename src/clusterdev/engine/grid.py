"""Grid cells as packed integer keys: neighbour pairs, neighbourhood sums, components.

A cell (group, row, column) is one int64: ``group << 2·bits | row << bits | column``,
rows and columns shifted to start at 1 so that a neighbour is the key plus a constant.
Cells are kept sorted by key. The neighbours of every cell are found in one pass
(:func:`neighbour_pairs`) and reused for sums and components; components come from
:func:`scipy.sparse.csgraph.connected_components` (decision 0113).

Sorting is the costly step at tens of millions of cells. NumPy sorts plain integers
several times faster than it argsorts them, so :func:`lex_order` packs the sort columns
and each element's position into one integer, sorts that, and reads the order back from
the low bits (decision 0114).
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = [
    "components",
    "components_of",
    "dense",
    "find",
    "key_order",
    "lex_order",
    "neighbour_offsets",
    "neighbour_pairs",
    "neighbourhood_sums",
    "pack",
    "sorted_distinct",
    "unique_inverse",
]

BITS = 20
"""Bits for a row or a column: 2**20 cells of 2 km is far wider than India."""


def _bits(n: int) -> int:
    return int(n).bit_length()


def pack(group: Any, row: Any, col: Any, bits: int = BITS) -> Any:
    """Packed keys; rows and columns must lie in 1 … 2**bits - 2.

    Examples
    --------
    >>> pack(np.array([1]), np.array([2]), np.array([3]), bits=4).tolist()
    [291]
    """
    group = np.asarray(group, dtype="int64")
    row = np.asarray(row, dtype="int64")
    col = np.asarray(col, dtype="int64")
    return (group << (2 * bits)) | (row << bits) | col


def lex_order(*columns: Any) -> Any:
    """Stable order that sorts by the columns, the first one first.

    The same as ``numpy.lexsort(columns[::-1])``, but when the columns' ranges and the
    row numbers fit in 63 bits together it sorts one packed integer instead.

    Examples
    --------
    >>> lex_order(np.array([2, 1, 2, 1]), np.array([0, 5, 0, 3])).tolist()
    [3, 1, 0, 2]
    """
    arrays = [np.asarray(c, dtype="int64") for c in columns]
    n = len(arrays[0])
    if n == 0:
        return np.zeros(0, dtype="int64")
    position_bits = _bits(n - 1)
    combined = np.zeros(n, dtype="int64")
    width = position_bits
    for column in arrays:
        low = int(column.min())
        span_bits = _bits(int(column.max()) - low)
        width += span_bits
        if width > 63:
            return np.lexsort(arrays[::-1])
        combined <<= span_bits
        combined |= column - low
    combined <<= position_bits
    combined |= np.arange(n, dtype="int64")
    combined.sort()
    combined &= (1 << position_bits) - 1
    return combined


def key_order(keys: Any, bits: int = BITS) -> Any:
    """:func:`lex_order` of packed cell keys (group, row, column).

    Examples
    --------
    >>> key_order(pack([1, 0, 0], [1, 2, 1], [1, 1, 2], bits=4), bits=4).tolist()
    [2, 1, 0]
    """
    keys = np.asarray(keys, dtype="int64")
    mask = (1 << bits) - 1
    return lex_order(keys >> (2 * bits), (keys >> bits) & mask, keys & mask)


def unique_inverse(values: Any, order: Any = None) -> tuple[Any, Any]:
    """(sorted distinct values, index of each value among them), like ``numpy.unique``
    with ``return_inverse``.

    ``order`` is a stable sorting order of ``values`` when the caller has one
    (:func:`key_order` for packed keys); otherwise a small range of integers is
    counted and a large one sorted with :func:`lex_order`.

    Examples
    --------
    >>> distinct, inverse = unique_inverse(np.array([7, 3, 7, 9]))
    >>> distinct.tolist(), inverse.tolist()
    ([3, 7, 9], [1, 0, 1, 2])
    """
    values = np.asarray(values, dtype="int64")
    if len(values) == 0:
        return values, np.zeros(0, dtype="int64")
    if order is None:
        low, high = int(values.min()), int(values.max())
        if high - low <= 4 * len(values) + 1024:
            seen = np.bincount(values - low) > 0
            rank = np.cumsum(seen) - 1
            return np.flatnonzero(seen) + low, rank[values - low]
        order = lex_order(values)
    ordered = values[order]
    first = np.empty(len(values), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(values), dtype="int64")
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def sorted_distinct(values: Any) -> Any:
    """The distinct values, sorted (``numpy.unique`` without its hash table).

    Examples
    --------
    >>> sorted_distinct(np.array([5, 1, 5, 2])).tolist()
    [1, 2, 5]
    """
    ordered = np.sort(np.asarray(values))
    if len(ordered) == 0:
        return ordered
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]


def neighbour_offsets(connectivity: int, bits: int = BITS, forward: bool = False) -> list[int]:
    """Key differences to the 4 or 8 neighbours of a cell (only half of them if forward).

    Examples
    --------
    >>> neighbour_offsets(4, bits=4, forward=True)
    [1, 16]
    >>> len(neighbour_offsets(8))
    8
    """
    if connectivity not in (4, 8):
        raise ValueError("connectivity is 4 or 8")
    moves = [(0, 1), (1, -1), (1, 0), (1, 1)] if connectivity == 8 else [(0, 1), (1, 0)]
    offsets = [dy * (1 << bits) + dx for dy, dx in moves]
    return offsets if forward else offsets + [-o for o in offsets]


def find(sorted_keys: Any, wanted: Any) -> tuple[Any, Any]:
    """(found, index) of each wanted key in the sorted keys.

    Searching is fast when ``wanted`` is sorted too; in a random order each search
    misses the cache.

    Examples
    --------
    >>> found, index = find(np.array([2, 5, 9]), np.array([5, 6, 9]))
    >>> found.tolist(), index[found].tolist()
    ([True, False, True], [1, 2])
    """
    n = len(sorted_keys)
    if n == 0:
        return np.zeros(len(wanted), dtype=bool), np.zeros(len(wanted), dtype="int64")
    index = np.minimum(np.searchsorted(sorted_keys, wanted), n - 1)
    return sorted_keys[index] == wanted, index


def neighbour_pairs(sorted_keys: Any, connectivity: int = 8, bits: int = BITS) -> tuple[Any, Any]:
    """Every pair of neighbouring cells once: (earlier cell, later cell) positions.

    The neighbour to the east is the next key or none; the (up to three) neighbours in
    the next row follow the first key at or after ``key + 2**bits - 1``, so one sorted
    search finds them all.

    Examples
    --------
    >>> keys = pack([0, 0, 0, 0], [1, 1, 2, 5], [1, 2, 3, 5], bits=4)
    >>> src, dst = neighbour_pairs(keys, 8, bits=4)
    >>> sorted(zip(src.tolist(), dst.tolist()))
    [(0, 1), (1, 2)]
    >>> neighbour_pairs(keys, 4, bits=4)[0].tolist()
    [0]
    """
    if connectivity not in (4, 8):
        raise ValueError("connectivity is 4 or 8")
    keys = np.asarray(sorted_keys, dtype="int64")
    n = len(keys)
    index_type = "int32" if n < 2**31 else "int64"
    east = np.flatnonzero(keys[1:] == keys[:-1] + 1)
    src_parts, dst_parts = [east], [east + 1]
    row = 1 << bits
    if connectivity == 8:
        start = np.searchsorted(keys, keys + (row - 1))
        for step in range(3):
            at = start + step
            inside = np.flatnonzero(at < n)
            gap = keys[at[inside]] - keys[inside] - row
            near = inside[(gap >= -1) & (gap <= 1)]
            src_parts.append(near)
            dst_parts.append(at[near])
    else:
        found, index = find(keys, keys + row)
        near = np.flatnonzero(found)
        src_parts.append(near)
        dst_parts.append(index[near])
    src = np.concatenate(src_parts).astype(index_type)
    dst = np.concatenate(dst_parts).astype(index_type)
    return src, dst


def neighbourhood_sums(
    sorted_keys: Any, values: Any, bits: int = BITS, pairs: tuple[Any, Any] | None = None
) -> Any:
    """Sum of ``values`` over each cell's 3 × 3 neighbourhood (itself included).

    Examples
    --------
    >>> keys = pack([0, 0, 0], [1, 1, 3], [1, 2, 3], bits=4)
    >>> neighbourhood_sums(keys, np.array([5, 7, 1]), bits=4).tolist()
    [12, 12, 1]
    """
    values = np.asarray(values)
    n = len(values)
    src, dst = pairs if pairs is not None else neighbour_pairs(sorted_keys, 8, bits)
    # Integer counts are exact as float64 weights far beyond any register.
    total = values.astype("float64")
    total += np.bincount(src, weights=values[dst], minlength=n)
    total += np.bincount(dst, weights=values[src], minlength=n)
    return total.astype("int64")


def dense(
    sorted_keys: Any,
    values: Any,
    threshold: int,
    bits: int = BITS,
    pairs: tuple[Any, Any] | None = None,
) -> Any:
    """Which cells have a 3 × 3 neighbourhood sum of at least ``threshold``.

    Examples
    --------
    >>> keys = pack([0, 0, 0], [1, 1, 3], [1, 2, 3], bits=4)
    >>> dense(keys, np.array([5, 7, 1]), 12, bits=4).tolist()
    [True, True, False]
    """
    return neighbourhood_sums(sorted_keys, values, bits, pairs) >= threshold


def components_of(n: int, src: Any, dst: Any) -> Any:
    """Connected components of ``n`` nodes joined by the pairs (src, dst), numbered in
    the order of each component's first node.

    Examples
    --------
    >>> components_of(5, np.array([0, 3]), np.array([2, 4])).tolist()
    [0, 1, 0, 2, 2]
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    if n == 0:
        return np.zeros(0, dtype="int64")
    graph = csr_matrix((np.ones(len(src), dtype="int8"), (src, dst)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype("int64")


def components(sorted_keys: Any, connectivity: int = 8, bits: int = BITS) -> Any:
    """Label of each cell's connected component, numbered in the order of its first cell.

    Examples
    --------
    >>> keys = pack([0, 0, 0, 1], [1, 2, 6, 1], [1, 2, 6, 2], bits=4)
    >>> components(keys, bits=4).tolist(), components(keys, 4, bits=4).tolist()
    ([0, 0, 1, 2], [0, 1, 2, 3])
    """
    return components_of(len(sorted_keys), *neighbour_pairs(sorted_keys, connectivity, bits))
