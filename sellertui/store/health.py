"""Finding damaged store files and bringing back their newest readable backup.

Works on the files directly (not through ``Store``), because a damaged
meta.json must not stop us from repairing it. A damaged file is never
overwritten or deleted: it is renamed aside, beside its replacement.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from sellertui import clock
from sellertui.store import backups
from sellertui.store.errors import CorruptFile, StoreError
from sellertui.store.fsio import atomic_write, fsync_dir
from sellertui.store.layout import Layout
from sellertui.store.locking import StoreLock


def _table_of(layout: Layout, path: Path) -> str | None:
    return None if path == layout.meta else path.parent.name


def damaged_files(layout: Layout) -> list[CorruptFile]:
    found = []
    if not layout.root.is_dir():
        return found
    for path in layout.data_files():
        table = _table_of(layout, path)
        if not backups.readable(path, table):
            found.append(CorruptFile(path, _reason(path), backups.newest_good_copy(layout, path, table)))
    return found


def _reason(path: Path) -> str:
    from sellertui.store.fsio import loads

    try:
        loads(path.read_bytes())
    except ValueError as exc:
        return str(exc)
    except OSError as exc:
        return exc.strerror or str(exc)
    return "wrong structure"


def check(data_dir: Path) -> list[str]:
    layout = Layout(Path(data_dir))
    with StoreLock(layout.lock).shared() if layout.lock.exists() else nullcontext():
        return [str(problem) for problem in damaged_files(layout)]


def restore(data_dir: Path, day: str | None = None) -> list[tuple[Path, Path, Path]]:
    """Restore each damaged file; returns (file, where the damaged copy was kept, backup used)."""
    layout = Layout(Path(data_dir))
    done = []
    lock = StoreLock(layout.lock)
    with lock.exclusive():
        for problem in damaged_files(layout):
            source = _pick(layout, problem.path, day)
            if source is None:
                which = f"the {day} backup" if day else "any backup"
                raise StoreError(f"{problem.path}: no readable copy in {which}; the file is left as it is")
            kept = problem.path.with_name(f"{problem.path.name}.damaged-{clock.now().strftime('%Y%m%dT%H%M%S')}")
            problem.path.rename(kept)
            fsync_dir(problem.path.parent)
            shared = bool(kept.stat().st_mode & 0o020)  # keep a team store's group access
            atomic_write(problem.path, source.read_bytes(), shared)
            done.append((problem.path, kept, source))
    lock.close()
    return done


def _pick(layout: Layout, path: Path, day: str | None) -> Path | None:
    table = _table_of(layout, path)
    if day is None:
        return backups.newest_good_copy(layout, path, table)
    for backup in backups.list_backups(layout):
        if backup.day == day:
            candidate = backup.file_for(layout, path)
            return candidate if candidate.exists() and backups.readable(candidate, table) else None
    return None
