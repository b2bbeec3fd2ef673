"""Finding store files in trouble, and bringing back the newest readable backup of damaged ones.

Two kinds of trouble, with opposite cures. A *damaged* file reads but does not
parse (a disk error, an editor, a half-copied file): its newest readable
backup can replace it, and the damaged file is renamed aside, never deleted.
An *unreadable* file is refused by the system (permissions, an I/O error): it
may hold everything written since the last backup, so ``restore`` never
replaces it; ``check`` says how to give it back (``store.access``). Works on
the files directly (not through ``Store``), because a damaged meta.json must
not stop us from repairing it.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sellertui import clock
from sellertui.store import backups
from sellertui.store.access import unreadable
from sellertui.store.errors import N_, CorruptFile, StoreError, UnreadableFile
from sellertui.store.fsio import atomic_write, fsync_dir
from sellertui.store.layout import Layout
from sellertui.store.locking import StoreLock


def _table_of(layout: Layout, path: Path) -> str | None:
    return None if path == layout.meta else path.parent.name


def trouble_with(layout: Layout, path: Path) -> CorruptFile | UnreadableFile | None:
    """What is wrong with one store file: damaged, unreadable, or nothing (None)."""
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return unreadable(path, exc)
    table = _table_of(layout, path)
    reason = backups.parse_problem(payload, table)
    if reason is None:
        return None
    return CorruptFile(path, reason, backups.newest_good_copy(layout, path, table))


def troubles(layout: Layout) -> list[CorruptFile | UnreadableFile]:
    """Every store file (and folder) in trouble, in store order."""
    found: list[CorruptFile | UnreadableFile] = []
    if not layout.root.is_dir():
        return found
    for folder in sorted(p for p in layout.root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            os.listdir(folder)
        except OSError as exc:  # a closed collection folder hides its files: name the folder
            found.append(unreadable(folder, exc))
    for path in layout.data_files():
        problem = trouble_with(layout, path)
        if problem is not None:
            found.append(problem)
    return found


def check(data_dir: Path) -> list[str]:
    """One sentence per file in trouble, each saying what to do about it."""
    layout = Layout(Path(data_dir))
    with StoreLock(layout.lock).shared() if layout.lock.exists() else nullcontext():
        return [str(problem) for problem in troubles(layout)]


@dataclass
class Restored:
    """What ``restore`` did: (file, where the damaged copy was kept, backup used), and what it refused."""

    files: list[tuple[Path, Path, Path]] = field(default_factory=list)
    refused: list[UnreadableFile] = field(default_factory=list)


def restore(data_dir: Path, day: str | None = None) -> Restored:
    """Replace each damaged file by its newest readable backup; never a file that parses or cannot be read.

    The files are looked at under the exclusive lock, so none changes between the look and the swap.
    """
    layout = Layout(Path(data_dir))
    done = Restored()
    lock = StoreLock(layout.lock)
    try:
        with lock.exclusive():
            for problem in troubles(layout):
                if isinstance(problem, UnreadableFile):
                    done.refused.append(problem)
                    continue
                source = _pick(layout, problem.path, day)
                if source is None:
                    if day:
                        raise StoreError(N_("{path}: no readable copy in the {day} backup; the file is left as it "
                                            "is"), path=problem.path, day=day)
                    raise StoreError(N_("{path}: no readable copy in any backup; the file is left as it is"),
                                     path=problem.path)
                done.files.append((problem.path, _replace(problem.path, source), source))
    finally:
        lock.close()
    return done


def _replace(path: Path, source: Path) -> Path:
    """Put ``source`` in place of the damaged ``path``; the damaged file is kept beside it."""
    kept = path.with_name(f"{path.name}.damaged-{clock.now().strftime('%Y%m%dT%H%M%S')}")
    path.rename(kept)
    fsync_dir(path.parent)
    shared = bool(kept.stat().st_mode & 0o020)  # keep a team store's group access
    atomic_write(path, source.read_bytes(), shared)
    return kept


def _pick(layout: Layout, path: Path, day: str | None) -> Path | None:
    table = _table_of(layout, path)
    if day is None:
        return backups.newest_good_copy(layout, path, table)
    for backup in backups.list_backups(layout):
        if backup.day == day:
            candidate = backup.file_for(layout, path)
            return candidate if candidate.exists() and backups.readable(candidate, table) else None
    return None
