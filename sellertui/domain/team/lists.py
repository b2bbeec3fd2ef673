"""The task lists the Team tab shows, as frames: everyone's, mine, by owner, overdue (the board splits
everyone's by status).

Each row is a task with ``late`` (overdue), ``talk`` (comments in its thread)
and ``rank``, a text that sorts open before done, then by due day (undated
last), priority and id: the order ``sellertui task list`` prints. pandas is
imported inside the functions (they run in workers).
"""

from __future__ import annotations

from datetime import date

from sellertui import clock
from sellertui.domain.team.tasks import PRIORITIES, is_overdue, list_tasks

FIELDS = ["id", "title", "owner", "role", "due", "status", "priority", "description", "links", "comments", "_rev",
          "_by", "_at"]


def _rank(task: dict) -> str:
    priority = PRIORITIES.index(task.get("priority", "normal")) if task.get("priority") in PRIORITIES else 1
    return f"{int(task.get('status') == 'done')}|{task.get('due') or '9999'}|{priority}|{int(task['id']):06d}"


def task_frame(tasks: list[dict], today: date | None = None):
    """``tasks`` as a frame (``today`` decides what is late, and is kept for the due column's colour)."""
    import pandas as pd

    today = today or clock.today()
    frame = pd.DataFrame({f: [t.get(f) for t in tasks] for f in FIELDS})
    frame["late"] = [is_overdue(t, today) for t in tasks]
    frame["rank"] = [_rank(t) for t in tasks]
    frame["talk"] = [len(t.get("comments") or []) for t in tasks]
    frame["today"] = today.isoformat()
    return frame


def everyones_tasks(store):
    """Every task, done ones too."""
    return task_frame(list_tasks(store, include_done=True))


def my_tasks(store, user: str):
    """``user``'s open tasks (``sellertui task list --owner USER``)."""
    return task_frame(list_tasks(store, owner=user))


def tasks_by_owner(store):
    """Every task, with ``owner_rank``: by owner (nobody's last), then in ``rank`` order."""
    frame = everyones_tasks(store)
    frame["owner_rank"] = [f"{owner if isinstance(owner, str) and owner else '~'}|{rank}"
                           for owner, rank in zip(frame["owner"], frame["rank"])]
    return frame


def overdue_tasks(store):
    """The open tasks past their due day."""
    today = clock.today()
    return task_frame([t for t in list_tasks(store) if is_overdue(t, today)], today)
