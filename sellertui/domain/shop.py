"""One shop as the domain sees it: its store, its settings, who is at the keyboard, its frame cache.

The UI and the CLI hand a ``Shop`` to domain functions and never read or write
the store themselves: every rule and every query lives in ``domain``, so the
app and the command line show the same numbers. Workers share one ``Shop``
(the frame cache is thread-safe and built on first use, with pandas).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sellertui.config import Settings
    from sellertui.domain.frames import FrameCache
    from sellertui.store import Store


class Shop:
    def __init__(self, store: "Store", settings: "Settings", user: str) -> None:
        self.store = store
        self.settings = settings
        self.user = user
        self._frames: "FrameCache | None" = None
        self._lock = threading.Lock()
        store.on_columns = self._warm  # a month written from columns gets its frames in the same step

    def _warm(self, collection: str, partition: str, part, signature) -> None:
        from sellertui.domain.warming import warm

        warm(self.frames(), collection, partition, part, signature)

    def frames(self) -> "FrameCache":
        """The shared frame cache (imports pandas: call from workers, not at start-up)."""
        with self._lock:
            if self._frames is None:
                from sellertui.domain.frames import FrameCache

                self._frames = FrameCache.for_store(self.store)
            return self._frames

    def release_frames(self) -> bool:
        """Let go of the partitions the frame cache keeps in memory (none made yet: nothing imported); whether
        frames are kept on disk, so that what is let go of them reads back in milliseconds."""
        with self._lock:
            frames = self._frames
        return frames is not None and frames.release()

    def cache_dir(self):
        """Where what is derived from the store is kept (frames, Today's slow sections): beside a folder store
        (``<data dir>/frames``, outside the store tree), so every process and login reads what one built; a
        database store's in the user's cache dir."""
        return cache_dir_of(self.store)

    # -- the store's life, for the app shell --------------------------------------------
    @property
    def meta(self) -> dict:
        return self.store.meta

    def is_empty(self) -> bool:
        return self.store.is_empty()

    def changes(self) -> set[str]:
        """Collections another process changed since the last call (cheap: file stats)."""
        return self.store.changes()

    def wait_idle(self, timeout: float) -> bool:
        """Let a commit in flight finish (before the process ends)."""
        return self.store.wait_idle(timeout)

    def close(self) -> None:
        self.store.close()
        self._frames = None


def cache_dir_of(store):
    from sellertui.store import Store

    if isinstance(store, Store):
        return store.layout.data_dir / "frames"
    return own_cache_dir(store, "frames")


def own_cache_dir(store, kind: str):
    """The store's folder of ``kind`` (frames, ledgers) in the user's own cache dir, named by where it lives."""
    import hashlib
    from pathlib import Path

    from sellertui import paths

    where = str(Path(store.layout.root).resolve())
    return paths.cache_dir() / kind / hashlib.sha1(where.encode()).hexdigest()[:12]


def shown_shop_name(name: str) -> str:
    """A shop's name as shown: config's default in the language of the moment, a name the user gave as given."""
    from sellertui.config import DEFAULT_SHOP_NAME
    from sellertui.core.i18n import _

    return _("My shop") if name == DEFAULT_SHOP_NAME else name
