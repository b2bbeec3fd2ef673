"""Other processes' changes, from LISTEN/NOTIFY, for the app's poller (``Store.changes``).

Every commit notifies the collections it wrote, with its process's token (a
process's own writes are not "another process"). One connection of its own
listens; ``changes()`` drains what arrived without waiting. If that connection
is lost, the next call reconnects and compares partition versions with the last
ones seen, so nothing that happened meanwhile is missed; while the server stays
away it raises ``StoreUnreachable`` (the app shows it and keeps asking).
"""

from __future__ import annotations

import threading
from typing import Callable

import orjson
import psycopg

from sellertui.store.postgres import connect as pg
from sellertui.store.postgres.ddl import CHANNEL


class ChangeListener:
    def __init__(self, url: str, token: str, versions: Callable[[psycopg.Connection], dict]) -> None:
        self.url, self.token, self._versions = url, token, versions
        self._conn: psycopg.Connection | None = None
        self._seen: dict | None = None  # versions at the baseline or the last reconnect
        self._lock = threading.Lock()

    def changes(self) -> set[str]:
        with self._lock:
            if self._conn is None or self._conn.closed:
                return self._reconnect()
            try:
                return self._drain()
            except psycopg.Error:
                self._drop()
                return self._reconnect()

    def _reconnect(self) -> set[str]:
        conn = pg.connect(self.url)  # raises StoreUnreachable while the server is away
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            versions = self._versions(conn)
        except psycopg.Error as exc:
            conn.close()
            raise pg.unreachable(self.url, exc) from None
        first = self._seen is None
        missed = set() if first else {c for c in versions.keys() | self._seen.keys()
                                      if versions.get(c) != self._seen.get(c)}
        self._conn, self._seen = conn, versions
        return missed

    def _drain(self) -> set[str]:
        changed: set[str] = set()
        for notice in self._conn.notifies(timeout=0):
            try:
                payload = orjson.loads(notice.payload)
            except orjson.JSONDecodeError:
                continue
            if payload.get("from") != self.token:
                changed.update(payload.get("collections", []))
        if changed:  # the fallback after a lost connection compares with what was last seen
            self._seen = self._versions(self._conn)
        return changed

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
        self._conn = None

    def close(self) -> None:
        with self._lock:
            self._drop()
