"""Orders from the Orders API (getOrders with each order's getOrderItems) -> ``orders`` (and ``buyers``).

The same records, with the same key ``"<order id>/<sku>"``, as the All Orders
report and the FBM orders report: an order synced and the same order imported
by hand are one record. The document is ``{"Orders": [order…]}``, each order
as getOrders returns it with its ``OrderItems`` attached. Money keeps the
reports' signs: a promotion discount is negative, as the All Orders report
writes it. Buyer and address columns exist only when the orders carry them (a
Restricted Data Token was granted): without them, an address or buyer stored
from an FBM report is never blanked.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.core.markets import by_amazon_id
from sellertui.importers.dates import local_date
from sellertui.importers.errors import FileProblem
from sellertui.importers.headers import col
from sellertui.importers.kinds.base import JsonKind, JsonRead, Output, combine, json_table, keep_user_fields, text
from sellertui.importers.kinds.orders import (ADDED, CHANNELS, COMMON, ORDER_COLUMNS, OrderReport,
                                              addresses_and_buyers, never_back, order_lines, status_of)

# header -> (where in the order, where in the item): a path of keys; Money fields read their Amount
ORDER = {
    "amazon-order-id": ("AmazonOrderId",), "merchant-order-id": ("SellerOrderId",),
    "purchase-date": ("PurchaseDate",), "last-updated-date": ("LastUpdateDate",), "order-status": ("OrderStatus",),
    "fulfillment-channel": ("FulfillmentChannel",), "sales-channel": ("SalesChannel",),
    "ship-service-level": ("ShipServiceLevel",), "is-business-order": ("IsBusinessOrder",),
    "latest-ship-date": ("LatestShipDate",), "earliest-delivery-date": ("EarliestDeliveryDate",),
    "latest-delivery-date": ("LatestDeliveryDate",), "ship-city": ("ShippingAddress", "City"),
    "ship-state": ("ShippingAddress", "StateOrRegion"), "ship-postal-code": ("ShippingAddress", "PostalCode"),
    "ship-country": ("ShippingAddress", "CountryCode"),
}
ITEM = {
    "sku": ("SellerSKU",), "asin": ("ASIN",), "product-name": ("Title",), "quantity": ("QuantityOrdered",),
    "order-item-id": ("OrderItemId",), "price-designation": ("PriceDesignation",),
    "item-price": ("ItemPrice", "Amount"), "item-tax": ("ItemTax", "Amount"),
    "shipping-price": ("ShippingPrice", "Amount"), "shipping-tax": ("ShippingTax", "Amount"),
}
NEGATED = {"item-promotion-discount": ("PromotionDiscount", "Amount"),  # the reports write discounts negative
           "ship-promotion-discount": ("ShippingDiscount", "Amount")}
RESTRICTED = {  # only with a Restricted Data Token
    "buyer-email": ("BuyerInfo", "BuyerEmail"), "buyer-name": ("BuyerInfo", "BuyerName"),
    "purchase-order-number": ("BuyerInfo", "PurchaseOrderNumber"), "recipient-name": ("ShippingAddress", "Name"),
    "ship-address-1": ("ShippingAddress", "AddressLine1"), "ship-address-2": ("ShippingAddress", "AddressLine2"),
    "ship-address-3": ("ShippingAddress", "AddressLine3"), "ship-phone-number": ("ShippingAddress", "Phone"),
}


def _at(source: dict, path: tuple[str, ...]) -> object:
    value: object = source
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _negated(value: object) -> str:
    cell = text(value).strip()
    if not cell or cell.lstrip("-").replace(".", "", 1).strip("0") == "":
        return cell  # blank or zero stays as written
    return cell[1:] if cell.startswith("-") else "-" + cell


class OrdersApi(OrderReport, JsonKind):
    name = "orders-api"
    label = N_("orders from the Orders API")
    columns = (
        *ORDER_COLUMNS,
        col("quantity", "quantity", parse="int", required=True, blank=0),
        col("promotion_ids", "promotion-ids", blank=""),
        col("latest_ship", "latest-ship-date", parse="datetime"),
        col("earliest_delivery", "earliest-delivery-date", parse="datetime"),
        col("latest_delivery", "latest-delivery-date", parse="datetime"),
        col("buyer_email", "buyer-email", blank=""),
        col("buyer_name", "buyer-name", blank=""),
        col("buyer_phone", "buyer-phone-number", blank=""),
        col("recipient", "recipient-name", blank=""),
        col("line1", "ship-address-1", blank=""),
        col("line2", "ship-address-2", blank=""),
        col("line3", "ship-address-3", blank=""),
        col("ship_phone", "ship-phone-number", blank=""),
        *COMMON,
    )

    def fits(self, document: object) -> bool:
        return isinstance(document, dict) and isinstance(document.get("Orders"), list)

    def read_json(self, name: str, document: object) -> JsonRead:
        if not self.fits(document):
            raise FileProblem(name, _("is not a list of orders from the Orders API (no \"Orders\" list)"))
        rows, restricted = [], False
        markets = set()
        for number, order in enumerate(document["Orders"], 1):
            if not isinstance(order, dict) or not order.get("AmazonOrderId"):
                raise FileProblem(name, _("order {number} has no AmazonOrderId").format(number=number))
            items = order.get("OrderItems")
            if not isinstance(items, list):
                raise FileProblem(name, _("order {order} has no OrderItems list").format(order=order["AmazonOrderId"]))
            market = by_amazon_id(str(order.get("MarketplaceId") or ""))
            markets.add(market.code if market else None)
            restricted = restricted or any(_at(order, path) for path in RESTRICTED.values())
            for item in items:
                rows.append(self._row(order, item if isinstance(item, dict) else {}, market))
        headers = [*ORDER, *ITEM, *NEGATED, "currency", "promotion-ids"]
        if restricted:
            headers += list(RESTRICTED)
        only = markets.pop() if len(markets) == 1 else None
        return JsonRead(json_table(name, headers, rows), None, only)

    @staticmethod
    def _row(order: dict, item: dict, market) -> dict:
        row = {h: text(_at(order, p)) for h, p in ORDER.items()}
        row.update({h: text(_at(item, p)) for h, p in ITEM.items()})
        row.update({h: _negated(_at(item, p)) for h, p in NEGATED.items()})
        row.update({h: text(_at(order, p)) for h, p in RESTRICTED.items()})
        if not row["sales-channel"] and market is not None:
            row["sales-channel"] = market.name
        row["currency"] = text(_at(item, ("ItemPrice", "CurrencyCode")) or _at(order, ("OrderTotal", "CurrencyCode")))
        ids = item.get("PromotionIds")
        row["promotion-ids"] = ",".join(map(str, ids)) if isinstance(ids, list) else ""
        return row

    def build(self, frame) -> Output:
        raw_channels = frame.col("channel")
        channels = [CHANNELS.get((raw or "").lower()) for raw in raw_channels]
        for i, channel in enumerate(channels):
            if channel is None:
                frame.problem(i, "channel", _("is not a fulfilment channel (expected AFN or MFN)"))
        tz = frame.locale.tz
        ship_by = [local_date(moment, tz) if channel == "FBM" else None
                   for moment, channel in zip(frame.col("latest_ship"), channels)]
        extra = {name: frame.col(name) for name in ("merchant_order_id", "last_updated", "asin", "promotion_ids")}
        extra["ship_by"] = ship_by
        # the delivery window Amazon promised the buyer: what a review request's window is reckoned from
        for name in ("earliest_delivery", "latest_delivery"):
            extra[name] = [local_date(moment, tz) if moment else None for moment in frame.col(name)]
        restricted = frame.has("buyer_email")
        if restricted:  # without a Restricted Data Token these fields are absent, never blanked
            emails = [e.strip() for e in frame.col("buyer_email")]
            extra.update(buyer_email=emails, buyer_id=[e.lower() or None for e in emails],
                         buyer_name=frame.col("buyer_name"))
        docs = frame.records(order_lines(frame, [status_of(s) for s in frame.col("status")], channels, extra))
        records = {}
        if restricted:
            buyers = {b["id"]: b for b in frame.good(addresses_and_buyers(frame, docs)) if b}
            records["buyers"] = list(buyers.values())
        else:
            for doc in docs:
                doc["history"] = []
        lines, merged = combine(frame.good(docs), ADDED)
        return Output({"orders": lines, **records}, merged)

    def merge(self, collection: str):
        if collection == "buyers":
            return keep_user_fields(("tags", "notes", "blacklisted"))
        keep = keep_user_fields(("history", "address", "shipment"))
        return lambda old, new: never_back(old, keep(old, new))
