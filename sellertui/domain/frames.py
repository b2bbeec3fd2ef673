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
              keep_docs: bool = True) -> pd.DataFrame:
        """The whole collection (or some partitions) through ``build``; ``name`` tells builds apart.

        ``keep_docs=False`` drops each parsed partition from the store's memory once
        its frame is built: for big collections read only as frames (search terms),
        where the parsed documents would cost several times the frame.
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
                    docs = view.docs(part)
                    cached = (sig, build(list(docs.values())))
                    self._parts[key] = cached
                    if not keep_docs:
                        del docs
                        self.store.forget(collection, part)
                frames.append(cached[1])
            for stale in [k for k in self._parts if k[0] == collection and k[2] not in parts and partitions is None]:
                del self._parts[stale]
        frames = [f for f in frames if len(f)]
        if not frames:
            return build([])
        return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
