"""Active Listings / All Listings report -> ``products`` (id = SKU): the live price, status and channel.

Seller Central's listings report is tab-separated: ``item-name,
item-description, listing-id, seller-sku, price, quantity, open-date, …,
asin1, asin2, asin3, …, product-id, …, pending-quantity,
fulfillment-channel, merchant-shipping-group, status`` (the Active Listings
report has no ``status``: every row is active). ``fulfillment-channel`` is
``DEFAULT`` for your own shipping and ``AMAZON_NA``/``AMAZON_EU``/… for FBA;
``quantity`` is blank for FBA listings. The price is the one buyers see now:
it replaces the product's ``price_minor`` (the price promotion checks
discount), and the listing is kept as ``listing`` {status, channel,
quantity, open_date, listing_id, updated_at}. A new SKU becomes a product.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.frame import records
from sellertui.importers.kinds.base import Kind, Output, money_total, names
from sellertui.importers.kinds.inventory import merge_product, unique_skus


def channel_of(text: str | None) -> str:
    value = (text or "").strip().upper()
    return "FBA" if value.startswith("AMAZON") or value == "AFN" else "FBM"


def merge_listing(old: dict, new: dict) -> dict:
    """The listing and its live price are Amazon's and refresh; everything else as for stock reports."""
    out = merge_product(old, {k: v for k, v in new.items() if k != "price_minor"})
    out["listing"] = new["listing"]
    if new.get("price_minor") is not None:
        out["price_minor"] = new["price_minor"]
    return out


class ActiveListings(Kind):
    name = "listings"
    label = N_("an Active Listings report")
    family = "listings"
    collection = "products"
    signatures = (names("seller-sku", "listing-id", "item-name", "fulfillment-channel"),)
    columns = (
        col("sku", "seller-sku", required=True, blank=REQUIRED),
        col("title", "item-name", required=True, blank=""),
        col("listing_id", "listing-id", blank=""),
        col("price", "price", parse="amount"),
        col("quantity", "quantity", parse="int"),
        col("open_date", "open-date", parse="datetime"),
        col("asin", "asin1", blank=""),
        col("channel", "fulfillment-channel", required=True, blank=""),
        col("status", "status", blank="Active"),
        col("pending", "pending-quantity", parse="int"),
    )

    def merge(self, collection: str):
        return merge_listing

    def build(self, frame) -> Output:
        skus = frame.col("sku")
        unique_skus(frame, skus)
        currency = frame.locale.currency
        listing = records({"status": frame.col("status"), "channel": [channel_of(c) for c in frame.col("channel")],
                           "quantity": frame.col("quantity"), "open_date": frame.col("open_date"),
                           "listing_id": frame.col("listing_id"), "updated_at": [frame.modified] * frame.n})
        columns = {"id": skus, "sku": skus, "title": frame.col("title"), "asin": frame.col("asin"),
                   "price_minor": frame.money("price"), "currency": [currency] * frame.n,
                   "marketplace": [frame.locale.market.code] * frame.n, "listing": listing}
        return Output({"products": frame.good(frame.records(columns))})

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["products"]
        active = sum(1 for d in docs if str(d["listing"]["status"]).lower() == "active")
        fba = sum(1 for d in docs if d["listing"]["channel"] == "FBA")
        return {"skus": len(docs), "active": active, "fba": fba,
                "price_sum": money_total(docs, "price_minor", frame.locale.currency)}
