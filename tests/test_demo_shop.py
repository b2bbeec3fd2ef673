"""The demo shop could be real: one buyer per order, buyers write about their own orders, no freight twice,
the large demo's promotions, and figures in a plausible range."""

from __future__ import annotations

import pytest

from tests.conftest import FROZEN_NOW


@pytest.fixture(scope="module")
def small(request):
    import os

    previous = os.environ.get("SELLERTUI_NOW")
    os.environ["SELLERTUI_NOW"] = FROZEN_NOW
    try:
        from sellertui.demo import build

        return build("small")
    finally:
        if previous is None:
            os.environ.pop("SELLERTUI_NOW", None)
        else:
            os.environ["SELLERTUI_NOW"] = previous


def test_one_buyer_per_order_and_every_message_from_that_buyer(small) -> None:
    buyers_of: dict[str, set] = {}
    for line in small["orders"]:
        buyers_of.setdefault(line["order_id"], set()).add(line.get("buyer_id"))
    assert all(len(found) == 1 for found in buyers_of.values())
    for message in small["messages"]:
        assert buyers_of[message["order_id"]] == {message["buyer_id"]}
    known = {b["id"] for b in small["buyers"]}
    ordered = {b for found in buyers_of.values() for b in found if b}
    assert ordered <= known and known <= ordered  # no buyer without an order


def test_landed_costs_carry_freight_so_no_freight_expense_counts_it_again(small) -> None:
    assert not [e for e in small["expenses"] if e["category"] == "freight"]


def test_discounts_are_stored_as_the_report_writes_them(small) -> None:
    discounted = [o for o in small["orders"] if o.get("promo_discount_minor")]
    assert discounted and all(o["promo_discount_minor"] < 0 for o in discounted)


def test_the_large_demo_has_the_promotions_the_readme_promises(monkeypatch) -> None:
    from sellertui.demo import SIZES
    from sellertui.demo.promotions import build_history

    monkeypatch.setenv("SELLERTUI_NOW", FROZEN_NOW)
    from sellertui import clock
    from sellertui.demo.catalog import build_products

    import random

    products = build_products(random.Random(7), 2000, clock.today())
    history = build_history(clock.today(), products, SIZES["large"].past_promotions)
    assert len(history) + 11 == 1000
    spans: dict[str, list] = {}
    for promo in history:  # never two promotions on one SKU at once
        for start, end in spans.get(promo["skus"][0], []):
            assert promo["end"] < start or end < promo["start"]
        spans.setdefault(promo["skus"][0], []).append((promo["start"], promo["end"]))


def test_the_figures_a_real_shop_could_have(demo_copy) -> None:
    from sellertui import config
    from sellertui.domain.frames import FrameCache
    from sellertui.domain.profit.service import ProfitService
    from sellertui.store import open_store

    store = open_store(demo_copy, user="ana")
    statement = ProfitService(store, FrameCache.for_store(store), config.load(), "ana").statement("month")
    for i, period in enumerate(statement.periods[1:-1], start=1):  # whole months
        sales = statement.values["sales"][i]
        assert -0.30 < statement.margin(i) < 0.35, period  # net margin of a small FBA brand (launch months lose)
        assert 0.01 < -statement.values["refunds"][i] / sales < 0.10, period  # home-and-kitchen returns, refunded
        assert 0.20 < -statement.values["cogs"][i] / sales < 0.40, period
        assert 0 <= -statement.values["ads"][i] / sales < 0.20, period  # TACoS
    store.close()


def test_demo_has_feedback_with_negatives_and_orders_due_a_review_request(demo_dir) -> None:
    from sellertui.context import Context
    from sellertui.domain.reviews import requests as rules
    from sellertui.domain.reviews.listing import feedback_items

    ctx = Context.create(demo_dir)
    shop = ctx.shop()
    items = feedback_items(shop)
    open_negatives = [i for i in items if i["negative"] and i["due_by"]]
    assert len(items) > 100 and any(i["kind"] == "review" for i in items)
    assert 3 <= len(open_negatives) <= 12 and any(i["grounds"] for i in open_negatives)
    assert any(i["status"] == "resolved" for i in items if i["negative"])
    due = rules.candidates(shop)
    sent = {r["status"] for r in rules.requests(shop.store)}
    assert len(due) > 20 and sent == {"sent", "refused"}
    assert not {c.order_id for c in due} & {r["id"] for r in rules.requests(shop.store)}  # never asked twice
    ctx.close()
