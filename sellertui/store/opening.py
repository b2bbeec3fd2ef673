"""Opening a store: the folder store or the database one, by its location; who the user is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellertui.store.core import Store


def login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no passwd entry, e.g. in a container
        return "me"


def open_store(location: "Path | str", user: str = "", shared: bool = False) -> "Store":
    """The store at a folder (the embedded default) or a ``postgresql://`` URL (psycopg loaded only then)."""
    from sellertui.store.urls import is_database_url

    if is_database_url(location):
        from sellertui.store.postgres import PgStore

        return PgStore(str(location), user=user)
    from sellertui.store.core import Store

    return Store(Path(location), user=user, shared=shared)
