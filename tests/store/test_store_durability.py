"""Nothing is lost: kill -9 at random points, and several processes writing at once.

Each writer commits transactions that touch three files at once (a task, two
order partitions in different months, plus the activity log), logging "begin
n" before and "commit n" after with unbuffered writes. After every kill the
store must open and hold every committed n, possibly the one in flight, and
nothing else, with all of a transaction's records present or none of them.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from sellertui.store import commit, open_store

KILLS = 200
# timing-sensitive: never beside the other fsync-heavy tests (make test runs with --dist loadgroup)
pytestmark = pytest.mark.xdist_group("fsync-heavy")


def _writer(data_dir: Path, log: Path) -> None:
    """Runs in a forked child until killed."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    store = open_store(data_dir, user="writer")
    n = max((t["n"] for t in store["tasks"].all()), default=0)
    while True:
        n += 1
        os.write(fd, f"begin {n}\n".encode())
        with store.transaction(f"write {n}") as tx:
            tx["tasks"].insert({"title": f"task {n}", "n": n})
            tx["orders"].upsert_many(
                [
                    {"id": f"{n}-a", "purchase_date": f"2026-{1 + n % 6:02d}-03", "n": n},
                    {"id": f"{n}-b", "purchase_date": f"2026-{7 + n % 6:02d}-03", "n": n},
                ]
            )
        os.write(fd, f"commit {n}\n".encode())


def _kill_window(data_dir: Path) -> float:
    """How long after the fork to kill: 30 ms, or longer where forking and fsyncs are slow right now.

    The writers must commit now and then for the test to mean anything. In a
    big test process on a loaded machine, forking (copying a large page table)
    and one durable transaction can take 100 ms, and a fixed 30 ms window
    killed nearly every child before its first commit. So: time whole cycles,
    fork to first commit, as the test's children will run them.
    """
    open_store(data_dir).close()
    cycles = []
    for n in range(3):
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: what _writer does before its first commit
            try:
                store = open_store(data_dir, user="timing")
                with store.transaction("timing") as tx:
                    tx["tasks"].insert({"title": "t", "n": n})
                    tx["orders"].upsert_many([{"id": f"{n}-a", "purchase_date": "2026-01-03", "n": n},
                                              {"id": f"{n}-b", "purchase_date": "2026-07-03", "n": n}])
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        cycles.append(time.perf_counter() - started)
    return min(0.3, max(0.03, 2 * sorted(cycles)[1]))


def _read_log(log: Path) -> tuple[set[int], set[int]]:
    begun, committed = set(), set()
    for line in log.read_text().splitlines():
        kind, _, n = line.partition(" ")
        if n.isdigit():
            (committed if kind == "commit" else begun).add(int(n))
    return begun, committed


def test_kill_9_at_random_points_never_loses_or_half_writes(tmp_path: Path) -> None:
    data_dir = tmp_path / "shop"
    open_store(data_dir).close()
    log = tmp_path / "log"
    rng = random.Random(1234)
    killed_mid_write = 0
    window = _kill_window(tmp_path / "timing")
    for attempt in range(KILLS):
        pid = os.fork()
        if pid == 0:  # child
            try:
                _writer(data_dir, log)
            finally:
                os._exit(0)
        # Kill once the child is writing (not while it starts up, which is slow on a
        # loaded machine), at a random moment of its transactions.
        started = time.monotonic()
        size = log.stat().st_size if log.exists() else 0
        while time.monotonic() - started < 5 and (log.stat().st_size if log.exists() else 0) == size:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, window))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

        store = open_store(data_dir)  # must open, recovering a half-done commit if any
        begun, committed = _read_log(log)
        tasks = {t["n"] for t in store["tasks"].all()}
        orders = {}
        for order in store["orders"].all():
            orders.setdefault(order["n"], set()).add(order["id"])
        in_flight = begun - committed
        assert committed <= tasks, f"attempt {attempt}: committed writes lost: {sorted(committed - tasks)[:5]}"
        assert tasks <= committed | in_flight, f"attempt {attempt}: records that were never written"
        killed_mid_write += bool(in_flight)
        for n in tasks:
            assert orders.get(n) == {f"{n}-a", f"{n}-b"}, f"attempt {attempt}: transaction {n} half applied"
        assert set(orders) == tasks, f"attempt {attempt}: orders without their task"
        assert not store.layout.intent.exists()
        # the committed-but-unlogged write is now committed: record it as such
        with log.open("a") as fh:
            for n in sorted(tasks & in_flight):
                fh.write(f"commit {n}\n")
        store.close()
    # not vacuous: most kills landed inside a transaction, and writers made progress
    assert killed_mid_write > KILLS // 2
    assert len(_read_log(log)[1]) > KILLS // 10


def _concurrent_writer(data_dir: str, who: int, count: int, start_at: float) -> None:
    store = open_store(Path(data_dir), user=f"p{who}")
    while time.time() < start_at:
        time.sleep(0.001)
    for i in range(count):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": f"p{who}-{i}", "who": who, "i": i})


def test_four_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    import multiprocessing

    data_dir = tmp_path / "shop"
    open_store(data_dir).close()
    ctx = multiprocessing.get_context("fork")
    start_at = time.time() + 0.3
    procs = [ctx.Process(target=_concurrent_writer, args=(str(data_dir), w, 100, start_at)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    tasks = open_store(data_dir)["tasks"].all()
    assert len(tasks) == 400
    assert {(t["who"], t["i"]) for t in tasks} == {(w, i) for w in range(4) for i in range(100)}
    assert sorted(int(t["id"]) for t in tasks) == list(range(1, 401))  # no id handed out twice


@pytest.mark.parametrize("stage", ["before-intent", "after-intent", "after-some-renames"])
def test_a_crash_inside_a_multi_file_commit_is_all_or_nothing(tmp_path: Path, stage: str, monkeypatch) -> None:
    """Simulate the process dying at each step of the commit protocol."""
    data_dir = tmp_path / "shop"
    store = open_store(data_dir)
    with store.transaction() as tx:
        tx["tasks"].insert({"title": "before"})
    real_replace = os.replace
    calls = {"n": 0}

    class Died(BaseException):
        pass

    def dying_replace(src, dst):
        calls["n"] += 1
        if stage == "after-some-renames" and calls["n"] == 2:
            raise Died()
        return real_replace(src, dst)

    if stage == "before-intent":
        monkeypatch.setattr(commit, "write_intent", lambda *args: (_ for _ in ()).throw(Died()))
    elif stage == "after-intent":
        original = commit.write_intent

        def write_then_die(*args):
            original(*args)
            raise Died()

        monkeypatch.setattr(commit, "write_intent", write_then_die)
    else:
        monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(Died):
        with store.transaction() as tx:
            tx["tasks"].insert({"title": "during"})
            tx["orders"].upsert_many([{"id": "x", "purchase_date": "2026-01-01"}])
    monkeypatch.undo()
    if stage != "before-intent":
        # a process that died here leaves the commit record; cleanup must not run in-process
        assert store.layout.intent.exists()
    reopened = open_store(data_dir)
    titles = sorted(t["title"] for t in reopened["tasks"].all())
    orders = reopened["orders"].count()
    if stage == "before-intent":
        assert (titles, orders) == (["before"], 0)
    else:  # committed: rolled forward
        assert (titles, orders) == (["before", "during"], 1)
    with reopened.transaction() as tx:  # the next writer sweeps the dead process's temp files
        tx["tasks"].insert({"title": "after"})
    assert not reopened.layout.temp_files()
