"""One order's lines as stored: for its details, its address, and the messages and returns about it.

Order lines live in monthly partitions (by purchase date): knowing the month
reads one file; without it every month is searched.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.domain.orders.notes import note_for


@dataclass
class OrderDetails:
    """Everything shown about one order: its lines, the product notes of its first SKU, its buyer."""

    lines: list[dict]
    note: dict | None
    buyer: dict | None


def lines_of_order(store, order_id: str, month: str) -> list[dict]:
    """Every line of ``order_id`` placed in ``month`` (YYYY-MM, its purchase month)."""
    return [d for d in store["orders"].docs(month).values() if d.get("order_id") == order_id]


def order_details(store, order_id: str, purchase_date: str) -> OrderDetails:
    """The lines of ``order_id`` (placed on ``purchase_date``), with its product notes and buyer."""
    lines = lines_of_order(store, order_id, purchase_date[:7])
    first = lines[0] if lines else {}
    buyer = store["buyers"].get(first["buyer_id"]) if first.get("buyer_id") else None
    return OrderDetails(lines, note_for(store, first.get("sku")) if lines else None, buyer)


def any_line(store, order_id: str | None) -> dict | None:
    """A line of ``order_id`` from any month; None when the store does not hold that order."""
    if not order_id:
        return None
    return next(iter(store["orders"].find(lambda d: d.get("order_id") == order_id)), None)
