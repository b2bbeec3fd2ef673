"""Errors the store raises, each with a sentence a user can act on.

The store sits below the language layer (``core.i18n``), so it only marks its
sentences (``N_``) and keeps each as ``Words``: a template and its fields,
worded when the error is shown (``str``), in the language of that moment.
``translate`` is the store's one way into the catalog: English until
``core.i18n`` sets it to its ``_`` when a language is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalog; it is translated when shown."""
    return msgid


def _english(msgid: str) -> str:
    return msgid


translate: Callable[[str], str] = _english


class Words:
    """A sentence (an ``N_``-marked template with named fields) worded when shown; a field may be Words too."""

    __slots__ = ("template", "fields")

    def __init__(self, template: str, **fields: object) -> None:
        self.template, self.fields = template, fields

    def __str__(self) -> str:
        return self.worded(translate)

    def worded(self, words: Callable[[str], str]) -> str:
        text = words(self.template) if self.template else self.template
        if not self.fields:
            return text
        return text.format(**{k: v.worded(words) if isinstance(v, Words) else v for k, v in self.fields.items()})


class StoreError(Exception):
    """Base class for every store problem: ``StoreError(N_("{path}: …"), path=…)``, or a sentence as it is."""

    def __init__(self, message: "str | Words" = "", /, **fields: object) -> None:
        self.words = message if isinstance(message, Words) else Words(message, **fields)
        super().__init__(self.words.worded(_english))  # args: the English sentence

    def __str__(self) -> str:
        return str(self.words)


class DiskFull(StoreError):
    """No space (or no quota) left while writing: the temp file is gone, the old file untouched."""

    def __init__(self, folder: Path, needed: int, free: int | None, quota: bool = False) -> None:
        self.folder, self.needed, self.free, self.quota = Path(folder), needed, free, quota
        fields = {"folder": self.folder, "needed": size(needed), "free": size(free) if free is not None else ""}
        if free is None:
            template = (N_("{folder}: your disk quota is used up, so nothing was written (this needed {needed}); free "
                           "some space and try again") if quota else
                        N_("{folder}: the disk is full, so nothing was written (this needed {needed}); free some space "
                           "and try again"))
        else:
            template = (N_("{folder}: your disk quota is used up, so nothing was written (this needed {needed}, {free} "
                           "free there); free some space and try again") if quota else
                        N_("{folder}: the disk is full, so nothing was written (this needed {needed}, {free} free "
                           "there); free some space and try again"))
        super().__init__(template, **fields)


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
        if backup:
            super().__init__(N_("{path}: is damaged, it cannot be parsed ({reason}). It has been left untouched. The "
                                "newest readable backup is {backup}; run `sellertui restore` to bring it back (the "
                                "damaged file is kept beside it)."), path=self.path, reason=reason, backup=backup)
        else:
            super().__init__(N_("{path}: is damaged, it cannot be parsed ({reason}). It has been left untouched. No "
                                "readable backup of it exists."), path=self.path, reason=reason)


class UnreadableFile(StoreError):
    """A store file the system will not let us read (permissions, an I/O error).

    Its contents may well be fine and newer than every backup, so nothing is
    restored over it: the fix is its permissions, its owner or the disk.
    """

    def __init__(self, path: Path, reason: str, fix: "str | Words") -> None:
        self.path = Path(path)
        self.reason = reason
        self.fix = fix
        super().__init__(N_("{path}: cannot be read ({reason}); {fix}. Nothing was restored over it: its data may be "
                            "newer than any backup."), path=self.path, reason=reason, fix=fix)


class NewerStore(StoreError):
    """The store was written by a newer sellertui than this one."""


class Conflict(StoreError):
    """A record changed since the caller read it: saving would undo someone's edit."""

    def __init__(self, collection: str, record_id: str, expected: int, current: dict | None) -> None:
        self.collection = collection
        self.record_id = record_id
        self.expected = expected
        self.current = current
        if current is None:
            super().__init__(N_("{collection} {id} was deleted after you opened it; your edit was not saved"),
                             collection=collection, id=record_id)
        else:
            by = current["_by"] if "_by" in current else Words(N_("someone"))
            super().__init__(N_("{collection} {id} was changed by {by} at {at} after you opened it; your edit was not "
                                "saved"), collection=collection, id=record_id, by=by, at=current.get("_at", ""))


class NotFound(StoreError, KeyError):
    def __init__(self, collection: str, record_id: str) -> None:
        self.collection = collection
        self.record_id = record_id
        super().__init__(N_("{collection}: no record with id {id}"), collection=collection, id=repr(record_id))

    def __str__(self) -> str:  # KeyError's would add quotes
        return str(self.words)


class InvalidRecord(StoreError, ValueError):
    """A record the store refuses to write (bad id, not JSON-serialisable, ...)."""


class StoreUnreachable(StoreError):
    """The database server cannot be reached (down, restarting, the network): nothing was written."""
