"""A worker is described by its method's name, never by its arguments: those are data (typed credentials, a
task's edits, 100k order lines), and Textual's log and worker list show a worker's description."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App

import sellertui.ui
from sellertui.ui.kit.workers import work

SECRET = "amzn1.oa2-cs.v1.NOT-TO-BE-SHOWN"


class Connecting(App):
    @work(thread=True, exit_on_error=False)
    def connect(self, values: dict) -> None:
        pass

    @work
    async def bare(self, values: dict) -> None:
        pass

    @work(thread=True, description="connect to Amazon")
    def described(self, values: dict) -> None:
        pass


async def test_a_workers_description_never_holds_its_arguments() -> None:
    app = Connecting()
    async with app.run_test():
        workers = [app.connect({"client_secret": SECRET}), app.bare({"refresh_token": SECRET}),
                   app.described({"client_secret": SECRET})]
        for worker in workers:
            await worker.wait()
        assert [w.description for w in workers] == ["connect", "bare", "connect to Amazon"]
        assert not any(SECRET in repr(w) for w in workers)


def test_every_worker_of_the_app_uses_the_kits_work() -> None:
    root = Path(sellertui.ui.__file__).parent
    direct = []
    for path in root.rglob("*.py"):
        if path.name == "workers.py" and path.parent.name == "kit":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual" and \
                    any(alias.name == "work" for alias in node.names):
                direct.append(str(path.relative_to(root)))
    assert direct == []  # Textual's own work names a worker by the repr of what it was given
