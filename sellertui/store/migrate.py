"""Bring every record up to its collection's current version, on open.

Runs under the exclusive lock, after the day's backup, as one multi-file commit
that also records the new versions in meta.json: a crash leaves either the old
store or the fully migrated one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellertui import clock
from sellertui.store import backups
from sellertui.store.errors import StoreError
from sellertui.store.fsio import dumps
from sellertui.store.schema import COLLECTIONS, CollectionSpec

if TYPE_CHECKING:
    from sellertui.store.core import Store


def upgrade(spec: CollectionSpec, doc: dict, from_version: int) -> dict:
    version = doc.get("_v", from_version)
    while version < spec.version:
        step = spec.migrations.get(version)
        if step is None:
            raise StoreError(f"{spec.name}: no migration from version {version} to {version + 1}")
        doc = step(dict(doc))
        version += 1
    doc["_v"] = spec.version
    return doc


def run_migrations(store: "Store") -> list[str]:
    meta = dict(store._read_meta())
    have = dict(meta.get("schemas", {}))
    pending = [n for n, s in COLLECTIONS.items() if have.get(n, s.version) < s.version]
    if not pending:
        return []
    backups.take_backup(store.layout, f"{clock.today().isoformat()}", store.shared)
    payloads: dict = {}
    for name in pending:
        spec = COLLECTIONS[name]
        regrouped: dict[str, dict] = {}
        for part in store.partitions(spec):
            regrouped.setdefault(part, {})  # keep emptied partitions as files
            for doc in store.load(spec, part).values():
                new = upgrade(spec, doc, have[name])
                regrouped.setdefault(spec.partition_of(new), {})[new["id"]] = new
        for part, docs in regrouped.items():
            payloads[store.layout.partition_path(name, part)] = dumps({name: docs})
        have[name] = spec.version
    meta["schemas"] = have
    payloads[store.layout.meta] = dumps(meta)
    store.commit_files(payloads)
    store._cache.clear()
    store._read_meta()
    return pending
