"""Copying a whole store to another backend (folder ↔ PostgreSQL), losslessly, and proving it.

Every document goes over as it is, with its id and bookkeeping (``_rev``,
``_by``, ``_at``, ``_v``), partition by partition, one transaction per
collection, and no activity entry of its own. The shop's description (demo
flag, deleted-id floors, creation day) follows. Then both stores are read again
and compared collection by collection: the count and a SHA-256 digest over the
documents in id order, keys sorted, so a lost, added or altered record shows.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson

from sellertui.store.errors import N_, StoreError
from sellertui.store.schema import COLLECTIONS

OWN_META = ("format", "store_id", "shared", "schemas")  # each store's own, never copied


@dataclass(frozen=True)
class Tally:
    collection: str
    source_count: int
    target_count: int
    source_digest: str
    target_digest: str

    @property
    def same(self) -> bool:
        return (self.source_count, self.source_digest) == (self.target_count, self.target_digest)


def digest(store, collection: str) -> tuple[int, str]:
    """How many records a collection holds, and a digest of them all (id order, keys sorted)."""
    view = store[collection]
    docs = sorted(view.rows(), key=lambda d: d["id"])
    sha = hashlib.sha256()
    for doc in docs:
        sha.update(orjson.dumps(doc, option=orjson.OPT_SORT_KEYS))
        sha.update(b"\n")
    return len(docs), sha.hexdigest()


def copy_store(source, target, force: bool = False, progress=None) -> None:
    """Put every record of ``source`` into ``target`` as it is; refuses a target holding records unless forced."""
    held = {name: n for name, n in target.summary().items() if n}
    if held and not force:
        shown = ", ".join(f"{n:,} {name}" for name, n in sorted(held.items())[:3])
        raise StoreError(N_("{target} already holds records ({held}…); copying would mix two shops. Use --force to "
                            "replace everything in it"), target=target.location, held=shown)
    if source.meta.get("schemas") != target.meta.get("schemas"):
        raise StoreError(N_("{source} and {target} are at different schema versions; open both with this sellertui "
                            "first"), source=source.location, target=target.location)
    for name, spec in COLLECTIONS.items():
        if progress:
            progress(name)
        with target.transaction(f"store copy: {name}", log=False) as tx:
            for part in target[name].partitions():  # forced: what was there goes
                tx.docs(spec, part)  # read first: the database writes only the difference
                tx.stage(spec, part, {})
            for part in source[name].partitions():
                tx.stage(spec, part, dict(source[name].docs(part)))
    target.set_meta(**{k: v for k, v in source.meta.items() if k not in OWN_META})


def compare(source, target) -> list[Tally]:
    found = []
    for name in COLLECTIONS:
        (sc, sd), (tc, td) = digest(source, name), digest(target, name)
        found.append(Tally(name, sc, tc, sd, td))
    return found
