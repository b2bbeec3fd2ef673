"""Which backend a store location names: a folder path, or a ``postgresql://`` URL.

Kept free of psycopg so the CLI, config and the folder store can tell the two
apart without importing a database driver.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlsplit

SCHEMES = ("postgresql:", "postgres:")  # a mistyped URL must not quietly become a folder
STORE_ENV = "SELLERTUI_STORE"


def is_database_url(location: str | os.PathLike | None) -> bool:
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def shown_url(url: str) -> str:
    """The URL as it may be shown or logged: no password, ever."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    query = "&".join(f"{k}={'***' if k == 'password' else v}" for k, v in parse_qsl(parts.query))
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def named_role(url: str) -> bool:
    """True when the URL says which database role to log in as (one role per person)."""
    parts = urlsplit(url)
    return "@" in parts.netloc or any(k == "user" for k, _ in parse_qsl(parts.query))
