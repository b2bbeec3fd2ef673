"""`sellertui reorder [--json]`: what to order today, for cron or a morning mail."""

from __future__ import annotations

import argparse

from sellertui import clock
from sellertui.cli.common import context, print_json
from sellertui.core.money import fmt
from sellertui.core.i18n import _, shown
from sellertui.core.cells import pad


def register(sub, common) -> None:
    reorder = sub.add_parser("reorder", help=_("what to order today: SKU, quantity, supplier and why"),
                             parents=[common])
    reorder.add_argument("--json", action="store_true", help=_("print JSON (one object per SKU)"))
    reorder.set_defaults(handler=cmd_reorder)


def cmd_reorder(args: argparse.Namespace) -> int:
    from sellertui.domain.inventory.export import load_plan
    from sellertui.domain.inventory.plan import reorder

    ctx = context(args)
    rows = reorder(load_plan(ctx.shop()))
    if args.json:
        print_json(rows)
        return 0
    today = clock.today().isoformat()
    if not rows:
        print(_('Nothing to order today ({today}).').format(today=today))
        return 0
    suppliers = sorted({r["supplier"] for r in rows})
    print(_('To order today ({today}): {len} SKU(s) from {len2} supplier(s)').format(
        today=today, len=len(rows), len2=len(suppliers)))
    width = max(len(r["sku"]) for r in rows)
    for supplier in suppliers:
        picked = [r for r in rows if r["supplier"] == supplier]
        totals: dict[str, int] = {}  # each cost in its own currency (a yuan supplier's in yuan)
        for r in picked:
            totals[r["currency"]] = totals.get(r["currency"], 0) + (r["unit_cost_minor"] or 0) * r["qty"]
        amount = " + ".join(fmt(total, currency) for currency, total in sorted(totals.items()))
        print("\n" + _("{supplier}  ≈ {amount} at landed cost").format(supplier=supplier or _("(no supplier)"),
                                                                       amount=amount))
        for r in picked:
            print(f"  {r['sku']:<{width}}  {r['qty']:>7,}  {pad(shown(r['status']), 12)}  {r['why']}")
    return 0
