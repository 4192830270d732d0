"""The benchmark's machine line tells CPU generations apart that share a model name.

Zen 4 and Zen 5 hosts both call themselves "AMD EPYC", and the engine's timings
differ between them (decision 0131), so a result must say which one it ran on.
"""

import doctest

from benchmarks import run

ZEN5 = """processor	: 0
vendor_id	: AuthenticAMD
cpu family	: 26
model		: 2
model name	: AMD EPYC

processor	: 1
vendor_id	: AuthenticAMD
cpu family	: 25
model		: 17
model name	: AMD EPYC
"""


def test_the_first_processor_is_named_with_its_family_and_model() -> None:
    assert run.cpu_description(ZEN5) == "AMD EPYC, family 26 model 2"


def test_a_cpu_without_a_family_is_named_by_its_model_name_alone() -> None:
    assert run.cpu_description("model name : Apple M2\n") == "Apple M2"


def test_unreadable_cpu_information_is_called_unknown() -> None:
    assert run.cpu_description("garbage without fields") == "unknown CPU"


def test_the_machine_line_carries_the_description() -> None:
    assert "cores (" in run.machine() and "RAM" in run.machine()


def test_the_examples_in_the_docstring_run() -> None:
    result = doctest.testmod(run, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
