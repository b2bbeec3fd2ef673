"""Writing rows: many at once through COPY, and the partition versions a commit bumps."""

from __future__ import annotations

from typing import Iterable

import orjson
from psycopg import sql

from sellertui.store.errors import InvalidRecord
from sellertui.store.postgres.ddl import PARTS, VERSIONS, table

STAGE = "sellertui_incoming"


def encode(collection: str, doc: dict) -> str:
    try:
        text = orjson.dumps(doc).decode()
    except TypeError as exc:
        raise InvalidRecord(f"{collection}: a record is not JSON ({exc})") from None
    if "\\u0000" in text:  # JSONB cannot hold the NUL character
        raise InvalidRecord(f"{collection}: record {doc.get('id')!r} holds a NUL character, which the database "
                            "cannot store")
    return text


def put_rows(conn, collection: str, rows: Iterable[tuple[str, dict]], replace: bool) -> set[tuple[str, str]]:
    """Write ``(partition, doc)`` rows; returns the partitions they touched.

    ``replace``: a row with the same id is overwritten (and may move partition);
    otherwise it is kept, and the number written is checked by the caller through
    ``inserted`` (see ``insert_new``).
    """
    rows = list(rows)
    if not rows:
        return set()
    _copy(conn, collection, rows)
    conflict = "DO UPDATE SET part = EXCLUDED.part, doc = EXCLUDED.doc" if replace else "DO NOTHING"
    conn.execute(sql.SQL("INSERT INTO {} (id, part, doc) SELECT id, part, doc FROM " + STAGE +
                         " ORDER BY n ON CONFLICT (id) " + conflict).format(table(collection)))
    return {(collection, part) for part, _ in rows}


def insert_new(conn, collection: str, rows: list[tuple[str, dict]]) -> int:
    """Insert rows whose ids must be new; returns how many were (fewer: someone added the same ids)."""
    if not rows:
        return 0
    _copy(conn, collection, rows)
    cur = conn.execute(sql.SQL("INSERT INTO {} (id, part, doc) SELECT id, part, doc FROM " + STAGE +
                               " ORDER BY n ON CONFLICT (id) DO NOTHING").format(table(collection)))
    return cur.rowcount


def _copy(conn, collection: str, rows: list[tuple[str, dict]]) -> None:
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} (n bigint GENERATED ALWAYS AS IDENTITY, id text, part text, "
                 "doc jsonb) ON COMMIT DELETE ROWS")
    conn.execute(f"TRUNCATE {STAGE}")
    with conn.cursor().copy(f"COPY {STAGE} (id, part, doc) FROM STDIN") as copy:
        for part, doc in rows:
            copy.write_row((doc["id"], part, encode(collection, doc)))


def bump(conn, touched: set[tuple[str, str]]) -> None:
    """New versions for these partitions, in a fixed order (two writers never wait on each other in a cycle)."""
    for collection, part in sorted(touched):
        conn.execute(f"INSERT INTO {PARTS} (collection, part, version) VALUES (%s, %s, nextval('{VERSIONS}')) "
                     "ON CONFLICT (collection, part) DO UPDATE SET version = EXCLUDED.version", (collection, part))
