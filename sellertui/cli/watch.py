"""`sellertui watch list|add|remove|record|import`: the competitor watch from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from sellertui import clock
from sellertui.cli.common import context, print_json
from sellertui.core.markets import market as market_of
from sellertui.core.money import fmt
from sellertui.core.i18n import N_, _, ngettext
from sellertui.core.cells import fit, pad


def register(sub, common) -> None:
    watch = sub.add_parser("watch", help=_("the competitor watch: watched ASINs, their daily snapshots and alerts"),
                           parents=[common])
    actions = watch.add_subparsers(dest="action", metavar="ACTION", required=True)

    ls = actions.add_parser("list", help=_("every watched ASIN with its latest figures, alerts and history"),
                            parents=[common])
    ls.add_argument("--json", action="store_true", help=_("print JSON (each ASIN with its history, one entry a day)"))
    ls.set_defaults(handler=cmd_list)

    add = actions.add_parser("add", help=_("watch an ASIN"), parents=[common])
    add.add_argument("asin")
    add.add_argument("--own", action="store_true", help=_("it is your own listing (else a competitor's)"))
    add.add_argument("--label", default="", help=_("a name to show for it"))
    add.add_argument("--note", default="")
    add.add_argument("--market", help=_("marketplace code (default: the shop's)"))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=cmd_add)

    remove = actions.add_parser("remove", help=_("stop watching an ASIN"), parents=[common])
    remove.add_argument("asin")
    remove.add_argument("--market", help=_("marketplace code (default: the shop's)"))
    remove.add_argument("--forget-history", action="store_true", help=_("also delete its snapshots"))
    remove.set_defaults(handler=cmd_remove)

    rec = actions.add_parser("record", help=_("record a day's figures the API does not give"), parents=[common])
    rec.add_argument("asin")
    rec.add_argument("--date", default="today", help=_("YYYY-MM-DD, today or -1 (default: today)"))
    rec.add_argument("--market", help=_("marketplace code (default: the shop's)"))
    for name, what in (("rating", N_("stars, 0–5")), ("reviews", N_("review count")),
                       ("coupon", N_("e.g. '10%% off'; none")), ("deal", N_("e.g. 'Lightning Deal'; none")),
                       ("price", N_("what a shopper pays")), ("rank", N_("sales rank")),
                       ("buybox", N_("who holds the Buy Box: you, a seller's name, or none"))):
        rec.add_argument(f"--{name}", help=_(what))
    rec.set_defaults(handler=cmd_record)

    imp = actions.add_parser("import", help=_("import figures from a CSV (asin, date, rating, reviews, coupon, deal, "
                                            "price, rank, buybox)"), parents=[common])
    imp.add_argument("path", type=Path)
    imp.add_argument("--market", help=_("for rows without a marketplace column (default: the shop's)"))
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)


def _market(ctx, args) -> str:
    from sellertui.domain.watch.watchlist import clean_market

    return clean_market(args.market or ctx.settings.marketplace)


def cmd_list(args: argparse.Namespace) -> int:
    from sellertui.domain.watch.alerts import WatchSettings
    from sellertui.domain.watch.listing import as_json, buybox_text, watch_rows

    ctx = context(args)
    rows = watch_rows(ctx.store(), WatchSettings.from_section(ctx.settings.section("watch")), clock.today())
    if args.json:
        print_json([as_json(r) for r in rows])
        return 0
    if not rows:
        print(_("no ASIN watched: sellertui watch add ASIN [--own]"))
        return 0
    for r in rows:
        currency = r["currency"] or market_of(r["marketplace"]).currency
        rank = f"#{r['rank']:,}" if r["rank"] else "—"
        rating = f"{r['rating']:.1f}★ ({r['reviews'] or 0:,})" if r["rating"] is not None else "—"
        whose = pad(_("own") if r["own"] else _("rival"), 5)
        extras = (("  " + _("coupon {coupon}").format(coupon=r["coupon"]) if r["coupon"] else "")
                  + ("  " + _("deal {deal}").format(deal=r["deal"]) if r["deal"] else ""))
        days = ngettext("{count} day", "{count} days", len(r["history"])).format(count=len(r["history"]))
        print(_("{asin} {marketplace} {whose} {label} {price}  buy box {buybox} rank {rank} {rating}{extras}  "
                "({days})").format(asin=r["asin"], marketplace=r["marketplace"], whose=whose,
                                   label=fit(r["label"], 28), price=pad(fmt(r["price_minor"], currency), 9, "right"),
                                   buybox=pad(buybox_text(r), 14), rank=pad(rank, 9), rating=rating, extras=extras,
                                   days=days))
        for alert in r["alerts"]:
            print(f"    ! {alert.text}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from sellertui.domain.watch import watchlist

    ctx = context(args)
    entry = watchlist.add(ctx.store(), args.asin, _market(ctx, args), args.own, args.label, args.note, ctx.user)
    if args.json:
        print_json({k: v for k, v in entry.items() if not k.startswith("_")})
    else:
        print((_("watching {asin} in {marketplace} (yours)") if entry["own"] else
               _("watching {asin} in {marketplace} (a competitor)")).format(asin=entry["asin"],
                                                                             marketplace=entry["marketplace"]))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from sellertui.domain.watch import watchlist

    ctx = context(args)
    market = _market(ctx, args)
    gone = watchlist.remove(ctx.store(), args.asin, market, keep_history=not args.forget_history)
    kept = "; " + (_("deleted {count} snapshot(s)").format(count=gone) if args.forget_history else
                   _("its history is kept"))
    print(_('stopped watching {upper} in {market}{kept}').format(
        upper=args.asin.strip().upper(), market=market, kept=kept))
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from sellertui.domain import fields
    from sellertui.core.errors import UserError
    from sellertui.domain.watch.entry import record_entry

    ctx = context(args)
    market = _market(ctx, args)
    try:
        day = fields.day(args.date)
    except fields.FieldError as exc:
        raise UserError(_('--date: {exc}').format(exc=exc)) from None
    raw = {name: getattr(args, name) for name in ("rating", "reviews", "coupon", "deal", "price", "rank", "buybox")
           if getattr(args, name) is not None}
    counts = record_entry(ctx.store(), args.asin, market, day, raw, market_of(market).currency)
    said = _("recorded {figures} for {asin} on {day} (updated that day)") if counts["updated"] else \
        _("recorded {figures} for {asin} on {day}")
    print(said.format(figures=", ".join(raw), asin=args.asin.strip().upper(), day=day))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from sellertui.domain.watch.entry import import_csv

    ctx = context(args)
    counts = import_csv(ctx.store(), args.path, _market(ctx, args), lambda code: market_of(code).currency)
    if args.json:
        print_json(counts)
    else:
        print(_('imported {rows} row(s): {inserted} new day(s), {updated} updated, {unchanged} unchanged').format(
            rows=counts['rows'], inserted=counts['inserted'], updated=counts['updated'],
            unchanged=counts['unchanged']))
    return 0
