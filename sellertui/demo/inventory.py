"""The demo shop's inventory story: what the Inventory tab needs to show every feature.

On top of ``planning.set_stock`` (stock levels spread over the statuses) and
the demo purchase orders, this adds: SKUs sold out everywhere, a stock-out
recorded in a SKU's history and hand corrections with their reasons, receipts
on the received PO, a partly received PO, old receipts that make stock aged,
unsellable units and Amazon's Restock recommendation on a few SKUs. Orders are
left untouched (other tabs show them); the story is fitted to them instead.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta


def _sale_days(orders: list[dict]) -> dict[str, set[str]]:
    days: dict[str, set[str]] = defaultdict(set)
    for o in orders:
        if o.get("quantity"):
            days[o["sku"]].add(o["purchase_date"][:10])
    return days


def _entry(at: datetime, by: str, field: str, old: int, new: int, reason: str, sellable: int) -> dict:
    return {"at": at.isoformat(timespec="seconds"), "by": by, "field": field, "old": old, "new": new,
            "reason": reason, "sellable": sellable}


def _quiet_run(days: set[str], today: date, min_length: int) -> tuple[date, date] | None:
    """The longest run of days without a sale in the last 80 days (first quiet day, first day with a sale)."""
    best, start = None, None
    for back in range(80, 0, -1):
        day = today - timedelta(days=back)
        if day.isoformat() not in days:
            start = start or day
        elif start is not None:
            if (day - start).days >= min_length and (best is None or (day - start) > (best[1] - best[0])):
                best = (start, day)
            start = None
    return best


def sold_out(products: list[dict], sales: dict[str, set[str]], now: datetime, founder: str) -> None:
    """The demo's out-of-stock scenario also has nothing in the own warehouse; the history says since when."""
    today = now.date()
    for p in products[6::9][:4]:
        stock = p["stock"]
        last = max((d for d in sales.get(p["sku"], ()) if d < today.isoformat()), default=None)
        when = datetime.combine(date.fromisoformat(last) + timedelta(days=1) if last else today - timedelta(days=30),
                                datetime.min.time(), now.tzinfo).replace(hour=8)
        p["stock_history"] = [_entry(when, founder, "fbm", stock.get("fbm", 0), 0,
                                     "last units sent to FBA; own warehouse empty", 0)]
        stock["fbm"] = 0
        stock["fba_available"] = 0


def recorded_stockout(products: list[dict], sales: dict[str, set[str]], now: datetime, founder: str) -> None:
    """A healthy SKU that sold out for a while: the quiet run in its sales, recorded in its history."""
    today = now.date()
    for p in products[:30]:
        if p.get("stock_history") or p["stock"].get("fba_available", 0) < 20:
            continue
        run = _quiet_run(sales.get(p["sku"], set()), today, 8)
        if run is None:
            continue
        out, back = run
        at = lambda d, h: datetime.combine(d, datetime.min.time(), now.tzinfo).replace(hour=h)  # noqa: E731
        p["stock_history"] = [
            _entry(at(out, 7), founder, "fba_available", 0, 0, "FBA shows 0 available: sold out", 0),
            _entry(at(back, 10), "ben", "fba_available", 0, 120, "inbound shipment FBA15K2X checked in", 120),
        ]
        return


def hand_corrections(products: list[dict], now: datetime) -> None:
    """Counts that did not match: the reason is kept with the old and new numbers."""
    notes = [("fbm", -3, "3PL count: 3 boxes water-damaged", "chen"),
             ("fbm", 6, "found a carton at the 3PL", "ben"),
             ("unsellable", 4, "customer returns graded unsellable", "ben")]
    candidates = [p for p in products if p["stock"].get("fbm", 0) >= 12 and not p.get("stock_history")]
    for (field, delta, reason, by), p in zip(notes, candidates[1::3]):
        stock = p["stock"]
        old = stock.get(field, 0)
        new = max(old + delta, 0)
        stock[field] = new
        sellable = stock.get("fba_available", 0) + stock.get("fbm", 0)
        p.setdefault("stock_history", []).append(
            _entry(now - timedelta(days=4, hours=3), by, field, old, new, reason, sellable))


def amazon_restock(products: list[dict], now: datetime) -> None:
    """Amazon's own Restock recommendation, as the importer would store it, on a few SKUs."""
    today = now.date()
    for i, p in enumerate(products[:12:2]):
        stock = p["stock"]
        alert = "out_of_stock" if not stock.get("fba_available") else ("reorder_now" if i % 2 else "")
        p["amazon_restock"] = {
            "recommended_qty": (i + 2) * 60 if alert else 0,
            "recommended_ship_date": (today + timedelta(days=3 + i)).isoformat() if alert else None,
            "alert": alert,
            "days_of_supply": 12 + i * 9,
            "updated_at": (today - timedelta(days=1)).isoformat(),
        }


def receipts(purchase_orders: list[dict], products: list[dict], today: date) -> list[dict]:
    """Receipts on the received PO; a partly received PO; two old receipts that make stock aged."""
    by_sku = {p["sku"]: p for p in products}
    for po in purchase_orders:
        if po["status"] == "received" and not po.get("receipts"):
            po["received_on"] = po["expected_on"]
            po["receipts"] = [{"on": po["expected_on"], "sku": line["sku"], "qty": line["received_qty"],
                               "to": "fbm", "by": "ben"} for line in po["lines"]]
    overstock = [p for p in products[5::9] if p["stock"].get("fba_available", 0) > 0][:2]
    story = []
    if overstock:
        lines = []
        for p in overstock:
            qty = p["stock"]["fba_available"] + p["stock"].get("fbm", 0) + p["case_pack"] * 4
            lines.append({"sku": p["sku"], "qty": qty, "unit_cost_minor": int(p["costs"][0]["landed_minor"] * 0.8),
                          "received_qty": qty})
        day = (today - timedelta(days=236)).isoformat()
        story.append({
            "supplier": overstock[0]["supplier"], "status": "received", "currency": "USD",
            "ordered_on": (today - timedelta(days=300)).isoformat(), "shipped_on": (today - timedelta(days=265)).isoformat(),
            "expected_on": day, "received_on": day, "lines": lines,
            "receipts": [{"on": day, "sku": l["sku"], "qty": l["qty"], "to": "fbm", "by": "ben"} for l in lines],
            "shipping_minor": 48000, "notes": "spring restock (too much, as it turned out)",
        })
    partly = [p for p in products if p["supplier"] == "Yiwu Metalcraft"][:2]
    if partly and all(p["sku"] in by_sku for p in partly):
        received_on = (today - timedelta(days=3)).isoformat()
        lines = []
        for n, p in enumerate(partly):
            qty = max(p["moq"], p["case_pack"] * 12)
            qty -= qty % p["case_pack"]
            got = qty // 2 if n == 0 else 0
            lines.append({"sku": p["sku"], "qty": qty, "unit_cost_minor": int(p["costs"][-1]["landed_minor"] * 0.8),
                          "received_qty": got})
        story.append({
            "supplier": "Yiwu Metalcraft", "status": "shipped", "currency": "USD",
            "ordered_on": (today - timedelta(days=50)).isoformat(), "shipped_on": (today - timedelta(days=20)).isoformat(),
            "expected_on": (today + timedelta(days=4)).isoformat(), "received_on": None, "lines": lines,
            "receipts": [{"on": received_on, "sku": lines[0]["sku"], "qty": lines[0]["received_qty"], "to": "fbm",
                          "by": "chen"}],
            "shipping_minor": 31000, "notes": "first half of the cartons arrived; the rest is at the port",
        })
    return story[:1] + purchase_orders + story[1:]


def add_inventory_story(data: dict[str, list[dict]], now: datetime, founder: str) -> None:
    products, today = data["products"], now.date()
    sales = _sale_days(data["orders"])
    sold_out(products, sales, now, founder)
    recorded_stockout(products, sales, now, founder)
    hand_corrections(products, now)
    amazon_restock(products, now)
    data["purchase_orders"] = receipts(data["purchase_orders"], products, today)
