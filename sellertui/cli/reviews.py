"""`sellertui feedback` and `sellertui review-requests`: what buyers said, and who is (or was) asked for a review."""

from __future__ import annotations

import argparse

from sellertui.cli.common import context, print_json


def register(sub, common) -> None:
    feedback = sub.add_parser("feedback", help="seller feedback and product reviews, negatives first",
                              parents=[common])
    feedback.add_argument("--negative", action="store_true", help="only 1–2 star ones")
    feedback.add_argument("--open", action="store_true", help="only negatives not yet resolved")
    feedback.add_argument("--json", action="store_true")
    feedback.set_defaults(handler=cmd_feedback)


def cmd_feedback(args: argparse.Namespace) -> int:
    from sellertui.domain.reviews.listing import feedback_items

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
        print("No feedback or reviews: import the Seller Feedback report or a reviews CSV.")
        return 0
    for i in items:
        kind = "seller " if i["kind"] == "feedback" else "product"
        due = f"  [{i['next_step']} by {i['due_by']}{', LATE' if i['late'] else ''}]" if i["due_by"] else ""
        print(f"{i['date']}  {i['rating']}★ {kind}  {i['order_id'] or i['asin']:<19}  {i['buyer'][:18]:<18}  "
              f"{i['text'][:60]}{due}")
    return 0
