"""`sellertui locate | summary | check | restore`: where things are and keeping the store healthy."""

from __future__ import annotations

import argparse
import sys

from sellertui.cli.common import context, print_json
from sellertui.core.cells import pad
from sellertui.core.i18n import N_, _


def register(sub, common) -> None:
    locate = sub.add_parser("locate", help=_("print where data and config live"), parents=[common])
    locate.add_argument("--json", action="store_true")
    locate.set_defaults(handler=cmd_locate)

    summary = sub.add_parser("summary", help=_("count the records in each collection"), parents=[common])
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=cmd_summary)

    check = sub.add_parser("check", help=_("read every store file; name any that is damaged or cannot be read, and "
                                         "what to do; check the key map"), parents=[common])
    check.set_defaults(handler=cmd_check)

    restore = sub.add_parser(
        "restore",
        help=_("replace damaged store files with their newest readable backup (damaged files are kept; files "
             "that cannot be read for permissions or disk errors are never replaced)"),
        parents=[common],
    )
    restore.add_argument("--from", dest="day", metavar="YYYY-MM-DD", help=_("use this day's backup"))
    restore.set_defaults(handler=cmd_restore)


def cmd_locate(args: argparse.Namespace) -> int:
    ctx = context(args)
    where = {
        "shop": ctx.shop_name,
        "data": str(ctx.data_dir),
        "store": ctx.where if ctx.store_url else str(ctx.data_dir / "store"),
        "backups": _("pg_dump (see README)") if ctx.store_url else str(ctx.data_dir / "backups"),
        "config": str(ctx.settings.path),
    }
    if args.json:
        print_json(where)
    else:
        labels = {"shop": N_("shop"), "data": N_("data"), "store": N_("store"), "backups": N_("backups"),
                  "config": N_("config")}
        for key, value in where.items():  # the labels translated, padded by cells
            print(f"{pad(_(labels[key]), 8)} {value}")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    counts = context(args).store().summary()
    if args.json:
        print_json(counts)
    else:
        for name, n in counts.items():
            print(f"{name:<16} {n:>9,}")  # collection names: the store's own words
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from sellertui.store.health import check

    ctx = context(args)
    problems = check(_folder(ctx))
    print(_("Store"))
    for problem in problems or [_("healthy: every file reads")]:
        print(f"  {problem}")
    keys = key_problems(ctx.settings.keymap)
    print(_("Keys"))
    for problem in keys or [_("{count} remapped, none clashes: every id is known, every key free").format(
                                count=len(ctx.settings.keymap))
                            if ctx.settings.keymap else _("the default keys (no [keymap] in the config)")]:
        print(f"  {problem}")
    return 1 if problems or keys else 0


def key_problems(keymap: dict[str, str]) -> list[str]:
    """What is wrong with the config's [keymap], as the app says it on start."""
    if not keymap:
        return []
    from sellertui.ui.app import TABS, SellerApp
    from sellertui.ui.shell.keys import check_keymap, unsaid

    return [unsaid(p) for p in check_keymap(keymap, SellerApp, TABS).problems]


def cmd_restore(args: argparse.Namespace) -> int:
    from sellertui.store.health import restore

    restored = restore(_folder(context(args)), day=args.day)
    for damaged, kept, source in restored.files:
        print(_('restored {damaged} from {source} (the damaged file is kept as {name})').format(
            damaged=damaged, source=source, name=kept.name))
    for refused in restored.refused:
        print(_('not restored: {refused}').format(refused=refused), file=sys.stderr)
    if not restored.files and not restored.refused:
        print(_("nothing to restore: every store file reads"))
    return 1 if restored.refused else 0


def _folder(ctx):
    """check and restore read the folder store's files; a database keeps itself consistent."""
    if ctx.store_url:
        from sellertui.core.errors import UserError

        raise UserError(_('{where} is a database: check and restore are for the folder store\'s files; a database\'s '
                          'own backups are pg_dump and pg_restore (README, "Backups")').format(
            where=ctx.where))
    return ctx.data_dir
