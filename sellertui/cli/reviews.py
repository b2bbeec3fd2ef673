"""`sellertui feedback` and `sellertui review-requests`: what buyers said, and who is (or was) asked for a review."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json
from sellertui.core.i18n import _, shown
from sellertui.core.cells import cut, fit, pad


def register(sub, common) -> None:
    feedback = sub.add_parser("feedback", help=_("seller feedback and product reviews, negatives first"),
                              parents=[common])
    feedback.add_argument("--negative", action="store_true", help=_("only 1–2 star ones"))
    feedback.add_argument("--open", action="store_true", help=_("only negatives not yet resolved"))
    feedback.add_argument("--json", action="store_true")
    feedback.add_argument("--request-removal", metavar="ID",
                          help=_("send Amazon's negative-feedback removal request for this seller feedback (its key "
                               "or order id), when connected and Amazon offers it; once"))
    feedback.add_argument("--dry-run", action="store_true",
                          help=_("with --request-removal: check and say what would be sent, send nothing"))
    feedback.set_defaults(handler=cmd_feedback)

    asks = sub.add_parser("review-requests", parents=[common],
                          help=_("orders due a review request (5–30 days after delivery) and the requests made"))
    asks.add_argument("--json", action="store_true")
    asks.add_argument("--approve", nargs="+", metavar="ORDER_ID",
                      help=_("approve requests for these orders due one (`all`: every one); the next sync sends them"))
    asks.add_argument("--dry-run", action="store_true", help=_("with --approve: say what would be approved, keep nothing"))
    asks.set_defaults(handler=cmd_review_requests)


def cmd_feedback(args: argparse.Namespace) -> int:
    from sellertui.domain.reviews.listing import feedback_items

    if args.request_removal:
        return request_removal(args)
    if args.dry_run:
        from sellertui.core.errors import UserError

        raise UserError(_("--dry-run goes with --request-removal ID"))
    items = feedback_items(context(args).shop())
    if args.negative:
        items = [i for i in items if i["negative"]]
    if args.open:
        items = [i for i in items if i["due_by"]]
    if args.json:
        print_json([{k: i[k] for k in ("key", "kind", "date", "rating", "text", "response", "order_id", "buyer",
                                       "asin", "sku", "channel", "marketplace", "negative", "status", "next_step",
                                       "due_by", "late", "grounds", "outcome")} for i in items])
        return 0
    if not items:
        print(_("No feedback or reviews: import the Seller Feedback report or a reviews CSV."))
        return 0
    for i in items:
        kind = pad(_("seller") if i["kind"] == "feedback" else _("product"), 7)
        due = ""
        if i["due_by"]:
            due = "  [" + (_("{step} by {day}, LATE") if i["late"] else _("{step} by {day}")).format(
                step=shown(i["next_step"]), day=i["due_by"]) + "]"
        # buyers' names and their words may be 中文: cut and padded by cells
        print(f"{i['date']}  {i['rating']}★ {kind}  {i['order_id'] or i['asin']:<19}  {fit(i['buyer'], 18)}  "
              f"{cut(i['text'], 60)}{due}")
    return 0


def request_removal(args: argparse.Namespace) -> int:
    from sellertui.domain.orders.buyer_messages import REMOVAL_MESSAGE, request_feedback_removal
    from sellertui.domain.reviews.listing import find_item

    shop = context(args).shop()
    item = find_item(shop, args.request_removal)
    result = request_feedback_removal(shop, item, dry_run=args.dry_run)
    if args.json:
        print_json({"key": item["key"], "order_id": item["order_id"], "dry_run": args.dry_run,
                    "sent": not args.dry_run, "status": result.get("status", item["status"])})
        return 0
    if args.dry_run:
        print(_("would send to the buyer of order {order_id} ({rating}★ on {day}): {message} Amazon offers it now; "
                "nothing was sent.").format(order_id=item["order_id"], rating=item["rating"], day=item["date"],
                                            message=_(REMOVAL_MESSAGE)))
    else:
        print(_("sent Amazon's removal request to the buyer of order {order_id}; recorded in the feedback's workflow "
                "({status})").format(order_id=item["order_id"], status=result["status"]))
    return 0


def cmd_review_requests(args: argparse.Namespace) -> int:
    from sellertui.core.errors import UserError
    from sellertui.domain.reviews import requests as rules
    from sellertui.domain.reviews.request_list import DUE, request_rows
    from sellertui.domain.reviews.settings import ReviewSettings

    shop = context(args).shop()
    if args.approve:
        due = rules.candidates(shop)
        wanted = {c.order_id for c in due} if args.approve == ["all"] else set(args.approve)
        unknown = sorted(wanted - {c.order_id for c in due})
        if unknown:
            raise UserError(_('not due a review request: {join} (see `sellertui review-requests`)').format(
                join=', '.join(unknown)))
        chosen = [c for c in due if c.order_id in wanted]
        if not args.dry_run:
            rules.approve(shop.store, chosen)
        said = _('would approve a review request for order {order_id} (closes {closes}); it goes with the next sync') \
            if args.dry_run else \
            _('approved a review request for order {order_id} (closes {closes}); it goes with the next sync')
        for c in chosen:
            print(said.format(order_id=c.order_id, closes=c.closes))
        return 0
    rows = request_rows(shop)
    if args.json:
        print_json({"daily_rule": ReviewSettings.of(shop).daily_rule,
                    "candidates": [r for r in rows if r["state"] == DUE],
                    "requests": [r for r in rows if r["state"] != DUE]})
        return 0
    due = [r for r in rows if r["state"] == DUE]
    said = _("{count} order(s) due a review request (the daily rule asks for them)") \
        if ReviewSettings.of(shop).daily_rule else _("{count} order(s) due a review request")
    print(said.format(count=len(due)))
    for r in due:
        print(_('  {order_id}  closes {closes}  delivered {delivered}{value}  {channel}  {skus}').format(
            order_id=r['order_id'], closes=r['closes'], delivered=r['delivered'],
            value='~' if r['estimated'] else '', channel=r['channel'], skus=r['skus']))
    if any(r["estimated"] for r in due):
        print(_("  ~ the delivery day is an estimate (no delivery date from Amazon): the sync asks Amazon whether it "
                "offers the request before sending it"))
    past = [r for r in rows if r["state"] != DUE]
    if past:
        print(_('{len} request(s)').format(len=len(past)))
        for r in past:
            print(f"  {r['order_id']}  {r['state']:<9} {r['when']}  {r['by']}" + (f"  {r['reason']}" if r["reason"] else ""))
    return 0
