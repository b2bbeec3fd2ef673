"""Both backends under several processes: crashes (kill -9), writers at once, migrations, live notices."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest

from sellertui.store import open_store, schema
from tests.store.backends import location  # noqa: F401 - fixture
from tests.store.legacy import tasks_v2
from tests.store.test_store_durability import _writer as write_until_killed

pytestmark = pytest.mark.xdist_group("fsync-heavy")  # timing-sensitive: never beside the other heavy tests
KILLS = 30


def _log(path) -> tuple[set[int], set[int]]:
    begun, committed = set(), set()
    for line in path.read_text().splitlines():
        kind, _, n = line.partition(" ")
        (committed if kind == "commit" else begun).add(int(n))
    return begun, committed


def test_kill_9_mid_write_never_loses_or_half_writes(location, tmp_path) -> None:
    open_store(location).close()
    log = tmp_path / "log"
    rng = random.Random(22)
    for attempt in range(KILLS):
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(location, str(log))
            finally:
                os._exit(0)
        before = len(_log(log)[1]) if log.exists() else 0
        started = time.monotonic()
        while time.monotonic() - started < 30 and (len(_log(log)[1]) if log.exists() else 0) == before:
            time.sleep(0.001)  # kill once the child has committed (start-up is slow on a loaded machine)...
        time.sleep(rng.uniform(0.0, 0.02))  # ...at a random moment of the transactions that follow
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        store = open_store(location)
        begun, committed = _log(log)
        tasks = {t["n"] for t in store["tasks"].all()}
        orders: dict[int, set[str]] = {}
        for order in store["orders"].all():
            orders.setdefault(order["n"], set()).add(order["id"])
        assert committed <= tasks, f"attempt {attempt}: committed writes lost"
        assert tasks <= begun, f"attempt {attempt}: records that were never written"
        assert all(orders.get(n) == {f"{n}-a", f"{n}-b"} for n in tasks), f"attempt {attempt}: half applied"
        assert set(orders) == tasks
        with log.open("a") as fh:  # a commit the kill hid from the log did happen
            fh.writelines(f"commit {n}\n" for n in sorted(tasks - committed))
        store.close()
    assert len(_log(log)[1]) >= KILLS  # not vacuous: every child committed before it was killed


def _add_tasks(where: str, who: int, count: int, start_at: float) -> None:
    store = open_store(where, user=f"p{who}")
    while time.time() < start_at:
        time.sleep(0.001)
    for i in range(count):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": f"p{who}-{i}", "who": who, "i": i})
    store.close()


def test_four_processes_writing_at_once_lose_nothing(location) -> None:
    open_store(location).close()
    ctx = multiprocessing.get_context("fork")
    start_at = time.time() + 0.5
    procs = [ctx.Process(target=_add_tasks, args=(location, w, 50, start_at)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
        assert p.exitcode == 0
    store = open_store(location)
    tasks = store["tasks"].all()
    assert {(t["who"], t["i"]) for t in tasks} == {(w, i) for w in range(4) for i in range(50)}
    assert sorted(int(t["id"]) for t in tasks) == list(range(1, 201))  # no id handed out twice
    assert store["activity"].count() == 200
    store.close()


def test_migrations_run_once_on_open(location, monkeypatch) -> None:
    store = open_store(location, user="ana")
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "a", "assignee": "ana"})
        tx["tasks"].insert({"title": "b", "assignee": "ben"})
    store.close()
    monkeypatch.setitem(schema.COLLECTIONS, "tasks", tasks_v2())
    store = open_store(location)
    tasks = store["tasks"].all()
    assert {t["owner"] for t in tasks} == {"ana", "ben"}
    assert all(t["_v"] == 2 and "assignee" not in t for t in tasks)
    assert store.meta["schemas"]["tasks"] == 2
    signature = store.partition_signature("tasks", "all")
    store.close()
    again = open_store(location)  # once migrated, opening changes nothing
    assert again.partition_signature("tasks", "all") == signature
    again.close()


def _add_one(where: str) -> None:
    store = open_store(where, user="ben")
    with store.transaction("from another process") as tx:
        tx["tasks"].insert({"title": "theirs"})
    store.close()


def test_another_process_change_is_noticed_within_a_second(location) -> None:
    store = open_store(location, user="ana")
    store.changes()  # baseline
    proc = multiprocessing.get_context("fork").Process(target=_add_one, args=(location,))
    proc.start()
    proc.join(60)
    assert proc.exitcode == 0
    committed = time.monotonic()
    seen: set[str] = set()
    while not seen and time.monotonic() - committed < 30:  # the app polls every second; a loaded machine is slower
        seen = store.changes()
        time.sleep(0.05)
    assert seen == {"tasks", "activity"}
    assert [t["title"] for t in store["tasks"].all()] == ["theirs"]
    store.close()
