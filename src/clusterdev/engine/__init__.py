"""ClusterDev's mapping engine: statistical cluster identification from enterprise registers.

Pure Python, no Django. Written once over `Ibis <https://ibis-project.org>`_ and run on
DuckDB (embedded, the default) or PySpark. See ``docs/engine.md``.

Examples
--------
>>> from clusterdev.engine import location_quotient, load_rules
>>> location_quotient(200, 1_000, 10_000, 1_000_000)
20.0
>>> load_rules("unido-1996").label
'unido-1996@1996'
"""

from .api import METHODS, STAGES, MappingResult, Progress, map_register
from .errors import EngineError, RegisterError, RuleSetError
from .methods import CLUSTER_COLUMNS, location_quotient
from .register import REASONS
from .rules import RuleSet, list_rules, load_rules

__all__ = [
    "CLUSTER_COLUMNS",
    "METHODS",
    "REASONS",
    "STAGES",
    "EngineError",
    "MappingResult",
    "Progress",
    "RegisterError",
    "RuleSet",
    "RuleSetError",
    "list_rules",
    "load_rules",
    "location_quotient",
    "map_register",
]
