import doctest

from clusterdev.initiatives import gates


def test_gate_doctests_pass():
    assert doctest.testmod(gates).failed == 0


def test_last_step_cannot_advance():
    assert gates.advance_refusal(6, {6: "approved"})["missing"] is None
