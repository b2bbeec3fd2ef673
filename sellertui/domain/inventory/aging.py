"""How old the stock on hand is, first in first out.

The only dated arrivals sellertui knows are purchase-order receipts. Stock
sells oldest first, so the units on hand now are the most recent receipts:
walk the receipts from the newest back until they add up to the units on
hand; whatever is left over arrived before the oldest recorded receipt (its
age is *at least* that receipt's). Hand corrections and report imports are
counts, not arrivals, and are not receipts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Age:
    on_hand: int
    aged_units: int = 0  # units received more than ``aged_days`` ago
    oldest_days: int | None = None  # age of the oldest unit on hand (a lower bound when ``before_records``)
    before_records: int = 0  # units on hand older than every recorded receipt
    layers: list[tuple[str, int, int]] = field(default_factory=list)  # (received on, units still on hand, age)

    @property
    def known(self) -> bool:
        return self.oldest_days is not None


def receipts_by_sku(purchase_orders: list[dict]) -> dict[str, list[tuple[str, int]]]:
    """{sku: [(day, units), ...]} from PO receipts (or, for POs without them, the lines' received totals)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for po in purchase_orders:
        receipts = po.get("receipts")
        if receipts:
            for r in receipts:
                if r.get("qty"):
                    found.setdefault(r["sku"], []).append((str(r.get("on") or "")[:10], int(r["qty"])))
            continue
        # older records without receipts: the received date (a received PO arrived when expected)
        day = po.get("received_on") or (po.get("expected_on") if po.get("status") == "received" else None)
        for line in po.get("lines") or []:
            if line.get("received_qty") and day:
                found.setdefault(line["sku"], []).append((str(day)[:10], int(line["received_qty"])))
    return found


def stock_age(on_hand: int, receipts: list[tuple[str, int]], today: date, aged_days: int) -> Age:
    result = Age(on_hand=max(int(on_hand), 0))
    left = result.on_hand
    dated = sorted((r for r in receipts if r[0] and r[0] <= today.isoformat()), reverse=True)
    for day, count in dated:
        if left <= 0:
            break
        taken = min(left, count)
        age = (today - date.fromisoformat(day)).days
        result.layers.append((day, taken, age))
        left -= taken
        result.oldest_days = age
        if age >= aged_days:
            result.aged_units += taken
    if left > 0 and dated:
        result.before_records = left
        if result.oldest_days is not None and result.oldest_days >= aged_days:
            result.aged_units += left  # older than a receipt that is already aged
    return result
