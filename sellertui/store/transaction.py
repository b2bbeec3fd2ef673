"""A write transaction: staged changes, committed all together or not at all.

Opened with ``Store.transaction()``: it holds the store's exclusive lock from
the first read to the last rename, reads every file fresh (another process may
have changed it), and on commit writes each touched partition once. Leaving the
``with`` block by an exception discards everything.
"""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from itertools import islice
from typing import Any, Collection, Iterable, Protocol

from sellertui import clock
from sellertui.store import splits
from sellertui.store.columns import ColumnPart, Columns
from sellertui.store.errors import N_, Conflict, InvalidRecord, NotFound
from sellertui.store.layout import Layout
from sellertui.store.schema import SINGLE, CollectionSpec, spec as spec_of
from sellertui.store.upsert import Merge, column_partitions, group_by_partition, plan_upsert, same_content
from sellertui.store.views import CollectionView, table_over



class Backend(Protocol):
    """What a transaction needs of the store (``store.core.Store``): where files are, and reading them."""

    user: str
    layout: Layout

    @property
    def meta(self) -> dict: ...

    def partitions(self, spec: CollectionSpec) -> list[str]: ...

    def load(self, spec: CollectionSpec, partition: str) -> dict: ...


def new_uid() -> str:
    """Time-ordered unique id: 11 hex digits of milliseconds + 6 random."""
    return f"{int(time.time() * 1000):011x}{secrets.token_hex(3)}"


__all__ = ["Transaction", "TxCollection", "new_uid", "same_content"]


class Transaction:
    def __init__(self, store: Backend, note: str = "", user: str | None = None, log: bool = True) -> None:
        self.store = store
        self.note = note
        self.user = user or store.user
        self.log = log
        self.at = clock.stamp()
        self._base: dict[Path, dict] = {}
        self._staged: dict[Path, tuple[CollectionSpec, dict]] = {}
        self._counts: dict[str, dict[str, Any]] = {}
        self._views: dict[str, TxCollection] = {}
        self.seq_floor: dict[str, int] = {}  # collection -> highest sequential id deleted here
        self.touched: dict[Path, set[str] | None] = {}  # partition -> ids written (None: all of it)

    # -- a DocsSource over the store plus what this transaction staged --------
    def partitions(self, spec: CollectionSpec) -> list[str]:
        names = set(self.store.partitions(spec))
        names.update(p.stem for p, (s, _) in self._staged.items() if s.name == spec.name)
        return sorted(names)

    def docs(self, spec: CollectionSpec, partition: str) -> dict[str, dict]:
        path = self.store.layout.partition_path(spec.name, partition)
        if path in self._staged:
            docs = self._staged[path][1]
            if isinstance(docs, ColumnPart):  # read again within the transaction: as dicts from here on
                docs = dict(docs.materialise())
                self._staged[path] = (spec, docs)
            return docs
        if path not in self._base:
            self._base[path] = self.store.load(spec, partition)
        return self._base[path]

    def stage(self, spec: CollectionSpec, partition: str, docs: dict, ids: Iterable[str] | None = None) -> None:
        """Stage a partition's new records; ``ids`` the records changed (None: all), so a split month
        rewrites only the files holding them."""
        path = self.store.layout.partition_path(spec.name, partition)
        self._staged[path] = (spec, docs)
        touched = self.touched.setdefault(path, set())
        if ids is None or touched is None:
            self.touched[path] = None
        else:
            touched.update(ids)

    def __getitem__(self, name: str) -> "TxCollection":
        if name not in self._views:
            self._views[name] = TxCollection(self, spec_of(name))
        return self._views[name]

    collection = __getitem__

    def count(self, collection: str, action: str, record_id: str) -> None:
        self.count_many(collection, action, (record_id,))

    def count_many(self, collection: str, action: str, record_ids: Collection[str]) -> None:
        """Count changed records for the activity log (which keeps the first 20 ids)."""
        entry = self._counts.setdefault(collection, {"inserted": 0, "updated": 0, "deleted": 0, "ids": []})
        entry[action] += len(record_ids)
        room = 20 - len(entry["ids"])
        if room > 0:
            entry["ids"].extend(islice(record_ids, room))

    @property
    def changes(self) -> dict[str, dict[str, Any]]:
        return self._counts

    def stamp(self, doc: dict, spec: CollectionSpec, rev: int) -> dict:
        doc["_v"] = spec.version
        doc["_rev"] = rev
        doc["_at"] = self.at
        doc["_by"] = self.user
        return doc

    def payloads(self) -> dict[Path, tuple[CollectionSpec, dict]]:
        if self._counts and self.log:
            entry = {"at": self.at, "user": self.user, "note": self.note, "changes": self._counts}
            activity = self["activity"]
            # Logged as-is (no recursion into the counts).
            doc = self.stamp({"id": new_uid(), **entry}, activity.spec, 1)
            activity._put(doc, activity.spec.partition_of(doc))
        return self._staged


class TxCollection(CollectionView):
    """Reads (seeing this transaction's own writes) and writes one collection."""

    def __init__(self, tx: Transaction, spec: CollectionSpec) -> None:
        super().__init__(tx, spec)
        self.tx = tx

    # -- low level: one TinyDB table per partition, writes staged in the tx ---
    def _apply(self, partition: str, puts: dict[str, dict] | None = None, removes: list[str] = ()) -> None:
        """Put and remove documents in one pass over the partition's TinyDB table.

        One ``Table._update_table`` call per change set: TinyDB's own
        ``insert_multiple`` checks and copies every document one by one, which
        made bulk imports ~10x slower. Documents are replaced, never mutated,
        so the committed cache stays intact if the transaction is abandoned.
        """

        def updater(table: dict) -> None:
            for record_id in removes:
                table.pop(record_id, None)
            if puts:
                table.update(puts)

        ids = [*(puts or ()), *removes]
        table = table_over(self.name, self.docs(partition), lambda docs: self.tx.stage(self.spec, partition, docs, ids))
        table._update_table(updater)

    def _put(self, doc: dict, partition: str, replace: bool = False) -> None:
        self._apply(partition, {doc["id"]: doc})

    def _next_seq(self) -> str:
        if self.spec.partitioned:
            raise InvalidRecord(N_("{collection}: sequential ids need an unpartitioned collection"), collection=self.name)
        ids = [int(k) for k in self.docs(SINGLE) if k.isdigit()]
        floor = max(self.tx.seq_floor.get(self.name, 0), self.tx.store.meta.get("seq_floor", {}).get(self.name, 0))
        return str(max(ids + [floor], default=0) + 1)

    def _new_id(self, doc: dict) -> str:
        if self.spec.ids == "key":
            key = doc.get("id")
            if not isinstance(key, str) or not key:
                raise InvalidRecord(N_("{collection}: a record needs its key in 'id'"), collection=self.name)
            return key
        return self._next_seq() if self.spec.ids == "seq" else new_uid()

    # -- the write API ---------------------------------------------------------
    def insert(self, doc: dict) -> dict:
        """Add a new record; returns it as stored (with its id)."""
        record = dict(doc)
        record["id"] = self._new_id(record)
        part = self.spec.partition_of(record)
        if record["id"] in self.docs(part):
            raise InvalidRecord(N_("{collection}: a record with id {id} already exists"), collection=self.name,
                                id=repr(record["id"]))
        self.tx.stamp(record, self.spec, 1)
        self._put(record, part)
        self.tx.count(self.name, "inserted", record["id"])
        return record

    def update(self, record_id: Any, changes: dict, expect_rev: int | None = None, partition: str | None = None) -> dict:
        """Change some fields of a record.

        With ``expect_rev``, refuse (``Conflict``) if someone saved the record
        since the caller read that revision, instead of silently undoing them.
        """
        record_id = str(record_id)
        part = self.locate(record_id, partition)
        if part is None:
            if expect_rev is not None:
                raise Conflict(self.name, record_id, expect_rev, None)
            raise NotFound(self.name, record_id)
        current = self.docs(part)[record_id]
        if expect_rev is not None and current.get("_rev") != expect_rev:
            raise Conflict(self.name, record_id, expect_rev, current)
        record = {**current, **changes, "id": record_id}
        self.tx.stamp(record, self.spec, current.get("_rev", 0) + 1)
        new_part = self.spec.partition_of(record)
        if new_part != part:
            self._apply(part, removes=[record_id])
        self._apply(new_part, {record_id: record})
        self.tx.count(self.name, "updated", record_id)
        return record

    def delete(self, record_id: Any, expect_rev: int | None = None, partition: str | None = None) -> None:
        record_id = str(record_id)
        part = self.locate(record_id, partition)
        if part is None:
            raise NotFound(self.name, record_id)
        current = self.docs(part)[record_id]
        if expect_rev is not None and current.get("_rev") != expect_rev:
            raise Conflict(self.name, record_id, expect_rev, current)
        self._apply(part, removes=[record_id])
        self.tx.count(self.name, "deleted", record_id)
        if self.spec.ids == "seq" and record_id.isdigit():
            self.tx.seq_floor[self.name] = max(self.tx.seq_floor.get(self.name, 0), int(record_id))

    def delete_many(self, ids_by_partition: dict[str, Collection[str]]) -> int:
        """Remove these records (partition -> ids), one table write per partition; returns how many went."""
        removed = 0
        for part, ids in ids_by_partition.items():
            present = [i for i in ids if i in self.docs(part)]
            if present:
                self._apply(part, removes=present)
                self.tx.count_many(self.name, "deleted", present)
                removed += len(present)
        return removed

    def upsert_many(self, docs: Iterable[dict], merge: Merge | None = None, owned: bool = False) -> dict[str, int]:
        """Insert or merge records by their natural key, one table write per partition.

        A record whose given fields all equal the stored ones is left alone
        (not re-stamped), so re-importing a file reports it as unchanged.
        ``merge(old, incoming)`` picks the fields to apply to an existing record.
        With ``owned=True`` the caller hands its freshly built dicts over (they
        are stamped in place instead of copied, and columns are dealt in place: bulk imports).
        """
        result = {"inserted": 0, "updated": 0, "unchanged": 0}
        spec = self.spec
        marks = {"_v": spec.version, "_rev": 1, "_at": self.tx.at, "_by": self.tx.user}
        if isinstance(docs, Columns):
            docs = self._fresh_columns(docs, marks, result, owned)
        for part, incoming in group_by_partition(spec, docs).items():
            plan = plan_upsert(self.docs(part), incoming, merge)
            self.tx.count_many(self.name, "inserted", plan.inserts.keys())
            self.tx.count_many(self.name, "updated", plan.updates.keys())
            result["inserted"] += len(plan.inserts)
            result["updated"] += len(plan.updates)
            result["unchanged"] += plan.unchanged
            if owned:  # stamp the caller's dicts in place: one C call each
                puts = dict(plan.inserts)
                for doc in puts.values():
                    doc.update(marks)
            else:
                puts = {key: {**doc, **marks} for key, doc in plan.inserts.items()}
            for key, (old, record) in plan.updates.items():
                puts[key] = self.tx.stamp(record, spec, old.get("_rev", 0) + 1)
            if puts:
                self._apply(part, puts)
        return result

    def _fresh_columns(self, records: Columns, marks: dict, result: dict[str, int], owned: bool = False
                       ) -> list[dict]:
        """Stage each partition this write creates straight from the columns; the rest, as dicts, for the plan.

        The new partitions' rows are dealt once into one set of columns, month after month (a split month's
        bucket after bucket), and each month is a span of it: no copy per month or per file. ``owned``: the
        caller's columns are replaced one by one as they are dealt, so only one extra column is held."""
        parts = column_partitions(self.spec, records)
        if parts is None:
            return records.dicts()
        ids = records.ids
        store = self.tx.store
        kept: list[list[int]] = []  # rows going the way of dicts, partition by partition
        fresh: list[tuple[str, list[int], list[int] | None]] = []
        for part, rows in parts.items():
            if self.docs(part):  # merging into records
                kept.append(rows)
                continue
            if len(set(map(ids.__getitem__, rows))) < len(rows):  # one key twice
                kept.append(rows)
                continue
            bounds = None
            buckets = splits.buckets_for(store, self.spec, part, len(rows)) if hasattr(store, "subparts") else 0
            if buckets:  # a month written as several files: staged in their order, so its files are slices
                rows, bounds = splits.bucket_order(ids, rows, buckets)
            fresh.append((part, rows, bounds))
        rest = [doc for rows in kept for doc in records.take(rows)]
        if not fresh:
            return rest
        dealt = records.reorder([i for _, rows, _ in fresh for i in rows], owned)
        start = 0
        for part, rows, bounds in fresh:
            stop = start + len(rows)
            self.tx.stage(self.spec, part, ColumnPart(dealt, marks, bounds, (start, stop)))
            self.tx.count_many(self.name, "inserted", dealt.ids[start:stop])
            result["inserted"] += stop - start
            start = stop
        return rest

    def insert_many(self, docs: Iterable[dict]) -> int:
        """Bulk insert of new records with generated (uid) or given (key) ids."""
        if self.spec.ids == "seq":
            raise InvalidRecord(N_("{collection}: use insert() for sequential ids"), collection=self.name)
        by_part: dict[str, dict[str, dict]] = {}
        for doc in docs:
            record = dict(doc)
            record["id"] = self._new_id(record)
            self.tx.stamp(record, self.spec, 1)
            by_part.setdefault(self.spec.partition_of(record), {})[record["id"]] = record
        total = 0
        for part, puts in by_part.items():
            clash = puts.keys() & self.docs(part).keys()
            if clash:
                raise InvalidRecord(N_("{collection}: records with ids {ids} already exist"), collection=self.name,
                                    ids=sorted(clash)[:3])
            self._apply(part, puts)
            for record_id in puts:
                self.tx.count(self.name, "inserted", record_id)
            total += len(puts)
        return total
