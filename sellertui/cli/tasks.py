"""`sellertui task add|list|done`."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.domain.team import tasks


def register(sub, common) -> None:
    task = sub.add_parser("task", help="add, list and complete team tasks", parents=[common])
    actions = task.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a task", parents=[common])
    add.add_argument("title", nargs="+", help="what needs doing")
    add.add_argument("--owner", default="", help="who does it (default: nobody yet)")
    add.add_argument("--due", metavar="YYYY-MM-DD", help="deadline")
    add.add_argument("--json", action="store_true", help="print the new task as JSON")
    add.set_defaults(handler=cmd_add)

    ls = actions.add_parser("list", help="list open tasks", parents=[common])
    ls.add_argument("--all", action="store_true", help="include done tasks")
    ls.add_argument("--owner", help="only this owner's tasks")
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(handler=cmd_list)

    done = actions.add_parser("done", help="mark a task done", parents=[common])
    done.add_argument("id", help="task id (see `task list`)")
    done.set_defaults(handler=cmd_done)


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    task = tasks.add_task(ctx.store(), " ".join(args.title), owner=args.owner, due=args.due)
    if args.json:
        print_json(public(task))
    else:
        print(f"added task {task['id']}: {task['title']}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    found = tasks.list_tasks(ctx.store(), include_done=args.all, owner=args.owner)
    if args.json:
        print_json([public(t) for t in found])
        return 0
    if not found:
        print("no open tasks" if not args.all else "no tasks")
        return 0
    width = max(len(t["id"]) for t in found)
    for t in found:
        due = t.get("due") or "—"
        late = " LATE" if tasks.is_overdue(t) else ""
        owner = t.get("owner") or "unassigned"
        print(f"{t['id']:>{width}}  {t['status']:<7} {due:<10}{late:<5}  {owner:<12} {t['title']}")
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    ctx = context(args)
    task = tasks.set_status(ctx.store(), args.id, "done")
    print(f"task {task['id']} done: {task['title']}")
    return 0


def public(record: dict) -> dict:
    """A record without the store's bookkeeping fields, for JSON output."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
