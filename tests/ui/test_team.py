"""The Team tab: tasks from the keyboard, the board, activity, and a teammate's concurrent edit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sellertui.store import open_store
from sellertui.ui.kit.forms import FormScreen
from sellertui.ui.tabs.team.board import BoardColumn
from sellertui.ui.tabs.team.forms import ConflictScreen
from tests.ui.conftest import settle
from tests.ui.test_orders import fill, form_errors, submit


async def open_team(pilot, app, key: str):
    await pilot.press("7")
    await settle(pilot, app)
    await pilot.press(key)
    await settle(pilot, app)
    return app.query_one("#area-team").current


async def test_new_task_checks_input_then_appears_in_mine(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "m")
        before = len(view.table.order)
        await pilot.press("n")
        await settle(pilot, app)
        fill(app, title="   ", due="next week")
        await submit(pilot, app)
        errors = form_errors(app)
        assert "needs a title" in errors["title"] and "a date like" in errors["due"]
        fill(app, title="Check [red]competitor[/] prices", due="+2", link_sku="MM-BCB-LARGE", role="operations")
        await submit(pilot, app)
        assert not isinstance(app.screen, FormScreen)
        assert len(view.table.order) == before + 1
    task = max(open_store(demo_copy)["tasks"].all(), key=lambda t: int(t["id"]))
    assert task["title"] == "Check [red]competitor[/] prices" and task["owner"] == "ana"
    assert task["due"] == "2026-11-24" and task["links"] == {"sku": "MM-BCB-LARGE"}


async def test_edit_assign_comment_and_move(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "m")
        task_id = view.table.value("id")
        await pilot.press("e")
        await settle(pilot, app)
        fill(app, priority="high", description="Ask Ben for the numbers")
        await submit(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        await submit(pilot, app)
        assert form_errors(app)["text"] == "required"
        fill(app, text="Prices are in the shared sheet.")
        await submit(pilot, app)
        await pilot.press("greater_than_sign")
        await settle(pilot, app)
        await pilot.press("a")
        await settle(pilot, app)
        fill(app, owner="ben")
        await submit(pilot, app)
        assert task_id not in set(view.table.frame["id"])  # not mine any more
    task = open_store(demo_copy)["tasks"].get(task_id)
    assert (task["priority"], task["status"], task["owner"]) == ("high", "doing", "ben")
    assert task["comments"][-1]["text"] == "Prices are in the shared sheet." and task["comments"][-1]["by"] == "ana"


async def test_the_board_moves_tasks_between_columns(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        board = await open_team(pilot, app, "b")
        todo = app.query_one("#column-todo", BoardColumn)
        assert app.focused is todo
        task_id = todo.value("id")
        await pilot.press("greater_than_sign")
        await settle(pilot, app)
        doing = app.query_one("#column-doing", BoardColumn)
        assert task_id in set(doing.frame["id"]) and task_id not in set(todo.frame["id"])
        await pilot.press("right")
        assert app.focused is doing
        await pilot.press("less_than_sign")  # the current task in "doing"
        await settle(pilot, app)
        assert board.loaded


async def test_overdue_and_activity_views(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        overdue = await open_team(pilot, app, "u")
        assert len(overdue.table.order) >= 3 and overdue.table.frame["late"].all()
        activity = await open_team(pilot, app, "v")
        assert "loaded the small demo shop" in set(activity.table.frame["note"])


async def test_a_teammates_change_arrives_and_a_conflict_is_reported(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "w")
        task_id = view.table.value("id")
        # another process (the CLI, as a teammate would) adds a task: it shows within ~2 s
        env_dir = ["--data-dir", str(demo_copy)]
        subprocess.run([sys.executable, "-m", "sellertui", "task", "add", "From the CLI", *env_dir], check=True)
        for _ in range(300):  # up to 30 s: the poller looks every second, slower on a loaded machine
            await pilot.pause(0.1)
            if "From the CLI" in set(view.table.frame["title"]):
                break
        assert "From the CLI" in set(view.table.frame["title"])
        # ana opens the task to edit; meanwhile a teammate marks it done
        await pilot.press("slash", *f"{view.table.value('title', view.table.current_position)[:8]}")
        await pilot.press("escape")
        await settle(pilot, app)
        task_id = view.table.value("id")
        await pilot.press("e")
        await settle(pilot, app)
        subprocess.run([sys.executable, "-m", "sellertui", "task", "done", task_id, *env_dir], check=True)
        fill(app, title="Renamed while a teammate finished it")
        await submit(pilot, app)
        assert isinstance(app.screen, ConflictScreen)
        assert "changed by" in app.screen.message
        await pilot.press("k")  # keep theirs
        await settle(pilot, app)
    task = open_store(demo_copy)["tasks"].get(task_id)
    assert task["status"] == "done" and task["title"] != "Renamed while a teammate finished it"


async def test_overwriting_after_a_conflict_is_an_explicit_choice(make_app, demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "w")
        task_id = view.table.value("id")
        await pilot.press("e")
        await settle(pilot, app)
        other = open_store(demo_copy, user="ben")
        with other.transaction("ben edits") as tx:
            tx["tasks"].update(task_id, {"priority": "low"})
        fill(app, title="Mine wins")
        await submit(pilot, app)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("o")
        await settle(pilot, app)
    assert open_store(demo_copy)["tasks"].get(task_id)["title"] == "Mine wins"


async def test_a_status_move_on_a_stale_task_is_refused_and_the_list_shows_their_version(make_app,
                                                                                      demo_copy: Path) -> None:
    app = make_app(demo_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        view = await open_team(pilot, app, "w")
        app._poll = lambda: None  # no outside-change refresh: only the refused save may refresh the list
        task_id = view.table.value("id")
        status = view.table.value("status")
        other = open_store(demo_copy, user="ben")
        with other.transaction("ben edits") as tx:
            tx["tasks"].update(task_id, {"priority": "low"})
        other.close()
        await pilot.press("greater_than_sign")
        await settle(pilot, app)
        await settle(pilot, app)
        assert any("changed by ben" in n.message and n.title == "Not saved" for n in app._notifications)
        view.select_row("id", task_id)
        assert view.table.value("priority") == "low" and view.table.value("status") == status
    assert open_store(demo_copy)["tasks"].get(task_id)["status"] == status
