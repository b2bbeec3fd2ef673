"""A write transaction in the database: the folder store's API, row locks instead of a store lock.

The write API is the folder store's (``store.transaction.Transaction``): the
same checks, stamps, activity entry. What differs is underneath:

- reads inside the transaction come fresh from the database (never the cache);
- a record located by id (update, delete) is locked ``FOR UPDATE`` and re-read,
  so two teammates editing the same task queue for each other, and edits of
  different records never wait;
- sequential ids are handed out under an advisory lock of their collection only
  (like a database sequence), read after taking it;
- at commit only the rows that changed are written; every row that existed when
  it was read is locked and its revision checked, every new id must still be
  free. Anything else is a conflict, and nothing is written.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import orjson
from psycopg import sql

from sellertui.store.errors import N_, StoreBusy
from sellertui.store.postgres.ddl import CHANNEL, META, PARTS, table
from sellertui.store.postgres.rows import bump, insert_new, put_rows
from sellertui.store.schema import SINGLE, CollectionSpec
from sellertui.store.transaction import Transaction, TxCollection


class PartitionCache(dict):
    """Parsed partitions by (collection, partition) -> (version, docs); big collections keep only a few."""

    RECENT_BIG = 4

    def __init__(self) -> None:
        super().__init__()
        self._recent: list[tuple[str, str]] = []

    def put(self, spec: CollectionSpec, partition: str, version: int, docs: dict) -> None:
        key = (spec.name, partition)
        self[key] = (version, docs)
        if not spec.cached:
            self._recent = [k for k in self._recent if k != key] + [key]
            while len(self._recent) > self.RECENT_BIG:
                self.pop(self._recent.pop(0), None)


class TxSource:
    """What ``Transaction`` reads, over the transaction's own connection."""

    def __init__(self, conn, layout, user: str, token: str, cache: dict | None = None) -> None:
        self.conn, self.layout, self.user, self.token = conn, layout, user, token
        self.cache = cache if cache is not None else PartitionCache()  # the store's parsed partitions

    @property
    def meta(self) -> dict:
        return read_meta(self.conn)

    def partitions(self, spec: CollectionSpec) -> list[str]:
        return partitions(self.conn, spec.name)

    def load(self, spec: CollectionSpec, partition: str) -> dict:
        """Fresh from the database, or a copy of the store's parsed partition when it is still current."""
        row = self.conn.execute(f"SELECT version FROM {PARTS} WHERE collection = %s AND part = %s",
                                (spec.name, partition)).fetchone()
        cached = self.cache.get((spec.name, partition))
        if row is not None and cached is not None and cached[0] == row[0]:
            return dict(cached[1])  # a copy: a transaction changes its own view of the partition
        docs = load(self.conn, spec.name, partition)
        if row is not None:  # as committed at that version (read after it): the next transaction may reuse it
            self.cache.put(spec, partition, row[0], docs)
        return dict(docs)


def read_meta(conn) -> dict:
    row = conn.execute(f"SELECT doc::text FROM {META} WHERE id = 1").fetchone()
    return orjson.loads(row[0]) if row else {}


def partitions(conn, collection: str) -> list[str]:
    rows = conn.execute(f"SELECT part FROM {PARTS} WHERE collection = %s ORDER BY part", (collection,)).fetchall()
    return [r[0] for r in rows]


def load(conn, collection: str, partition: str) -> dict:
    query = sql.SQL("SELECT doc::text FROM {} WHERE part = %s ORDER BY ord").format(table(collection))
    docs = (orjson.loads(r[0]) for r in conn.execute(query, (partition,)))
    return {d["id"]: d for d in docs}


class PgTransaction(Transaction):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.appended: list[tuple[str, str, dict]] = []  # (collection, partition, doc): new rows, nothing read

    def __getitem__(self, name: str) -> "PgTxCollection":
        if name not in self._views:
            super().__getitem__(name)
            self._views[name].__class__ = PgTxCollection
        return self._views[name]

    collection = __getitem__

    @property
    def conn(self):
        return self.store.conn

    def refresh(self, spec: CollectionSpec, partition: str, doc: dict) -> None:
        """Put a freshly locked record in place of the one read earlier (unless this transaction changed it)."""
        path = self.store.layout.partition_path(spec.name, partition)
        base = self._base.get(path)
        staged = self._staged.get(path)
        if staged is not None and staged[1].get(doc["id"]) is not (base or {}).get(doc["id"]):
            return  # our own change wins
        if base is not None:
            old = base.get(doc["id"])
            base[doc["id"]] = doc
            if staged is not None and staged[1].get(doc["id"]) is old:
                staged[1][doc["id"]] = doc

    def commit(self) -> set[str]:
        """Write what changed; returns the collections written (for the change notice)."""
        staged = self.payloads()
        by_collection: dict[str, list[tuple[str, dict]]] = {}
        for path, (spec, docs) in staged.items():
            by_collection.setdefault(spec.name, []).append((Path(path).stem, docs))
        touched: set[tuple[str, str]] = set()
        for name, parts in sorted(by_collection.items()):
            touched |= self._write_collection(name, parts)
        for name in sorted({c for c, _, _ in self.appended}):
            rows = [(part, doc) for c, part, doc in self.appended if c == name]
            if insert_new(self.conn, name, rows) != len(rows):
                raise StoreBusy(N_("{collection}: a record with the same id was added at the same moment; nothing "
                                   "was written, try again"), collection=name)
            touched |= {(name, part) for part, _ in rows}
        if self.seq_floor:
            floors = dict(read_meta(self.conn).get("seq_floor", {}))
            for name, value in self.seq_floor.items():
                floors[name] = max(value, floors.get(name, 0))
            self.conn.execute(f"UPDATE {META} SET doc = jsonb_set(doc, '{{seq_floor}}', %s::jsonb) WHERE id = 1",
                              (orjson.dumps(floors).decode(),))
            touched.add(("meta", "meta"))
        bump(self.conn, {t for t in touched if t[0] != "meta"})
        names = sorted({c for c, _ in touched})
        if names:
            self.conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, orjson.dumps(
                {"from": self.store.token, "collections": names}).decode()))
        return set(names)

    def _write_collection(self, name: str, parts: list[tuple[str, dict]]) -> set[tuple[str, str]]:
        base: dict[str, tuple[str, dict]] = {}  # id -> (partition, doc) as read
        for part, _ in parts:
            for record_id, doc in self._base.get(self.store.layout.partition_path(name, part), {}).items():
                base[record_id] = (part, doc)
        puts: dict[str, tuple[str, dict]] = {}
        kept: set[str] = set()
        for part, docs in parts:
            for record_id, doc in docs.items():
                kept.add(record_id)
                if base.get(record_id, (None, None))[1] is not doc or base[record_id][0] != part:
                    puts[record_id] = (part, doc)
        removed = [i for i in base if i not in kept]
        known = {i: base[i][1].get("_rev") for i in list(puts) + removed if i in base}
        self._check_revisions(name, known)
        if removed:
            self.conn.execute(sql.SQL("DELETE FROM {} WHERE id = ANY(%s)").format(table(name)), (removed,))
        updates = [puts[i] for i in puts if i in base]
        fresh = [puts[i] for i in puts if i not in base]
        touched = put_rows(self.conn, name, updates, replace=True)
        if insert_new(self.conn, name, fresh) != len(fresh):
            raise StoreBusy(N_("{collection}: a teammate added a record with the same id at the same moment; nothing "
                               "was written, try again"), collection=name)
        touched |= {(name, p) for p, _ in fresh}
        touched |= {(name, base[i][0]) for i in removed}
        touched |= {(name, base[i][0]) for i in puts if i in base}  # a record that moved leaves its old partition
        return touched

    def _check_revisions(self, name: str, known: dict[str, Any]) -> None:
        """Lock every existing row this commit changes; refuse if any changed since it was read."""
        if not known:
            return
        rows = self.conn.execute(sql.SQL("SELECT id, doc->'_rev' FROM {} WHERE id = ANY(%s) ORDER BY id FOR UPDATE")
                                 .format(table(name)), (list(known),)).fetchall()
        current = dict(rows)
        changed = [i for i, rev in known.items() if current.get(i, "gone") != rev]
        if changed:
            raise StoreBusy(N_("{collection} {id} was changed by a teammate while this was being saved; nothing was "
                               "written, try again"), collection=name, id=changed[0])


class PgTxCollection(TxCollection):
    tx: PgTransaction

    def _put(self, doc: dict, partition: str, replace: bool = False) -> None:
        """A new record (the activity entry) goes in as one row, without reading its whole partition."""
        path = self.tx.store.layout.partition_path(self.name, partition)
        if path in self.tx._staged or path in self.tx._base:
            super()._put(doc, partition, replace)
        else:
            self.tx.appended.append((self.name, partition, doc))

    def locate(self, record_id: str, partition: str | None = None) -> str | None:
        """Find the record and lock its row until commit, reading its latest version."""
        record_id = str(record_id)
        row = self.tx.conn.execute(sql.SQL("SELECT part, doc::text FROM {} WHERE id = %s FOR UPDATE")
                                   .format(table(self.name)), (record_id,)).fetchone()
        if row is not None:
            part, doc = row[0], orjson.loads(row[1])
            self.docs(part)  # read the partition first, so the fresh row lands in it
            self.tx.refresh(self.spec, part, doc)
            if partition is None:  # the row says where it is: no need to look through every partition
                partition = part if record_id in self.docs(part) else None
                if partition is not None:
                    return partition
        return super().locate(record_id, partition)

    def _next_seq(self) -> str:
        """The next id under this collection's advisory lock (held to commit), read after taking it."""
        self.tx.conn.execute("SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(self.name.encode()),))
        top = self.tx.conn.execute(sql.SQL("SELECT max(id::bigint) FROM {} WHERE id ~ '^[0-9]{{1,18}}$'")
                                   .format(table(self.name))).fetchone()[0] or 0
        staged = [int(k) for k in self.docs(SINGLE) if k.isdigit()]
        floor = max(self.tx.seq_floor.get(self.name, 0), self.tx.store.meta.get("seq_floor", {}).get(self.name, 0))
        return str(max([top, floor, *staged]) + 1)
