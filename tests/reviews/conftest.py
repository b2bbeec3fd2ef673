"""A small shop with seller feedback, product reviews and the orders they are about."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.conftest import fixture


def order_line(order_id: str, channel: str, buyer: str, sku: str = "MM-BCB-LARGE", **extra) -> dict:
    return {"id": f"{order_id}/{sku}", "order_id": order_id, "sku": sku, "asin": "B0DEMO0001",
            "purchase_date": "2026-10-28T15:00:00+00:00", "channel": channel, "status": "Shipped", "quantity": 1,
            "currency": "USD", "item_price_minor": 3199, "shipping_price_minor": 0, "marketplace": "US",
            "buyer_name": buyer, "product": "Bamboo cutting board", **extra}


@pytest.fixture
def feedback_shop(data_dir: Path) -> Path:
    """Seller feedback (two negatives: one about an FBA delivery), product reviews (two negatives), their orders."""
    from sellertui.importers.pipeline import Options, import_report
    from sellertui.store import open_store

    store = open_store(data_dir, user="ana")
    for name in ("feedback-us.txt", "product-reviews-us.csv"):
        import_report(store, fixture(name), Options())
    with store.transaction("orders the feedback is about") as tx:
        tx["orders"].upsert_many([order_line("112-0000001-0000001", "FBM", "Rosa Diaz"),
                                  order_line("112-0000002-0000002", "FBM", "Kim Lee"),
                                  order_line("113-0000005-0000005", "FBA", "Ola Berg")])
    store.close()
    return data_dir
