"""`sellertui fx update`: refresh the ECB reference rates used where you set no exchange rate of your own."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _


def register(sub, common) -> None:
    fx = sub.add_parser("fx", help=_("exchange rates: refresh the ECB's reference rates"), parents=[common])
    actions = fx.add_subparsers(dest="fx_action", metavar="ACTION", required=True)
    update = actions.add_parser("update", parents=[common],
                                help=_("download the ECB's current history (the [fx] ecb_url setting) into the cache"))
    update.add_argument("--json", action="store_true")
    update.set_defaults(handler=cmd_update)


def cmd_update(args: argparse.Namespace) -> int:
    from sellertui.domain.profit.ecb import update

    section = context(args).settings.section("fx")
    done = update(str(section["ecb_url"]), float(section["timeout_seconds"]))
    if args.json:
        print_json({"path": str(done.path), "first_day": done.first_day, "last_day": done.last_day,
                    "currencies": done.currencies})
    else:
        print(done.summary())
    return 0
