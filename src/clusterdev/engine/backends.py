"""Connections to the two execution engines: DuckDB (embedded, default) and PySpark.

Spark is configured from the environment:

``SPARK_REMOTE``
    A Spark Connect URL (``sc://host:15002``); when set, the session connects there.
``CLUSTERDEV_SPARK_MASTER``
    Master URL for a classic session (``spark://host:7077``, ``yarn``); default
    ``local[*]``.
``CLUSTERDEV_SPARK_PARTITIONS``, ``CLUSTERDEV_SPARK_MEMORY``
    Shuffle partitions (default 8) and driver memory (default ``2g``).

DuckDB reads ``CLUSTERDEV_DUCKDB_THREADS``, ``CLUSTERDEV_DUCKDB_MEMORY`` (``"6GB"``) and
``CLUSTERDEV_DUCKDB_TEMP`` (a directory to spill to when memory runs short).
"""

from __future__ import annotations

import os
import threading
from typing import Any, Literal

__all__ = [
    "EngineName",
    "collect",
    "connect",
    "lookup_table",
    "materialise",
    "short_error",
    "spark_session",
]

EngineName = Literal["duckdb", "spark"]
ENGINES: tuple[str, ...] = ("duckdb", "spark")
_lock = threading.Lock()
_spark: Any = None


def spark_session() -> Any:
    """Return the process-wide Spark session, starting it on first use (about 10 s).

    Returns
    -------
    pyspark.sql.SparkSession

    Examples
    --------
    >>> spark_session().version  # doctest: +SKIP
    '4.0.0'
    """
    global _spark
    with _lock:
        if _spark is None:
            os.environ.setdefault("PYARROW_IGNORE_TIMEZONE", "1")
            from pyspark.sql import SparkSession

            builder: Any = SparkSession.builder.appName("clusterdev-engine")
            remote = os.environ.get("SPARK_REMOTE")
            if remote:
                builder = builder.remote(remote)
            else:
                builder = (
                    builder.master(os.environ.get("CLUSTERDEV_SPARK_MASTER", "local[*]"))
                    .config("spark.ui.enabled", "false")
                    .config(
                        "spark.sql.shuffle.partitions",
                        os.environ.get("CLUSTERDEV_SPARK_PARTITIONS", "8"),
                    )
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.ansi.enabled", "false")
                    .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                    .config("spark.driver.memory", os.environ.get("CLUSTERDEV_SPARK_MEMORY", "2g"))
                )
            _spark = builder.getOrCreate()
        return _spark


def connect(engine: str = "duckdb") -> Any:
    """Open an Ibis backend for ``engine``.

    Parameters
    ----------
    engine : {"duckdb", "spark"}

    Returns
    -------
    ibis.BaseBackend

    Examples
    --------
    >>> con = connect("duckdb")
    >>> con.name
    'duckdb'
    """
    import ibis

    if engine == "duckdb":
        con = ibis.duckdb.connect()
        threads = os.environ.get("CLUSTERDEV_DUCKDB_THREADS")
        if threads:
            con.raw_sql(f"SET threads = {int(threads)}")
        limit = os.environ.get("CLUSTERDEV_DUCKDB_MEMORY")
        if limit:
            con.raw_sql(f"SET memory_limit = '{limit}'")
        spill = os.environ.get("CLUSTERDEV_DUCKDB_TEMP")
        if spill:
            con.raw_sql(f"SET temp_directory = '{spill}'")
        con.raw_sql("SET preserve_insertion_order = false")
        con.raw_sql("SET enable_progress_bar = false")
        return con
    if engine == "spark":
        return ibis.pyspark.connect(spark_session())
    raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")


_counter = 0


def materialise(con: Any, expr: Any) -> Any:
    """Compute ``expr`` once and keep it for reuse (a temporary table, or a Spark cache).

    Parameters
    ----------
    con : ibis backend
    expr : ibis.Table

    Returns
    -------
    ibis.Table

    Examples
    --------
    >>> con = connect()
    >>> t = lookup_table(con, {"a": [1, 2]})
    >>> con.to_pyarrow(materialise(con, t.mutate(b=t.a * 2))).column("b").to_pylist()
    [2, 4]
    """
    global _counter
    if con.name == "duckdb":
        with _lock:
            _counter += 1
            name = f"_clusterdev_{os.getpid()}_{_counter}"
        con.raw_sql(f'CREATE TEMP TABLE "{name}" AS {con.compile(expr)}')
        return con.table(name)
    return expr.cache()


def collect(con: Any, expr: Any) -> tuple[Any, Any]:
    """Compute ``expr`` once: (a table to query further, its rows as Arrow or None).

    DuckDB hands the result to Python as Arrow and scans it there in place, so reading
    it whole afterwards costs nothing; Spark keeps it cached in the cluster (None),
    where it may be far larger than the driver.

    Examples
    --------
    >>> con = connect()
    >>> t = lookup_table(con, {"a": [1, 2]})
    >>> table, rows = collect(con, t.mutate(b=t.a * 2))
    >>> rows.column("b").to_pylist(), con.to_pyarrow(table.filter(table.b > 2)).num_rows
    ([2, 4], 1)
    """
    if con.name == "duckdb":
        rows = con.to_pyarrow(expr)
        return lookup_table(con, rows), rows
    return expr.cache(), None


def lookup_table(con: Any, data: Any) -> Any:
    """Register a small table (pandas DataFrame or dict of columns) with the engine.

    Unlike ``ibis.memtable`` this also works inside Spark queries that are cached.

    Parameters
    ----------
    con : ibis backend
    data : pyarrow.Table, pandas.DataFrame or dict of str to list

    Returns
    -------
    ibis.Table

    Examples
    --------
    >>> con = connect()
    >>> con.to_pyarrow(lookup_table(con, {"a": [1, 2]})).num_rows
    2
    """
    import pandas as pd
    import pyarrow as pa

    global _counter
    with _lock:
        _counter += 1
        name = f"_clusterdev_lookup_{os.getpid()}_{_counter}"
    if isinstance(data, pa.Table):  # types kept as they are (a column of nulls stays typed)
        arrow = data
    else:
        frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
    if con.name == "duckdb":
        con.con.register(name, arrow)
        return con.table(name)
    session = con._session
    session.createDataFrame(arrow).createOrReplaceTempView(name)
    return con.table(name)


def short_error(error: BaseException, lines: int = 6) -> str:
    """The first lines of an engine's error message (Spark's run to pages).

    Examples
    --------
    >>> short_error(ValueError("one\\ntwo\\nthree"), lines=2)
    'one\\ntwo'
    """
    text = str(error).strip().splitlines()
    return "\n".join(text[:lines])
