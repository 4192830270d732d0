"""Footprint ids computed in bulk must be the ids ``cluster_id`` gives one footprint at a time.

Ids tie a footprint found today to the one accepted into the registry before, so the
bulk computation (string order rebuilt from ranks) must never drift from the rule.
"""

from __future__ import annotations

import random

import numpy as np

from clusterdev.engine.footprints import _cluster_ids
from clusterdev.engine.methods import cluster_id


def test_bulk_ids_equal_cluster_id_for_rows_and_columns_of_mixed_lengths() -> None:
    rng = random.Random(4)
    groups = []
    for _ in range(300):
        # Rows and columns around 9/10, 99/100, 999/1000: string order differs from numbers.
        y, x = rng.choice([8, 95, 995, 9995]), rng.choice([7, 96, 996, 9996])
        groups.append(sorted({(y + rng.randint(0, 8), x + rng.randint(0, 8)) for _ in range(12)}))
    wcomp = np.concatenate([[i] * len(g) for i, g in enumerate(groups)])
    cy = np.concatenate([[c[0] for c in g] for g in groups])
    cx = np.concatenate([[c[1] for c in g] for g in groups])
    products = [rng.choice(["1430", "2310", "14"]) for _ in groups]
    shuffle = np.random.default_rng(2).permutation(len(wcomp))
    for cell_km in (2.0, 0.5):
        got = _cluster_ids(wcomp[shuffle], cy[shuffle], cx[shuffle], products, cell_km)
        expected = [
            cluster_id("footprint", p, [f"{cell_km:g}:{y}:{x}" for y, x in g])
            for p, g in zip(products, groups, strict=True)
        ]
        assert got == expected
