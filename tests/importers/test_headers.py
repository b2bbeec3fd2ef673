"""Headers are matched by normalised name, and the kind is told from the header row alone."""

from __future__ import annotations

import pytest

from sellertui.importers.headers import col, map_headers, normalise
from sellertui.importers.kinds import KINDS, detect


@pytest.mark.parametrize("written, expected", [
    ("Sessions – Total", "sessions - total"),
    ("  7 Day Total Sales  ", "7 day total sales"),
    ("14 Day Total Sales (₹)", "14 day total sales"),
    ("Spend ($)", "spend"),
    ("Spend (USD)", "spend"),
    ("7 Day Total Orders (#)", "7 day total orders"),
    ("Click-Thru Rate (CTR)", "click-thru rate (ctr)"),
    ("\ufeff(Parent) ASIN", "(parent) asin"),
    ("Units\u00a0 ordered", "units ordered"),
    ('="Campaign ID"', "campaign id"),
])
def test_normalise(written, expected) -> None:
    assert normalise(written) == expected


def test_columns_are_found_by_name_whatever_their_place() -> None:
    wanted = (col("sku", "sku", required=True), col("qty", "quantity", "quantity-purchased"),
              col("price", "item-price", required=True), col("note", "note"))
    found = map_headers(["Quantity-Purchased", "extra", "SKU ", "sku"], wanted)
    assert found.index == {"sku": 2, "qty": 0}
    assert found.written["sku"] == "SKU" and found.matched["qty"] == "quantity-purchased"
    assert [c.field for c in found.missing] == ["price"]


HEADERS = {
    "all-orders": "amazon-order-id,purchase-date,order-status,fulfillment-channel,sku,item-price",
    "fbm-orders": "order-id,order-item-id,purchase-date,buyer-email,sku,quantity-purchased",
    "search-terms": "Date,Campaign Name,Ad Group Name,Customer Search Term,Impressions,Clicks,Spend",
    "bulk-search-terms": "Product,Campaign ID,Ad Group ID,Keyword ID,Keyword Text,Customer Search Term,Clicks",
    "fba-inventory": "sku,fnsku,asin,afn-fulfillable-quantity,mfn-fulfillable-quantity",
    "restock": "Merchant SKU,Available,Recommended replenishment qty",
    "business-report": "(Parent) ASIN,(Child) ASIN,Sessions – Total,Units ordered,Ordered Product Sales",
    "settlement": "settlement-id,total-amount,transaction-type,order-id,price-amount,other-amount",
    "date-range": "date/time,settlement id,type,order id,sku,total",
    "fba-returns": "return-date,order-id,sku,license-plate-number,detailed-disposition",
    "fbm-returns": "Order ID,Return request date,Return request status,Merchant SKU",
    "listings": "item-name,listing-id,seller-sku,price,quantity,fulfillment-channel,status",
    "inventory-age": "snapshot-date,sku,available,inv-age-0-to-90-days,inv-age-91-to-180-days,inv-age-365-plus-days",
    "reimbursements": "approval-date,reimbursement-id,sku,amount-total,quantity-reimbursed-total",
    "feedback": "Date,Rating,Comments,Response,Order ID,Rater Email",
    "product-reviews": "Date,Author,Title,Body,Rating,ASIN",
    "sp-targeting": "Date,Campaign Name,Ad Group Name,Targeting,Match Type,Impressions,Clicks,Spend,7 Day Total Sales",
    "sp-advertised-products": "Date,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend",
    "sb-search-terms": "Date,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Cost type,"
                       "Impressions,Clicks,Spend,14 Day Total Sales",
    "sb-targeting": "Start Date,Campaign Name,Targeting,Match Type,Impressions,Clicks,Spend,"
                    "14 Day New-to-brand Orders (#)",
    "sd-matched-targets": "Date,Campaign Name,Targeting,Matched target,Impressions,Viewable Impressions,Clicks,Spend",
    "sd-targeting": "Date,Campaign Name,Targeting,Bid Optimization,Impressions,Viewable Impressions,Clicks,Spend",
    "sd-advertised-products": "Date,Campaign Name,Advertised SKU,Advertised ASIN,Bid Optimization,Impressions,Clicks,"
                              "Spend",
    "top-search-terms": "Search Frequency Rank,Search Term,Top Clicked Product #1: ASIN,Reporting Date",
    "search-query-performance": "Search Query,Search Query Volume,Impressions: Total Count,Impressions: ASIN Count",
}


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_each_kind_is_recognised_by_its_headers(kind) -> None:
    headers = HEADERS[kind].split(",")
    assert detect(headers).name == kind
    assert detect(list(reversed(headers))).name == kind  # order never matters


def test_every_table_kind_has_a_header_row_in_this_test() -> None:
    assert set(HEADERS) == {name for name, kind in KINDS.items() if not kind.reads_json}


@pytest.mark.parametrize("headers", ["name,email,phone", "Date,Campaign Name,Keyword Text,Impressions,Clicks",
                                     "", "settlement-id,total-amount"])
def test_other_headers_are_no_kind(headers) -> None:
    assert detect(headers.split(",")) is None
