"""Promotion discounts: stored negative, as the All Orders report writes them, and read as a reduction by all."""

from __future__ import annotations

from pathlib import Path

from sellertui.domain.frames import FrameCache
from sellertui.domain.orders.line_money import discount_of, paid_of, sales_of
from tests.importers.conftest import run_import

REPORT = (
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t"
    "sales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\t"
    "item-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\t"
    "ship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\n"
    "112-1000001-0000001\t\t2026-10-05T18:22:11+00:00\t2026-10-06T02:10:00+00:00\tShipped\tMerchant\tAmazon.com\t\t\t"
    "Standard\tBaking Mat\tMM-SBM-HALF\tB0ABCDEF02\tShipped\t1\tUSD\t18.99\t1.33\t4.99\t0.00\t\t\t-1.90\t-4.99\t"
    "Austin\tTX\t78701\tUS\tPLM-OCT 10% off\n"
)


def test_a_discounted_line_is_its_price_less_the_discount_everywhere(store, tmp_path: Path) -> None:
    path = tmp_path / "all-orders.txt"
    path.write_text(REPORT)
    run_import(store, path)
    line = store["orders"].get("112-1000001-0000001/MM-SBM-HALF")
    assert line["promo_discount_minor"] == -190 and line["ship_promo_discount_minor"] == -499  # the report's sign
    assert discount_of(line) == -689 and sales_of(line) == 1899 + 499 - 689 and paid_of(line) == 1709 + 133

    from sellertui.domain.orders.table import orders_frame
    from sellertui.domain.profit.sources import load
    from sellertui.domain.promotions.board import sales_frame

    frames = FrameCache(store)
    assert orders_frame(frames, set())["total_minor"].tolist() == [1709]
    assert load(store, frames).orders["sales_minor"].tolist() == [1709]
    board = sales_frame([line])
    assert board["revenue"].tolist() == [1899 - 190] and board["discount"].tolist() == [190]


def test_a_positive_discount_is_still_a_reduction() -> None:
    line = {"item_price_minor": 2000, "promo_discount_minor": 200}  # stored by an older demo shop
    assert sales_of(line) == 1800
