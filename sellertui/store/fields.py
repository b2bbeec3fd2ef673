"""Some fields of every record of a partition, as columns, without parsing the rest.

A frame builder needs a dozen of a record's thirty fields. Parsing a month file
whole makes a dict and a string for every field of every record, then the
builder walks the dicts again; at 100k orders and 200k search-term rows that
was most of a Profit open with nothing cached. msgspec decodes the file into
slotted rows of only the fields asked for (the others are skipped as they are
scanned, never built): a third of the time of a whole parse, a fraction of
its memory, and the values are the ones ``orjson`` gives (any JSON type, None
for a missing field).

The files stay the truth: a file this cannot read the quick way (another layout,
a damaged file) is read by the store's own path, which says what is wrong.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from itertools import chain
from typing import Any, Iterator

import msgspec
from msgspec.structs import astuple

from sellertui.store.access import read_store_file
from sellertui.store.columns import Columns


@lru_cache(maxsize=64)
def _decoder(table: str, fields: tuple[str, ...]) -> msgspec.json.Decoder:
    # attribute names of our own (f0, f1…): a field may be named like a keyword or start with "_"
    row = msgspec.defstruct("Row", [(f"f{i}", Any, None) for i in range(len(fields))],
                            rename={f"f{i}": name for i, name in enumerate(fields)}, gc=False)
    top = msgspec.defstruct("Top", [("t", dict[str, row], {})], rename={"t": table}, gc=False)
    return msgspec.json.Decoder(top)


def decode(payload: bytes, table: str, fields: tuple[str, ...]) -> dict[str, list] | None:
    """``fields`` of every record of a store file as lists (``"id"``: the record's key); None when the file
    is not a JSON object of objects (the caller reads it the ordinary way, which reports the problem)."""
    names = tuple(f for f in fields if f != "id")
    enabled = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects: the collector would re-scan them for nothing
    try:
        try:
            rows = _decoder(table, names).decode(payload).t
        except (msgspec.DecodeError, msgspec.ValidationError):
            return None
        columns = {"id": list(rows)}
        transposed = zip(*map(astuple, rows.values())) if rows else ([] for _ in names)  # rows to columns, in C
        columns.update(zip(names, map(list, transposed)))
        return columns
    finally:
        if enabled:
            gc.enable()


def columns(store, collection: str, partition: str, fields: tuple[str, ...]) -> Columns:
    """``fields`` of the partition's records (a split month's files in turn), in the order the store reads
    them. A partition the store holds parsed already, or one this cannot read quickly, comes from its docs."""
    parts = pieces(store, collection, partition, fields)
    if len(parts) == 1:
        return parts[0]
    return Columns({name: list(chain.from_iterable(p.columns[name] for p in parts)) for name in parts[0].columns})


def rows(store, collection: str, partitions: list[str], fields: tuple[str, ...],
         where: tuple[str, set] | None = None) -> Iterator[dict]:
    """The records of these partitions as dicts of only ``fields`` (a field a record lacks is None), for a
    reader that looks at a few fields of many records; a database store's rows come whole. ``where``: (a
    field, its values): only the records holding one of them, picked on the column (no dict for the rest)."""
    from sellertui.store.core import Store

    if not isinstance(store, Store):
        found = store[collection].rows(partitions)
        yield from found if where is None else (r for r in found if r.get(where[0]) in where[1])
        return
    for partition in partitions:
        part = columns(store, collection, partition, fields)
        if where is None:
            yield from part
            continue
        wanted = where[1]
        yield from part.take([i for i, value in enumerate(part.columns[where[0]]) if value in wanted])


def pieces(store, collection: str, partition: str, fields: tuple[str, ...], build=None) -> list:
    """``columns`` file by file (a split month's buckets apart, for builders whose frames concatenate);
    ``build``: each file's columns are handed to it as soon as they are decoded and its results are returned,
    so one file's columns are held at a time."""
    build = build or (lambda part: part)
    from sellertui.store.schema import spec as spec_of

    subs = store.subparts(spec_of(collection), partition)
    paths = [store.layout.partition_path(collection, name) for name in (partition, *subs)]
    cached = store._cache.get(paths[0])  # a split month's merged records are kept under its first file
    if cached is not None and cached.sig == store.partition_signature(collection, partition):
        return [build(from_docs(cached.docs, fields))]
    parts = []
    keys, count = set(), 0  # the keys' hashes: a key in two files shows as fewer hashes than keys
    with store.reading():
        for path in paths:
            try:
                payload, _ = read_store_file(path, mapped=True)
            except FileNotFoundError:
                continue
            part = decode(payload, collection, fields)
            payload = None  # a mapped file is let go here
            if part is None:
                return [build(from_docs(store[collection].docs(partition), fields))]
            if part["id"]:
                keys.update(map(hash, part["id"]))
                count += len(part["id"])
                parts.append(build(Columns(part)))
                part = None
    if not parts:
        return [build(from_docs({}, fields))]
    if len(parts) > 1 and len(keys) != count:  # a key in two files (or two keys of one hash): the store merges
        return [build(from_docs(store[collection].docs(partition), fields))]
    return parts


def from_docs(docs: dict, fields: tuple[str, ...]) -> Columns:
    records = list(docs.values())
    out = {"id": list(docs)}
    for name in fields:
        if name != "id":
            out[name] = [d.get(name) for d in records]
    return Columns(out)
