"""The examples in the planning model's docstrings run and print what they say."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

MODULES = [
    "clusterdev.planning.model",
    "clusterdev.planning.model.amounts",
    "clusterdev.planning.model.errors",
    "clusterdev.planning.model.finance",
    "clusterdev.planning.model.grants",
    "clusterdev.planning.model.hr",
    "clusterdev.planning.model.parsing",
    "clusterdev.planning.model.plan",
    "clusterdev.planning.model.roles",
    "clusterdev.planning.model.rules",
    "clusterdev.planning.model.scenario",
]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_of_each_module_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0


def test_the_planning_model_imports_nothing_from_django() -> None:
    for name in MODULES:
        module = importlib.import_module(name)
        text = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "import django" not in text
        assert "from django" not in text
