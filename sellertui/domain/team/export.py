"""`sellertui export tasks`."""

from __future__ import annotations

from sellertui.domain.exports import exporter
from sellertui.domain.team.tasks import list_tasks

TASK_COLUMNS = ["id", "title", "owner", "role", "status", "priority", "due", "created_at"]


@exporter("tasks")
def export_tasks(shop, args) -> tuple[list[str], list[list]]:
    store = shop.store
    tasks = list_tasks(store, include_done=True)
    if args.status:
        tasks = [t for t in tasks if t.get("status") == args.status]
    if args.since:
        tasks = [t for t in tasks if (t.get("created_at") or "")[:10] >= args.since]
    return TASK_COLUMNS, [[t.get(c) for c in TASK_COLUMNS] for t in tasks]
