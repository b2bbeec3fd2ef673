"""Persistence. No Textual and no pandas here: every other layer builds on this."""

from sellertui.store.core import FORMAT, Store
from sellertui.store.errors import (
    Conflict,
    CorruptFile,
    DiskFull,
    InvalidRecord,
    NewerStore,
    NotFound,
    StoreBusy,
    StoreError,
    StoreUnreachable,
    UnreadableFile,
)
from sellertui.store.opening import open_store
from sellertui.store.schema import COLLECTIONS, SINGLE

__all__ = [
    "COLLECTIONS",
    "FORMAT",
    "SINGLE",
    "Conflict",
    "CorruptFile",
    "DiskFull",
    "InvalidRecord",
    "NewerStore",
    "NotFound",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnreachable",
    "UnreadableFile",
    "open_store",
]
