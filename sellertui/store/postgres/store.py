"""``PgStore``: the folder store's interface over a PostgreSQL database.

Reads outside a transaction go through a small pool and are cached per
partition under its version (one cheap query tells whether the cached documents
are still current). Writes run in ``transaction()`` (see ``postgres.transaction``).
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from contextlib import contextmanager
from typing import Iterator

import orjson
from psycopg import sql

from sellertui import clock
from sellertui.store.core import Store
from sellertui.store.errors import StoreError
from sellertui.store.fsio import Signature
from sellertui.store.postgres import connect as pg
from sellertui.store.postgres import ddl
from sellertui.store.postgres.changes import ChangeListener
from sellertui.store.postgres.layout import DatabaseLayout
from sellertui.store.postgres.migrate import migrate, pending
from sellertui.store.postgres.transaction import (PartitionCache, PgTransaction, TxSource, load, partitions,
                                                  read_meta)
from sellertui.store.schema import COLLECTIONS, FORMAT, CollectionSpec, refuse_newer, spec as spec_of
from sellertui.store.urls import named_role, shown_url
from sellertui.store.views import CollectionView



class PgStore:
    kind = "postgresql"

    def __init__(self, url: str, user: str = "", shared: bool = True) -> None:
        self.url = url
        self.location = shown_url(url)
        self.token = secrets.token_hex(8)  # tells this process's own change notices from others'
        self._mutex = threading.RLock()
        self._cache = PartitionCache()  # parsed partitions under their version
        conn = pg.connect(url, autocommit=False)
        try:
            meta, role = self._prepare(conn)
        finally:
            conn.close()
        # one role per person: the role the URL logs in as is who made each change
        self.user = role if named_role(url) else (user or role)
        self.layout = DatabaseLayout(meta["store_id"], _local_dir(meta["store_id"]))
        self._pool = pg.open_pool(url)
        self._listener = ChangeListener(url, self.token, self._versions)

    def _prepare(self, conn) -> tuple[dict, str]:
        """Create the tables on first use and run pending migrations, under an advisory lock."""
        try:
            with conn.transaction():
                role = conn.execute("SELECT current_user").fetchone()[0]
                if not ddl.missing_tables(conn):
                    meta = read_meta(conn)
                    if meta and not pending(meta):
                        refuse_newer(meta, self.location)
                        return meta, role
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (ddl.INIT_LOCK,))
                ddl.create(conn)
                meta = read_meta(conn)
                if not meta:
                    meta = {"format": FORMAT, "created_at": clock.stamp(), "shared": True, "store_id": secrets.token_hex(8),
                            "schemas": {name: s.version for name, s in COLLECTIONS.items()}}
                    conn.execute(f"INSERT INTO {ddl.META} (id, doc) VALUES (1, %s::jsonb)", (orjson.dumps(meta).decode(),))
                refuse_newer(meta, self.location)
                if pending(meta):
                    meta = migrate(conn, meta)
                return meta, role
        except pg.psycopg.Error as exc:
            raise pg.translate(self.url, exc) from None

    # -- reading ------------------------------------------------------------------
    @contextmanager
    def _conn(self):
        with self._mutex, pg.pooled(self._pool, self.url) as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[None]:
        yield  # each read is one statement on a consistent snapshot: nothing to hold

    @property
    def meta(self) -> dict:
        with self._conn() as conn:
            return read_meta(conn)

    def set_meta(self, **values) -> None:
        with self._conn() as conn, conn.transaction():
            conn.execute(f"UPDATE {ddl.META} SET doc = doc || %s::jsonb WHERE id = 1", (orjson.dumps(values).decode(),))
            conn.execute("SELECT pg_notify(%s, %s)", (ddl.CHANNEL, orjson.dumps(
                {"from": self.token, "collections": ["meta"]}).decode()))

    def partitions(self, spec: CollectionSpec) -> list[str]:
        with self._conn() as conn:
            return partitions(conn, spec.name)

    def _version(self, conn, collection: str, partition: str) -> int | None:
        row = conn.execute(f"SELECT version FROM {ddl.PARTS} WHERE collection = %s AND part = %s",
                           (collection, partition)).fetchone()
        return None if row is None else row[0]

    def load(self, spec: CollectionSpec, partition: str) -> dict:
        """One partition's documents; cached until its version changes."""
        key = (spec.name, partition)
        with self._conn() as conn:
            version = self._version(conn, spec.name, partition)  # first: documents read after are never older
            if version is None:
                self._cache.pop(key, None)
                return {}
            cached = self._cache.get(key)
            if cached is not None and cached[0] == version:
                return cached[1]
            docs = load(conn, spec.name, partition)
        self._cache.put(spec, partition, version, docs)
        return docs

    docs = load

    def partition_signature(self, collection: str, partition: str) -> Signature | None:
        with self._conn() as conn:
            version = self._version(conn, collection, partition)
        return None if version is None else Signature(version, 0, 0)

    def _versions(self, conn) -> dict[str, int]:
        rows = conn.execute(f"SELECT collection, max(version) FROM {ddl.PARTS} GROUP BY collection").fetchall()
        meta = conn.execute(f"SELECT md5(doc::text) FROM {ddl.META} WHERE id = 1").fetchone()
        return {**dict(rows), "meta": meta[0] if meta else ""}

    def collection(self, name: str) -> CollectionView:
        return CollectionView(self, spec_of(name))

    __getitem__ = collection

    def summary(self) -> dict[str, int]:
        with self._conn() as conn:
            return {name: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(ddl.table(name))).fetchone()[0]
                    for name in COLLECTIONS}

    def is_empty(self) -> bool:
        with self._conn() as conn:
            return not any(conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(ddl.table(name))).fetchone()[0]
                           for name in COLLECTIONS if name != "activity")

    # -- writing --------------------------------------------------------------------
    @contextmanager
    def transaction(self, note: str = "", user: str | None = None, log: bool = True) -> Iterator[PgTransaction]:
        """Everything staged inside the block is committed together, or nothing is."""
        with self._conn() as conn:
            try:
                with conn.transaction():
                    source = TxSource(conn, self.layout, self.user, self.token, self._cache)
                    tx = PgTransaction(source, note, user, log)
                    yield tx
                    tx.commit()
            except pg.psycopg.Error as exc:
                raise pg.translate(self.url, exc) from None

    # -- watching for other processes ----------------------------------------------
    def changes(self) -> set[str]:
        """Collections another process changed since the last call (LISTEN/NOTIFY; the first call sets the baseline)."""
        return self._listener.changes()

    wait_idle = Store.wait_idle  # the same: no thread of this process inside a store operation

    @property
    def shared(self) -> bool:
        return True

    def close(self) -> None:
        self._listener.close()
        self._pool.close()




def _local_dir(store_id: str):
    from sellertui import paths

    return paths.cache_dir() / "databases" / hashlib.sha1(store_id.encode()).hexdigest()[:12]


__all__ = ["PgStore", "StoreError"]
