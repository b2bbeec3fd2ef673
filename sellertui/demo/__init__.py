"""The demo shop: a deterministic small brand ("Maple & Moss") for trying sellertui.

``generate`` fills an empty store; the same seed and day give the same shop.
``--size large`` is the benchmark shop: 100k order lines, 200k search-term rows,
2k SKUs, 10k messages; ``--size huge`` a big seller's five years: 1M order lines,
2M search-term rows, 10k SKUs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sellertui import clock
from sellertui.demo.ad_reports import add_ad_reports
from sellertui.demo.ads import build_search_terms
from sellertui.demo.ads_ledger import build_ad_decisions, build_ad_targets
from sellertui.demo.catalog import build_products, popularity
from sellertui.demo.inventory import add_inventory_story
from sellertui.demo.planning import build_expenses, build_purchase_orders, build_routines, build_tasks, set_stock
from sellertui.demo.profit import build_cash, build_fx_rates, build_reimbursements, build_roles
from sellertui.demo.promotions import (add_promotion_sales, build_events, build_fee_table, build_history,
                                       build_promotions)
from sellertui.demo.reviews import build_feedback, build_feedback_work, build_review_requests, build_reviews
from sellertui.demo.sales import SalesBuilder, build_messages, build_product_notes, build_returns
from sellertui.demo.watch import assign_repliers, build_notices, build_watch
from sellertui.core.errors import UserError
from sellertui.domain.team.tasks import new_task
from sellertui.store import Store


@dataclass(frozen=True)
class Size:
    skus: int
    days: int
    order_lines: int
    messages: int
    search_rows: int
    past_promotions: int = 0  # promotions that ran before the hand-made story (the large demo's 1,000)
    return_rate: float = 0.04  # of shipped lines: home-and-kitchen goods come back 3–5% of the time


SIZES = {
    "small": Size(skus=40, days=183, order_lines=5_000, messages=300, search_rows=8_000),
    "large": Size(skus=2_000, days=730, order_lines=100_000, messages=10_000, search_rows=200_000,
                  past_promotions=989),
    # ten years of a big seller, as the bench's --only huge reads it: five years of data at 1M order lines
    "huge": Size(skus=10_000, days=1_826, order_lines=1_000_000, messages=50_000, search_rows=2_000_000,
                 past_promotions=989),
}
SHOP_NAME = "Maple & Moss (demo)"


def build(size: str = "small", seed: int = 7, founder: str = "me", lang: str = "en") -> dict[str, list[dict]]:
    """Every collection's demo records, without touching a store; ``lang="zh-CN"``: the Chinese seller's shop."""
    profile = SIZES[size]
    rng = random.Random(seed)
    now = clock.now()
    today = now.date()
    products = build_products(rng, profile.skus, today)
    sales = SalesBuilder(rng, now, products, popularity(rng, products))
    start = today - timedelta(days=profile.days - 1)
    orders = sales.orders_for(int(profile.order_lines / 1.05), start, profile.days)
    orders = orders[: profile.order_lines]
    messages = build_messages(rng, now, orders, sales.buyers, profile.messages)
    buyers = list(sales.buyers.values())
    for i, buyer in enumerate(buyers[:40]):
        if i % 7 == 0:
            buyer["tags"] = ["repeat", "vip"]
        elif i % 11 == 0:
            buyer["tags"] = ["wholesale"]
        elif i in (3, 17):
            buyer["blacklisted"] = True
            buyer["notes"] = "Opened an A-to-Z claim after the parcel was delivered; photos did not match."
    set_stock(rng, products, orders, now)
    data = {
        "products": products,
        "orders": orders,
        "buyers": buyers,
        "messages": messages,
        "returns": build_returns(rng, now, orders, profile.return_rate, random.Random(seed * 1000 + 3)),
        "search_terms": build_search_terms(rng, today, products, profile.search_rows),
        "promotions": build_promotions(today, products) + build_history(today, products, profile.past_promotions,
                                                                         seed),
        "events": build_events(today),
        "promo_fees": build_fee_table(),
        "purchase_orders": build_purchase_orders(rng, today, products),
        "expenses": build_expenses(rng, today, months=max(6, profile.days // 30)),
        "tasks": [new_task(**t) for t in build_tasks(today, founder, products)],
        "product_notes": build_product_notes(products),
        "recurring": build_routines(founder),
    }
    data["hiring_roles"] = build_roles()
    data["cash_reserve"] = build_cash(today)
    data["fx_rates"] = build_fx_rates(today, max(6, profile.days // 30))
    data["reimbursements"] = build_reimbursements(today, products)
    data["ad_targets"] = build_ad_targets()
    data["ad_actions"] = build_ad_decisions(data["search_terms"], today, founder)
    add_ad_reports(data, today)
    add_inventory_story(data, now, founder)
    add_promotion_sales(data["orders"], data["promotions"], products, now, seed)
    feedback_rng = random.Random(seed * 1000 + 21)  # its own stream: the rest of the demo stays as it was
    data["feedback"] = build_feedback(feedback_rng, today, data["orders"])
    data["reviews"] = build_reviews(feedback_rng, today, products)
    data["feedback_work"] = build_feedback_work(data["feedback"], data["reviews"], today, founder)
    data["review_requests"] = build_review_requests(data, today, founder)
    data["watchlist"], data["watch_snapshots"] = build_watch(today, products, founder)
    data["notices"] = build_notices(today, founder)
    assign_repliers(data["messages"], founder)
    if lang == "zh-CN":
        from sellertui.demo.chinese import localise

        localise(data, today)
    return data


def generate(store: Store, size: str = "small", seed: int = 7, founder: str | None = None,
             lang: str = "en") -> dict[str, int]:
    """Fill an empty store with the demo shop; returns the count per collection."""
    if size not in SIZES:
        raise UserError(f"unknown demo size {size!r}; choose small or large")
    if not store.is_empty():
        raise UserError(f"{store.location} already holds data; the demo shop only fills an empty store")
    data = build(size, seed, founder or store.user, lang)
    with store.transaction(f"loaded the {size} demo shop") as tx:
        for name, docs in data.items():
            col = tx[name]
            if col.spec.ids == "key":
                col.upsert_many(docs)
            elif col.spec.ids == "uid":
                col.insert_many(docs)
            else:
                for doc in docs:
                    col.insert(doc)
    if lang == "zh-CN":
        from sellertui.demo.chinese import SHOP_NAME as shop_name
    else:
        shop_name = SHOP_NAME
    store.set_meta(demo=True, demo_shop=shop_name)
    return {name: len(docs) for name, docs in data.items()}
