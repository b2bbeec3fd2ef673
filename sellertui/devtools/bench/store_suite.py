"""Issue 2: a durable single-record update stays cheap whatever the store's size."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson

from sellertui.devtools.bench import Result
from sellertui.devtools.bench.timing import interleaved, median_time
from sellertui.domain.team.tasks import add_task
from sellertui.store import COLLECTIONS, open_store


def tinydb_file_of(store_dir: Path, target: Path) -> Path:
    """The same records as one TinyDB file with the default JSONStorage layout."""
    if target.exists():
        return target
    store = open_store(store_dir)
    tables = {}
    for name in COLLECTIONS:
        tables[name] = {str(i): doc for i, doc in enumerate(store[name].rows(), start=1)}
    target.write_bytes(orjson.dumps(tables))
    return target


def run(large: Path, work: Path) -> list[Result]:
    live = work / "large"
    shutil.rmtree(live, ignore_errors=True)
    shutil.copytree(large, live)
    big = open_store(live, user="bench")
    empty = open_store(work / "empty", user="bench")
    counter = iter(range(10**6))

    def ours(store):
        return lambda: add_task(store, f"bench task {next(counter)}", owner="bench", due="2026-12-01")

    times = interleaved({"large": ours(big), "empty": ours(empty)}, repeat=30, warmup=2)

    from tinydb import TinyDB

    plain = tinydb_file_of(live, work.parent / "tinydb-large.json")
    db = TinyDB(plain)  # default JSONStorage, as TinyDB's docs set it up
    tasks = db.table("tasks")
    baseline = median_time(lambda: tasks.insert({"title": "bench task", "owner": "bench", "due": "2026-12-01"}),
                           repeat=3, warmup=0)
    db.close()
    records = sum(big.summary().values())
    return [
        Result("store: task add on the large store vs plain TinyDB JSONStorage", times["large"], baseline, "s",
               "≥ 20× faster", ratio=baseline / times["large"], ok=baseline / times["large"] >= 20,
               note=f"{records:,} records; ours fsyncs, TinyDB's does not"),
        Result("store: task add on the large store vs an empty store", times["large"], times["empty"], "s",
               "≤ 1.5× slower", ratio=times["large"] / times["empty"], ok=times["large"] / times["empty"] <= 1.5),
    ]
