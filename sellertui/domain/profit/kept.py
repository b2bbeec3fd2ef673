"""The ledger a previous process built, kept in the user's cache dir under everything it was built from.

At a million order lines the ledger takes seconds to build and most Profit opens
are of the same records as the last one (a restart, a second window). So the
built ledger (with its month flags and the products it priced) is kept on disk
under a digest of what determines it: every file the P&L reads (their
signatures change with each write), the home currency, the day, the fee
settings, the local zone, the ECB table in use and this code. Any change gives
another digest, so a kept ledger is never stale; the next build replaces it.

It is a pickle, so it lives only in the user's own cache dir (0700, files 0600,
never the frames beside a team's store): no one else can put one there. A file
that does not load is a miss.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import os
import pickle
import threading
from pathlib import Path

VERSION = 3  # bump when the Ledger's shape or any rule behind it changes (the code stamp catches edits too)


@functools.cache  # a running process's code is the code it imported
def _code_stamp() -> tuple:
    """Size and time of every module the ledger's numbers come from: edited code is other code."""
    root = Path(__file__).resolve().parents[1]  # sellertui/domain
    return tuple((str(p.relative_to(root)), s.st_size, s.st_mtime_ns)
                 for p in sorted(root.rglob("*.py")) for s in [p.stat()])


def _path(store, key: tuple) -> Path:
    from sellertui import clock
    from sellertui.domain.profit import ecb
    from sellertui.domain.shop import own_cache_dir

    try:
        table = ecb.table_file()
        rates = (str(table), table.stat().st_size, table.stat().st_mtime_ns)
    except (OSError, ImportError):
        rates = None
    digest = hashlib.sha1(repr((VERSION, key, clock.now().strftime("%z"), rates, _code_stamp())).encode())
    return own_cache_dir(store, "ledgers") / f"{digest.hexdigest()[:24]}.pickle"


FRAMES = ("daily", "orders", "actual", "ads", "small", "volume", "missing_cost", "monthly")


def _pack(frame) -> tuple[object, list[str]]:
    """``frame`` with its text columns of Python strings as categoricals, and their names: a million strings
    pickle and load one by one, their few distinct values at once."""
    import pandas as pd

    from sellertui.domain.profit.codes import text_columns

    text = text_columns(frame)
    return (frame.assign(**{c: pd.Categorical(frame[c]) for c in text}) if text else frame), text


def _unpack(frame, text: list[str]):
    for column in text:  # just unpickled, ours: changed in place, not copied whole
        frame[column] = frame[column].astype(object)
    return frame


def load(store, key: tuple):
    """(ledger, flags, products) kept under ``key`` by an earlier build, or None."""
    path = _path(store, key)
    try:
        with open(path, "rb") as file:
            ledger, flags, products = pickle.load(file)
            for name in FRAMES:
                setattr(ledger, name, _unpack(*pickle.load(file)))
        return ledger, flags, products
    except Exception:  # missing, cut short, written by other code: build it again
        return None


def save(store, key: tuple, kept: tuple) -> None:
    """Keep (ledger, flags, products) under ``key``, replacing the ledgers kept for this store before."""
    path = _path(store, key)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        for folder in (path.parent.parent, path.parent):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        for old in path.parent.glob("*.pickle"):
            old.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            ledger, flags, products = kept
            shell = copy.copy(ledger)
            for name in FRAMES:
                setattr(shell, name, None)
            pickle.dump((shell, flags, products), file, protocol=5)
            for name in FRAMES:  # one pickle a frame: the pickler's copies of its columns go before the next's
                pickle.dump(_pack(getattr(ledger, name)), file, protocol=5)
        os.replace(tmp, path)
    except Exception:  # the cache is an optimisation: a full disk must not fail the P&L
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
