"""One sync at a time per shop: cron's and the app's never overlap.

``fcntl.flock`` on ``<data dir>/sync.lock``, non-blocking: the second sync is
told who holds it (pid, user, since when) and gives up at once (exit 75,
EX_TEMPFAIL, for cron). The lock dies with its process, so a kill -9 never
leaves it stuck. A symlink in its place is refused (someone could point it at
a file of theirs).
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from sellertui import clock
from sellertui.core.i18n import _
from sellertui.core.errors import UserError

EXIT_BUSY = 75  # EX_TEMPFAIL: cron mails it, and the next run tries again


class SyncBusy(UserError):
    exit_code = EXIT_BUSY


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / "sync.lock"


def holder(data_dir: Path) -> dict | None:
    """Who holds the sync lock now (None when nobody does)."""
    path = lock_path(data_dir)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(fd) or {"pid": None}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read(fd: int) -> dict:
    try:
        data = os.pread(fd, 4096, 0)
        info = json.loads(data.decode("utf-8") or "{}")
        return info if isinstance(info, dict) else {}
    except (OSError, ValueError):
        return {}


class SyncLock:
    def __init__(self, data_dir: Path, user: str, what: str = "sellertui sync") -> None:
        self.path = lock_path(data_dir)
        self.user = user
        self.what = what
        self._fd: int | None = None

    def __enter__(self) -> "SyncLock":
        if self.path.is_symlink():
            raise UserError(_("{path} is a symbolic link; remove it (sellertui makes its own lock file)").format(
                path=self.path))
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        except OSError as exc:
            raise UserError(_("cannot open the sync lock {path}: {reason}").format(
                path=self.path, reason=exc.strerror or exc)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            info = _read(fd)
            os.close(fd)
            if info:  # the holder's command stays as it wrote it ('sellertui sync')
                raise SyncBusy(_("{what} (pid {pid}, {user}, since {since}) is syncing this shop now; try again when "
                                 "it is done").format(what=info.get("what") or _("another sync"),
                                                      pid=info.get("pid", "?"), user=info.get("user", "?"),
                                                      since=info.get("since", "?"))) from None
            raise SyncBusy(_("another sync is syncing this shop now; try again when it is done")) from None
        info = {"pid": os.getpid(), "user": self.user, "since": clock.stamp(), "what": self.what}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
