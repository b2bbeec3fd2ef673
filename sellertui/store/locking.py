"""One lock per store, across threads and processes.

Every read-modify-write holds the exclusive lock from the read to the rename, so
no writer can lose another's update (a lock inside ``write()`` alone is not
enough: two writers both read the old file, and the second rename drops the
first's change). Loads take the shared lock so they never see half of a multi-file
commit. Inside one process a re-entrant thread lock serialises users of the one
``flock`` descriptor (``flock`` is per open file, not per thread).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sellertui.store.errors import StoreBusy
from sellertui.store.fsio import PRIVATE_FILE, SHARED_FILE


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
            mode = SHARED_FILE if self._shared_files else PRIVATE_FILE
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, mode)
            if os.fstat(fd).st_uid == os.getuid():
                os.fchmod(fd, mode)  # the umask must not lock teammates out
            self._fd = fd
        return self._fd

    def _flock(self, op: int) -> None:
        fd = self._open()
        deadline = time.monotonic() + self.timeout
        delay = 0.001
        while True:
            try:
                fcntl.flock(fd, op | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{self.path.parent}: another sellertui process has held the store lock "
                        f"for more than {self.timeout:.0f} s"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.05)

    @contextmanager
    def _hold(self, kind: str) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0:
                self._flock(fcntl.LOCK_EX if kind == "ex" else fcntl.LOCK_SH)
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

    def exclusive(self):
        return self._hold("ex")

    def shared(self):
        return self._hold("sh")

    @property
    def held_exclusive(self) -> bool:
        return self._held == "ex"

    def close(self) -> None:
        with self._thread_lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
