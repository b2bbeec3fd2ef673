"""The store: collections of JSON records in TinyDB files, safe for many writers.

Layout: ``<data>/store/meta.json`` and one directory per collection holding one
TinyDB file per partition (README, "Where data lives"). Stock TinyDB loses or
corrupts data with several writers, so: one lock around each read-modify-write, reads that notice
another process's rename, atomic durable replaces, and partitions so a write
costs the size of one file, not of the store.
"""

from __future__ import annotations

import contextlib
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from sellertui import clock
from sellertui.paths import ensure_dir
from sellertui.store import backups, commit, splits
from sellertui.store.access import read_store_file, unreadable
from sellertui.store.columns import ColumnPart, written_from_columns
from sellertui.store.errors import N_, CorruptFile, StoreBusy, StoreError
from sellertui.store.fsio import (
    Signature,
    dumps,
    encode_table,
    loads,
    signature,
)
from sellertui.store.layout import Layout
from sellertui.store.locking import StoreLock
from sellertui.store.opening import login_name
from sellertui.store.schema import COLLECTIONS, FORMAT, CollectionSpec, refuse_newer, spec as spec_of
from sellertui.store.transaction import Transaction
from sellertui.store.watching import changed_since
from sellertui.store.views import CollectionView

RECENT_BIG_FILES = 4  # parsed partitions of uncached collections kept in memory


@dataclass(slots=True)
class _Loaded:
    sig: Signature
    docs: dict


class Store:
    def __init__(self, data_dir: Path, user: str = "", shared: bool = False, lock_timeout: float = 30.0) -> None:
        self.layout = Layout(Path(data_dir))
        self.user = user or login_name()
        self._cache: dict[Path, _Loaded] = {}
        self._listing: dict[str, tuple[int, list[str], dict[str, list[str]]]] = {}
        self._pieces: dict[Path, dict[Path, _Loaded]] = {}  # a split month's files, parsed (``splits``)
        self._known: dict[Path, Signature | None] = {}
        self._dirs_seen: dict[Path, int] | None = None
        self._meta: dict = {}
        self._meta_sig: Signature | None = None
        self._mutex = threading.RLock()
        self._recent: list[Path] = []
        self._shared = shared
        self.on_columns: Callable[[str, str, ColumnPart, Signature | None], None] | None = None  # written_from_columns
        self.layout.data_dir.mkdir(parents=True, exist_ok=True)
        existing = self.layout.meta.exists()
        ensure_dir(self.layout.root, shared)
        self._lock = StoreLock(self.layout.lock, shared, lock_timeout)
        self._open(existing)

    # -- opening, recovery, migrations --------------------------------------------
    def _open(self, existing: bool) -> None:
        with self._lock.shared():
            needs_exclusive = not existing or self.layout.intent.exists() or not self.layout.meta.exists()
            if not needs_exclusive:
                self._read_meta()
                needs_exclusive = bool(self._pending_migrations())
        if needs_exclusive:
            with self._lock.exclusive():
                self._recover()
                if not self.layout.meta.exists():
                    self._write_meta(self._new_meta())
                self._read_meta()
                if self._pending_migrations():
                    self._migrate()
        self._shared = self._shared or bool(self._meta.get("shared"))
        self._lock._shared_files = self._shared
        backups.tidy(self.layout, self._lock)

    def _new_meta(self) -> dict:
        return {
            "format": FORMAT,
            "created_at": clock.stamp(),
            "shared": self._shared,
            "schemas": {name: s.version for name, s in COLLECTIONS.items()},
        }

    def _read_meta(self) -> dict:
        sig = signature(self.layout.meta)
        if sig is not None and sig == self._meta_sig:
            return self._meta
        try:
            payload, sig = read_store_file(self.layout.meta)
            meta = loads(payload)
            if not isinstance(meta, dict) or "format" not in meta:
                raise ValueError("not a sellertui store description")
        except FileNotFoundError:
            raise StoreError(N_("{path}: missing; is {folder} a sellertui data directory?"), path=self.layout.meta,
                             folder=self.layout.data_dir)
        except ValueError as exc:
            good = backups.newest_good_copy(self.layout, self.layout.meta, None)
            raise CorruptFile(self.layout.meta, str(exc), good) from None
        refuse_newer(meta, str(self.layout.root))
        self._meta, self._meta_sig = meta, sig
        return meta

    def _write_meta(self, meta: dict) -> None:
        sig = self.commit_files({self.layout.meta: dumps(meta)})[self.layout.meta]
        self._meta, self._meta_sig = meta, sig
        self._known[self.layout.meta] = sig

    @property
    def meta(self) -> dict:
        with self._mutex:
            return dict(self._read_meta())

    def _migrate(self) -> None:
        """Bring every collection up to its schema version: a backup first, then one atomic commit."""
        from sellertui.store.migrate import migrated_files

        payloads = migrated_files(self._read_meta(), self.layout, self.partitions, self.load)
        if payloads:
            backups.take_backup(self.layout, clock.today().isoformat(), self.shared)
            self.commit_files(payloads)
            self._cache.clear()
            self._read_meta()

    def _pending_migrations(self) -> list[str]:
        have = self._meta.get("schemas", {})
        return [n for n, s in COLLECTIONS.items() if have.get(n, s.version) < s.version]

    def set_meta(self, **values) -> None:
        with self._mutex, self._lock.exclusive():
            self._recover()
            meta = {**self._read_meta(), **values}
            self._write_meta(meta)

    def _recover(self) -> None:
        """Finish or undo a commit a crashed process left; needs the exclusive lock."""
        if commit.roll_forward(self.layout):
            self._cache.clear()

    # -- reading --------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the shared lock; first repair a commit a crashed writer left half done."""
        with self._mutex:
            if self._lock.held_exclusive:
                yield
                return
            with self._lock.shared():
                clean = not self.layout.intent.exists()
                if clean:
                    yield
                    return
            with self._lock.exclusive():
                self._recover()
            with self._lock.shared():
                yield

    def partitions(self, spec: CollectionSpec) -> list[str]:
        directory = self.layout.collection_dir(spec.name)
        try:
            mtime = directory.stat().st_mtime_ns
        except FileNotFoundError:
            return []
        cached = self._listing.get(spec.name)
        if cached and cached[0] == mtime:
            return cached[1]
        try:
            entries = list(os.scandir(directory))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise unreadable(directory, exc) from None
        names, subs = splits.logical([p.name[:-5] for p in entries if p.name.endswith(".json") and p.name[0] != "."])
        self._listing[spec.name] = (mtime, names, subs)
        return names

    def subparts(self, spec: CollectionSpec, partition: str) -> list[str]:
        """The bucket files of a split month (``store.splits``); [] for a partition in one file."""
        return self._listing.get(spec.name, (0, [], {}))[2].get(partition, []) if self.partitions(spec) else []

    def load(self, spec: CollectionSpec, partition: str) -> dict:
        """The documents of one partition file, read fresh if it changed on disk."""
        path = self.layout.partition_path(spec.name, partition)
        with self.reading():
            if subs := self.subparts(spec, partition):
                return splits.load_split(self, spec, partition, subs)
            sig = signature(path)
            if sig is None:
                self._cache.pop(path, None)
                return {}
            cached = self._cache.get(path)
            if cached is not None and cached.sig == sig:
                return cached.docs
            try:
                payload, sig = read_store_file(path)
            except FileNotFoundError:
                return {}
            docs = self._parse(path, payload, spec.name)
            self._remember(spec, path, sig, docs)
            return docs

    def _remember(self, spec: CollectionSpec, path: Path, sig: Signature, docs: dict) -> None:
        self._cache[path] = _Loaded(sig, docs)
        if not spec.cached:
            self._evict(path)

    def _read_file(self, spec: CollectionSpec, path: Path) -> _Loaded | None:
        found = read_store_file(path) if path.exists() else None
        return _Loaded(found[1], self._parse(path, found[0], spec.name)) if found else None

    def _evict(self, keep: Path) -> None:
        """Big collections keep only their few most recently read files in memory."""
        self._recent = [p for p in self._recent if p != keep] + [keep]
        while len(self._recent) > RECENT_BIG_FILES:
            old = self._recent.pop(0)
            self._cache.pop(old, None)
            self._pieces.pop(old, None)

    def _parse(self, path: Path, payload: bytes, table: str) -> dict:
        try:
            data = loads(payload)
            if not isinstance(data, dict):
                raise ValueError("top level is not a JSON object")
            docs = data.get(table, {})
            if not isinstance(docs, dict):
                raise ValueError(f"table '{table}' is not a JSON object")
            return docs
        except ValueError as exc:
            raise CorruptFile(path, str(exc), backups.newest_good_copy(self.layout, path, table)) from None

    def partition_signature(self, collection: str, partition: str) -> Signature | None:
        """Identity of a partition file's current version (changes with every write)."""
        subs = self.subparts(spec_of(collection), partition)
        return splits.combined([signature(self.layout.partition_path(collection, p)) for p in (partition, *subs)])

    def docs(self, spec: CollectionSpec, partition: str) -> dict:
        return self.load(spec, partition)

    def collection(self, name: str) -> CollectionView:
        return CollectionView(self, spec_of(name))

    __getitem__ = collection

    def summary(self) -> dict[str, int]:
        """Number of records in each collection."""
        return {name: self.collection(name).count() for name in COLLECTIONS}

    def is_empty(self) -> bool:
        """True when no collection holds a record (stats only; the activity log does not count)."""
        for name, spec in COLLECTIONS.items():
            if name == "activity":
                continue
            for part in self.partitions(spec):
                # an emptied partition is the file {"<name>":{}}
                if (self.partition_signature(name, part) or Signature(0, 0, 0)).size > len(name) + 6 and self.load(spec, part):
                    return False
        return True

    # -- writing --------------------------------------------------------------
    @contextmanager
    def transaction(self, note: str = "", user: str | None = None, log: bool = True) -> Iterator[Transaction]:
        """Everything staged inside the block is committed together, or nothing is."""
        with self._mutex:
            self._daily_backup()
        with self._mutex, self._lock.exclusive():
            self._recover()
            self._read_meta()  # refuse to write a store that a newer sellertui migrated meanwhile
            tx = Transaction(self, note, user, log)
            yield tx
            logical = tx.payloads()
            staged, split = splits.physical(self, logical, tx.touched)
            if not staged:
                return
            payloads = {path: encode_table(spec.name, docs) for path, (spec, docs) in staged.items()}
            meta = None
            if tx.seq_floor:  # a deleted top id: remember it, so the number is never handed out again
                meta = dict(self._read_meta())
                floors = dict(meta.get("seq_floor", {}))
                for name, value in tx.seq_floor.items():
                    floors[name] = max(value, floors.get(name, 0))
                meta["seq_floor"] = floors
                payloads[self.layout.meta] = dumps(meta)
            sigs = self.commit_files(payloads)
            for path, (spec, docs) in staged.items():
                self._known[path] = sigs[path]
                if isinstance(docs, ColumnPart) or splits.MARK in path.stem or path in split:
                    self._cache.pop(path, None)  # read back from the file, or remembered as a split month
                    continue
                self._cache[path] = _Loaded(sigs[path], docs)
                if not spec.cached:
                    self._evict(path)
            splits.remember(self, split, staged, sigs)
            if meta is not None:
                self._meta, self._meta_sig = meta, sigs[self.layout.meta]
                self._known[self.layout.meta] = sigs[self.layout.meta]
            fresh = written_from_columns(self, logical) if self.on_columns else []
        for item in fresh:  # signatures taken under the lock: never another writer's file
            with contextlib.suppress(Exception):  # the frames of a fresh month are an optimisation: never fail a write
                self.on_columns(*item)

    def backup_ahead(self) -> None:
        """Take today's backup now if it is missing, so the day's first write does not wait for it.

        It is the same backup that write would take: until a backup of the day exists no write has
        happened today (each first takes it), and the shared lock keeps writes out while it is made.
        A store another process holds for writing, or a backup that fails (a full disk, a folder this
        user cannot write), is left to the write: it takes the backup itself and says what went wrong.
        """
        if (self.layout.backups / clock.today().isoformat()).exists():
            return
        try:
            with self._mutex, self._lock.shared(timeout=0):
                if not self.layout.intent.exists():
                    backups.take_backup(self.layout, clock.today().isoformat(), self._shared)
        except (StoreBusy, StoreError, OSError):
            pass

    def _daily_backup(self) -> None:
        """Before the day's first write: one stat on most days, a full copy on the first."""
        day = clock.today().isoformat()
        if (self.layout.backups / day).exists():
            return
        with self.reading():
            backups.take_backup(self.layout, day, self._shared)

    def commit_files(self, payloads: dict[Path, bytes]) -> dict[Path, Signature]:
        """Durably replace several files as one change (see ``store.commit``); needs the exclusive lock."""
        assert self._lock.held_exclusive, "commit without the store lock"
        return commit.commit(self.layout, payloads, self._shared)

    # -- watching for other processes ---------------------------------------------
    def changes(self) -> set[str]:
        """Collections another process changed since the last call (cheap: stats only).

        The first call sets the baseline and reports nothing. The app polls this from a worker every
        second, so later calls also take the day's backup ahead of its first write (``backup_ahead``).
        """
        if self._dirs_seen is not None:
            self.backup_ahead()
        with self._mutex:
            changed, self._dirs_seen = changed_since(self.layout, self._dirs_seen, self._known)
            return changed

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no thread of this process is inside a store operation."""
        if self._mutex.acquire(timeout=timeout):
            self._mutex.release()
            return True
        return False

    @property
    def shared(self) -> bool:
        return self._shared

    @property
    def location(self) -> str:
        """Where the store is, as messages name it (the database backend gives its URL)."""
        return str(self.layout.root)

    def close(self) -> None:
        self._lock.close()
