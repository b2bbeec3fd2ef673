"""Where a database store's local pieces live, in the shape the folder store's ``Layout`` has.

Code above the store names partitions by path (a transaction keys its staged
partitions by ``partition_path``) and keeps per-store local files (the frame
cache, the sync lock) under ``root`` and ``data_dir``. For a database these are
keys and a local folder of this machine, named after the store's id, never data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DatabaseLayout:
    store_id: str
    local: Path  # this machine's folder for the store: frame cache key, sync lock

    @property
    def root(self) -> Path:
        return self.local / "store"

    @property
    def data_dir(self) -> Path:
        return self.local

    def partition_path(self, collection: str, partition: str) -> Path:
        return self.root / collection / f"{partition}.json"
