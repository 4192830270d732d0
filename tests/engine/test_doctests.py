import doctest
import importlib

import pytest

MODULES = [
    "clusterdev.engine",
    "clusterdev.engine.api",
    "clusterdev.engine.backends",
    "clusterdev.engine.methods",
    "clusterdev.engine.outputs",
    "clusterdev.engine.register",
    "clusterdev.engine.rules",
    "clusterdev.engine.synth",
]


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
