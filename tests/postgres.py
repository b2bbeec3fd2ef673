"""PostgreSQL for the tests: ``.ci/run``'s cluster when it set $SELLERTUI_TEST_POSTGRES, else one of our own.

Each test gets a database of its own (dropped afterwards). Without PostgreSQL's
binaries and without the variable, the tests that need it skip and say why.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sellertui.devtools import pgcluster

TEST_ENV = "SELLERTUI_TEST_POSTGRES"


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a server's maintenance database (``postgres``)."""
    given = os.environ.get(TEST_ENV)
    if given:
        yield given
        return
    if not pgcluster.available():
        pytest.skip(f"PostgreSQL is not installed (no initdb) and ${TEST_ENV} is not set")
    folder = Path(tempfile.mkdtemp(prefix="stpg"))  # short: a unix socket path is at most 107 bytes
    try:
        yield pgcluster.start(folder)
    finally:
        pgcluster.stop(folder)


def database_url(server: str, name: str) -> str:
    parts = urlsplit(server)  # urlunsplit would drop the empty host of postgresql:///db?host=DIR
    return f"{parts.scheme}://{parts.netloc}/{name}" + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def pg_url(pg_server: str):
    """A fresh, empty database for this test."""
    import psycopg

    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(pg_server, name)
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
