"""Team tasks: an owner, a deadline and a status (todo -> doing -> blocked -> done)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.store import Store

# marked for translation where they are shown; the stored values stay English
STATUSES = (N_("todo"), N_("doing"), N_("blocked"), N_("done"))
ROLES = (N_("product"), N_("operations"), N_("back office"))
PRIORITIES = (N_("high"), N_("normal"), N_("low"))
LINKS = ("order", "sku", "promotion", "keyword")
EDITABLE = ("title", "description", "owner", "role", "due", "status", "priority", "links")


class TaskError(UserError):
    pass


def parse_due(text: str | None) -> str | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise TaskError(_("due date {text!r} is not a date like 2026-11-30").format(text=text)) from None


def clean_title(title: str) -> str:
    title = " ".join(str(title).split())
    if not title:
        raise TaskError(_("a task needs a title"))
    if len(title) > 200:
        raise TaskError(_("a task title is at most 200 characters"))
    return title


def check_choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise TaskError(_("{name} must be one of {join}")
                            .format(name=name, join=', '.join(a or 'none' for a in allowed)))
    return value


def new_task(title: str, owner: str = "", due: str | None = None, **fields: Any) -> dict:
    title = clean_title(title)
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
    check_choice("status", task["status"], STATUSES)
    check_choice("role", task["role"], ("", *ROLES))
    check_choice("priority", task["priority"], PRIORITIES)
    task["links"] = _clean_links(task["links"])
    if fields:
        raise TaskError(_("unknown task field(s): {fields}").format(fields=', '.join(sorted(fields))))
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
        raise TaskError(_("status must be one of {STATUSES}").format(STATUSES=', '.join(STATUSES)))
    with store.transaction(f"task {task_id} -> {status}") as tx:
        task = tx["tasks"].get(task_id)
        if task is None:
            raise TaskError(_("no task with id {task_id}").format(task_id=task_id))
        changes: dict[str, Any] = {"status": status}
        if status == "done":
            changes["done_at"] = clock.stamp()
        return tx["tasks"].update(task_id, changes, expect_rev=expect_rev)


def is_overdue(task: dict, today: date | None = None) -> bool:
    today = today or clock.today()
    return task.get("status") != "done" and bool(task.get("due")) and task["due"] < today.isoformat()


def _clean_links(links: dict | None) -> dict:
    links = {k: str(v).strip() for k, v in (links or {}).items() if v and str(v).strip()}
    unknown = set(links) - set(LINKS)
    if unknown:
        raise TaskError(_("a task links to {LINKS}, not {unknown}")
                            .format(LINKS=', '.join(LINKS), unknown=', '.join(sorted(unknown))))
    return links


def edit_task(store: Store, task_id: str, changes: dict, expect_rev: int | None) -> dict:
    """Save a form's changes; refuses (Conflict) if someone saved the task since ``expect_rev``."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TaskError(_("unknown task field(s): {unknown}").format(unknown=', '.join(sorted(unknown))))
    fields: dict[str, Any] = {}
    if "title" in changes:
        fields["title"] = clean_title(changes["title"])
    if "owner" in changes:
        fields["owner"] = str(changes["owner"] or "").strip()
    if "due" in changes:
        fields["due"] = parse_due(changes["due"])
    for name, allowed in (("status", STATUSES), ("role", ("", *ROLES)), ("priority", PRIORITIES)):
        if name in changes:
            fields[name] = check_choice(name, changes[name], allowed)
    if "description" in changes:
        fields["description"] = str(changes["description"]).strip()
    if "links" in changes:
        fields["links"] = _clean_links(changes["links"])
    if fields.get("status") == "done":
        fields["done_at"] = clock.stamp()
    with store.transaction(f"edited task {task_id}: {', '.join(sorted(fields))}") as tx:
        return tx["tasks"].update(task_id, fields, expect_rev=expect_rev)


def move_status(store: Store, task_id: str, step: int, expect_rev: int | None = None) -> dict:
    """One step along todo → doing → blocked → done (``step`` +1 or −1)."""
    task = store["tasks"].get(task_id)
    if task is None:
        raise TaskError(_("no task with id {task_id}").format(task_id=task_id))
    index = STATUSES.index(task.get("status", "todo")) + step
    if not 0 <= index < len(STATUSES):
        raise TaskError(_("task {task_id} is already {status}").format(task_id=task_id, status=task.get('status')))
    return set_status(store, task_id, STATUSES[index], expect_rev=expect_rev)


def assign(store: Store, task_id: str, owner: str, expect_rev: int | None = None) -> dict:
    owner = owner.strip()
    with store.transaction(f"task {task_id} assigned to {owner or 'nobody'}") as tx:
        return tx["tasks"].update(task_id, {"owner": owner}, expect_rev=expect_rev)


def add_comment(store: Store, task_id: str, text: str) -> dict:
    """Append to the task's thread. Not guarded by a revision: a comment adds, never undoes."""
    text = text.strip()
    if not text:
        raise TaskError(_("the comment is empty"))
    if len(text) > 5000:
        raise TaskError(_("a comment is at most 5000 characters"))
    with store.transaction(f"commented on task {task_id}") as tx:
        task = tx["tasks"].get(task_id)
        if task is None:
            raise TaskError(_("no task with id {task_id}").format(task_id=task_id))
        thread = list(task.get("comments") or []) + [{"at": clock.stamp(), "by": store.user, "text": text}]
        return tx["tasks"].update(task_id, {"comments": thread})


def team_members(store: Store, me: str) -> list[str]:
    """Everyone who owns, created or changed a task, and the current user, sorted."""
    names = {me}
    for task in store["tasks"].rows():
        names.update(n for n in (task.get("owner"), task.get("_by")) if n)
    return sorted(names)
