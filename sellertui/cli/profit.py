"""`sellertui pnl [--by month|week|quarter|sku] [--json|--csv]` and `sellertui hire [--json]`.

The same ``ProfitService`` as the Profit tab, so the numbers are the tab's.
CSV cells go through ``csvsafe`` (a description starting with ``=`` stays text).
"""

from __future__ import annotations

import argparse
import sys

from sellertui import clock
from sellertui.cli.common import context, print_json
from sellertui.core.money import fmt
from sellertui.core.i18n import N_, _, label
from sellertui.core.cells import pad


def register(sub, common) -> None:
    pnl = sub.add_parser("pnl", help=_("the profit and loss by month, week, quarter or SKU"), parents=[common])
    pnl.add_argument("--by", choices=["month", "week", "quarter", "sku"], default="month",
                     help=_("periods (default month), or per SKU for one period"))
    pnl.add_argument("--period", metavar="PERIOD",
                     help=_("with --by sku: the month (2026-10, default last month), or 2026-W44 / 2026-Q3"))
    out = pnl.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help=_("print JSON"))
    out.add_argument("--csv", action="store_true", help=_("print CSV"))
    pnl.set_defaults(handler=cmd_pnl)
    hire = sub.add_parser("hire", help=_("the hiring plan and whether the shop can afford its next role"),
                          parents=[common])
    hire.add_argument("--json", action="store_true", help=_("print JSON"))
    hire.set_defaults(handler=cmd_hire)


def _service(args):
    from sellertui.domain.profit.service import ProfitService

    return ProfitService.for_shop(context(args).shop())


def _sku_period(text: str | None) -> tuple[str, str]:
    from sellertui.core.errors import UserError
    from sellertui.domain.profit.periods import bounds, period_of, step

    if not text:
        return step(period_of(clock.today(), "month"), "month", -1), "month"
    grain = "week" if "-W" in text else "quarter" if "-Q" in text else "month"
    try:
        bounds(text, grain)
    except (ValueError, IndexError):
        raise UserError(_('a period is a month (2026-10), a week (2026-W44) or a quarter (2026-Q3), not {text!r}').format(
            text=text)) \
            from None
    return text, grain


def _write_csv(records: list[dict]) -> None:
    from sellertui.core.csvsafe import csv_text

    if not records:
        return
    header = list(records[0])
    rows = [[r.get(k) if not isinstance(r.get(k), list) else "; ".join(f["text"] for f in r[k]) for k in header]
            for r in records]
    sys.stdout.write(csv_text(header, rows))


def cmd_pnl(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.by == "sku":
        return _per_sku(service, args)
    statement = service.statement(args.by)
    records = statement.as_records()
    if args.json:
        print_json(records)
        return 0
    if args.csv:
        _write_csv(records)
        return 0
    if not statement.periods:
        print(_("No sales, settlements or expenses yet: import reports first (sellertui import FILE)."))
        return 0
    from sellertui.domain.profit.periods import GRAIN_WORDS
    from sellertui.domain.profit.pnl import LABELS, ROWS

    shown = list(range(len(statement.periods)))[-8:]  # the last eight periods fit a terminal
    print(_('P&L by {grain} in {home} (~ estimated in part, ⚠ missing data)').format(
        grain=label(GRAIN_WORDS, statement.grain), home=statement.home))
    # month labels are 中文 under zh-CN: padded by cells, as the figures are
    print(" " * 24 + "".join(pad(("⚠" if statement.missing(i) else "") + statement.labels[i], 14, "right")
                             for i in shown))
    for key in ROWS:
        # the domain marks its row names N_: shown here in the language, padded by cells
        print(pad(_(LABELS[key]), 24) + "".join(pad(statement.figure(key, i), 14, "right") for i in shown))
    for i in shown:
        for flag in statement.flags[i]:
            if flag.severity != "info":
                print(f"{'⚠' if flag.severity == 'missing' else '~'} {flag.month}: {flag.text}")
    return 0


def _per_sku(service, args) -> int:
    from sellertui.domain.profit.periods import bounds

    period, grain = _sku_period(args.period)
    table, unallocated = service.skus(period, grain)
    records = []
    for row in table.to_dict("records"):
        records.append({
            "sku": row["sku"], "title": row["title"], "units": int(row["units"]),
            "sales_minor": int(row["sales"]), "profit_minor": int(row["profit"]),
            "profit_per_unit_minor": None if row["per_unit"] != row["per_unit"] else round(row["per_unit"]),
            "margin": None if row["margin"] != row["margin"] else round(row["margin"], 4),
            "roi": None if row["roi"] != row["roi"] else round(row["roi"], 4),
            "break_even_acos": None if row["break_even_acos"] != row["break_even_acos"]
            else round(row["break_even_acos"], 4),
            "ad_spend_minor": -int(row["ads"]), "estimated": bool(row["estimated"]),
            "missing_cost": bool(row["no_cost"]), "currency": service.home, "period": period})
    if args.json:
        print_json({"period": period, "skus": records, "overheads_not_spread_minor": unallocated})
        return 0
    if args.csv:
        _write_csv(records)
        return 0
    first, last = bounds(period, grain)
    home = service.home
    print(_('Per SKU, {first} to {min}, in {home}: {len} SKU(s)').format(
        first=first, min=min(last, clock.today()), home=home, len=len(records)))
    pct = lambda v: "—" if v is None else f"{v * 100:.1f}%"  # noqa: E731
    print(pad("SKU", 20) + "".join(pad(_(word), width, "right") for word, width in (
        (N_("Units"), 7), (N_("Sales"), 13), (N_("Profit"), 13), (N_("Per unit"), 11), (N_("Margin"), 8),
        (N_("ROI"), 8), (N_("BE ACoS"), 9))))
    for r in records:
        per = "—" if r["profit_per_unit_minor"] is None else fmt(r["profit_per_unit_minor"], home)
        print(f"{r['sku'][:19]:<20}{r['units']:>7,}{fmt(r['sales_minor'], home):>13}{fmt(r['profit_minor'], home):>13}"
              f"{per:>11}{pct(r['margin']):>8}{pct(r['roi']):>8}{pct(r['break_even_acos']):>9}")
    overheads = sum(unallocated.values())
    if overheads:
        print(_('Overheads not spread over SKUs: {fmt}').format(fmt=fmt(overheads, home)))
    return 0


def cmd_hire(args: argparse.Namespace) -> int:
    service = _service(args)
    hiring = service.hiring()
    if args.json:
        print_json(hiring.as_dict())
        return 0
    from sellertui.domain.profit.hiring import describe_cost, role_status, status_shown

    result = hiring.readiness
    if not hiring.plan:
        print(result.projection.replace("n adds", "add"))
        return 0
    print(_("Hiring plan:"))
    for role in hiring.plan:
        status = status_shown(role_status(role, result.role))
        print(f"  {role.get('position')}. {pad(role.get('title', ''), 22)} {pad(describe_cost(role), 48)} {status}")
    if result.role is None:
        print(result.projection)
        return 0
    said = _("\nREADY to hire {role}: hire line {amount} a month") if result.ready else \
        _("\nNot yet ready to hire {role}: hire line {amount} a month")
    print(said.format(role=result.role.get("title"), amount=fmt(result.target, result.currency)))
    for condition in result.conditions:
        print(f"  [{'x' if condition.ok else ' '}] {condition.label}: {condition.detail}")
    if result.profit_gap or result.cash_gap:
        print(_('  gap: {fmt} a month of profit, {fmt2} of cash').format(
            fmt=fmt(result.profit_gap, result.currency), fmt2=fmt(result.cash_gap, result.currency)))
    if result.trend is not None:
        print(_('  trend: {fmt} a month over {len} months').format(
            fmt=fmt(round(result.trend.slope), result.currency), len=len(result.trend.months)))
    print(f"  {result.projection}")
    for caveat in result.caveats:
        print(f"  ⚠ {caveat}")
    if hiring.workload:
        area, spent = next(iter(hiring.workload.items()))
        print(_('  first to hand to a hire: {area} ({value:.1f} h over 30 days)').format(
            area=area, value=spent['seconds'] / 3600))
    return 0
