"""`sellertui today [--json] [--user NAME]`: the Today checklist, for a login message or a cron mail."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _


def register(sub, common) -> None:
    today = sub.add_parser("today", help=_("print today's checklist"), parents=[common])
    today.add_argument("--user", help=_("whose checklist (default: you)"))
    today.add_argument("--this-shop", action="store_true",
                       help=_("only the open shop (default: every shop config.toml lists, each item labelled)"))
    today.add_argument("--json", action="store_true")
    today.set_defaults(handler=cmd_today)


def cmd_today(args: argparse.Namespace) -> int:
    from sellertui.domain.today.sections import checklist, progress

    ctx = context(args)
    user = args.user or ctx.user
    others = [] if args.this_shop else ctx.other_shops()
    if others:
        from sellertui.domain.today.across import across

        sections = across(ctx.shop(), others, user)
    else:
        sections = checklist(ctx.shop(), user)
    done, total = progress(sections)
    if args.json:
        print_json({"user": user, "done": done, "total": total,
                    "sections": [{"name": s.name, "area": s.area, "total": s.total or len(s.items),
                                  "items": [i.as_dict() for i in s.items if not i.snoozed]} for s in sections]})
        return 0
    print(_('Today for {user}: {done} of {total} done').format(user=user, done=done, total=total))
    for section in sections:
        listed = [i for i in section.items if not i.snoozed]
        if not listed:
            continue
        more = (section.total or len(listed)) - len(section.items)
        said = _("{name} ({count} to do, {more} more)") if more > 0 else _("{name} ({count} to do)")
        print("\n" + said.format(name=section.name, count=len(section.open), more=more))
        for item in listed:
            mark = "x" if item.ticked else ("!" if item.late else " ")
            shop = f"[{item.shop}] " if item.shop else ""
            print(f"  [{mark}] {shop}{item.title}" + (f"  — {item.detail}" if item.detail else ""))
    return 0
