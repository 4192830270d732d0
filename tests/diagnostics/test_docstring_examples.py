"""The examples in the pure modules' docstrings run and hold."""

import doctest

import pytest

from clusterdev.diagnostics import network
from clusterdev.initiatives import gates


@pytest.mark.parametrize("module", [network, gates])
def test_docstring_examples_hold(module) -> None:  # type: ignore[no-untyped-def]
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
