"""Collections as pandas frames, rebuilt only where a file changed.

Big collections are read partition by partition. Each partition's frame is
kept in memory and on disk (Arrow/feather) under the signature of the store
file it came from: the inode changes with every write, so a cached frame can
never be stale. After a teammate marks one order shipped only that month is
parsed again; a fresh app start reads feather files (~50 ms for 100k orders)
instead of parsing JSON (~1.2 s). One cache per app, shared by all areas.

For a folder store the feather files live beside it (``<data dir>/frames``,
outside the store tree, so backups, checks and copies never see them): every
process and every teammate on the store reads the columns whichever of them
built first, and a fresh cache dir (a new login, a cleared cache) still opens
the shop without parsing its JSON history. Only a month written since is parsed
again. A database store keeps them in the user's cache dir.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path
from typing import Callable

import pandas as pd

from sellertui.store import Store
from sellertui.store.columns import Columns
from sellertui.store.fsio import Signature
from sellertui.store.views import files_signature

Builder = Callable[[list[dict]], pd.DataFrame]


def _objects(column: pd.Series) -> pd.Series:
    """The column's values as Python objects (what ``astype(object)`` gives), one object per distinct value: the
    ad spend by day's campaign, marketplace, currency and kind on 68k rows were 340k strings, +37 MB at the P&L's
    peak; a few hundred now."""
    import numpy as np

    if column.dtype == object:
        return column
    codes, distinct = pd.factorize(column)
    values = np.append(np.asarray(distinct, dtype=object), np.nan)  # code -1 (missing): NaN, as astype gives
    return pd.Series(values[codes], index=column.index, name=column.name, dtype=object)


def _size(frame) -> int:
    """Bytes a kept partition holds, for the memory budget: an Arrow table's buffers (what its pandas columns
    share: text columns are Arrow-backed), counted without walking its values (25 months: ~10 ms less)."""
    if isinstance(frame, pd.DataFrame):
        return int(frame.memory_usage(deep=True).sum())
    return frame.nbytes


def _joined(frames: list) -> pd.DataFrame:
    """The partitions' rows as one frame. Arrow tables of one schema (every month read from disk) are joined
    and made pandas once: a conversion per month costs ~0.5 ms of Python each (25 months: 12 ms, the GIL held
    while the Orders tab is built), the joined one as much as one. Otherwise each is made pandas and concatenated,
    as pandas joins columns of different types (a month where a column is all missing)."""
    import pyarrow as pa

    if len(frames) > 1 and all(isinstance(f, pa.Table) for f in frames) and all(
            f.schema.equals(frames[0].schema) for f in frames[1:]):
        return _pandas(pa.concat_tables(frames))
    frames = [_pandas(f) for f in frames]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _pandas(frame) -> pd.DataFrame:
    """A kept partition as pandas (what ``pd.read_feather`` gives for its file; files are written without an
    index, so it comes back a fresh RangeIndex)."""
    return frame if isinstance(frame, pd.DataFrame) else frame.to_pandas()


class FrameCache:
    # Callers keep the concatenated frame they asked for, so a partition kept here as well is a second
    # copy. With a disk copy to fall back on, only the most recently used partitions stay in memory
    # (re-reading a month's feather costs milliseconds); the rest are read again when next asked for.
    MEMORY_BUDGET = 32 * 2**20

    def __init__(self, store: Store, disk: Path | None = None, shared: bool = False) -> None:
        self.store = store
        self.disk = disk
        self.shared = shared  # a team's store: group-writable folders and files, like the store's own
        # (signature, a frame, or the Arrow table read from disk)
        self._parts: dict[tuple[str, str, str], tuple[Signature | None, object]] = {}
        self._sizes: dict[tuple[str, str, str], int] = {}  # insertion order = least recently used first
        self._lock = threading.Lock()
        self._derived: dict[str, tuple[tuple, object]] = {}  # name -> (the files' signature, value)
        self._release_due = False  # a release asked for while a read ran: done as that read ends

    @classmethod
    def for_store(cls, store: Store) -> "FrameCache":
        from sellertui.domain.shop import cache_dir_of

        return cls(store, cache_dir_of(store), shared=isinstance(store, Store) and store.shared)

    def frame(self, collection: str, build: Builder, name: str = "", partitions: list[str] | None = None,
              version: int = 1, fields: tuple[str, ...] = (), apart: bool = False,
              within: tuple[str, int, list[str]] | None = None) -> pd.DataFrame:
        """The collection (or some partitions) through ``build``.

        ``name`` tells builders apart; bump ``version`` when a builder's output
        changes so frames cached on disk by older code are not reused.
        ``fields``: the builder takes ``store.columns.Columns`` of only these fields (and ``id``), read from
        the file without parsing the rest (``store.fields``): for big collections read only as frames (search
        terms), where a whole parse would cost several times the frame. ``apart``: the builder's frames
        concatenate, so a split month's files are built one by one as each is decoded (one file's columns held).
        ``within``: (name, version, columns) of a frame this one is some columns of: a partition whose frame
        is not kept but that one is (in memory or on disk) takes those columns from it, nothing decoded.
        """
        view = self.store[collection]
        existing = view.partitions()
        parts = existing if partitions is None else [p for p in partitions if p in existing]
        label = name or build.__qualname__
        frames = []
        with self._lock:
            for part in parts:
                key = (collection, label, part)
                sig = self.store.partition_signature(collection, part)
                cached = self._parts.get(key)
                if cached is None or cached[0] != sig:
                    frame = self._read_table(key, sig, version)  # kept as Arrow: made pandas once, below
                    if frame is None and within is not None:
                        frame = self._columns_of((collection, within[0], part), sig, within[1], within[2])
                    if frame is None:
                        if fields:  # only these fields decoded (store.fields); apart: a split month file by file
                            pieces = self._built(collection, part, fields, apart, build)
                            frame = pieces[0] if len(pieces) == 1 else pd.concat(pieces, ignore_index=True)
                        else:
                            frame = build(list(view.docs(part).values()))
                        self._write_disk(key, sig, version, frame)
                    cached = (sig, frame)
                    self._parts[key] = cached
                self._sizes[key] = self._sizes.pop(key, None) or _size(cached[1])
                frames.append(cached[1])
            if len(frames) == 1 and not isinstance(frames[0], pd.DataFrame):  # one month read alone (an Ads
                frames[0] = _pandas(frames[0])  # window's): kept as the pandas frame made, not made again next time
                self._parts[key] = (self._parts[key][0], frames[0])
            if partitions is None:
                for stale in [k for k in self._parts if k[0] == collection and k[1] == label and k[2] not in parts]:
                    self._forget(stale)
            self._trim()
            if self._release_due:  # the caller holds what it asked for; the cache's copies go
                self._clear()
        frames = [f for f in frames if len(f)]
        if not frames:
            return build(Columns({name: [] for name in ("id", *fields)}) if fields else [])
        return _joined(frames)

    def cached(self, collection: str, name: str, version: int = 1) -> bool:
        """Whether every partition's frame of ``collection`` is kept (in memory or on disk) under its file's
        current signature: reading them all then costs milliseconds a partition, parsing none."""
        with self._lock:
            for part in self.store[collection].partitions():
                sig = self.store.partition_signature(collection, part)
                held = self._parts.get((collection, name, part))
                if held is not None and held[0] == sig:
                    continue
                path = self._path((collection, name, part), sig, version)
                if path is None or not path.exists():
                    return False
        return True

    def _built(self, collection: str, part: str, fields: tuple[str, ...], apart: bool, build) -> list[pd.DataFrame]:
        """The partition's frame(s) from its ``fields``; ``apart``: a split month's files each built as soon as it
        is decoded, so only one file's columns are ever held (a month of search terms whole: ~100 MB)."""
        if isinstance(self.store, Store):
            from sellertui.store.fields import columns, pieces

            return pieces(self.store, collection, part, fields, build) if apart else [
                build(columns(self.store, collection, part, fields))]
        from sellertui.store.fields import from_docs

        return [build(from_docs(self.store[collection].docs(part), fields))]  # a database store: rows parsed already

    def keep(self, collection: str, part: str, sig: Signature | None, specs: list, fresh) -> None:
        """Build a freshly written partition's frames (``specs``: ``domain.warming.Warm``) from its columns (a
        ``ColumnPart``) and keep them on disk under ``sig``, the signature the commit gave its files."""
        if self.disk is None or sig is None:
            return
        records = fresh.records  # this month's rows (sliced from the import's shared columns)
        n = records.n
        docs = Columns({**records.columns, **{mark: [value] * n for mark, value in fresh.marks.items()}})
        dicts: dict[tuple, list] = {}  # records as dicts, made once for every builder that needs them
        made: dict[str, pd.DataFrame] = {}
        for spec in specs:
            if spec.subset_of:  # some columns of a frame made just before (the lean ad rows of the whole ones)
                made[spec.name] = spec.build(made[spec.subset_of])
            elif spec.columns:  # one build over the columns
                made[spec.name] = spec.build(docs)
            else:
                fields = spec.fields  # the builder reads only these: dicts of them (a fifth of each)
                if fields not in dicts:
                    dicts.clear()
                    source = Columns({f: docs.columns[f] for f in ("id", *fields) if f in docs.columns}) if fields \
                        else docs
                    dicts[fields] = source.dicts()
                made[spec.name] = spec.build(dicts[fields])
            self._write_disk((collection, spec.name, part), sig, spec.version, made[spec.name])

    def signature(self, collections: tuple[str, ...]) -> tuple:
        """The identity of every file of these collections (equal signatures: the same records)."""
        return files_signature(self.store, collections)

    def derived(self, name: str, signature: tuple, compute: Callable[[], object], version: int | None = None):
        """A value computed from several collections (ad spend by day), kept until ``signature`` changes.

        With a ``version`` the value (a frame) is also kept on disk beside the frames, under a hash of the
        signature: a new process reads it instead of every file it came from (the ad rows of all time).
        """
        with self._lock:
            hit = self._derived.get(name)
        if hit is not None and hit[0] == signature:
            return hit[1]
        path = None
        if version is not None and self.disk is not None:
            digest = hashlib.sha1(repr((version, signature)).encode()).hexdigest()[:20]
            path = self.disk / "derived" / f"{name}.{digest}.feather"
        value = self._read_derived(path)
        if value is None:
            value = compute()  # outside the lock: computing reads frames, which takes it
            if path is not None:
                with self._lock:
                    self._write_disk(("derived", name, ""), None, 0, value, path)
        with self._lock:
            self._derived[name] = (signature, value)
        return value

    def _read_derived(self, path: Path | None) -> pd.DataFrame | None:
        if path is None or not path.exists():
            return None
        from pyarrow import feather

        try:
            table = feather.read_table(path)
            frame = table.to_pandas()
        except Exception:  # a damaged cache file is just a miss
            return None
        # text comes back from Arrow as strings: the columns the computation left as objects become objects again
        made = {c["name"]: c["numpy_type"] for c in (table.schema.pandas_metadata or {}).get("columns", [])}
        objects = [c for c in frame.columns if made.get(c) == "object"]
        return frame.assign(**{c: _objects(frame[c]) for c in objects}) if objects else frame

    def release(self) -> bool:
        """Let go of the partitions kept in memory where the disk holds them (read again in milliseconds): the
        caller holds what it asked for (a tab left, the P&L's sources read). Put off while a read runs (its
        lock held): the caller is the UI thread, which must not wait for a parse; that read lets go as it ends.
        Returns whether frames are kept on disk."""
        if self.disk is None:
            return False
        if self._lock.acquire(blocking=False):
            try:
                self._clear()
            finally:
                self._lock.release()
        else:  # a read runs (a background warm-up, another tab's load): it lets go as it ends
            self._release_due = True
        return True

    def let_go(self) -> None:
        """``release``, then the freed pages handed back to the system (a heap trim, a few ms), for a heavy step
        that follows a big read: it then peaks on what is held, not on what was."""
        from sellertui.memory import give_back

        self.release()
        give_back()

    def _clear(self) -> None:
        self._parts.clear()
        self._sizes.clear()
        self._release_due = False

    def _forget(self, key: tuple[str, str, str]) -> None:
        self._parts.pop(key, None)
        self._sizes.pop(key, None)

    def _trim(self) -> None:
        """Drop the least recently used partitions past the budget (only when the disk holds them)."""
        if self.disk is None:
            return
        total = sum(self._sizes.values())
        for key in list(self._sizes):
            if total <= self.MEMORY_BUDGET:
                break
            total -= self._sizes[key]
            self._forget(key)

    # -- the on-disk copy ------------------------------------------------------
    def _path(self, key: tuple[str, str, str], sig: Signature, version: int) -> Path | None:
        if self.disk is None or sig is None:
            return None
        collection, label, part = key
        return self.disk / collection / label / f"{part}.{sig.ino}-{sig.size}-{sig.mtime_ns}.v{version}.feather"

    def _mkdir(self, folder: Path) -> None:
        """``folder`` and its parents up to the cache's root, private (0700) or a team's (setgid 2770)."""
        missing = []
        while not folder.exists() and folder != self.disk.parent:
            missing.append(folder)
            folder = folder.parent
        for made in reversed(missing):
            made.mkdir(exist_ok=True)
            os.chmod(made, 0o2770 if self.shared else 0o700)  # the umask must not narrow a team's folder

    def _read_table(self, key, sig, version, columns: list[str] | None = None):
        """The partition's frame kept on disk (or these columns of it), as the Arrow table its file holds (None:
        not kept, or damaged)."""
        path = self._path(key, sig, version)
        if path is None or not path.exists():
            return None
        from pyarrow import feather

        try:
            return feather.read_table(path, columns=columns)
        except Exception:  # a damaged cache file is just a miss
            return None

    def _columns_of(self, key, sig, version, columns: list[str]) -> pd.DataFrame | None:
        """Some columns of the partition's frame ``key`` when it is kept under ``sig`` (only those read)."""
        held = self._parts.get(key)
        kept = held[1] if held is not None and held[0] == sig else self._read_table(key, sig, version, columns)
        if kept is None:
            return None
        return kept[columns] if isinstance(kept, pd.DataFrame) else _pandas(kept.select(columns))

    def _write_disk(self, key, sig, version, frame: pd.DataFrame, path: Path | None = None) -> None:
        path = path or self._path(key, sig, version)
        if path is None:
            return
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self._mkdir(path.parent)
            for old in path.parent.glob(f"{key[2] or key[1]}.*.feather"):  # a partition's (a derived value's)
                old.unlink(missing_ok=True)
            frame.reset_index(drop=True).to_feather(tmp)
            os.chmod(tmp, 0o660 if self.shared else 0o600)
            os.replace(tmp, path)
        except Exception:  # the cache is an optimisation: never fail a load for it (a full disk included)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
