"""Team tasks: an owner, a deadline and a status (todo -> doing -> blocked -> done)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sellertui import clock
from sellertui.store import Store

STATUSES = ("todo", "doing", "blocked", "done")
ROLES = ("product", "operations", "back office")
PRIORITIES = ("high", "normal", "low")


from sellertui.domain.errors import UserError


class TaskError(UserError):
    pass


def parse_due(text: str | None) -> str | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise TaskError(f"due date {text!r} is not a date like 2026-11-30") from None


def new_task(title: str, owner: str = "", due: str | None = None, **fields: Any) -> dict:
    title = " ".join(title.split())
    if not title:
        raise TaskError("a task needs a title")
    if len(title) > 200:
        raise TaskError("a task title is at most 200 characters")
    task = {
        "title": title,
        "description": fields.pop("description", ""),
        "owner": owner.strip(),
        "due": parse_due(due),
        "status": fields.pop("status", "todo"),
        "role": fields.pop("role", ""),
        "priority": fields.pop("priority", "normal"),
        "links": fields.pop("links", {}),
        "comments": fields.pop("comments", []),
        "created_at": fields.pop("created_at", None) or clock.stamp(),
    }
    if task["status"] not in STATUSES:
        raise TaskError(f"status must be one of {', '.join(STATUSES)}")
    if task["role"] and task["role"] not in ROLES:
        raise TaskError(f"role must be one of {', '.join(ROLES)}")
    if task["priority"] not in PRIORITIES:
        raise TaskError(f"priority must be one of {', '.join(PRIORITIES)}")
    if fields:
        raise TaskError(f"unknown task field(s): {', '.join(sorted(fields))}")
    return task


def add_task(store: Store, title: str, owner: str = "", due: str | None = None, **fields: Any) -> dict:
    task = new_task(title, owner, due, **fields)
    with store.transaction(f"added task: {task['title']}") as tx:
        return tx["tasks"].insert(task)


def sort_key(task: dict) -> tuple:
    """Open before done, then by due date (undated last), then priority, then id."""
    return (
        task.get("status") == "done",
        task.get("due") or "9999-12-31",
        PRIORITIES.index(task.get("priority", "normal")) if task.get("priority") in PRIORITIES else 1,
        int(task["id"]) if str(task["id"]).isdigit() else 0,
    )


def list_tasks(store: Store, include_done: bool = False, owner: str | None = None) -> list[dict]:
    tasks = store["tasks"].all()
    if not include_done:
        tasks = [t for t in tasks if t.get("status") != "done"]
    if owner:
        tasks = [t for t in tasks if t.get("owner") == owner]
    return sorted(tasks, key=sort_key)


def set_status(store: Store, task_id: str, status: str, expect_rev: int | None = None) -> dict:
    if status not in STATUSES:
        raise TaskError(f"status must be one of {', '.join(STATUSES)}")
    with store.transaction(f"task {task_id} -> {status}") as tx:
        task = tx["tasks"].get(task_id)
        if task is None:
            raise TaskError(f"no task with id {task_id}")
        changes: dict[str, Any] = {"status": status}
        if status == "done":
            changes["done_at"] = clock.stamp()
        return tx["tasks"].update(task_id, changes, expect_rev=expect_rev)


def is_overdue(task: dict, today: date | None = None) -> bool:
    today = today or clock.today()
    return task.get("status") != "done" and bool(task.get("due")) and task["due"] < today.isoformat()
