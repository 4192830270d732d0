"""The examples in the engine's docstrings run and give what they show.

Every module of the package is found by walking it, so a new module's examples run
without being listed here (grid, footprints, outlines and validation once were not).
"""

import doctest
import importlib
import pkgutil

import pytest

import clusterdev.engine

MODULES = sorted(
    ["clusterdev.engine", "clusterdev.simd"]  # simd: the engine's CPU setting (0131)
    + [m.name for m in pkgutil.walk_packages(clusterdev.engine.__path__, "clusterdev.engine.")]
)


def test_every_engine_module_is_walked() -> None:
    for name in ("grid", "footprints", "outlines", "validation", "api"):
        assert f"clusterdev.engine.{name}" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
