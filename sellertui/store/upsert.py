"""Deciding what an upsert does to each record: insert, update or leave alone.

Pure functions over plain dicts, shared by a transaction's ``upsert_many``
(which then stages the result) and by ``CollectionView.preview_upsert`` (which
only counts, for dry runs and previews).

A ``merge(old, incoming) -> fields`` hook lets a caller decide, per existing
record, which incoming fields to apply (e.g. an import never moves a shipped
order back to "Unshipped" and never overwrites a product's user-entered title).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Callable, Iterable

from sellertui.store.errors import N_, InvalidRecord
from sellertui.store.schema import BOOKKEEPING, GOOD_PARTITIONS

if TYPE_CHECKING:
    from sellertui.store.columns import Columns
    from sellertui.store.schema import CollectionSpec

Merge = Callable[[dict, dict], dict]
_MONTH = itemgetter(slice(0, 7))
_MISSING = object()


def same_content(existing: dict, incoming: dict) -> bool:
    """True when every non-bookkeeping field of ``incoming`` equals the stored one."""
    get = existing.get
    for key, value in incoming.items():
        if get(key, _MISSING) != value and key not in BOOKKEEPING:
            return False
    return True


@dataclass
class Plan:
    """What an upsert into one partition changes: new records, changed records, the rest."""

    inserts: dict[str, dict] = field(default_factory=dict)  # key -> incoming doc (not stamped)
    updates: dict[str, tuple[dict, dict]] = field(default_factory=dict)  # key -> (old, merged new)
    unchanged: int = 0


def plan_upsert(existing: dict[str, dict], incoming: dict[str, dict], merge: Merge | None = None) -> Plan:
    """Classify each incoming doc against the partition's stored docs."""
    plan = Plan()
    if not existing:  # a fresh partition: every record is new (the common case of a first import)
        plan.inserts = incoming
        return plan
    inserts, updates = plan.inserts, plan.updates
    for key, doc in incoming.items():
        old = existing.get(key)
        if old is None:
            inserts[key] = doc
            continue
        if merge is not None:
            doc = merge(old, doc)
        if same_content(old, doc):
            plan.unchanged += 1
        else:
            updates[key] = (old, {**old, **doc})
    return plan


def group_by_partition(spec: "CollectionSpec", docs: Iterable[dict]) -> dict[str, dict[str, dict]]:
    """Docs by partition, then by key (a later doc with the same key wins)."""
    if spec.ids != "key":
        raise InvalidRecord(N_("{collection}: upsert needs natural keys"), collection=spec.name)
    docs = docs if isinstance(docs, list) else list(docs)
    try:
        keys = list(map(itemgetter("id"), docs))
    except KeyError:
        keys = [None]
    if set(map(type, keys)) - {str} or "" in keys:
        raise InvalidRecord(N_("{collection}: a record needs its key in 'id'"), collection=spec.name)
    month_of = getattr(spec.partition, "month_of", None)
    parts = None
    if month_of is not None:  # inline by_month: most bulk writes are month-partitioned
        try:
            months = list(map(itemgetter(month_of), docs))
        except KeyError:
            months = None
        if months is not None and set(map(type, months)) == {str}:
            parts = [v[:7] if len(v) >= 7 and v[4] == "-" else "undated" for v in months]
            for part in set(parts) - GOOD_PARTITIONS:
                spec.partition_of({month_of: part + "-01"})  # checks the name (raises on a bad one)
    if parts is None:
        parts = [spec.partition_of(doc) for doc in docs]
    by_part: dict[str, dict[str, dict]] = {}
    if len(set(parts)) == 1:
        by_part[parts[0]] = dict(zip(keys, docs))
        return by_part
    for part, key, doc in zip(parts, keys, docs):
        bucket = by_part.get(part)
        if bucket is None:
            bucket = by_part[part] = {}
        bucket[key] = doc
    return by_part


def column_partitions(spec: "CollectionSpec", records: "Columns") -> dict[str, list[int]] | None:
    """Row numbers of columnar records by partition (None: records with a bookkeeping field go as dicts)."""
    if spec.ids != "key":
        raise InvalidRecord(N_("{collection}: upsert needs natural keys"), collection=spec.name)
    ids = records.ids
    if set(map(type, ids)) - {str} or "" in ids:
        raise InvalidRecord(N_("{collection}: a record needs its key in 'id'"), collection=spec.name)
    if any(name in records.columns for name in BOOKKEEPING):
        return None
    month_of = getattr(spec.partition, "month_of", None)
    values = records.columns.get(month_of) if month_of else None
    if values is not None and set(map(type, values)) == {str}:
        prefixes = list(map(_MONTH, values))  # sliced in C; a month's name depends on these 7 characters only
        named = {p: p if len(p) == 7 and p[4] == "-" else "undated" for p in dict.fromkeys(prefixes)}
        parts = prefixes if all(p == q for p, q in named.items()) else list(map(named.__getitem__, prefixes))
        for part in set(named.values()) - GOOD_PARTITIONS:
            spec.partition_of({month_of: part + "-01"})  # checks the name (raises on a bad one)
    elif spec.partition is None:
        return {spec.partition_of({}): list(range(records.n))}
    else:
        parts = [spec.partition_of(doc) for doc in records]
    distinct = list(dict.fromkeys(parts))  # in order of first appearance
    if len(distinct) == 1:
        return {distinct[0]: list(range(records.n))}
    import numpy as np

    code = {part: i for i, part in enumerate(distinct)}  # rows grouped by numpy, not appended one by one
    codes = np.fromiter(map(code.__getitem__, parts), np.int64, len(parts))
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(distinct) + 1)).tolist()
    rows = order.tolist()
    return {part: rows[bounds[i]:bounds[i + 1]] for i, part in enumerate(distinct)}
