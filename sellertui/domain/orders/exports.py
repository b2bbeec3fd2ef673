"""`sellertui export orders|messages|returns` — the records as the Orders tab shows them."""

from __future__ import annotations

from sellertui.domain.exports import exporter
from sellertui.domain.orders.table import order_months
from sellertui.core.money import to_decimal

ORDER_COLUMNS = ["order_id", "order_item_id", "purchase_date", "status", "channel", "marketplace", "sku", "asin",
                 "product", "quantity", "currency", "item_price", "item_tax", "shipping_price", "promo_discount",
                 "buyer_name", "ship_by", "carrier", "tracking", "ship_date"]
MESSAGE_COLUMNS = ["id", "received_at", "deadline", "status", "replied_at", "buyer_name", "order_id", "sku", "text"]
RETURN_COLUMNS = ["id", "order_id", "sku", "channel", "status", "reason", "quantity", "requested_at", "received_at",
                  "refund_deadline", "refunded_at", "currency", "refund"]


def _money(record: dict, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(to_decimal(value, record.get("currency") or "USD"))


def _since(records, args, field: str):
    return [r for r in records if not args.since or (r.get(field) or "")[:10] >= args.since]


def _status(records, args):
    return [r for r in records if not args.status or (r.get("status") or "").lower() == args.status.lower()]


@exporter("orders")
def export_orders(shop, args) -> tuple[list[str], list[list]]:
    store = shop.store
    months = [m for m in order_months(store) if not args.since or m >= args.since[:7]]  # months before --since are skipped
    lines = _status(_since(store["orders"].rows(months), args, "purchase_date"), args)
    rows = []
    for o in sorted(lines, key=lambda r: r.get("purchase_date") or ""):
        shipment = o.get("shipment") or {}
        rows.append([o.get("order_id"), o.get("order_item_id"), o.get("purchase_date"), o.get("status"), o.get("channel"),
                     o.get("marketplace"), o.get("sku"), o.get("asin"), o.get("product"), o.get("quantity"),
                     o.get("currency"), _money(o, "item_price_minor"), _money(o, "item_tax_minor"),
                     _money(o, "shipping_price_minor"), _money(o, "promo_discount_minor"), o.get("buyer_name"),
                     o.get("ship_by"), shipment.get("carrier"), shipment.get("tracking"), shipment.get("ship_date")])
    return ORDER_COLUMNS, rows


@exporter("messages")
def export_messages(shop, args) -> tuple[list[str], list[list]]:
    store = shop.store
    from sellertui.domain.orders.messages import deadline

    found = _status(_since(store["messages"].rows(), args, "received_at"), args)
    rows = [[m["id"], m.get("received_at"), deadline(m["received_at"]).isoformat(), m.get("status"), m.get("replied_at"),
             m.get("buyer_name"), m.get("order_id"), m.get("sku"), m.get("text")]
            for m in sorted(found, key=lambda r: r.get("received_at") or "")]
    return MESSAGE_COLUMNS, rows


@exporter("returns")
def export_returns(shop, args) -> tuple[list[str], list[list]]:
    store = shop.store
    from sellertui.domain.orders.returns import refund_deadline

    found = _status(_since(store["returns"].rows(), args, "requested_at"), args)
    rows = []
    for r in sorted(found, key=lambda c: c.get("requested_at") or ""):
        due = refund_deadline(r)
        rows.append([r["id"], r.get("order_id"), r.get("sku"), r.get("channel"), r.get("status"), r.get("reason"),
                     r.get("quantity"), r.get("requested_at"), r.get("received_at"), due.isoformat() if due else None,
                     r.get("refunded_at"), r.get("currency"), _money(r, "refund_minor")])
    return RETURN_COLUMNS, rows
