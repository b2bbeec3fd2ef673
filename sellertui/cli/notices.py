"""`sellertui notices [list|add TEXT|ack ID]`: the team's notices, as Today and the Team tab show them.

``list`` shows the live notices, each with whether you have read it; the
author of a notice also sees who has read it and who has not yet (the same
``domain.team.notices`` functions as the app). ``add`` posts one for
everyone; ``ack`` marks one read by you.
"""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.cells import pad
from sellertui.core.errors import UserError
from sellertui.core.i18n import _


def register(sub, common) -> None:
    cmd = sub.add_parser("notices", parents=[common], help=_("team notices: list them, post one, mark one read"),
                         description=_("Team notices: shown on each member's Today until they read it. `list` (the "
                                       "default) shows the live ones; their author sees who has read each."))
    cmd.add_argument("action", nargs="?", default="list", choices=("list", "add", "ack"),
                     help=_("list (default), add TEXT, or ack ID"))
    cmd.add_argument("value", nargs="*", metavar="TEXT|ID", help=_("add: the notice's title; ack: the notice's id"))
    cmd.add_argument("--body", default="", help=_("add: the notice's longer text"))
    cmd.add_argument("--all", action="store_true", help=_("list: withdrawn notices too"))
    cmd.add_argument("--json", action="store_true", help=_("print JSON"))
    cmd.set_defaults(handler=cmd_notices)


def notice_json(notice: dict, user: str, members: list[str]) -> dict:
    """A notice as ``--json`` prints it; who has read it only for its author (as the Team tab shows it)."""
    from sellertui.domain.team import notices

    out = {"id": notice["id"], "title": notice.get("title") or "", "body": notice.get("body") or "",
           "author": notice.get("author") or "", "posted_at": notice.get("posted_at") or "",
           "withdrawn_at": notice.get("withdrawn_at"), "read": user in (notice.get("read_by") or {})}
    if notice.get("author") == user:
        read, waiting = notices.readers(notice, members)
        out["read_by"] = [{"user": who, "at": at} for who, at in read]
        out["not_read_by"] = waiting
    return out


def cmd_notices(args: argparse.Namespace) -> int:
    from sellertui.domain.team import notices

    ctx = context(args)
    store, user = ctx.store(), ctx.user
    text = " ".join(args.value).strip()
    if args.action == "add":
        if not text:
            raise UserError(_("notices add TEXT: say what the notice is"))
        notice = notices.post(store, user, text, args.body)
        if args.json:
            print_json(notice_json(notice, user, notices.team(store)))
        else:
            print(_("posted notice {id}: {title} (on everyone's Today until they read it)").format(
                id=notice["id"], title=notice["title"]))
        return 0
    if args.action == "ack":
        if not text:
            raise UserError(_("notices ack ID: which notice (`sellertui notices` lists their ids)"))
        notice = notices.acknowledge(store, text, user)
        if args.json:
            print_json(notice_json(notice, user, notices.team(store)))
        else:
            print(_("read: {title}").format(title=notice["title"]))
        return 0
    if text:
        raise UserError(_("notices list takes no text (did you mean `notices add TEXT`?)"))
    members = notices.team(store)
    shown = [n for n in notices.notices(store) if args.all or not n.get("withdrawn_at")]
    if args.json:
        print_json([notice_json(n, user, members) for n in shown])
        return 0
    if not shown:
        print(_("no notices: sellertui notices add TEXT"))
        return 0
    for n in shown:
        data = notice_json(n, user, members)
        mark = _("withdrawn") if n.get("withdrawn_at") else _("read") if data["read"] else _("UNREAD")
        print(f"{n['id']:>4}  {pad(mark, 9)} {str(n.get('posted_at') or '')[:16]}  {data['author']}: {data['title']}")
        if data["body"]:
            print(f"      {data['body']}")
        if "read_by" in data:
            read = ", ".join(r["user"] for r in data["read_by"]) or _("nobody")
            print(_("      read by {read}; not yet: {waiting}").format(
                read=read, waiting=", ".join(data["not_read_by"]) or _("nobody")))
    return 0
