"""Postage changes on FBM orders: within what was charged, with a reason, in the order's history and the P&L."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.orders import postage
from tests.reviews.conftest import order_line


@pytest.fixture
def lines(store) -> list[dict]:
    fbm = [order_line("112-0000000-0000009", "FBM", "Rosa Diaz", sku="MM-A", shipping_price_minor=499,
                      purchase_date="2026-11-20T10:00:00+00:00", history=[]),
           order_line("112-0000000-0000009", "FBM", "Rosa Diaz", sku="MM-B", shipping_price_minor=300,
                      purchase_date="2026-11-20T10:00:00+00:00")]
    with store.transaction("an FBM order") as tx:
        tx["orders"].upsert_many(fbm)
    return fbm


def test_a_partial_then_the_rest_and_no_more(store, lines) -> None:
    assert postage.charged(lines) == 799 and postage.refundable(store, lines) == 799
    postage.refund_postage(store, lines, 300, "shipped by a cheaper service")
    assert postage.refundable(store, lines) == 499
    with pytest.raises(UserError, match=r"at most \$4.99"):
        postage.refund_postage(store, lines, 500, "arrived late")
    postage.refund_postage(store, lines, 499, "other", note="buyer asked nicely")
    assert postage.refundable(store, lines) == 0
    history = store["orders"].get("112-0000000-0000009/MM-A", partition="2026-11")["history"]
    assert [h["what"] for h in history] == ["refunded $3.00 of the postage: shipped by a cheaper service",
                                            "refunded $4.99 of the postage: other (buyer asked nicely)"]
    assert [r["amount_minor"] for r in postage.refunds_of(store, "112-0000000-0000009")] == [300, 499]


def test_refused_with_a_reason(store, lines) -> None:
    with pytest.raises(UserError, match="only an FBM order"):
        postage.refund_postage(store, [{**lines[0], "channel": "FBA"}], 100, "goodwill")
    with pytest.raises(UserError, match="say why"):
        postage.refund_postage(store, lines, 100, "other")
    with pytest.raises(UserError, match="above zero"):
        postage.refund_postage(store, lines, 0, "goodwill")
    with pytest.raises(UserError, match="reason is one of"):
        postage.refund_postage(store, lines, 100, "because")
    assert store["postage_refunds"].count() == 0


def test_the_pnl_counts_it_as_a_refund_on_its_day(data_dir, lines, store) -> None:
    from sellertui.context import Context
    from sellertui.domain.profit.service import ProfitService

    postage.refund_postage(store, lines, 250, "arrived late")
    ctx = Context.create(data_dir)
    service = ProfitService.for_shop(ctx.shop())
    ledger, _ = service.ledger()
    refunds = ledger.small[ledger.small["collection"] == "postage_refunds"]
    assert list(refunds["amount_minor"]) == [-250] and list(refunds["line"]) == ["refunds"]
    assert str(refunds["day"].iloc[0])[:10] == date(2026, 11, 22).isoformat()
    ctx.close()
