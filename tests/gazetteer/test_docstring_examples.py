"""The examples in the docstrings run and print what they say."""

import doctest
import importlib

import pytest

MODULES = [
    "clusterdev.gazetteer",
    "clusterdev.gazetteer.build",
    "clusterdev.gazetteer.model",
    "clusterdev.gazetteer.normalise",
    "clusterdev.gazetteer.resolver",
    "clusterdev.gazetteer.sources",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
