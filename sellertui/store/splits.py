"""Month partitions split by a hash of the key once they pass a size, so one write stays small.

A busy shop puts 85k order lines in one month; rewriting that file for one
changed line cost 66 ms. When a partition of a big (month-partitioned)
collection passes ``SPLIT_AT`` records, its commit writes it as ``BUCKETS``
files ``<month>+<bucket>.json`` (bucket: crc32 of the id) and leaves the month's
own file empty. Everything above the store still sees one partition per month:
``partitions()`` names months, ``load`` merges the files, the signature changes
when any of them does; a write rewrites only the buckets holding the records it
touched. Files are only ever replaced by rename, through the same multi-file
commit, so a split is all or nothing too.
"""

from __future__ import annotations

import zlib
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from sellertui.store.columns import ColumnPart
from sellertui.store.fsio import Signature, signature

if TYPE_CHECKING:
    from sellertui.store.schema import CollectionSpec

SPLIT_AT = 20_000  # records in one month's file before it is split
BUCKETS = 16  # files a split month is written as (85k lines: ~5k each)
MARK = "+"


def splittable(spec: "CollectionSpec") -> bool:
    return not spec.cached and getattr(spec.partition, "month_of", None) is not None


def logical(names: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """File names -> the partitions callers see, and each split one's bucket files (in bucket order)."""
    subs: dict[str, list[str]] = {}
    for name in names:
        if MARK in name:
            subs.setdefault(name.split(MARK, 1)[0], []).append(name)
    for part, files in subs.items():
        files.sort(key=lambda n: int(n.split(MARK, 1)[1]) if n.split(MARK, 1)[1].isdigit() else -1)
    return sorted({n.split(MARK, 1)[0] for n in names}), subs


def bucket_of(record_id: str, buckets: int) -> int:
    return zlib.crc32(record_id.encode("utf-8", "surrogatepass")) % buckets


def sub_name(part: str, bucket: int) -> str:
    return f"{part}{MARK}{bucket}"


def combined(sigs: list[Signature | None]) -> Signature | None:
    """One signature for several files: changes whenever any of them is replaced."""
    present = [s for s in sigs if s is not None]
    if not present:
        return None
    identity = hash(tuple(sorted((s.ino, s.size, s.mtime_ns) for s in present))) & (2**63 - 1)  # ints hash the same
    return Signature(identity, sum(s.size for s in present), max(s.mtime_ns for s in present))  # in every run


def load_split(store, spec: "CollectionSpec", part: str, subs: list[str]) -> dict:
    """A split month's records, merged from its files (each kept parsed until it changes)."""
    key = store.layout.partition_path(spec.name, part)
    paths = [store.layout.partition_path(spec.name, name) for name in (part, *subs)]
    sigs = [signature(p) for p in paths]
    cached = store._cache.get(key)
    if cached is not None and cached.sig == combined(sigs):
        return cached.docs
    pieces = store._pieces.get(key, {})
    fresh, merged = {}, {}
    for path in paths:
        piece = pieces.get(path)
        if piece is None or piece.sig != signature(path):
            piece = store._read_file(spec, path)
        if piece is not None:
            fresh[path] = piece
            merged.update(piece.docs)
    store._pieces[key] = fresh
    store._remember(spec, key, combined([p.sig for p in fresh.values()]), merged)
    return merged


def physical(store, staged: dict[Path, tuple], touched: dict[Path, set | None]) -> tuple[dict, dict]:
    """Staged partitions as the files to write: split ones as their touched buckets, big new ones split.

    Returns (path -> (spec, docs) to write, month path -> (spec, merged docs, {bucket path: name}))
    so the store can remember what it wrote without reading it back.
    """
    files: dict[Path, tuple] = {}
    splits: dict[Path, tuple] = {}
    for path, (spec, docs) in staged.items():
        names, new = split_of(store, spec, path.stem, len(docs))
        if not names:
            files[path] = (spec, docs)
            continue
        ids = touched.get(path)
        if new or ids is None:  # a new split, or a partition staged whole (from columns): every bucket
            written = by_bucket(docs, len(names))
            if new:
                files[path] = (spec, {})  # the month's own file stays, empty
        else:
            written = _touched_buckets(store, spec, names, docs, ids)
        paths = {}
        for bucket, bucket_docs in written.items():
            sub_path = path.with_name(names[bucket] + ".json")
            files[sub_path] = (spec, bucket_docs)
            paths[sub_path] = names[bucket]
        splits[path] = (spec, docs if isinstance(docs, dict) else None, paths)
    return files, splits


def split_of(store, spec: "CollectionSpec", part: str, n: int) -> tuple[list[str], bool]:
    """The bucket files a partition of ``n`` records is written as (none: its one file), and whether the split
    is new (a month passing ``SPLIT_AT`` now; its own file then stays, empty)."""
    if not splittable(spec) or MARK in part:
        return [], False
    subs = store.subparts(spec, part)
    if subs:
        return subs, False
    return ([sub_name(part, b) for b in range(BUCKETS)], True) if n > SPLIT_AT else ([], False)


def buckets_for(store, spec: "CollectionSpec", part: str, n: int) -> int:
    """How many files a fresh partition of ``n`` records is written as (0: one file, not split)."""
    return len(split_of(store, spec, part, n)[0])


def bucket_order(ids: list[str], rows: list[int], buckets: int) -> tuple[list[int], list[int]]:
    """``rows`` (indexes into ``ids``) bucket by bucket, each bucket's in their order, and where each bucket
    starts (``buckets + 1`` bounds): a month staged in this order is dealt into its files by slicing."""
    import numpy as np

    keys = map(ids.__getitem__, rows)  # crc32 of every id mapped in C, grouped by numpy
    codes = np.fromiter(map(zlib.crc32, map(str.encode, keys, repeat("utf-8"), repeat("surrogatepass"))),
                        np.uint32, len(rows)) % buckets
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(buckets + 1))
    return np.asarray(rows, dtype=np.int64)[order].tolist(), bounds.tolist()


def by_bucket(docs, buckets: int) -> dict[int, object]:
    """A month's records (dicts by id, or a ``ColumnPart``) dealt into their buckets, every bucket present."""
    if isinstance(docs, ColumnPart):
        bounds = docs.bounds
        if bounds is None or len(bounds) != buckets + 1:
            records = docs.records
            rows, bounds = bucket_order(records.ids, range(len(docs)), buckets)
            docs = ColumnPart(records.reorder(rows), docs.marks, bounds)
        return {b: docs.piece(bounds[b], bounds[b + 1]) for b in range(buckets)}  # slices of one set of columns
    out: dict[int, dict] = {b: {} for b in range(buckets)}
    for record_id, doc in docs.items():
        out[bucket_of(record_id, buckets)][record_id] = doc
    return out


def _touched_buckets(store, spec, names: list[str], docs: dict, ids: set) -> dict[int, dict]:
    by_bucket: dict[int, list[str]] = {}
    for record_id in ids:
        by_bucket.setdefault(bucket_of(record_id, len(names)), []).append(record_id)
    out = {}
    for bucket, changed in by_bucket.items():
        path = store.layout.partition_path(spec.name, names[bucket])
        piece = store._pieces.get(store.layout.partition_path(spec.name, names[0].split(MARK, 1)[0]), {}).get(path)
        if piece is None or piece.sig != signature(path):
            piece = store._read_file(spec, path)
        current = dict(piece.docs) if piece is not None else {}
        for record_id in changed:
            doc = docs.get(record_id)
            if doc is None:
                current.pop(record_id, None)
            else:
                current[record_id] = doc
        out[bucket] = current
    return out


def remember(store, split: dict[Path, tuple], staged: dict[Path, tuple], sigs: dict) -> None:
    """After a commit: the split months' files as written, and each month merged when every file is known."""
    for path, (spec, docs, files) in split.items():
        pieces = store._pieces.setdefault(path, {})
        pieces.update({p: store_loaded(sigs[p], staged[p][1]) for p in files if isinstance(staged[p][1], dict)})
        if path in sigs:
            pieces[path] = store_loaded(sigs[path], {})
        every = {store.layout.partition_path(spec.name, n) for n in (path.stem, *store.subparts(spec, path.stem))}
        store._cache.pop(path, None)
        if docs is not None and set(pieces) == every:
            store._remember(spec, path, combined([p.sig for p in pieces.values()]), docs)
        elif set(pieces) - every:
            store._pieces.pop(path, None)


def store_loaded(sig: Signature, docs: dict):
    from sellertui.store.core import _Loaded

    return _Loaded(sig, docs)
