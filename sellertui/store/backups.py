"""Rolling daily backups of the store: a full copy before the first write of each day.

Real copies, not hard links: our own writes never modify a file in place, but
whatever else damages a file (an editor, a disk error) would damage a linked
"backup" with it. Copies go through ``shutil.copy2`` (sendfile), ~0.3 s for the
large demo store, once a day. The last ``KEEP`` days are kept. A backup is made
in a temp folder renamed into place when complete; one a killed process left
half made is removed by the next process that opens the store.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sellertui.paths import ensure_dir
from sellertui.store.errors import StoreBusy
from sellertui.store.fsio import disk_full, fsync_dir, loads, out_of_space
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
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if target.exists():
            return None
        if out_of_space(exc):  # the day's first write waits for its backup: say what the backup needs
            needed = sum(f.stat().st_size for f in layout.data_files())
            raise disk_full(layout.backups, needed, exc.errno == errno.EDQUOT) from None
        raise
    fsync_dir(layout.backups)
    prune(layout)
    return Backup(day, target)


# mkdtemp(prefix=".<day>.") names: what a process killed in the middle of a backup leaves behind
LEFTOVER = re.compile(r"\.\d{4}-\d{2}-\d{2}\.[a-z0-9_]+")


def leftovers(layout: Layout) -> list[Path]:
    """Half-made backups (our own temp folders only, never a finished backup or a link)."""
    try:
        entries = list(os.scandir(layout.backups))
    except OSError:
        return []
    return [Path(e.path) for e in entries if LEFTOVER.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]


def clear_leftovers(layout: Layout) -> int:
    """Remove half-made backups; call holding the store's exclusive lock, so nobody is taking one now."""
    found = leftovers(layout)
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return len(found)


def tidy(layout: Layout, lock) -> None:
    """Remove half-made backups a killed process left, when nobody is working in the store.

    Backups are taken under the shared lock, so holding the exclusive one means
    none is being made now: every temp folder left is a dead process's. If the
    store is busy, the next start tidies (it is housekeeping, never worth a wait).
    """
    if not leftovers(layout):
        return
    try:
        with lock.exclusive(timeout=0):
            clear_leftovers(layout)
    except StoreBusy:
        pass


def prune(layout: Layout, keep: int = KEEP) -> None:
    for old in list_backups(layout)[keep:]:
        shutil.rmtree(old.path, ignore_errors=True)


def parse_problem(payload: bytes, table: str | None) -> str | None:
    """Why the bytes of a store file do not parse as one (damaged), or None when they do."""
    try:
        data = loads(payload)
    except ValueError as exc:
        return str(exc)
    if not isinstance(data, dict):
        return "top level is not a JSON object"
    if table is not None and not isinstance(data.get(table, {}), dict):
        return f"table '{table}' is not a JSON object"
    return None


def readable(path: Path, table: str | None) -> bool:
    try:
        return parse_problem(path.read_bytes(), table) is None
    except OSError:
        return False


def newest_good_copy(layout: Layout, live_file: Path, table: str | None) -> Path | None:
    """The newest backup copy of ``live_file`` that parses, if any."""
    for backup in list_backups(layout):
        candidate = backup.file_for(layout, live_file)
        if candidate.exists() and readable(candidate, table):
            return candidate
    return None
