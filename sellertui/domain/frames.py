"""Collections as pandas frames, rebuilt only where a file changed.

Big collections are read partition by partition; each partition's frame is
kept with the signature of the file it came from, so after a teammate marks one
order shipped only that month is parsed again. One cache per app, shared by all
areas (Orders, Inventory, Profit and Today all read orders).
"""

from __future__ import annotations

import threading
from typing import Callable

import pandas as pd

from sellertui.store import Store
from sellertui.store.fsio import Signature

Builder = Callable[[list[dict]], pd.DataFrame]


class FrameCache:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._parts: dict[tuple[str, str, str], tuple[Signature | None, pd.DataFrame]] = {}
        self._lock = threading.Lock()

    def frame(self, collection: str, build: Builder, name: str = "", partitions: list[str] | None = None,
              chunk: int | None = None) -> pd.DataFrame:
        """The whole collection (or some partitions) through ``build``; ``name`` tells builds apart.

        ``chunk``: build each partition from slices of that many documents
        (``Store.chunks``), concatenated, instead of parsing it whole and keeping
        the documents: for big collections read only as frames (search terms),
        where a whole parse would cost several times the frame.
        """
        view = self.store[collection]
        parts = view.partitions() if partitions is None else [p for p in partitions if p in view.partitions()]
        frames = []
        with self._lock:
            for part in parts:
                key = (collection, name or build.__qualname__, part)
                sig = self.store.partition_signature(collection, part)
                cached = self._parts.get(key)
                if cached is None or cached[0] != sig:
                    if chunk:
                        pieces = [build(docs) for docs in self.store.chunks(collection, part, chunk)]
                        built = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else (
                            pieces[0] if pieces else build([]))
                    else:
                        built = build(list(view.docs(part).values()))
                    cached = (sig, built)
                    self._parts[key] = cached
                frames.append(cached[1])
            for stale in [k for k in self._parts if k[0] == collection and k[2] not in parts and partitions is None]:
                del self._parts[stale]
        frames = [f for f in frames if len(f)]
        if not frames:
            return build([])
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
