"""Errors the store raises, each with a sentence a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class for every store problem."""


class StoreBusy(StoreError):
    """Another process kept the lock for too long."""


class CorruptFile(StoreError):
    """A store file cannot be read. It is kept as it is; never overwritten."""

    def __init__(self, path: Path, reason: str, backup: "Path | None" = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.backup = backup
        hint = (
            f" The newest readable backup is {backup}; run `sellertui restore` to bring it back "
            "(the damaged file is kept beside it)."
            if backup
            else " No readable backup of it exists."
        )
        super().__init__(f"{self.path}: cannot be read ({reason}). It has been left untouched.{hint}")


class NewerStore(StoreError):
    """The store was written by a newer sellertui than this one."""


class Conflict(StoreError):
    """A record changed since the caller read it: saving would undo someone's edit."""

    def __init__(self, collection: str, record_id: str, expected: int, current: dict | None) -> None:
        self.collection = collection
        self.record_id = record_id
        self.expected = expected
        self.current = current
        by = (current or {}).get("_by", "someone")
        at = (current or {}).get("_at", "")
        what = "deleted" if current is None else f"changed by {by} at {at}"
        super().__init__(f"{collection} {record_id} was {what} after you opened it; your edit was not saved")


class NotFound(StoreError, KeyError):
    def __init__(self, collection: str, record_id: str) -> None:
        self.collection = collection
        self.record_id = record_id
        super().__init__(f"{collection}: no record with id {record_id!r}")

    def __str__(self) -> str:  # KeyError would add quotes
        return self.args[0]


class InvalidRecord(StoreError, ValueError):
    """A record the store refuses to write (bad id, not JSON-serialisable, ...)."""
