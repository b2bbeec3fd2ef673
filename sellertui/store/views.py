"""Read access to a collection, whatever holds its files (the store or a transaction).

Queries run through TinyDB: each partition is a TinyDB table (keyed by our own
string ids, never TinyDB's per-process counters) and ``find`` takes either a
``tinydb.Query`` or a plain predicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol

from tinydb import Storage
from tinydb.table import Table

from sellertui.store.schema import BOOKKEEPING, SINGLE, CollectionSpec
from sellertui.store.upsert import Merge, group_by_partition, plan_upsert

if TYPE_CHECKING:
    from tinydb.queries import QueryLike

__all__ = ["BOOKKEEPING", "CollectionView", "DocsSource", "KeyedTable", "files_signature", "table_over"]


def files_signature(store, collections: Iterable[str]) -> tuple:
    """The identity of every file of these collections, on either backend (equal signatures: the same
    records): a value computed from them is kept under it."""
    return tuple((name, part, store.partition_signature(name, part))
                 for name in collections for part in store[name].partitions())


class KeyedTable(Table):
    """A TinyDB table whose document ids are the app's string ids."""

    document_id_class = str
    default_query_cache_capacity = 0  # another process may change the file underneath

    def _update_table(self, updater: Callable[[dict], None]) -> None:
        """TinyDB's read-change-write, without its two per-document id conversions.

        Ids are already strings, so the table is copied in one C call (the
        committed documents are never mutated: an abandoned transaction leaves
        the cache as it was) instead of rebuilt key by key: a 200k-record bulk
        import spent 0.4 s there.
        """
        tables = self._storage.read() or {}
        table = dict(tables.get(self.name) or {})
        updater(table)
        tables[self.name] = table
        self._storage.write(tables)
        self.clear_cache()


class SnapshotStorage(Storage):
    """Presents one partition's documents to TinyDB; writes go to ``on_write``."""

    def __init__(self, table: str, docs: dict, on_write: Callable[[dict], None] | None = None) -> None:
        self._table = table
        self._docs = docs
        self._on_write = on_write

    def read(self) -> dict:
        return {self._table: self._docs}

    def write(self, data: dict) -> None:
        if self._on_write is None:
            raise RuntimeError("writes go through Store.transaction()")
        self._docs = data[self._table]
        self._on_write(self._docs)


def table_over(name: str, docs: dict, on_write: Callable[[dict], None] | None = None) -> KeyedTable:
    return KeyedTable(SnapshotStorage(name, docs, on_write), name, cache_size=0)


class DocsSource(Protocol):
    def partitions(self, spec: CollectionSpec) -> list[str]: ...

    def docs(self, spec: CollectionSpec, partition: str) -> dict[str, dict]: ...


class CollectionView:
    """Reads one collection. Returned dicts are shared with the cache: never mutate them."""

    def __init__(self, source: DocsSource, spec: CollectionSpec) -> None:
        self._source = source
        self.spec = spec
        self.name = spec.name

    def partitions(self) -> list[str]:
        return self._source.partitions(self.spec)

    def docs(self, partition: str = SINGLE) -> dict[str, dict]:
        return self._source.docs(self.spec, partition)

    def rows(self, partitions: list[str] | None = None) -> Iterator[dict]:
        for part in self.partitions() if partitions is None else partitions:
            yield from self.docs(part).values()

    def all(self) -> list[dict]:
        return list(self.rows())

    def count(self) -> int:
        return sum(len(self.docs(p)) for p in self.partitions())

    def locate(self, record_id: str, partition: str | None = None) -> str | None:
        """The partition holding ``record_id`` (the hint is tried first)."""
        record_id = str(record_id)
        if partition is not None:
            return partition if record_id in self.docs(partition) else None
        if not self.spec.partitioned:
            return SINGLE if record_id in self.docs(SINGLE) else None
        if self.spec.partition and self.spec.ids == "key":
            # Bucketed collections know the partition from the id alone.
            try:
                guess = self.spec.partition_of({"id": record_id})
            except (KeyError, ValueError):
                guess = None
            if guess and record_id in self.docs(guess):
                return guess
        for part in self.partitions():
            if record_id in self.docs(part):
                return part
        return None

    def get(self, record_id: Any, partition: str | None = None) -> dict | None:
        part = self.locate(str(record_id), partition)
        return None if part is None else self.docs(part)[str(record_id)]

    def find(self, cond: "QueryLike | Callable[[dict], bool]", partitions: list[str] | None = None) -> list[dict]:
        found: list[dict] = []
        for part in self.partitions() if partitions is None else partitions:
            found.extend(table_over(self.name, self.docs(part)).search(cond))
        return found

    def preview_upsert(self, docs: Iterable[dict], merge: Merge | None = None) -> dict[str, int]:
        """What ``upsert_many`` would do, counted without writing (dry runs, previews)."""
        result = {"inserted": 0, "updated": 0, "unchanged": 0}
        for part, incoming in group_by_partition(self.spec, docs).items():
            plan = plan_upsert(self.docs(part), incoming, merge)
            result["inserted"] += len(plan.inserts)
            result["updated"] += len(plan.updates)
            result["unchanged"] += plan.unchanged
        return result
