"""Durably replace one or several store files as one change (the write half of the store).

One file: temp + fsync + rename + directory fsync. Several: every temp is
fsync'd, then a commit record (``.txn.json``) naming the renames is made
durable, then the renames happen. A crash before the record leaves the old
files; a crash after it is rolled forward by the next process (``roll_forward``).
Callers hold the store's exclusive lock.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from sellertui.paths import ensure_dir
from sellertui.store.errors import DiskFull
from sellertui.store.fsio import Signature, disk_full, dumps, fsync_dir, loads, out_of_space, write_temp
from sellertui.store.layout import Layout


def commit(layout: Layout, payloads: dict[Path, bytes], shared: bool) -> dict[Path, Signature]:
    """Write every payload to its path, all or nothing; the new files' signatures."""
    temps: dict[Path, tuple[Path, Signature]] = {}
    try:
        for path, payload in payloads.items():
            if not path.parent.is_dir():
                ensure_dir(path.parent, shared)
                fsync_dir(path.parent.parent)
            temps[path] = write_temp(path, payload, shared)
    except BaseException as exc:
        _drop(temps)
        _raise_disk_full(layout, payloads, exc)
        raise
    if len(temps) > 1:
        try:
            write_intent(layout, temps, shared)
        except Exception as exc:  # e.g. disk full: nothing was renamed, so nothing changed
            layout.intent.unlink(missing_ok=True)
            _drop(temps)
            _raise_disk_full(layout, payloads, exc)
            raise
    for path, (tmp, _) in temps.items():
        os.replace(tmp, path)
    for directory in {p.parent for p in temps}:
        fsync_dir(directory)
    if len(temps) > 1:
        layout.intent.unlink()
    return {path: sig for path, (_, sig) in temps.items()}


def _drop(temps: dict[Path, tuple[Path, Signature]]) -> None:
    for tmp, _ in temps.values():
        tmp.unlink(missing_ok=True)


def _raise_disk_full(layout: Layout, payloads: dict[Path, bytes], exc: BaseException) -> None:
    """Out of space: say so for the whole change (its size, not one file's), in the store's folder."""
    if isinstance(exc, DiskFull) or out_of_space(exc):
        quota = exc.quota if isinstance(exc, DiskFull) else exc.errno == errno.EDQUOT
        raise disk_full(layout.root, sum(map(len, payloads.values())), quota) from None


def write_intent(layout: Layout, temps: dict[Path, tuple[Path, Signature]], shared: bool) -> None:
    """Make the list of renames durable: from here on the commit happens, even after a crash."""
    root = layout.root
    record = {
        "moves": [[str(tmp.relative_to(root)), str(path.relative_to(root))] for path, (tmp, _) in temps.items()],
        "complete": True,
    }
    fd = os.open(layout.intent, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if shared:
            os.fchmod(fd, 0o660)
        os.write(fd, dumps(record))
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(root)


def roll_forward(layout: Layout) -> bool:
    """Finish a commit a crashed process left (or drop an incomplete record); True if files moved.

    Temp files of writers that died before their record are removed too.
    """
    intent = layout.intent
    moved = False
    if intent.exists():
        moves = None
        try:
            record = loads(intent.read_bytes())
            if isinstance(record, dict) and record.get("complete") is True:
                moves = record["moves"]
        except (OSError, ValueError, KeyError):
            moves = None
        dirs = set()
        for tmp_rel, final_rel in moves or []:
            tmp, final = layout.root / tmp_rel, layout.root / final_rel
            if tmp.exists():
                os.replace(tmp, final)
            dirs.add(final.parent)
        for d in dirs:
            fsync_dir(d)
        intent.unlink()
        fsync_dir(layout.root)
        moved = True
    for orphan in layout.temp_files():
        orphan.unlink(missing_ok=True)
    return moved
