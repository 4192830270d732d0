"""On AMD Zen 4, NumPy's AVX-512 sort is four times slower than its AVX2 sort, and the
engine's costly steps are sorts: mapping processes start with NumPy's AVX-512 code
off there, a user's own choice stands, and the id hashes go to the sort that is fast
(decision 0131)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from clusterdev import cli, simd

ZEN4 = "processor : 0\nvendor_id : AuthenticAMD\ncpu family : 25\nflags : fpu avx2 avx512f\n"


@pytest.fixture
def numpy_not_yet_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NPY_DISABLE_CPU_FEATURES", raising=False)
    monkeypatch.delitem(sys.modules, "numpy")


def test_zen4_is_told_from_the_first_processor_of_cpuinfo() -> None:
    assert simd.is_zen4(ZEN4 + "\nprocessor : 1\nvendor_id : GenuineIntel\n")
    assert not simd.is_zen4(ZEN4.replace("avx512f", ""))  # Zen 3: same family, no AVX-512
    assert not simd.is_zen4("cpu family : twenty-five\nvendor_id : AuthenticAMD\n")
    assert not simd.is_zen4("")


def test_on_zen4_numpy_is_told_to_leave_avx512_unused(
    numpy_not_yet_imported: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(simd, "_machine_is_zen4", lambda: True)
    assert simd.prefer_avx2_on_zen4()
    assert os.environ["NPY_DISABLE_CPU_FEATURES"] == simd.AVX512_FEATURES


def test_elsewhere_nothing_is_set(
    numpy_not_yet_imported: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(simd, "_machine_is_zen4", lambda: False)
    assert not simd.prefer_avx2_on_zen4()
    assert "NPY_DISABLE_CPU_FEATURES" not in os.environ


def test_a_users_own_setting_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(simd, "_machine_is_zen4", lambda: True)
    monkeypatch.setenv("NPY_DISABLE_CPU_FEATURES", "")
    assert not simd.prefer_avx2_on_zen4(children_only=True)
    assert os.environ["NPY_DISABLE_CPU_FEATURES"] == ""


def test_after_numpy_is_imported_only_child_processes_can_be_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy  # noqa: F401

    monkeypatch.setattr(simd, "_machine_is_zen4", lambda: True)
    monkeypatch.delenv("NPY_DISABLE_CPU_FEATURES", raising=False)
    assert not simd.prefer_avx2_on_zen4()
    assert simd.prefer_avx2_on_zen4(children_only=True)
    assert os.environ["NPY_DISABLE_CPU_FEATURES"] == simd.AVX512_FEATURES


@pytest.mark.parametrize(
    ("command", "told"), [("map", True), ("mapping_job", True), ("migrate", False)]
)
def test_the_cli_tells_numpy_before_a_mapping_command_runs(
    command: str, told: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(cli, "prefer_avx2_on_zen4", lambda: calls.append(True) or True)
    monkeypatch.setattr("django.core.management.execute_from_command_line", lambda argv: None)
    cli.main(["clusterdev", command, "--help"])
    assert calls == ([True] if told else [])


def test_numpy_takes_the_setting_when_it_is_imported() -> None:
    env = {**os.environ, "NPY_DISABLE_CPU_FEATURES": simd.AVX512_FEATURES}
    code = (
        "from numpy._core._multiarray_umath import __cpu_features__ as f;"
        "print(bool(f.get('AVX512_SKX')))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    assert "NPY_DISABLE_CPU_FEATURES" not in done.stderr  # the names are ones NumPy knows
