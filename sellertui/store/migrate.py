"""Bring every record up to its collection's current version, on open.

Runs under the exclusive lock, after the day's backup, as one multi-file commit
that also records the new versions in meta.json: a crash leaves either the old
store or the fully migrated one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from sellertui.store.errors import N_, StoreError
from sellertui.store import splits
from sellertui.store.fsio import dumps, loads
from sellertui.store.layout import Layout
from sellertui.store.schema import COLLECTIONS, CollectionSpec


def upgrade(spec: CollectionSpec, doc: dict, from_version: int) -> dict:
    version = doc.get("_v", from_version)
    while version < spec.version:
        step = spec.migrations.get(version)
        if step is None:
            raise StoreError(N_("{collection}: no migration from version {version} to {next}"), collection=spec.name,
                             version=version, next=version + 1)
        doc = step(dict(doc))
        version += 1
    doc["_v"] = spec.version
    return doc


def migrated_files(meta: dict, layout: Layout, partitions: Callable[[CollectionSpec], list[str]],
                   load: Callable[[CollectionSpec, str], dict]) -> dict[Path, bytes]:
    """The new contents of every file whose collection is behind its schema version, and of meta.json.

    Pure: the store commits the result as one atomic multi-file write (after a backup) or
    not at all, so a crash mid-migration leaves the old files in place.
    """
    meta = dict(meta)
    have = dict(meta.get("schemas", {}))
    pending = [n for n, s in COLLECTIONS.items() if have.get(n, s.version) < s.version]
    if not pending:
        return {}
    payloads: dict[Path, bytes] = {}
    derived: dict[str, list[dict]] = {}
    for name in pending:
        spec = COLLECTIONS[name]
        regrouped: dict[str, dict] = {}
        for part in partitions(spec):
            regrouped.setdefault(part, {})  # keep emptied partitions as files
            for doc in load(spec, part).values():
                new = upgrade(spec, doc, have[name])
                regrouped.setdefault(spec.partition_of(new), {})[new["id"]] = new
        for part, docs in regrouped.items():
            payloads[layout.partition_path(name, part)] = dumps({name: docs})
            buckets = sorted(layout.collection_dir(name).glob(f"{part}{splits.MARK}*.json"))
            if buckets:  # a split month stays split: its records back in their buckets, its own file empty
                payloads[layout.partition_path(name, part)] = dumps({name: {}})
                for bucket, bucket_docs in splits.by_bucket(docs, len(buckets)).items():
                    payloads[layout.partition_path(name, splits.sub_name(part, bucket))] = dumps({name: bucket_docs})
        for step in range(have[name], spec.version):
            if step in spec.derived:
                migrated = [doc for docs in regrouped.values() for doc in docs.values()]
                for target, docs in spec.derived[step](migrated).items():
                    derived.setdefault(target, []).extend(docs)
        have[name] = spec.version
    for name, docs in derived.items():
        payloads.update(_added(COLLECTIONS[name], docs, layout, partitions, load, payloads))
        have.setdefault(name, COLLECTIONS[name].version)
    meta["schemas"] = have
    payloads[layout.meta] = dumps(meta)
    return payloads


def _added(spec: CollectionSpec, docs: list[dict], layout: Layout, partitions: Callable[[CollectionSpec], list[str]],
           load: Callable[[CollectionSpec, str], dict], staged: dict[Path, bytes]) -> dict[Path, bytes]:
    """The files of ``spec`` with derived records added (a record already there is kept as it is)."""
    tables: dict[str, dict] = {}
    for doc in docs:
        part = spec.partition_of(doc)
        if part not in tables:
            path = layout.partition_path(spec.name, part)
            if path in staged:
                tables[part] = dict(loads(staged[path]).get(spec.name, {}))
            else:
                tables[part] = dict(load(spec, part)) if part in partitions(spec) else {}
        tables[part].setdefault(doc["id"], {**doc, "_v": spec.version, "_rev": 1, "_by": "migration"})
    return {layout.partition_path(spec.name, part): dumps({spec.name: table}) for part, table in tables.items()}
