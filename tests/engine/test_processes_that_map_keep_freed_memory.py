"""A process that maps registers keeps freed memory for reuse, unless told not to."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

PROBE = (
    "import numpy as np; from clusterdev.engine.memory import keep_freed_memory; "
    "kept = keep_freed_memory(); "
    "print(kept, np._core.multiarray._get_madvise_hugepage())"
)


def _probe(env: dict[str, str]) -> str:
    import os

    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_malloc_keeps_freed_memory_and_numpy_asks_no_huge_pages() -> None:
    assert _probe({}) == "True False"


def test_the_setting_turns_it_off() -> None:
    assert _probe({"CLUSTERDEV_KEEP_FREED_MEMORY": "0"}) == "False True"


def test_the_map_command_keeps_freed_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clusterdev.engine import memory

    calls: list[bool] = []
    monkeypatch.setattr(memory, "keep_freed_memory", lambda: calls.append(True) or True)
    register = tmp_path / "r.csv"
    register.write_text("enterprise_id,state,district,nic_code,employment\nA,GJ,Surat,1430,3\n")
    call_command(
        "map", str(register), "--out", str(tmp_path / "out"), "--no-progress", stdout=io.StringIO()
    )
    assert calls == [True]
