"""Grid cells as packed integer keys: neighbourhood sums and connected components.

A cell (group, row, column) is one int64: ``group << 2·bits | row << bits | column``,
rows and columns shifted to start at 1 so that a neighbour is the key plus a constant.
Sorted keys are searched with :func:`numpy.searchsorted`; components come from
:func:`scipy.sparse.csgraph.connected_components` (decision 0113).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "components",
    "dense",
    "find",
    "neighbour_offsets",
    "neighbourhood_sums",
    "pack",
]

BITS = 20
"""Bits for a row or a column: 2**20 cells of 2 km is far wider than India."""


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
    moves = [(0, 1), (1, 0)] if connectivity == 4 else [(0, 1), (1, -1), (1, 0), (1, 1)]
    offsets = [dy * (1 << bits) + dx for dy, dx in moves]
    return offsets if forward else offsets + [-o for o in offsets]


def find(sorted_keys: Any, wanted: Any) -> tuple[Any, Any]:
    """(found, index) of each wanted key in the sorted keys.

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


def neighbourhood_sums(sorted_keys: Any, values: Any, bits: int = BITS) -> Any:
    """Sum of ``values`` over each cell's 3 × 3 neighbourhood (itself included).

    Examples
    --------
    >>> keys = pack([0, 0, 0], [1, 1, 3], [1, 2, 3], bits=4)
    >>> neighbourhood_sums(keys, np.array([5, 7, 1]), bits=4).tolist()
    [12, 12, 1]
    """
    values = np.asarray(values)
    total = values.astype("int64").copy()
    for offset in neighbour_offsets(8, bits):
        found, index = find(sorted_keys, sorted_keys + offset)
        total[found] += values[index[found]]
    return total


def dense(sorted_keys: Any, values: Any, threshold: int, bits: int = BITS) -> Any:
    """Which cells have a 3 × 3 neighbourhood sum of at least ``threshold``.

    Such a cell has a neighbour (or is one) holding at least a ninth of the threshold:
    when few cells are that heavy, only their neighbourhoods are summed.

    Examples
    --------
    >>> keys = pack([0, 0, 0], [1, 1, 3], [1, 2, 3], bits=4)
    >>> dense(keys, np.array([5, 7, 1]), 12, bits=4).tolist()
    [True, True, False]
    """
    values = np.asarray(values)
    n = len(sorted_keys)
    heavy = np.flatnonzero(values >= math.ceil(threshold / 9))
    if 9 * len(heavy) >= n:
        return neighbourhood_sums(sorted_keys, values, bits) >= threshold
    around = [0, *neighbour_offsets(8, bits)]
    near = np.unique((sorted_keys[heavy][:, None] + np.array(around)[None, :]).ravel())
    found, index = find(sorted_keys, near)
    candidates = index[found]
    total = values[candidates].astype("int64")
    for offset in neighbour_offsets(8, bits):
        hit, where = find(sorted_keys, sorted_keys[candidates] + offset)
        total[hit] += values[where[hit]]
    mask = np.zeros(n, dtype=bool)
    mask[candidates[total >= threshold]] = True
    return mask


def components(sorted_keys: Any, connectivity: int = 8, bits: int = BITS) -> Any:
    """Label of each cell's connected component, numbered in the order of its first cell.

    Examples
    --------
    >>> keys = pack([0, 0, 0, 1], [1, 2, 6, 1], [1, 2, 6, 2], bits=4)
    >>> components(keys).tolist(), components(keys, 4).tolist()
    ([0, 0, 1, 2], [0, 1, 2, 3])
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(sorted_keys)
    if n == 0:
        return np.zeros(0, dtype="int64")
    src_parts, dst_parts = [], []
    for offset in neighbour_offsets(connectivity, bits, forward=True):
        found, index = find(sorted_keys, sorted_keys + offset)
        src_parts.append(np.flatnonzero(found))
        dst_parts.append(index[found])
    src = np.concatenate(src_parts)
    dst = np.concatenate(dst_parts)
    graph = coo_matrix((np.ones(len(src), dtype="int8"), (src, dst)), shape=(n, n)).tocsr()
    _, labels = connected_components(graph, directed=False)
    return labels.astype("int64")
