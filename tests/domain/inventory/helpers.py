"""Small hand-made records for the inventory rules' tests (today is 2026-11-22, frozen)."""

from __future__ import annotations

from datetime import date, timedelta

TODAY = date(2026, 11, 22)


def day(back: int) -> date:
    """``back`` days before today (1 = yesterday)."""
    return TODAY - timedelta(days=back)


def sales(sku: str, units_by_day: dict[date, int]) -> list[dict]:
    return [{"sku": sku, "purchase_date": f"{d.isoformat()}T12:00:00+00:00", "quantity": q}
            for d, q in units_by_day.items()]


def steady(sku: str, per_day: int, days: range) -> list[dict]:
    """``per_day`` units on each of the days ``back`` in ``days``."""
    return sales(sku, {day(b): per_day for b in days})


def product(sku: str = "SKU-1", **fields) -> dict:
    record = {
        "id": sku, "sku": sku, "title": f"Product {sku}", "asin": "B000000001", "currency": "USD",
        "price_minor": 2000, "supplier": "Acme", "marketplace": "US",
        "lead_time": {"production_days": 30, "freight_days": 25, "receiving_days": 5},
        "safety_days": 14, "hold_days": 60, "moq": 0, "case_pack": 1,
        "costs": [{"from": "2026-01-01", "landed_minor": 500, "note": ""}],
        "stock": {"fba_available": 100, "inbound_working": 0, "inbound_shipped": 0, "inbound_receiving": 0,
                  "reserved": 0, "fbm": 0, "updated_at": "2026-11-22T08:00:00+00:00"},
        "seasonal": {},
    }
    for key, value in fields.items():
        if key == "stock":
            record["stock"] = {**record["stock"], **value}
        else:
            record[key] = value
    return record
