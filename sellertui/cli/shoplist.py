"""`sellertui shops`: the shops config.toml lists, where each one's store is, and which is open."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _
from sellertui.core.cells import pad
from sellertui.domain.shop import shown_shop_name


def register(sub, common) -> None:
    shops = sub.add_parser("shops", help=_("list your shops (config.toml's [shops.NAME] tables) and where each "
                                         "store is"), parents=[common])
    shops.add_argument("--json", action="store_true")
    shops.set_defaults(handler=cmd_shops)


def cmd_shops(args: argparse.Namespace) -> int:
    from sellertui import shops

    ctx = context(args)
    rows = []
    for entry in ctx.listing:
        settings = shops.settings_for(_main_settings(ctx), entry.name)
        if entry.name == ctx.shop_name:
            where = ctx.where
        elif entry.store:
            where = entry.where
        else:
            where = str(ctx._other(entry.name).data_dir)  # resolved the way --shop would, never opened here
        rows.append({"name": entry.name, "shop_name": settings.shop_name, "store": where,
                     "backend": "postgresql" if where.startswith("postgres") else "folder",
                     "open": entry.name == ctx.shop_name, "settings": str(settings.path)})
    if args.json:
        print_json(rows)
        return 0
    width = max(len(r["name"]) for r in rows)
    for r in rows:  # a shop's name may be 中文: padded by cells
        mark, shop_name = "*" if r["open"] else " ", shown_shop_name(r["shop_name"])
        print(f"{mark} {r['name']:<{width}}  {pad(shop_name, 20)} {r['store']}")
    if len(rows) == 1:
        print(_("\nAdd another shop to config.toml as [shops.NAME] with store = \"postgresql://…\" or data_dir = \"…\"; "
              "then `sellertui --shop NAME`."))
    return 0


def _main_settings(ctx):
    from sellertui import config

    return config.load(ctx.main_config)
