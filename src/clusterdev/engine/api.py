"""The library entry point: :func:`map_register`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .backends import connect
from .errors import EngineError
from .footprints import footprint
from .methods import CLUSTER_COLUMNS, administrative, aggregate_parts
from .outputs import write_outputs
from .register import open_register, product_table, read_grouping
from .rules import RuleSet, load_rules
from .validation import validate

__all__ = ["METHODS", "STAGES", "MappingResult", "Progress", "map_register"]

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: called as each stage starts (done=0) and ends."""

METHODS = ("administrative", "footprint")
STAGES = ("read", "validate", "aggregate", "administrative", "footprint", "write")


@dataclass
class MappingResult:
    """What :func:`map_register` found."""

    clusters: pd.DataFrame
    """One row per cluster, columns :data:`~clusterdev.engine.methods.CLUSTER_COLUMNS`."""
    quarantine: pd.DataFrame
    """Rejected rows with all their columns and ``reason``."""
    summary: dict[str, Any]
    """Counts, rule set, engine and stage durations (what ``summary.json`` holds)."""
    files: dict[str, Path] = field(default_factory=dict)
    """Files written when ``out`` was given."""

    def by_method(self, method: str) -> pd.DataFrame:
        """The clusters found by one method."""
        return self.clusters[self.clusters["method"] == method].reset_index(drop=True)


def _noop(stage: str, done: int, total: int) -> None:
    return None


def map_register(
    paths: str | Path | Sequence[str | Path],
    rules: str | Path | RuleSet = "fmc-observatory",
    product_level: int = 4,
    engine: str = "duckdb",
    out: str | Path | None = None,
    progress: Progress | None = None,
    *,
    product_grouping: str | Path | None = None,
    methods: Sequence[str] = METHODS,
    connection: Any = None,
) -> MappingResult:
    """Find clusters in one or several enterprise register files.

    Parameters
    ----------
    paths : path or sequence of paths
        CSV (with header) or Parquet register files, mapped together as one register.
    rules : str, Path or RuleSet
        A shipped rule-set name (see :func:`~clusterdev.engine.rules.list_rules`) or a file.
    product_level : {2, 3, 4, 5}
        NIC 2008 digits that define a product (4: class).
    engine : {"duckdb", "spark"}
    out : path, optional
        Directory to write the outputs into.
    progress : callable, optional
        ``progress(stage, done, total)``.
    product_grouping : path, optional
        CSV ``nic_prefix,group_code,group_name``; overrides ``product_level`` where it matches.
    methods : sequence of str
        Which of ``administrative`` and ``footprint`` to run.
    connection : ibis backend, optional
        Reuse an open connection instead of opening one for ``engine``.

    Returns
    -------
    MappingResult

    Raises
    ------
    RegisterError
        When a file cannot be read at all.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.synth import synthesise
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> truth = synthesise(folder / "r.csv", enterprises=3000, seed=1)
    >>> result = map_register(folder / "r.csv", "fmc-observatory")
    >>> result.summary["rows"]["read"]
    3000
    >>> sorted(set(result.clusters["method"]))
    ['administrative', 'footprint']
    """
    report = progress or _noop
    ruleset = load_rules(rules)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        raise ValueError(f"unknown method {unknown[0]!r}: use {', '.join(METHODS)}")
    durations: dict[str, float] = {}
    started = time.perf_counter()

    def stage(name: str) -> float:
        report(name, 0, 1)
        return time.perf_counter()

    def done(name: str, t0: float) -> None:
        durations[name] = round(time.perf_counter() - t0, 3)
        report(name, 1, 1)

    t0 = stage("read")
    con = connection if connection is not None else connect(engine)
    grouping = read_grouping(product_grouping) if product_grouping else None
    products = product_table(product_level, grouping)
    product_names = {p.product_code: p.product_name for p in products}
    table = open_register(con, paths)
    done("read", t0)

    t0 = stage("validate")
    # The footprint method's grid cells are totalled in the validation pass itself.
    cell_km = ruleset.footprint.cell_km if "footprint" in methods else None
    checked = validate(con, table, products, cell_km)
    t_quarantine = time.perf_counter()
    if checked.rows_accepted == checked.rows_read:  # nothing to read again from the source
        quarantine = pd.DataFrame(columns=list(checked.quarantine.columns))
    else:
        quarantine = con.to_pyarrow(checked.quarantine).to_pandas()
    if len(quarantine) != checked.rows_read - checked.rows_accepted:
        # The pass counted them; a quarantine that differs would lose rows silently.
        raise EngineError(
            f"the quarantine has {len(quarantine):,} rows where validation rejected "
            f"{checked.rows_read - checked.rows_accepted:,}: please report this register"
        )
    if not quarantine.empty:
        quarantine = quarantine.sort_values(list(quarantine.columns), na_position="last")
        quarantine = quarantine.reset_index(drop=True)
    validate_steps = {
        **checked.durations,
        "quarantine": round(time.perf_counter() - t_quarantine, 3),
    }
    done("validate", t0)

    t0 = stage("aggregate")
    parts = aggregate_parts(con, checked)
    done("aggregate", t0)

    found = []
    if "administrative" in methods:
        t0 = stage("administrative")
        found.append(administrative(parts, ruleset, product_names))
        done("administrative", t0)
    if "footprint" in methods:
        t0 = stage("footprint")
        found.append(footprint(con, checked, parts, ruleset, product_names))
        done("footprint", t0)
    non_empty = [f for f in found if not f.empty]
    clusters = (
        pd.concat(non_empty, ignore_index=True)
        if non_empty
        else pd.DataFrame(columns=CLUSTER_COLUMNS)
    )
    clusters = clusters.sort_values(["method", "product_code", "cluster_id"]).reset_index(drop=True)

    # One row per (cluster, test met): a loop over 200,000 footprints took a second.
    met = clusters[["method", "rules_met"]].astype({"rules_met": str})
    met = met.assign(test=met["rules_met"].str.split(";")).explode("test")
    tally = met.groupby(["method", "test"]).size()
    by_rule = {
        method: {t.id: int(tally.get((method, t.id), 0)) for t in ruleset.tests}
        for method in METHODS
    }
    summary: dict[str, Any] = {
        "engine": con.name if con.name == "duckdb" else "spark",
        "inputs": [str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)],
        "rule_set": ruleset.label,
        "rule_set_path": ruleset.path,
        "product_level": product_level,
        "product_grouping": str(product_grouping) if product_grouping else None,
        "rows": {
            "read": checked.rows_read,
            "accepted": checked.rows_accepted,
            "quarantined": checked.rows_read - checked.rows_accepted,
            "quarantined_by_reason": checked.by_reason,
        },
        "clusters": {
            "total": len(clusters),
            "by_method": {m: int((clusters["method"] == m).sum()) for m in METHODS},
            "by_rule": by_rule,
        },
        "durations_s": durations,
        "validate_steps_s": validate_steps,
    }
    files: dict[str, Path] = {}
    if out is not None:
        t0 = stage("write")
        summary["durations_s"]["write"] = 0.0
        files = write_outputs(out, clusters, quarantine, summary)
        done("write", t0)
        summary["durations_s"]["total"] = round(time.perf_counter() - started, 3)
        files["summary_json"].write_text(json.dumps(summary, indent=2, default=str), "utf-8")
    else:
        summary["durations_s"]["total"] = round(time.perf_counter() - started, 3)
    return MappingResult(clusters=clusters, quarantine=quarantine, summary=summary, files=files)
