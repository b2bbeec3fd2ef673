"""Task rules: editing, status steps, assignment, comments, conflicts."""

from __future__ import annotations

import pytest

from sellertui.domain.team import tasks
from sellertui.domain.team.tasks import TaskError
from sellertui.store import Conflict


def test_edit_checks_every_field(store) -> None:
    task = tasks.add_task(store, "Read the business report")
    with pytest.raises(TaskError, match="status must be one of"):
        tasks.edit_task(store, task["id"], {"status": "paused"}, expect_rev=task["_rev"])
    with pytest.raises(TaskError, match="not a date"):
        tasks.edit_task(store, task["id"], {"due": "soon"}, expect_rev=task["_rev"])
    with pytest.raises(TaskError, match="links to order, sku"):
        tasks.edit_task(store, task["id"], {"links": {"invoice": "7"}}, expect_rev=task["_rev"])
    saved = tasks.edit_task(store, task["id"], {"title": "  Read   it ", "links": {"sku": " A1 ", "order": ""}},
                            expect_rev=task["_rev"])
    assert saved["title"] == "Read it" and saved["links"] == {"sku": "A1"}


def test_an_edit_based_on_an_old_revision_is_a_conflict(store) -> None:
    task = tasks.add_task(store, "x")
    tasks.set_status(store, task["id"], "doing")
    with pytest.raises(Conflict):
        tasks.edit_task(store, task["id"], {"title": "y"}, expect_rev=task["_rev"])


def test_status_steps_stop_at_the_ends(store) -> None:
    task = tasks.add_task(store, "x")
    with pytest.raises(TaskError, match="already todo"):
        tasks.move_status(store, task["id"], -1)
    for expected in ("doing", "blocked", "done"):
        assert tasks.move_status(store, task["id"], 1)["status"] == expected
    assert store["tasks"].get(task["id"]).get("done_at")
    with pytest.raises(TaskError, match="already done"):
        tasks.move_status(store, task["id"], 1)


def test_comments_append_and_members_are_known(store) -> None:
    task = tasks.add_task(store, "x", owner="chen")
    tasks.add_comment(store, task["id"], "first")
    tasks.add_comment(store, task["id"], "second")
    assert [c["text"] for c in store["tasks"].get(task["id"])["comments"]] == ["first", "second"]
    with pytest.raises(TaskError, match="empty"):
        tasks.add_comment(store, task["id"], "  ")
    tasks.assign(store, task["id"], "ben")
    assert tasks.team_members(store, "ana") == ["ana", "ben"]  # ben owns it; ana saved it; chen no longer
