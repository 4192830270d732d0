"""Exit 0 when the PostgreSQL server in TEST_POSTGRES_URL answers, 1 (and say why) when not."""

import os
import sys

import psycopg

url = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
try:
    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), connect_timeout=5) as conn:
        version = conn.execute("show server_version").fetchone()
    print(f"PostgreSQL {version[0] if version else '?'} reachable at {url}")
except psycopg.Error as error:
    print(f"PostgreSQL is not reachable at {url}: {str(error).strip()}", file=sys.stderr)
    sys.exit(1)
