"""Reusing freed memory in a process that maps registers (decision 0119).

The footprint method allocates and frees NumPy arrays of tens of megabytes many times.
glibc's malloc gives each such block back to the system when it is freed and asks for
fresh pages for the next one, and the kernel zeroes every page on first touch; NumPy
also asks for huge pages, which the kernel may stop to compact memory for. On the
benchmark machine that first touch was a third of the method's time.

:func:`keep_freed_memory` makes malloc keep freed memory for the next allocation and
stops NumPy's huge-page requests. The CLI's ``map`` and the web platform's mapping
jobs call it (each runs in a process of its own); a library user may. The process's
peak memory does not change: memory is reused, not added.
"""

from __future__ import annotations

import ctypes
import os

__all__ = ["keep_freed_memory"]

_M_TRIM_THRESHOLD = -1
_M_MMAP_MAX = -4
_KEEP_AT_TOP = 2**31 - 1  # the largest value mallopt takes: free memory kept at the top


def keep_freed_memory() -> bool:
    """Ask malloc to reuse freed memory and NumPy not to request huge pages.

    Set ``CLUSTERDEV_KEEP_FREED_MEMORY=0`` to leave both as they are.

    Returns
    -------
    bool
        Whether malloc accepted (glibc does; on another C library nothing changes).

    Examples
    --------
    >>> keep_freed_memory() in (True, False)
    True
    """
    if os.environ.get("CLUSTERDEV_KEEP_FREED_MEMORY", "1").strip() == "0":
        return False
    import importlib

    multiarray = importlib.import_module("numpy._core.multiarray")
    setter = getattr(multiarray, "_set_madvise_hugepage", None)
    if setter is not None:
        setter(False)
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc
        return False
    # Blocks from the heap, not from mmap, so that a freed one is reused as it is.
    return bool(
        libc.mallopt(_M_MMAP_MAX, 0) == 1 and libc.mallopt(_M_TRIM_THRESHOLD, _KEEP_AT_TOP) == 1
    )
