"""`sellertui promotions upcoming [--days N] [--json]`: deadlines, starts, events and failed checks ahead."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _, label, shown
from sellertui.core.cells import pad


def register(sub, common) -> None:
    promotions = sub.add_parser("promotions", help=_("promotions: what is coming up"), parents=[common])
    commands = promotions.add_subparsers(dest="promotions_command", metavar="COMMAND", required=True)
    upcoming = commands.add_parser("upcoming", help=_("deadlines, promotions starting, events and failed checks"),
                                   parents=[common])
    upcoming.add_argument("--days", type=int, default=None, metavar="N",
                          help=_("how far ahead (default: the upcoming_days setting, 30)"))
    upcoming.add_argument("--json", action="store_true", help=_("print JSON"))
    upcoming.set_defaults(handler=cmd_upcoming)


def cmd_upcoming(args: argparse.Namespace) -> int:
    from sellertui.core.errors import UserError
    from sellertui.core.money import fmt
    from sellertui.domain.promotions import deadlines
    from sellertui.domain.promotions.board import shop_board
    from sellertui.domain.promotions.export import upcoming
    from sellertui.domain.promotions.fees import TYPES

    ctx = context(args)
    board = shop_board(ctx.shop(), results=False)
    days = board.settings.upcoming_days if args.days is None else args.days
    if not 0 <= days <= 3650:
        raise UserError(_("--days: between 0 and 3650"))
    data = upcoming(board, days)
    if args.json:
        print_json(data)
        return 0
    print(_('Promotions from {from_} to {until} ({days} days)').format(
        from_=data['from'], until=data['until'], days=days))
    if data["deadlines"]:
        print(_("\nDeadlines"))
        for d in data["deadlines"]:
            print(f"  {d['date']}  {pad(deadlines.describe(d['days_left']), 16)} {pad(shown(d['what']), 14)} {d['name']}")
    if data["starting"]:
        print(_("\nStarting"))
        for p in data["starting"]:
            failed = sum(c["level"] == "fail" for c in p["checks"])
            kind = label(TYPES, p["type"])
            offer = _("{discount}% off · fee {fee}").format(discount=f"{p['discount_pct']:g}",
                                                           fee=fmt(p["fee_minor"], p["currency"]))
            failing = " · " + _("{count} check(s) failing").format(count=failed) if failed else ""
            print(f"  {p['start']}  {pad(shown(p['status']), 9)} {pad(kind, 24)} {p['name']}  {offer}{failing}")
    if data["events"]:
        print(_("\nEvents"))
        for e in data["events"]:
            extra = "".join([" (peak)" if e["peak"] else "", " (estimated dates)" if e["estimate"] else ""])
            print(_('  {start} to {end}  {name}{extra}').format(
                start=e['start'], end=e['end'], name=e['name'], extra=extra))
    if data["failing"]:
        print(_("\nFailing checks"))
        for f in data["failing"]:
            print(f"  {f['name']}: {f['summary']}")
    if not any(data[k] for k in ("deadlines", "starting", "events", "failing")):
        print(_("\nNothing coming up."))
    return 0
