"""Issue 22: five writers × 1,000 writes on PostgreSQL beside the folder store, and how soon others hear of them.

Each writer is its own process and updates its own 1,000 orders, one durable
transaction each (the order, plus its activity entry), all five at once: the
folder store takes its one lock per commit, the database locks rows. The
PostgreSQL cluster is a throwaway one with fsync on (``$SELLERTUI_BENCH_POSTGRES``
points at another server instead). No target: the two are reported side by side.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sellertui.devtools import pgcluster
from sellertui.devtools.bench import Result
from sellertui.store import Store, open_store

WRITERS, WRITES = 5, 1000


def _seed(where: str) -> None:
    store = open_store(where, user="bench")
    with store.transaction("bench orders") as tx:
        tx["orders"].upsert_many([{"id": f"w{w}-{i}", "purchase_date": f"2026-{1 + i % 12:02d}-05", "status": "Unshipped"}
                                  for w in range(WRITERS) for i in range(WRITES)])
    store.close()


def _writer(where: str, who: int, start_at: float) -> None:
    # flock is not fair: under five writers flat out, one can wait past the folder store's usual 30 s
    store = open_store(where, user=f"writer{who}") if "://" in where else \
        Store(Path(where), user=f"writer{who}", lock_timeout=600)
    while time.time() < start_at:
        time.sleep(0.001)
    for i in range(WRITES):
        with store.transaction("shipped") as tx:
            tx["orders"].update(f"w{who}-{i}", {"status": "Shipped"})
    store.close()


def _race(where: str) -> float:
    _seed(where)
    ctx = multiprocessing.get_context("fork")
    start_at = time.time() + 1.0
    procs = [ctx.Process(target=_writer, args=(where, w, start_at)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    try:
        for p in procs:
            p.join()
            if p.exitcode != 0:
                raise RuntimeError(f"a writer on {where} failed")
    finally:
        for p in procs:  # never leave a writer running on after a failure
            if p.is_alive():
                p.terminate()
                p.join()
    elapsed = time.time() - start_at
    store = open_store(where)
    shipped = sum(1 for o in store["orders"].rows() if o["status"] == "Shipped")
    store.close()
    if shipped != WRITERS * WRITES:
        raise RuntimeError(f"{where}: {shipped} of {WRITERS * WRITES} writes arrived")
    return elapsed


def _one_write(where: str) -> None:
    store = open_store(where, user="teammate")
    with store.transaction("one") as tx:
        tx["tasks"].insert({"title": "seen?"})
    store.close()


def _notice_latency(where: str, samples: int = 15) -> float:
    """Median time from another process's commit to ``changes()`` reporting it (polled every 5 ms)."""
    watcher = open_store(where, user="watcher")
    watcher.changes()
    found = []
    ctx = multiprocessing.get_context("fork")
    for _ in range(samples):
        p = ctx.Process(target=_one_write, args=(where,))
        p.start()
        p.join()
        committed = time.perf_counter()  # the commit happened before the process ended: an upper bound
        while not watcher.changes():
            time.sleep(0.005)
        found.append(time.perf_counter() - committed)
    watcher.close()
    return statistics.median(found)


def _database(folder: Path) -> str:
    given = os.environ.get("SELLERTUI_BENCH_POSTGRES")
    server = given or pgcluster.start(folder, durable=True)
    import psycopg

    name = f"bench_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, query = server.partition("?")
    return f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")


def run(large: Path, work: Path) -> list[Result]:
    folder_store = work / "writers-folder"
    shutil.rmtree(folder_store, ignore_errors=True)
    on_folder = _race(str(folder_store))
    cluster = Path(tempfile.mkdtemp(prefix="stpg-bench"))
    try:
        url = _database(cluster)
        on_database = _race(url)
        latency = _notice_latency(url)
    finally:
        if not os.environ.get("SELLERTUI_BENCH_POSTGRES"):
            pgcluster.stop(cluster)
    total = WRITERS * WRITES
    return [
        Result(f"backends: {WRITERS} writers × {WRITES:,} writes, folder store", on_folder, None, "s", "reported",
               note=f"{total / on_folder:,.0f} writes/s; one lock per commit, fsync'd files"),
        Result(f"backends: {WRITERS} writers × {WRITES:,} writes, PostgreSQL", on_database, on_folder, "s",
               "reported", ratio=on_folder / on_database,
               note=f"{total / on_database:,.0f} writes/s (ratio: times faster than the folder store); row locks, "
                    "fsync on, unix socket"),
        Result("backends: PostgreSQL change notice after another process's commit", latency, None, "s", "≤ 1 s",
               ok=latency <= 1.0, note="median of 15 (LISTEN/NOTIFY); the app polls each second on top"),
    ]
