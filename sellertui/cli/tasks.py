"""`sellertui task add|list|done`."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.domain.team import tasks
from sellertui.core.i18n import _, shown
from sellertui.core.cells import cell_len, pad


def register(sub, common) -> None:
    task = sub.add_parser("task", help=_("add, list and complete team tasks"), parents=[common])
    actions = task.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("add a task"), parents=[common])
    add.add_argument("title", nargs="+", help=_("what needs doing"))
    add.add_argument("--owner", default="", help=_("who does it (default: nobody yet)"))
    add.add_argument("--due", metavar="YYYY-MM-DD", help=_("deadline"))
    add.add_argument("--json", action="store_true", help=_("print the new task as JSON"))
    add.set_defaults(handler=cmd_add)

    ls = actions.add_parser("list", help=_("list open tasks"), parents=[common])
    ls.add_argument("--all", action="store_true", help=_("include done tasks"))
    ls.add_argument("--owner", help=_("only this owner's tasks"))
    ls.add_argument("--json", action="store_true", help=_("print JSON"))
    ls.set_defaults(handler=cmd_list)

    done = actions.add_parser("done", help=_("mark a task done"), parents=[common])
    done.add_argument("id", help=_("task id (see `task list`)"))
    done.set_defaults(handler=cmd_done)


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    task = tasks.add_task(ctx.store(), " ".join(args.title), owner=args.owner, due=args.due)
    if args.json:
        print_json(public(task))
    else:
        print(_('added task {id}: {title}').format(id=task['id'], title=task['title']))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    found = tasks.list_tasks(ctx.store(), include_done=args.all, owner=args.owner)
    if args.json:
        print_json([public(t) for t in found])
        return 0
    if not found:
        print(_("no open tasks") if not args.all else _("no tasks"))
        return 0
    width = max(len(t["id"]) for t in found)
    late_word = _("LATE")
    for t in found:
        due = t.get("due") or "—"
        late = pad(late_word if tasks.is_overdue(t) else "", cell_len(late_word))
        owner = t.get("owner") or _("unassigned")
        # the status is the stored word (scripts read it); names and titles may be 中文: padded by cells
        print(f"{t['id']:>{width}}  {pad(shown(t['status']), 7)} {due:<10} {late}  {pad(owner, 12)} {t['title']}")
    return 0


def cmd_done(args: argparse.Namespace) -> int:
    ctx = context(args)
    task = tasks.set_status(ctx.store(), args.id, "done")
    print(_('task {id} done: {title}').format(id=task['id'], title=task['title']))
    return 0


def public(record: dict) -> dict:
    """A record without the store's bookkeeping fields, for JSON output."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
