"""Fixtures of the engine tests: the engine parameter, small synthetic registers.

Tests marked ``spark`` start one local Spark session for the whole run (about 10 s);
deselect them with ``-m "not spark"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterdev.engine.synth import PlantedCluster, synthesise

os.environ.setdefault("CLUSTERDEV_SPARK_MASTER", "local[2]")
os.environ.setdefault("CLUSTERDEV_SPARK_PARTITIONS", "4")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs on a local PySpark session (slow to start)")


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def engine(request: pytest.FixtureRequest) -> str:
    """Each test using it runs once on DuckDB and once on Spark."""
    return str(request.param)


@pytest.fixture(scope="session")
def spark_session() -> Iterator[object]:
    from clusterdev.engine.backends import spark_session as start

    yield start()


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PlantedCluster]]:
    """A 20,000-row synthetic register (CSV) and its planted clusters."""
    folder = tmp_path_factory.mktemp("synth")
    path = folder / "register.csv"
    plants = synthesise(path, enterprises=20_000, seed=7)
    return path, plants


@pytest.fixture(scope="session")
def small_synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[PlantedCluster]]:
    """A 4,000-row synthetic register, small enough for Spark tests."""
    folder = tmp_path_factory.mktemp("small")
    path = folder / "register.csv"
    plants = synthesise(path, enterprises=4_000, seed=11, mean_units=300)
    return path, plants


HEADER = "enterprise_id,state,district,pincode,nic_code,employment,turnover_inr,latitude,longitude,segment,looms,notes"


def write_register(folder: Path, rows: list[str], name: str = "register.csv") -> Path:
    """Write a CSV register with the standard header plus a ``notes`` extra column."""
    path = folder / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from clusterdev.engine import backends

    if backends._spark is not None:
        import logging

        logging.getLogger("py4j").setLevel(logging.ERROR)
        backends._spark.stop()
        backends._spark = None
