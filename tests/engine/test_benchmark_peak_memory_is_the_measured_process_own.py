"""The benchmark's peak memory belongs to the process that was measured.

Linux carries a parent's peak resident size over into a child it starts (the
``ru_maxrss`` of a spawned process includes the parent's memory at fork time), so a
small measurement started by a big benchmark runner once reported the runner's 3 GB.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import numpy as np
import pytest
from benchmarks.engine import _peak_mb


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak memory is read from /proc")
def test_a_spawned_measurement_does_not_inherit_the_runners_peak_memory() -> None:
    ballast = np.ones(400 * 2**20 // 8)  # 400 MB resident in the runner
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        child = pool.submit(_peak_mb).result()
    assert ballast.sum() > 0
    assert child < 300, f"the child reported {child:.0f} MB"


def _touch(megabytes: int) -> float:
    ballast = np.ones(megabytes * 2**20 // 8)
    assert ballast.sum() > 0
    return _peak_mb()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak memory is read from /proc")
def test_the_peak_counts_what_the_measured_process_itself_touches() -> None:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        child = pool.submit(_touch, 250).result()
    assert child >= 250
