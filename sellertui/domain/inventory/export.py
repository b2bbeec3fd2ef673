"""`sellertui export inventory` and `sellertui reorder`: the plan for spreadsheets, scripts and cron.

Both read the same plan as the SKUs tab. pandas is imported inside the
functions: every CLI command loads this module to list the exporters.
"""

from __future__ import annotations

import math

from sellertui import clock
from sellertui.domain.exports import exporter
from sellertui.domain.inventory.settings import InventorySettings
from sellertui.core.money import to_decimal

COLUMNS = [
    "sku", "title", "asin", "supplier", "status", "fba_available", "inbound_working", "inbound_shipped",
    "inbound_receiving", "reserved", "unsellable", "fbm", "available", "inbound", "on_order", "velocity_per_day",
    "days_of_cover", "stockout_date", "reorder_point", "order_qty", "lead_time_days", "safety_days", "hold_days",
    "moq", "case_pack", "landed_cost", "currency", "amazon_recommended_qty", "amazon_alert", "warnings",
]


def load_plan(shop):
    """The shop's inventory plan today, with its thresholds."""
    from sellertui.domain.inventory.plan import build

    return build(shop.store, shop.frames(), InventorySettings.from_section(shop.settings.section("inventory")),
                 clock.today())


def _number(value, places: int):
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), places)


def export_rows(plan) -> list[list]:
    rows = []
    for r in plan.frame.to_dict("records"):
        cost = None if r["cost_minor"] != r["cost_minor"] else str(to_decimal(int(r["cost_minor"]), r["cost_currency"]))
        rows.append([
            r["sku"], r["title"], r["asin"], r["supplier"], r["status_label"], *[int(r[k]) for k in COLUMNS[5:15]],
            _number(r["velocity"], 2), _number(r["cover"], 1), r["stockout"] or None, _number(r["rop"], 1),
            int(r["order_qty"]), int(r["lead"]), int(r["safety"]), int(r["hold"]), int(r["moq"]), int(r["case_pack"]),
            cost, r["cost_currency"], None if r["amz_qty"] != r["amz_qty"] else int(r["amz_qty"]), r["amz_alert"] or None,
            r["warnings"] or None,
        ])
    return rows


@exporter("inventory")
def export_inventory(shop, args) -> tuple[list[str], list[list]]:
    rows = export_rows(load_plan(shop))
    if getattr(args, "status", None):
        wanted = args.status.replace("-", " ").replace("_", " ").lower()
        rows = [r for r in rows if r[4] == wanted]
    return COLUMNS, rows
