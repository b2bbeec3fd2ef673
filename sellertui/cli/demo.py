"""`sellertui demo`: fill an empty store with the demo shop."""

from __future__ import annotations

import argparse
import time

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import LANGUAGES, _, set_language


def register(sub, common) -> None:
    demo = sub.add_parser("demo", help=_("create the demo shop in an empty data directory"), parents=[common])
    demo.add_argument("--size", choices=("small", "large", "huge"), default="small",
                      help=_("small: 40 SKUs, ~5k orders (default); large: benchmark size, 100k orders; "
                           "huge: 1M orders over five years (several minutes, a few GB of memory)"))
    demo.add_argument("--seed", type=int, default=7, help=_("random seed (same seed and day, same shop)"))
    demo.add_argument("--json", action="store_true", help=_("print the counts as JSON"))
    demo.add_argument("--lang", choices=LANGUAGES, default="en",
                      help=_("zh-CN: the Chinese seller's shop (Chinese product and buyer names, costs in CNY); "
                             "this command's output follows it too"))
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from sellertui.demo import generate

    if args.lang != "en":
        set_language(args.lang)
    ctx = context(args)
    started = time.perf_counter()
    counts = generate(ctx.store(), size=args.size, seed=args.seed, founder=ctx.user, lang=args.lang)
    if args.json:
        print_json(counts)
        return 0
    print(_('demo shop ({size}) created in {where} in {value:.1f} s:').format(size=args.size, where=ctx.where, value=time.perf_counter() - started))
    for name, n in counts.items():
        print(f"  {name:<16} {n:>8,}")
    print(_('start it with: sellertui {flag}').format(flag=_flag(ctx)))
    if args.lang == "zh-CN" and ctx.settings.home_currency != "CNY":
        print(_('its costs are in yuan: set home_currency = "CNY" (and language = "zh-CN") in {config}').format(
            config=ctx.settings.path))
    return 0


def _flag(ctx) -> str:
    import shlex

    if ctx.shop_name != "main":
        return f"--shop {shlex.quote(ctx.shop_name)}"
    return f"--store {shlex.quote(ctx.where)}" if ctx.store_url else f"--data-dir {shlex.quote(str(ctx.data_dir))}"
