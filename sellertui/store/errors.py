"""Errors the store raises, each with a sentence a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class for every store problem."""


class DiskFull(StoreError):
    """No space (or no quota) left while writing: the temp file is gone, the old file untouched."""

    def __init__(self, folder: Path, needed: int, free: int | None, quota: bool = False) -> None:
        self.folder, self.needed, self.free, self.quota = Path(folder), needed, free, quota
        what = "your disk quota is used up" if quota else "the disk is full"
        room = "" if free is None else f", {size(free)} free there"
        super().__init__(f"{self.folder}: {what}, so nothing was written (this needed {size(needed)}{room}); "
                         "free some space and try again")


def size(n: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as file managers and df -H show them)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


class StoreBusy(StoreError):
    """Another process kept the lock for too long."""


class CorruptFile(StoreError):
    """A store file that reads but does not parse (damaged). It is kept as it is; never overwritten."""

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
        super().__init__(f"{self.path}: is damaged, it cannot be parsed ({reason}). It has been left untouched.{hint}")


class UnreadableFile(StoreError):
    """A store file the system will not let us read (permissions, an I/O error).

    Its contents may well be fine and newer than every backup, so nothing is
    restored over it: the fix is its permissions, its owner or the disk.
    """

    def __init__(self, path: Path, reason: str, fix: str) -> None:
        self.path = Path(path)
        self.reason = reason
        self.fix = fix
        super().__init__(f"{self.path}: cannot be read ({reason}); {fix}. Nothing was restored over it: "
                         "its data may be newer than any backup.")


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
