"""Writing rows: many in one statement (arrays unnested in their order), and the partition versions a commit bumps."""

from __future__ import annotations

from typing import Iterable

import orjson
from psycopg import sql

from sellertui.store.errors import N_, InvalidRecord
from sellertui.store.postgres.ddl import PARTS, VERSIONS, table

# the rows as three arrays, in the order given (ord, the first-written order, follows it)
ROWS = "SELECT i, p, d::jsonb FROM unnest(%s::text[], %s::text[], %s::text[]) WITH ORDINALITY AS u(i, p, d, n) ORDER BY n"


def encode(collection: str, doc: dict) -> str:
    try:
        text = orjson.dumps(doc).decode()
    except TypeError as exc:
        raise InvalidRecord(N_("{collection}: a record is not JSON ({reason})"), collection=collection, reason=exc) from None
    if "\\u0000" in text:  # JSONB cannot hold the NUL character
        raise InvalidRecord(N_("{collection}: record {id} holds a NUL character, which the database cannot store"),
                            collection=collection, id=repr(doc.get("id")))
    return text


def _arrays(collection: str, rows: list[tuple[str, dict]]) -> tuple[list[str], list[str], list[str]]:
    return [d["id"] for _, d in rows], [p for p, _ in rows], [encode(collection, d) for _, d in rows]


def put_rows(conn, collection: str, rows: Iterable[tuple[str, dict]], replace: bool) -> set[tuple[str, str]]:
    """Write ``(partition, doc)`` rows; returns the partitions they touched.

    ``replace``: a row with the same id is overwritten (and may move partition);
    otherwise the one there is kept.
    """
    rows = list(rows)
    if not rows:
        return set()
    conflict = "DO UPDATE SET part = EXCLUDED.part, doc = EXCLUDED.doc" if replace else "DO NOTHING"
    conn.execute(sql.SQL("INSERT INTO {} (id, part, doc) " + ROWS + " ON CONFLICT (id) " + conflict)
                 .format(table(collection)), _arrays(collection, rows))
    return {(collection, part) for part, _ in rows}


def insert_new(conn, collection: str, rows: list[tuple[str, dict]]) -> int:
    """Insert rows whose ids must be new; returns how many were (fewer: someone added the same ids)."""
    if not rows:
        return 0
    cur = conn.execute(sql.SQL("INSERT INTO {} (id, part, doc) " + ROWS + " ON CONFLICT (id) DO NOTHING")
                       .format(table(collection)), _arrays(collection, rows))
    return cur.rowcount


def bump(conn, touched: set[tuple[str, str]]) -> None:
    """New versions for these partitions, in a fixed order (two writers never wait on each other in a cycle)."""
    for collection, part in sorted(touched):
        conn.execute(f"INSERT INTO {PARTS} (collection, part, version) VALUES (%s, %s, nextval('{VERSIONS}')) "
                     "ON CONFLICT (collection, part) DO UPDATE SET version = EXCLUDED.version", (collection, part))
