"""``summary.json`` counts, for each method, the clusters that met each test of the rule
set; a cluster that met several tests counts under each of them."""

from __future__ import annotations

from pathlib import Path

from clusterdev.engine import map_register
from clusterdev.engine.rules import load_rules
from clusterdev.engine.synth import PlantedCluster


def test_clusters_are_counted_under_every_test_they_met(
    synthetic: tuple[Path, list[PlantedCluster]],
) -> None:
    path, _ = synthetic
    result = map_register(path, "lq-stars")
    by_rule = result.summary["clusters"]["by_rule"]
    tests = [t.id for t in load_rules("lq-stars").tests]
    for method in ("administrative", "footprint"):
        met = result.clusters.loc[result.clusters["method"] == method, "rules_met"]
        expected = {t: sum(1 for m in met if t in m.split(";")) for t in tests}
        assert by_rule[method] == expected
    several = result.clusters["rules_met"].str.contains(";")
    assert several.any(), "the register should give clusters that meet several tests"
    assert (
        sum(by_rule["administrative"].values())
        > (result.clusters["method"] == "administrative").sum()
    )
