"""Issue 22's acceptance, end to end on a fresh PostgreSQL database: the demo, five writers, a live app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from sellertui.context import Context
from sellertui.ui.app import SellerApp
from sellertui.ui.shell.header import ShopHeader
from tests.ui.conftest import settle, write_config

pytestmark = pytest.mark.xdist_group("fsync-heavy")  # five processes at once: not beside the other heavy tests

ADD_TWENTY = """
import sys, time
from sellertui.cli import main
who, url, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
while time.time() < start_at:
    time.sleep(0.005)
for i in range(20):
    assert main(["task", "add", f"{who}-{i}", "--store", url]) == 0
"""


def sellertui(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sellertui", *argv], capture_output=True, text=True, timeout=300,
                          env=os.environ)


def test_the_demo_on_a_fresh_database_and_five_writers_lose_nothing(pg_url) -> None:
    built = sellertui("demo", "--store", pg_url)
    assert built.returncode == 0, built.stderr
    assert f"created in {pg_url}" in built.stdout
    start_at = str(time.time() + 3)  # every writer started (imports done) before the first write
    writers = [subprocess.Popen([sys.executable, "-c", ADD_TWENTY, f"w{n}", pg_url, start_at], env=os.environ,
                                stderr=subprocess.PIPE, text=True) for n in range(5)]
    for writer in writers:
        assert writer.wait(300) == 0, writer.stderr.read()
    listed = sellertui("task", "list", "--json", "--store", pg_url)
    assert listed.returncode == 0, listed.stderr
    titles = [t["title"] for t in json.loads(listed.stdout)]
    added = [t for t in titles if t[:1] == "w" and t[1:2].isdigit()]
    assert sorted(added) == sorted(f"w{n}-{i}" for n in range(5) for i in range(20))  # all 100, none twice
    ids = [t["id"] for t in json.loads(listed.stdout)]
    assert len(ids) == len(set(ids))


TEAMMATE = """
import sys
from sellertui.store import open_store
store = open_store(sys.argv[1], user="ben")
with store.transaction("added task") as tx:
    tx["tasks"].insert({"title": "from ben", "status": "todo"})
store.close()
"""


async def test_a_running_app_shows_another_process_change(pg_url) -> None:
    assert sellertui("demo", "--store", pg_url).returncode == 0
    write_config('user = "ana"\n')
    app = SellerApp(Context.create(store=pg_url), watch_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        header = app.query_one(ShopHeader)
        assert header.outside_change == "" and not header.unreachable
        teammate = subprocess.run([sys.executable, "-c", TEAMMATE, pg_url], env=os.environ, timeout=120)
        assert teammate.returncode == 0
        for _ in range(300):  # the poller asks every second; 30 s for a loaded machine (latency: the bench)
            await pilot.pause(0.1)
            if header.outside_change:
                break
        assert header.outside_change == "ben changed tasks at 09:00"


async def test_the_header_says_when_the_database_is_unreachable_and_recovers(pg_url, monkeypatch) -> None:
    write_config('user = "ana"\n')
    app = SellerApp(Context.create(store=pg_url), watch_signals=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        header = app.query_one(ShopHeader)
        listener = app.shop.store._listener
        real = listener.changes
        from sellertui.store.errors import StoreUnreachable

        def down() -> set[str]:
            raise StoreUnreachable("the database cannot be reached (server closed the connection)")

        monkeypatch.setattr(listener, "changes", down)
        for _ in range(300):
            await pilot.pause(0.1)
            if header.unreachable:
                break
        assert header.unreachable and "database unreachable" in header.render().plain
        monkeypatch.setattr(listener, "changes", real)
        for _ in range(300):
            await pilot.pause(0.1)
            if not header.unreachable:
                break
        assert not header.unreachable
