"""One lock per store, across threads and processes.

Every read-modify-write holds the exclusive lock from the read to the rename, so
no writer can lose another's update (a lock inside ``write()`` alone is not
enough: two writers both read the old file, and the second rename drops the
first's change). Loads take the shared lock so they never see half of a multi-file
commit. Inside one process a re-entrant thread lock serialises users of the one
``flock`` descriptor (``flock`` is per open file, not per thread).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sellertui.store.errors import N_, StoreBusy, StoreError
from sellertui.store.fsio import PRIVATE_FILE, SHARED_FILE


def open_lock_file(path: Path, mode: int) -> int:
    """Open (or create) the lock file itself, never what a link in its place points at.

    In a shared store any member of the group could replace ``.lock`` with a
    symbolic link to another user's file; following it would change that file's
    mode. O_NOFOLLOW refuses the link, and the mode is set on the descriptor
    we opened (fchmod), never through a path.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StoreError(N_("{path}: is a symbolic link, which sellertui does not follow in a store; remove it "
                                "(rm '{path}') and start again"), path=path) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(N_("{path}: is not a regular file; remove it and start again"), path=path)
        if info.st_uid == os.getuid():
            os.fchmod(fd, mode)  # the umask must not lock teammates out
    except BaseException:
        os.close(fd)
        raise
    return fd


class StoreLock:
    def __init__(self, path: Path, shared_files: bool = False, timeout: float = 30.0) -> None:
        self.path = path
        self.timeout = timeout
        self._shared_files = shared_files
        self._fd: int | None = None
        self._thread_lock = threading.RLock()
        self._held: str | None = None  # "sh" or "ex" while this process holds it
        self._depth = 0

    def _open(self) -> int:
        if self._fd is None:
            self._fd = open_lock_file(self.path, SHARED_FILE if self._shared_files else PRIVATE_FILE)
        return self._fd

    def _flock(self, op: int, timeout: float | None = None) -> None:
        fd = self._open()
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, op | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(N_("{folder}: another sellertui process has held the store lock for more than "
                                       "{seconds:.0f} s"), folder=self.path.parent, seconds=self.timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)

    @contextmanager
    def _hold(self, kind: str, timeout: float | None = None) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0:
                self._flock(fcntl.LOCK_EX if kind == "ex" else fcntl.LOCK_SH, timeout)
                self._held = kind
            elif kind == "ex" and self._held == "sh":
                # Upgrading flock is not atomic (it drops the lock first), so it
                # would reopen the lost-update window. Code must not do it.
                raise RuntimeError("cannot start a write while holding the store's read lock")
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
                    self._held = None

    def exclusive(self, timeout: float | None = None):
        """The write lock; ``timeout`` (seconds) overrides the store's wait, 0 for housekeeping that can wait."""
        return self._hold("ex", timeout)

    def shared(self, timeout: float | None = None):
        """The read lock; ``timeout`` as for ``exclusive``."""
        return self._hold("sh", timeout)

    @property
    def held_exclusive(self) -> bool:
        return self._held == "ex"

    def close(self) -> None:
        with self._thread_lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
