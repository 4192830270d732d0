"""Closed-loop HTTP load on loopback: N clients, each with a kept-alive connection.

wrk (Debian package `wrk`, written in C) drives the load when it is installed, so the load
generator takes little of the CPU the server needs; otherwise Python threads do.
"""

from __future__ import annotations

import http.client
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class LoadResult:
    name: str
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    throughput: float


def run_load(
    name: str,
    host: str,
    port: int,
    paths: Callable[[int], str],
    clients: int = 20,
    requests_per_client: int = 25,
) -> LoadResult:
    """Each client sends its requests one after another; latencies are per request."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(number: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(host, port, timeout=30)
        mine: list[float] = []
        bad = 0
        for step in range(requests_per_client):
            path = paths(number * requests_per_client + step)
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except OSError:
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return LoadResult(
        name,
        len(ordered),
        errors,
        round(statistics.median(ordered), 1),
        round(p95, 1),
        round(ordered[-1], 1),
        round(len(ordered) / elapsed, 1),
    )


WRK = shutil.which("wrk")
DRIVER = "wrk" if WRK else "python threads"


def run_wrk(name: str, url: str, paths: list[str], clients: int, seconds: int) -> LoadResult:
    """``clients`` connections on one wrk thread for ``seconds``, each GET a random path."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
    script = os.path.join(os.path.dirname(__file__), "paths.lua")
    try:
        output = subprocess.run(
            [
                WRK or "wrk",
                "-t1",
                f"-c{clients}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                script,
                url,
            ],
            env={**os.environ, "WRK_PATHS": handle.name},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    fields = next(line for line in output.splitlines() if line.startswith("RESULT")).split()[1:]
    requests, errors = int(fields[0]), int(fields[1])
    p50, p95, longest, rate = (float(value) for value in fields[2:])
    return LoadResult(name, requests, errors, p50, p95, longest, rate)
