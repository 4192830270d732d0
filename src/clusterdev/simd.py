"""Keeping NumPy off its AVX-512 sort on AMD Zen 4, where that sort is slow (decision 0131).

NumPy sorts integers with x86-simd-sort, choosing its AVX-512 or AVX2 code when the
process imports NumPy. Zen 4 (AMD family 19h with AVX-512) runs the AVX-512 code's
compress-store instruction in microcode, and there that sort is four times slower than
the AVX2 one (20 M 64-bit keys: 1.6 s against 0.37 s on the benchmark host). The
mapping engine's costly steps are such sorts.

:func:`prefer_avx2_on_zen4` sets NumPy's ``NPY_DISABLE_CPU_FEATURES`` before NumPy is
imported, on Zen 4 only. The CLI does it first, so ``clusterdev map`` and the web
platform's mapping jobs (started as ``clusterdev mapping_job``) get it; the benchmark
does it for every process it measures. A value the user set is left as it is, so
``NPY_DISABLE_CPU_FEATURES=""`` keeps AVX-512.

This module imports nothing heavy: it must run before NumPy.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

__all__ = ["AVX512_FEATURES", "is_zen4", "prefer_avx2_on_zen4"]

AVX512_FEATURES = "X86_V4 AVX512_ICL AVX512_SPR"
"""NumPy 2.4's names for its AVX-512 dispatch targets."""

_ZEN_FAMILY = 0x19  # Zen 3 and Zen 4; of the two only Zen 4 has AVX-512


def is_zen4(cpuinfo: str | None = None) -> bool:
    """This machine's CPU is an AMD Zen 4 (family 19h with AVX-512).

    Parameters
    ----------
    cpuinfo : str, optional
        The text of ``/proc/cpuinfo``; read from the machine when not given (and then
        False where there is no such file).

    Examples
    --------
    >>> is_zen4("vendor_id : AuthenticAMD\\ncpu family : 25\\nflags : fpu avx2 avx512f\\n")
    True
    >>> is_zen4("vendor_id : AuthenticAMD\\ncpu family : 26\\nflags : fpu avx2 avx512f\\n")
    False
    >>> is_zen4("vendor_id : GenuineIntel\\ncpu family : 6\\nflags : fpu avx2 avx512f\\n")
    False
    """
    if cpuinfo is None:
        return _machine_is_zen4()
    fields: dict[str, str] = {}
    for line in cpuinfo.splitlines():
        name, colon, value = line.partition(":")
        if not colon:
            if fields:
                break  # the first processor's block is enough
            continue
        fields.setdefault(name.strip(), value.strip())
    try:
        family = int(fields.get("cpu family", ""))
    except ValueError:
        return False
    return (
        fields.get("vendor_id") == "AuthenticAMD"
        and family == _ZEN_FAMILY
        and "avx512f" in fields.get("flags", "").split()
    )


@cache
def _machine_is_zen4() -> bool:
    try:
        return is_zen4(Path("/proc/cpuinfo").read_text(errors="replace"))
    except OSError:  # not Linux
        return False


def prefer_avx2_on_zen4(children_only: bool = False) -> bool:
    """On Zen 4, tell NumPy (not yet imported) to leave its AVX-512 code unused.

    Parameters
    ----------
    children_only : bool
        Set it for the processes this one starts, even if this one imported NumPy.

    Returns
    -------
    bool
        Whether the setting was made: False off Zen 4, when the user set
        ``NPY_DISABLE_CPU_FEATURES`` already, or when NumPy is already imported here
        (the setting would come too late) and ``children_only`` is False.
    """
    if "NPY_DISABLE_CPU_FEATURES" in os.environ:
        return False
    if "numpy" in sys.modules and not children_only:
        return False
    if not _machine_is_zen4():
        return False
    os.environ["NPY_DISABLE_CPU_FEATURES"] = AVX512_FEATURES
    return True
