"""All Orders report and the FBM unshipped/new orders report -> ``orders`` (and ``buyers``).

Order lines have the id ``"<order id>/<sku>"`` and the fields of
``sellertui.demo.sales``. ``item-price`` is the line total. Cancelled lines keep
quantity 0 and blank (None) money, as the report has them. Two lines of one
order with the same SKU are added together. An import never moves a line back
from Shipped or Cancelled (e.g. an older report's "Unshipped"), and keeps what
the user added (shipment, history, an edited address).
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.importers.dates import local_date
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import (Kind, Output, combine, combine_columns, keep_user_fields, main_currency,
                                            money_total, names, total)
from sellertui.importers.locale import market_of_marketplace
from sellertui.store.columns import Columns

CHANNELS = {"amazon": "FBA", "afn": "FBA", "fba": "FBA", "merchant": "FBM", "mfn": "FBM", "fbm": "FBM"}
STATUSES = {"pending": "Pending", "unshipped": "Unshipped", "partiallyshipped": "Shipping", "shipping": "Shipping",
            "shipped": "Shipped", "cancelled": "Cancelled", "canceled": "Cancelled",
            "invoiceunconfirmed": "Shipped", "pendingavailability": "Pending"}  # the last two: Orders API
RANK = {"Pending": 0, "Unshipped": 1, "Shipping": 2, "Shipped": 3, "Cancelled": 3}
MONEY = {
    "item_price_minor": "item-price",
    "item_tax_minor": "item-tax",
    "shipping_price_minor": "shipping-price",
    "shipping_tax_minor": "shipping-tax",
    "gift_wrap_price_minor": "gift-wrap-price",
    "gift_wrap_tax_minor": "gift-wrap-tax",
    "promo_discount_minor": "item-promotion-discount",
    "ship_promo_discount_minor": "ship-promotion-discount",
}
ADDED = ("quantity", *MONEY)  # summed when one order has two lines of the same SKU
TEXT = ("ship_service_level", "ship_city", "ship_state", "ship_postal_code", "ship_country", "sales_channel",
        "purchase_order_number", "price_designation", "order_item_id")
COMMON = (
    col("sku", "sku", required=True, blank=REQUIRED),
    col("product", "product-name", blank=""),
    col("currency", "currency"),
    *(col(f, n, parse="amount", required=f == "item_price_minor") for f, n in MONEY.items()),
    col("ship_service_level", "ship-service-level"),
    col("ship_city", "ship-city"),
    col("ship_state", "ship-state"),
    col("ship_postal_code", "ship-postal-code"),
    col("ship_country", "ship-country"),
    col("sales_channel", "sales-channel"),
    col("is_business", "is-business-order", parse="flag", blank=False),
    col("purchase_order_number", "purchase-order-number"),
    col("price_designation", "price-designation"),
    col("order_item_id", "order-item-id"),
)


ORDER_COLUMNS = (  # the All Orders report's order columns (the Orders API is read into the same)
    col("order_id", "amazon-order-id", required=True, blank=REQUIRED),
    col("merchant_order_id", "merchant-order-id"),
    col("purchase_date", "purchase-date", parse="datetime", required=True, blank=REQUIRED),
    col("last_updated", "last-updated-date", parse="datetime"),
    col("status", "order-status", required=True, blank=REQUIRED),
    col("channel", "fulfillment-channel", required=True, blank=REQUIRED),
    col("asin", "asin"),
)


def status_of(text: str | None) -> str | None:
    """``Shipped - Delivered to Buyer`` -> Shipped; an unknown status is kept as written."""
    if not text:
        return text
    head = text.split(" - ")[0].replace(" ", "").replace("-", "").lower()
    return STATUSES.get(head, text)


def never_back(old: dict, new: dict) -> dict:
    """Incoming fields, except a status that would move the line backwards."""
    if RANK.get(old.get("status"), -1) > RANK.get(new.get("status"), -1):
        new = {k: v for k, v in new.items() if k != "status"}
    return new


class OrderReport(Kind):
    family = "orders"
    collection = "orders"

    def totals(self, output: Output, frame) -> dict:
        lines = output.records["orders"]
        currency = main_currency(lines, frame.locale.currency)
        return {"lines": len(lines), "units": total(lines, "quantity"),
                "item_price": money_total(lines, "item_price_minor", currency)}


class AllOrders(OrderReport):
    name = "all-orders"
    label = N_("an All Orders report")
    signatures = (names("amazon-order-id", "purchase-date", "order-status", "fulfillment-channel", "sku"),)
    columns = (
        *ORDER_COLUMNS,
        col("item_status", "item-status"),
        col("quantity", "quantity", parse="int", required=True, blank=0),
        col("promotion_ids", "promotion-ids", blank=""),
        *COMMON,
    )

    def build(self, frame) -> Output:
        raw_channels = frame.col("channel")
        known = {raw: CHANNELS.get((raw or "").lower()) for raw in set(raw_channels)}
        if any(raw and channel is None for raw, channel in known.items()):
            for i, raw in enumerate(raw_channels):
                if raw and known[raw] is None:
                    frame.problem(i, "channel", _("is not a fulfilment channel (expected Amazon or Merchant)"))
        statuses = frame.col("status")
        status = {s: status_of(s) for s in set(statuses)}
        extra = {name: frame.col(name) for name in ("merchant_order_id", "last_updated", "asin", "item_status",
                                                      "promotion_ids")}
        columns = order_lines(frame, list(map(status.__getitem__, statuses)),
                              list(map(known.__getitem__, raw_channels)), extra)
        lines, merged = combine_columns(Columns(frame.good_columns(columns)), ADDED)  # no dict per line
        return Output({"orders": lines}, merged)

    def merge(self, collection: str):
        return never_back



class FbmOrders(OrderReport):
    name = "fbm-orders"
    label = N_("an unshipped or new orders report (FBM)")
    signatures = (names("order-id", "order-item-id", "purchase-date", "sku", "quantity-purchased"),
                  names("order-id", "order-item-id", "purchase-date", "sku", "quantity-to-ship"))
    columns = (
        col("order_id", "order-id", required=True, blank=REQUIRED),
        col("purchase_date", "purchase-date", parse="datetime", required=True, blank=REQUIRED),
        col("payments_date", "payments-date", parse="datetime"),
        col("buyer_email", "buyer-email", blank=""),
        col("buyer_name", "buyer-name", blank=""),
        col("buyer_phone", "buyer-phone-number", blank=""),
        col("quantity", "quantity-purchased", "quantity-to-ship", parse="int", required=True, blank=REQUIRED),
        col("recipient", "recipient-name", blank=""),
        col("line1", "ship-address-1", blank=""),
        col("line2", "ship-address-2", blank=""),
        col("line3", "ship-address-3", blank=""),
        col("ship_phone", "ship-phone-number", blank=""),
        col("latest_ship", "latest-ship-date", parse="datetime"),
        col("promise", "promise-date", parse="datetime"),
        col("delivery_start", "delivery-start-date", parse="datetime"),
        col("delivery_instructions", "delivery-instructions", blank=""),
        *COMMON,
    )

    def build(self, frame) -> Output:
        n = frame.n
        tz = frame.locale.tz
        ship_by = [local_date(a or b or c, tz)
                   for a, b, c in zip(frame.col("latest_ship"), frame.col("promise"), frame.col("delivery_start"))]
        emails = [e.strip() for e in frame.col("buyer_email")]
        extra = {"payments_date": frame.col("payments_date"), "ship_by": ship_by,
                 "delivery_instructions": frame.col("delivery_instructions"), "buyer_email": emails,
                 "buyer_id": [e.lower() or None for e in emails], "buyer_name": frame.col("buyer_name")}
        docs = frame.records(order_lines(frame, ["Unshipped"] * n, ["FBM"] * n, extra))
        buyers = addresses_and_buyers(frame, docs)
        lines, merged = combine(frame.good(docs), ADDED)
        unique_buyers = {b["id"]: b for b in frame.good(buyers)}
        return Output({"orders": lines, "buyers": list(unique_buyers.values())}, merged)

    def merge(self, collection: str):
        if collection == "buyers":
            return keep_user_fields(("tags", "notes", "blacklisted"))
        # a known line keeps its state: only new lines are Unshipped
        return keep_user_fields(("status", "history", "address", "shipment"))



def addresses_and_buyers(frame, docs: list[dict]) -> list[dict | None]:
    """Each FBM line's shipping address (and an empty history); the buyer each row names, or None."""
    c = {name: frame.col(name) for name in ("recipient", "line1", "line2", "line3", "ship_phone", "buyer_phone")}
    buyers: list[dict | None] = []
    for i, doc in enumerate(docs):
        address = {"name": c["recipient"][i], "line1": c["line1"][i],
                   "line2": ", ".join(x for x in (c["line2"][i], c["line3"][i]) if x),
                   "city": doc["ship_city"] or "", "state": doc["ship_state"] or "",
                   "postal_code": doc["ship_postal_code"] or "", "country": doc["ship_country"] or "",
                   "phone": c["ship_phone"][i] or c["buyer_phone"][i]}
        doc["address"] = address
        doc["history"] = []
        buyer_id = doc["buyer_id"]
        buyers.append({"id": buyer_id, "name": doc["buyer_name"] or address["name"], "email": doc["buyer_email"],
                       "tags": [], "notes": "", "blacklisted": False, "address": address} if buyer_id else None)
    return buyers


def order_lines(frame, statuses: list, channels: list, extra: dict[str, list]) -> dict[str, list]:
    """The order-line records' columns (one value per row), with the fields both order reports share."""
    order_ids, skus = frame.col("order_id"), frame.col("sku")
    currencies = frame.currencies()
    default_market = frame.locale.market.code
    marketplaces = {s: market_of_marketplace(s or "") or default_market for s in set(frame.col("sales_channel"))}
    columns = {
        "id": [f"{o}/{s}" for o, s in zip(order_ids, skus)],
        "order_id": order_ids,
        "sku": skus,
        "purchase_date": frame.col("purchase_date"),
        "status": statuses,
        "channel": channels,
        "product": frame.col("product"),
        "quantity": frame.col("quantity"),
        "currency": currencies,
        "marketplace": [marketplaces[s] for s in frame.col("sales_channel")],
        "is_business": frame.col("is_business"),
        **{name: frame.money(name, currencies) for name in MONEY},
        **{name: frame.col(name) for name in TEXT},
        **extra,
    }
    return columns

