"""Connections: one pool per store, and every driver error turned into one sentence.

The pool checks a connection before handing it out, so after the server comes
back the next call simply gets a fresh one (the app's poller does this every
second, which is how it recovers by itself).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool, PoolTimeout

from sellertui.store.errors import N_, StoreBusy, StoreError, StoreUnreachable
from sellertui.store.urls import shown_url

CONNECT_SECONDS = 5  # how long to wait for the server before saying it is unreachable


def connect(url: str, autocommit: bool = True) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_SECONDS)
    except psycopg.Error as exc:
        raise unreachable(url, exc) from None


def open_pool(url: str) -> ConnectionPool:
    return ConnectionPool(url, min_size=1, max_size=4, kwargs={"autocommit": True}, open=True,
                          check=ConnectionPool.check_connection, timeout=CONNECT_SECONDS,
                          name="sellertui", reconnect_timeout=0)


@contextmanager
def pooled(pool: ConnectionPool, url: str) -> Iterator[psycopg.Connection]:
    try:
        with pool.connection() as conn:
            yield conn
    except PoolTimeout:
        raise StoreUnreachable(N_("the database {url} cannot be reached (no connection within {seconds} s); nothing "
                                  "was written, and sellertui tries again"), url=shown_url(url),
                               seconds=CONNECT_SECONDS) from None
    except psycopg.Error as exc:
        raise translate(url, exc) from None


def unreachable(url: str, exc: BaseException) -> StoreUnreachable:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return StoreUnreachable(N_("the database {url} cannot be reached ({reason}); nothing was written, and sellertui "
                               "tries again"), url=shown_url(url), reason=reason)


def translate(url: str, exc: psycopg.Error) -> StoreError:
    """A driver error as a store error a user can act on."""
    if isinstance(exc, (pg_errors.SerializationFailure, pg_errors.DeadlockDetected, pg_errors.LockNotAvailable)):
        return StoreBusy(N_("another teammate was saving the same records at the same moment; nothing was written, "
                            "try again"))
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return StoreError(N_("the database {url} refused this role ({reason}); ask the admin to grant it the team's "
                             "role"), url=shown_url(url), reason=_first_line(exc))
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
        return unreachable(url, exc)
    return StoreError(N_("the database {url} answered with an error ({reason}); nothing was written"),
                      url=shown_url(url), reason=_first_line(exc))


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
