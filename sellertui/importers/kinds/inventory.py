"""Manage FBA Inventory and Restock Inventory -> ``products`` (id = SKU).

Both set the product's ``stock`` {fba_available, inbound_working, inbound_shipped,
inbound_receiving, reserved, fbm, unsellable, updated_at} (each report sets the
parts it has); Restock adds ``amazon_restock`` {recommended_qty,
recommended_ship_date, alert, days_of_supply, recommended_action,
units_sold_30d, updated_at}. ``afn-warehouse-quantity`` and ``afn-total-quantity``
re-count other columns and are not read. ``per-unit-volume`` (cubic feet in
the US) becomes the product's ``cubic_feet``, which storage is charged on. An unknown SKU becomes a new product
(sku, title, asin, fnsku, price_minor, currency, marketplace); a known one keeps
everything the user entered and only gains what it lacked. ``updated_at`` is
the time the report file was saved.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.frame import records
from sellertui.importers.kinds.base import Kind, Output, names
from sellertui.importers.locale import market_of_marketplace

IDENTITY = ("sku", "title", "asin", "fnsku", "price_minor", "currency", "marketplace")
STOCK = {  # stock field -> the FBA inventory column holding it
    "fba_available": "afn-fulfillable-quantity",
    "inbound_working": "afn-inbound-working-quantity",
    "inbound_shipped": "afn-inbound-shipped-quantity",
    "inbound_receiving": "afn-inbound-receiving-quantity",
    "reserved": "afn-reserved-quantity",
    "fbm": "mfn-fulfillable-quantity",
    "unsellable": "afn-unsellable-quantity",
}
RESTOCK_STOCK = {"fba_available": "available", "inbound_working": "working", "inbound_shipped": "shipped",
                 "inbound_receiving": "receiving", "unsellable": "unfulfillable"}
RESERVED_PARTS = ("fc transfer", "fc processing", "customer order")


def merge_product(old: dict, new: dict) -> dict:
    """Stock is refreshed; the user's own fields stay; missing identity fields are filled in."""
    out = {}
    if "stock" in new:
        out["stock"] = {**(old.get("stock") or {}), **new["stock"]}
    if "amazon_restock" in new:
        out["amazon_restock"] = new["amazon_restock"]
    if new.get("cubic_feet"):  # Amazon's measure of the unit: storage is charged on it
        out["cubic_feet"] = new["cubic_feet"]
    for key in IDENTITY:
        if new.get(key) not in (None, "") and old.get(key) in (None, ""):
            out[key] = new[key]
    return out


def unique_skus(frame, skus: list) -> None:
    """A SKU listed twice is a problem: which line's stock is right cannot be told."""
    first: dict[str, int] = {}
    for i, sku in enumerate(skus):
        if sku in first:
            frame.problem(i, "sku", _("is listed twice (first on line {line})").format(line=frame.table.lines[first[sku]]))
        elif sku:
            first[sku] = i


def products(frame, skus: list, stock: list[dict], extra: dict[str, list] | None = None) -> list[dict]:
    unique_skus(frame, skus)
    currencies = frame.currencies()
    default = frame.locale.market.code
    country = frame.col("country") if "country" in {c.field for c in frame.kind.columns} else [None] * frame.n
    columns = {"id": skus, "sku": skus, "title": frame.col("title"), "asin": frame.col("asin"),
               "fnsku": frame.col("fnsku"), "price_minor": frame.money("price", currencies), "currency": currencies,
               "marketplace": [market_of_marketplace(c or "") or default for c in country], "stock": stock,
               **(extra or {})}
    return frame.good(frame.records(columns))


class InventoryReport(Kind):
    family = "inventory"
    collection = "products"

    def merge(self, collection: str):
        return merge_product

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["products"]
        stock = [d["stock"] for d in docs]
        return {"skus": len(docs), "available": sum(s.get("fba_available") or 0 for s in stock),
                "inbound": sum((s.get("inbound_working") or 0) + (s.get("inbound_shipped") or 0)
                               + (s.get("inbound_receiving") or 0) for s in stock)}


class FbaInventory(InventoryReport):
    name = "fba-inventory"
    label = N_("a Manage FBA Inventory report")
    signatures = (names("sku", "asin", "afn-fulfillable-quantity", "mfn-fulfillable-quantity"),)
    columns = (
        col("sku", "sku", required=True, blank=REQUIRED),
        col("fnsku", "fnsku", blank=""),
        col("asin", "asin", blank=""),
        col("title", "product-name", blank=""),
        col("price", "your-price", parse="amount"),
        col("cubic_feet", "per-unit-volume", parse="amount"),
        col("fba_available", STOCK["fba_available"], parse="int", required=True, blank=0),
        *(col(f, header, parse="int", blank=0) for f, header in STOCK.items() if f != "fba_available"),
    )

    def build(self, frame) -> Output:
        stock_cols = {f: frame.col(f) for f in STOCK if frame.has(f)}  # a part the file lacks stays as stored
        stamp = [frame.modified] * frame.n
        stock = records({**stock_cols, "updated_at": stamp})
        feet = [float(v) if v else None for v in frame.col("cubic_feet")]
        return Output({"products": products(frame, frame.col("sku"), stock, {"cubic_feet": feet})})



class Restock(InventoryReport):
    name = "restock"
    label = N_("a Restock Inventory report")
    signatures = (names("merchant sku", "recommended replenishment qty", "available"),)
    columns = (
        col("sku", "merchant sku", required=True, blank=REQUIRED),
        col("fnsku", "fnsku", blank=""),
        col("asin", "asin", blank=""),
        col("title", "product name", blank=""),
        col("country", "country"),
        col("currency", "currency code", "currency"),
        col("price", "price", parse="amount"),
        col("recommended_qty", "recommended replenishment qty", parse="int", required=True, blank=0),
        col("recommended_ship_date", "recommended ship date", parse="date"),
        col("recommended_action", "recommended action", blank=""),
        col("alert", "alert", blank=""),
        col("days_of_supply", "total days of supply (including units from open shipments)",
            "days of supply at amazon fulfillment network", parse="days"),
        col("units_sold_30d", "units sold last 30 days", parse="int"),
        *(col(f, header, parse="int", blank=0) for f, header in RESTOCK_STOCK.items()),
        *(col(header.replace(" ", "_"), header, parse="int", blank=0) for header in RESERVED_PARTS),
    )

    def build(self, frame) -> Output:
        n = frame.n
        stock_cols = {f: frame.col(f) for f in RESTOCK_STOCK if frame.has(f)}
        parts = [frame.col(h.replace(" ", "_")) for h in RESERVED_PARTS if frame.has(h.replace(" ", "_"))]
        if parts:
            stock_cols["reserved"] = [sum(values) for values in zip(*parts)]
        stamp = [frame.modified] * n
        stock = records({**stock_cols, "updated_at": stamp})
        restock = records({name: frame.col(name) for name in (
            "recommended_qty", "recommended_ship_date", "alert", "days_of_supply", "recommended_action",
            "units_sold_30d")} | {"updated_at": stamp})
        return Output({"products": products(frame, frame.col("sku"), stock, {"amazon_restock": restock})})


