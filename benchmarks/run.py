"""`make bench`: the registry under load, and the mapping engine; results go to docs/benchmarks.md.

Targets (issue 2): with 10,000 clusters and 30,000 estimates, list, filter, search, detail and
API endpoints answer 20 concurrent clients on loopback with p95 <= 150 ms. Each endpoint is
also reported as a ratio to a baseline measured in the same run (the API root, which touches
no registry data), so that numbers from different machines can be compared.
"""

from __future__ import annotations

import datetime
import os
import platform
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks.md"
CLUSTERS = int(os.environ.get("BENCH_CLUSTERS", "10000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS_PER_CLIENT", "25"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
P95_TARGET_MS = 150.0


def cpu_description(cpuinfo: str) -> str:
    """The first processor's model name, family and model, from ``/proc/cpuinfo``'s text.

    The family and model tell CPU generations apart that share a model name ("AMD
    EPYC" is Zen 4 at family 25 and Zen 5 at family 26), and the engine's timings
    differ between them (decision 0131).

    >>> cpu_description("model name : AMD EPYC\\ncpu family : 26\\nmodel : 2\\n")
    'AMD EPYC, family 26 model 2'
    >>> cpu_description("")
    'unknown CPU'
    """
    fields: dict[str, str] = {}
    for line in cpuinfo.splitlines():
        name, colon, value = line.partition(":")
        if not colon:
            if fields:
                break  # the first processor's block is enough
            continue
        fields.setdefault(name.strip(), value.strip())
    cpu = fields.get("model name", "unknown CPU")
    if "cpu family" in fields:
        cpu += f", family {fields['cpu family']} model {fields.get('model', '?')}"
    return cpu


def machine() -> str:
    try:
        cpu = cpu_description(Path("/proc/cpuinfo").read_text(errors="replace"))
    except OSError:
        cpu = "unknown CPU"
    try:
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory_gb = f"{int(memory) / 1024 / 1024:.0f} GB"
    except OSError:
        memory_gb = "?"
    return (
        f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {memory_gb} RAM, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_registry() -> list[str]:
    from benchmarks.http_load import DRIVER, run_load, run_wrk

    workdir = Path(tempfile.mkdtemp(prefix="clusterdev-bench-"))
    env = {
        **os.environ,
        "CLUSTERDEV_VAR_DIR": str(workdir),
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
        ),
        "DEBUG": "false",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789abcdef",
        "SECURE_COOKIES": "false",
        "DJANGO_SETTINGS_MODULE": "clusterdev.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks.registry_data import build

    print(f"Building a registry of {CLUSTERS:,} clusters…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    counts = build(CLUSTERS)
    print(f"  built {counts} in {time.perf_counter() - started:.1f} s", flush=True)

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "clusterdev.cli", "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(3)
        slugs = [f"bench-{rng.randrange(CLUSTERS)}" for _ in range(CLIENTS * REQUESTS)]
        states = ["IN-UP", "IN-TN", "IN-GJ", "IN-MH", "IN-KL", "IN-PB", "IN-KA", "IN-WB"]
        words = ["knitwear", "glass", "pumps", "leather", "brass", "ceramics", "furniture"]
        scenarios = [
            ("baseline: API root", lambda i: "/api/"),
            ("cluster list page", lambda i: f"/clusters/?page={1 + i % 20}"),
            (
                "filtered list page",
                lambda i: f"/clusters/?state={states[i % 8]}&typology=handloom&size_band=100-499",
            ),
            ("search page", lambda i: f"/clusters/?q={words[i % 7]}+{states[i % 8][3:].lower()}"),
            ("cluster detail page", lambda i: f"/clusters/{slugs[i]}/"),
            ("API cluster list", lambda i: f"/api/clusters/?page={1 + i % 20}"),
            (
                "API filtered list",
                lambda i: f"/api/clusters/?state={states[i % 8]}&q={words[i % 7]}",
            ),
            ("API cluster detail", lambda i: f"/api/clusters/{slugs[i]}/"),
        ]
        # Warm every server process: each list address several times (the page cache is per
        # process), and every code path once. Cluster pages stay cold: they are drawn at
        # random among all clusters.
        for name, path in scenarios:
            run_load(name, "127.0.0.1", port, path, clients=CLIENTS, requests_per_client=8)
        if DRIVER == "wrk":
            count = CLIENTS * REQUESTS
            results = [
                run_wrk(
                    name,
                    f"http://127.0.0.1:{port}",
                    [path(i) for i in range(count)],
                    CLIENTS,
                    SECONDS,
                )
                for name, path in scenarios
            ]
        else:
            results = [
                run_load(
                    name, "127.0.0.1", port, path, clients=CLIENTS, requests_per_client=REQUESTS
                )
                for name, path in scenarios
            ]
    finally:
        server.terminate()
        server.wait(timeout=30)

    baseline = results[0].p95_ms or 1.0
    lines = [
        f"### Registry pages and API: {counts['clusters']:,} clusters, "
        f"{counts['estimates']:,} estimates",
        "",
        f"{CLIENTS} concurrent clients on loopback (load driver: {DRIVER}"
        + (f", {SECONDS} s per endpoint" if DRIVER == "wrk" else f", {REQUESTS} requests each")
        + "), each request a path drawn at random from the endpoint's list; gunicorn as "
        "`clusterdev serve` starts it; SQLite. Anonymous reads, so the public page cache is "
        "on: lists are mostly served from it, cluster pages (random among "
        f"{CLUSTERS:,}) mostly not. Target: p95 <= 150 ms.",
        "",
        "| endpoint | requests | errors | p50 ms | p95 ms | max ms | req/s | p95 / baseline "
        "| target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        verdict = (
            "—" if result is results[0] else ("met" if result.p95_ms <= P95_TARGET_MS else "MISSED")
        )
        lines.append(
            f"| {result.name} | {result.requests} | {result.errors} | {result.p50_ms} | "
            f"{result.p95_ms} | {result.max_ms} | {result.throughput} | "
            f"{result.p95_ms / baseline:.1f}× | {verdict} |"
        )
        print(lines[-1], flush=True)
    return lines


def bench_engine() -> list[str]:
    from benchmarks import engine

    rows = int(os.environ.get("ENGINE_BENCH_ROWS", "5000000"))
    print(f"Mapping engine on a synthetic register of {rows:,} enterprises…", flush=True)
    load = os.getloadavg()
    lines = [
        f"### Mapping engine: synthetic register of {rows:,} enterprises (Parquet)",
        "",
        "Each measurement runs in its own process; peak memory is that process's maximum "
        "resident size. Targets (issue 3) and what is compared are defined in decision 0112. "
        f"DuckDB: {os.environ.get('CLUSTERDEV_DUCKDB_MEMORY', '4GB')} memory limit, spill "
        f"to disk, all cores. Load average when the run started: {load[0]:.1f} "
        f"(1 min), {load[1]:.1f} (5 min).",
        "",
        "| measurement | rows | seconds | peak MB | notes |",
        "|---|---:|---:|---:|---|",
    ]
    for result in engine.run():
        lines.append(
            f"| {result['name']} | {result['rows']:,} | {result['seconds']} | "
            f"{result['peak_memory_mb']} | {result.get('notes', '')} |"
        )
        print(lines[-1], flush=True)
    load = os.getloadavg()
    lines += ["", f"Load average when the run ended: {load[0]:.1f} (1 min), {load[1]:.1f} (5 min)."]
    return lines


def main() -> None:
    args = sys.argv[1:]
    if "--only" in args:  # `run.py --only engine` is the same as `run.py engine`
        args = [a for a in args if a != "--only"]
    sections = args or ["registry", "engine"]
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## {stamp}", "", f"Machine: {machine()}", ""]
    if "registry" in sections:
        lines += [*bench_registry(), ""]
    if "engine" in sections:
        lines += [*bench_engine(), ""]
    header = (
        "# Benchmarks\n\nResults of `make bench`, newest first. "
        "Each run states its date and machine.\n\n"
    )
    old = RESULTS.read_text() if RESULTS.exists() else header
    body = old[len(header) :] if old.startswith(header) else old
    RESULTS.write_text(header + "\n".join(lines) + "\n" + body)
    print(f"Results written to {RESULTS}")


if __name__ == "__main__":
    if str(ROOT) not in sys.path:  # also runs as `python benchmarks/run.py`
        sys.path.insert(0, str(ROOT))
    main()
