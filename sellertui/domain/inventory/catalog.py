"""The product records as a frame of raw inputs: built once per products file version.

The frame cache keeps it until the file changes, so opening the tab again
costs nothing here; defaults from the settings and anything that depends on
the day are applied afterwards (``plan``), never cached.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sellertui.domain.inventory.stock import FIELDS as STOCK_FIELDS

LEAD_PARTS = ("production_days", "freight_days", "receiving_days")


def _count(value) -> int:
    return int(value) if isinstance(value, (int, float)) and value == value and value > 0 else 0


def _number(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else np.nan


def products_frame(docs: list[dict]) -> pd.DataFrame:
    rows = []
    stock_names = [f for f, _ in STOCK_FIELDS]
    for p in docs:
        stock = p.get("stock") or {}
        lead = p.get("lead_time") or {}
        amazon = p.get("amazon_restock") or {}
        rows.append((
            p["id"], str(p.get("title") or ""), str(p.get("asin") or ""), str(p.get("supplier") or ""),
            str(p.get("currency") or "USD"), _number(p.get("price_minor")), str(stock.get("updated_at") or "")[:16],
            *[_count(stock.get(name)) for name in stock_names],
            *[_count(lead.get(part)) for part in LEAD_PARTS],
            _number(p.get("safety_days")), _number(p.get("hold_days")), _count(p.get("moq")),
            _count(p.get("case_pack")),
            _number(amazon.get("recommended_qty")), str(amazon.get("recommended_ship_date") or "")[:10],
            str(amazon.get("alert") or ""), _number(amazon.get("days_of_supply")),
            str(amazon.get("updated_at") or "")[:10],
        ))
    columns = ["sku", "title", "asin", "supplier", "currency", "price_minor", "stock_updated", *stock_names,
               "production", "freight", "receiving", "safety_raw", "hold_raw", "moq", "case_pack_raw",
               "amz_qty", "amz_date", "amz_alert", "amz_dos", "amz_updated"]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    return frame.sort_values("sku", kind="stable").reset_index(drop=True)
