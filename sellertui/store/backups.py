"""Rolling daily backups of the store: a full copy before the first write of each day.

Real copies, not hard links: our own writes never modify a file in place, but
whatever else damages a file (an editor, a disk error) would damage a linked
"backup" with it. Copies go through ``shutil.copy2`` (sendfile), ~0.3 s for the
large demo store, once a day. The last ``KEEP`` days are kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sellertui.paths import ensure_dir
from sellertui.store.fsio import fsync_dir, loads
from sellertui.store.layout import Layout

KEEP = 7


@dataclass(frozen=True)
class Backup:
    day: str
    path: Path

    def file_for(self, layout: Layout, live_file: Path) -> Path:
        return self.path / live_file.relative_to(layout.root)


def list_backups(layout: Layout) -> list[Backup]:
    """Backups, newest first."""
    if not layout.backups.is_dir():
        return []
    days = []
    for entry in layout.backups.iterdir():
        if entry.is_dir() and not entry.name.startswith("."):
            try:
                date.fromisoformat(entry.name)
            except ValueError:
                continue
            days.append(Backup(entry.name, entry))
    return sorted(days, key=lambda b: b.day, reverse=True)


def take_backup(layout: Layout, day: str, shared: bool) -> Backup | None:
    """Copy the store to backups/<day>; call holding the store lock (shared is enough)."""
    target = layout.backups / day
    if target.exists() or not layout.meta.exists():
        return None
    ensure_dir(layout.backups, shared)
    partial = Path(tempfile.mkdtemp(prefix=f".{day}.", dir=layout.backups))
    try:
        for src in layout.data_files():
            dst = partial / src.relative_to(layout.root)
            if not dst.parent.is_dir():
                ensure_dir(dst.parent, shared)
            shutil.copy2(src, dst)
        ensure_dir(partial, shared)
        os.rename(partial, target)  # fails if another process finished first: keep theirs
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        if target.exists():
            return None
        raise
    fsync_dir(layout.backups)
    prune(layout)
    return Backup(day, target)


def prune(layout: Layout, keep: int = KEEP) -> None:
    for old in list_backups(layout)[keep:]:
        shutil.rmtree(old.path, ignore_errors=True)


def readable(path: Path, table: str | None) -> bool:
    try:
        data = loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict):
        return False
    return table is None or isinstance(data.get(table, {}), dict)


def newest_good_copy(layout: Layout, live_file: Path, table: str | None) -> Path | None:
    """The newest backup copy of ``live_file`` that parses, if any."""
    for backup in list_backups(layout):
        candidate = backup.file_for(layout, live_file)
        if candidate.exists() and readable(candidate, table):
            return candidate
    return None
