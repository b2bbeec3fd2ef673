"""Rolling daily backups of the store: every file as it was before the first write of each day.

Hard links, not copies: a store file is never changed in place, only replaced
by a new file renamed over it (``fsio``, ``commit``, ``health.restore``), so a
link to today's file keeps today's bytes whatever the store does next. A
backup costs one link per file (milliseconds for the large demo store, where a
copy took ~0.3 s and more on a busy disk) and only the files changed since
take space. Across filesystems, or where links are refused, files are copied; so is
``meta.json`` (tiny, and the one file every open needs), so damage done to it in
place never reaches its backup.
A backup is made in a temp folder renamed into place when complete; one a
killed process left half made is removed by the next process that opens the
store. Backups older than ``KEEP`` days are removed.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sellertui.paths import PRIVATE_DIR, SHARED_DIR, ensure_dir
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
    """Link the store into backups/<day>; call holding the store lock (shared is enough)."""
    target = layout.backups / day
    if target.exists() or not layout.meta.exists():
        return None
    ensure_dir(layout.backups, shared)
    partial = Path(tempfile.mkdtemp(prefix=f".{day}.", dir=layout.backups))
    try:
        _link_tree(layout.root, partial, shared)
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
    prune(layout, today=day)
    return Backup(day, target)


def _link_tree(root: Path, into: Path, shared: bool) -> None:
    """Every committed file of the store (``Layout.data_files``) placed under ``into``, folder by folder.

    Plain ``os`` calls on text paths: this runs inside the day's first write, so it is kept to one
    ``mkdir`` per collection and one ``link`` per file.
    """
    mode = SHARED_DIR if shared else PRIVATE_DIR
    source, target = str(root), str(into)
    meta = os.path.join(source, "meta.json")
    if os.path.exists(meta):  # copied, not linked: a few hundred bytes, and without it no store opens
        shutil.copy2(meta, os.path.join(target, "meta.json"))
    with os.scandir(source) as entries:
        folders = [e for e in entries if not e.name.startswith(".") and e.is_dir(follow_symlinks=False)]
    for folder in folders:
        into_folder = os.path.join(target, folder.name)
        os.mkdir(into_folder, mode & 0o777)
        if shared:  # the umask must not narrow a team's setgid folder
            os.chmod(into_folder, mode)
        with os.scandir(folder.path) as files:
            for file in files:
                if file.name.endswith(".json") and not file.name.startswith("."):
                    _place(file.path, os.path.join(into_folder, file.name))


# a link is refused across filesystems, by filesystems without links, and past a file's link limit
NO_LINK = {errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP}


def _place(src: str, dst: str) -> None:
    """``dst`` becomes the bytes of ``src`` as they are now: a hard link, or a copy where links are refused."""
    try:
        os.link(src, dst)
    except OSError as exc:
        if exc.errno not in NO_LINK:
            raise
        shutil.copy2(src, dst)


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


def prune(layout: Layout, today: str, keep: int = KEEP) -> None:
    """Remove the backups of days more than ``keep`` days before ``today`` (by age, not by count).

    Each goes out of sight at once (renamed to a leftover's name) and is deleted by a background thread,
    so the day's first write does not wait for the folders to go; a process that exits first leaves
    leftovers the next start clears (``tidy``)."""
    oldest = (date.fromisoformat(today) - timedelta(days=keep - 1)).isoformat()
    doomed = []
    for old in list_backups(layout):
        if old.day < oldest:
            hidden = layout.backups / f".{old.day}.pruned_{secrets.token_hex(4)}"
            try:
                os.rename(old.path, hidden)
            except OSError:  # another process pruned it first
                continue
            doomed.append(hidden)
    if doomed:
        threading.Thread(target=_remove, args=(doomed,), name="prune-backups", daemon=True).start()


def _remove(folders: list[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


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
