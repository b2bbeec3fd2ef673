"""The two store backends, for tests that must hold on either: a folder, or a PostgreSQL database."""

from __future__ import annotations

import pytest

BACKENDS = ["folder", "postgresql"]


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path) -> str:
    """Where a fresh, empty store of this backend lives (a folder path or a database URL)."""
    if request.param == "folder":
        return str(tmp_path / "shop")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def any_store(location):
    from sellertui.store import open_store

    store = open_store(location, user="ana")
    yield store
    store.close()
