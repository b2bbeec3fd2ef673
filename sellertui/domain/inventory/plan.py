"""Every SKU's stock, velocity, cover, reorder point, suggestion, status and warnings: one frame.

The SKUs tab, ``sellertui export inventory`` and ``sellertui reorder`` all read
this frame, so they always agree. Orders come through the shared frame cache
(only the months the velocity needs, only re-read when a month's file
changes); the formulas run on whole columns at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sellertui.core.i18n import _
from sellertui.domain.economics import cost_currency, cost_entry_on
from sellertui.domain.inventory import formulas, velocity as velocity_mod
from sellertui.domain.inventory.catalog import products_frame
from sellertui.domain.inventory.aging import receipts_by_sku, stock_age
from sellertui.domain.inventory.promos import planned_promotions, shortfalls
from sellertui.domain.inventory.purchase_orders import drafted, on_order as open_lines
from sellertui.domain.inventory.settings import WINDOWS, InventorySettings
from sellertui.domain.inventory.stock import INBOUND

WARNING_NAMES = {"lead": "cover < lead", "fee": "low-stock fee", "aged": "aged", "promo": "promo"}


@dataclass
class Plan:
    frame: pd.DataFrame
    products: dict[str, dict]
    purchase_orders: list[dict]
    today: date
    settings: InventorySettings

    def row(self, position: int) -> dict:
        return self.frame.iloc[position].to_dict()

    def position_of(self, sku: str) -> int | None:
        hits = np.flatnonzero(self.frame["sku"].to_numpy() == sku)
        return int(hits[0]) if len(hits) else None


def build(store, frames, settings: InventorySettings, today: date) -> Plan:
    catalog = frames.frame("products", products_frame, name="inventory.products")
    records = store["products"].docs()
    purchase_orders = store["purchase_orders"].all()
    promotions = planned_promotions(store["promotions"].all(), today)
    sales, first_day = velocity_mod.recent_sales(frames, today)
    return compute(catalog, records, purchase_orders, promotions, sales, first_day, settings, today)


def compute_from_records(products: list[dict], purchase_orders: list[dict], promotions: list[dict],
                         sales: pd.DataFrame, first_day: date | None, settings: InventorySettings,
                         today: date) -> Plan:
    """``compute`` from plain records (tests, scripts)."""
    return compute(products_frame(products), {p["id"]: p for p in products}, purchase_orders,
                   planned_promotions(promotions, today), sales, first_day, settings, today)


def compute(catalog: pd.DataFrame, records: dict[str, dict], purchase_orders: list[dict], promotions: list[dict],
            sales: pd.DataFrame, first_day: date | None, settings: InventorySettings, today: date) -> Plan:
    skus = catalog["sku"].tolist()
    products = [records.get(sku) or {"id": sku} for sku in skus]
    n = len(skus)
    col = {name: catalog[name].to_numpy() for name in catalog.columns if name not in ("title", "asin")}
    out: dict[str, object] = {}  # the new columns, added to the frame at once (faster than one by one)

    # the settings' defaults where a SKU has no value of its own
    lead = col["production"] + col["freight"] + col["receiving"]
    out["lead_default"] = lead <= 0
    out["lead"] = lead = np.where(lead > 0, lead, settings.default_lead_days)
    out["safety"] = safety = np.where(col["safety_raw"] >= 0, col["safety_raw"], settings.default_safety_days).astype(int)
    out["hold"] = hold = np.where(col["hold_raw"] > 0, col["hold_raw"], settings.default_hold_days).astype(int)
    out["case_pack"] = case_pack = np.where(col["case_pack_raw"] > 0, col["case_pack_raw"], 1)
    entries = [cost_entry_on(p, today) for p in products]
    out["cost_minor"] = np.array([np.nan if e is None else int(e["landed_minor"]) for e in entries], dtype=float)
    out["cost_currency"] = [cost_currency(p, e) for p, e in zip(products, entries)]  # the cost's own currency

    v = velocity_mod.compute(skus, products, sales, first_day, today, settings)
    vel = v.velocity
    out.update(velocity=vel, base=v.base, factor_now=v.factor_now, out_recorded=v.days_recorded_out,
               out_inferred=v.days_inferred_out, no_data=v.days_no_data)
    for w in WINDOWS:
        out.update({f"u{w}": v.units[w], f"a{w}": v.adjusted[w], f"d{w}": v.days[w], f"r{w}": v.rates[w]})

    # stock and what is on order
    due = open_lines(purchase_orders)
    out["available"] = available = col["fba_available"] + col["fbm"]
    out["inbound"] = inbound = sum(col[name] for name in INBOUND)
    out["on_hand"] = on_hand = available + inbound
    out["on_order"] = on_order = np.array([sum(q for _, q, _ in due[s]) if s in due else 0 for s in skus], dtype=np.int64)
    out["on_order_pos"] = [", ".join(f"PO {po}: {q:,} due {d or '?'}" for po, q, d in due[s]) if s in due else ""
                           for s in skus]
    drafts = drafted(purchase_orders)
    out["draft_pos"] = [", ".join(f"PO {po}: {q:,}" for po, q in drafts[s]) if s in drafts else "" for s in skus]
    out["next_arrival"] = [min((d for _, _, d in due[s] if d), default="") if s in due else "" for s in skus]
    out["position"] = position = on_hand + on_order
    out["inbound_parts"] = [f"{a}/{b}/{c}" for a, b, c in
                            zip(col["inbound_working"], col["inbound_shipped"], col["inbound_receiving"])]

    # the formulas, on whole columns
    out["cover"] = cover = formulas.days_of_cover(available, inbound, vel)
    out["rop"] = formulas.reorder_point(vel, lead, safety)
    out["need"] = need = formulas.units_needed(vel, lead, hold, on_hand, on_order)
    out["order_qty"] = formulas.order_quantity(need, case_pack, col["moq"])
    finite = np.isfinite(cover)
    days = np.datetime64(today, "D") + np.where(finite, cover, 0).astype("int64").astype("timedelta64[D]")
    out["stockout"] = np.where(finite, days.astype(str), "")
    codes = formulas.status(available, position, vel, lead, safety, cover, settings.order_soon_days,
                            settings.overstock_days)
    out["status"] = codes
    out["status_label"] = np.array([formulas.STATUS_LABEL[c] for c in codes], dtype=object)
    out["status_rank"] = np.array([formulas.STATUS_RANK[c] for c in codes], dtype=np.int64)

    # warnings
    fba_units = col["fba_available"] + col["reserved"]
    out["dos30"] = dos30 = formulas.days_of_supply(fba_units, v.units[30], 30)
    out["dos90"] = dos90 = formulas.days_of_supply(fba_units, v.units[90], 90)
    out["warn_lead"] = (vel > 0) & (cover < lead)
    # the fee is charged on units shipped from FBA: nothing there, nothing charged
    out["warn_fee"] = (fba_units > 0) & (dos30 < settings.low_inventory_days) & (dos90 < settings.low_inventory_days)
    out.update(_aging(skus, products, on_hand + col["reserved"], purchase_orders, settings, today))
    out.update(_promotions(skus, on_hand, vel, promotions, due, today))
    warnings = np.full(n, "", dtype=object)
    for key, name in WARNING_NAMES.items():
        flags = out[f"warn_{key}"]
        warnings[flags] = np.where(warnings[flags] == "", name, warnings[flags] + ", " + name)
    out["warnings"] = warnings
    out["haystack"] = [f"{a} {b} {c} {d}".lower() for a, b, c, d in
                       zip(skus, catalog["title"].tolist(), catalog["asin"].tolist(), catalog["supplier"].tolist())]

    frame = pd.concat([catalog.reset_index(drop=True), pd.DataFrame(out)], axis=1)
    order = np.lexsort((np.arange(n), cover, out["status_rank"]))  # most urgent first; stable
    frame = frame.take(order).reset_index(drop=True)
    return Plan(frame, dict(records), purchase_orders, today, settings)


# the lower bound (days) of each age band Amazon reports, oldest first
BAND_STARTS = (("age_365_plus", 365), ("age_331_365", 331), ("age_271_365", 271), ("age_181_330", 181),
               ("age_181_270", 181), ("age_91_180", 91), ("age_61_90", 61), ("age_31_60", 31), ("age_0_90", 0),
               ("age_0_30", 0))


def _aging(skus: list[str], products: list[dict], owned: np.ndarray, purchase_orders: list[dict],
           settings: InventorySettings, today: date) -> dict[str, np.ndarray]:
    """Aged stock: Amazon's own Inventory Age report where imported, else first in first out over receipts."""
    receipts = receipts_by_sku(purchase_orders)
    n = len(skus)
    aged = np.zeros(n, dtype=np.int64)
    oldest = np.full(n, np.nan)
    older = np.zeros(n, dtype=np.int64)
    fees = np.zeros(n, dtype=np.int64)  # Amazon's aged-inventory surcharge and next month's storage, estimated
    reported = np.full(n, "", dtype=object)
    for i, sku in enumerate(skus):
        report = products[i].get("amazon_aging")
        if report:
            aged[i] = int(report.get("aged_units") or 0)
            oldest[i] = next((start for band, start in BAND_STARTS if report.get(band)), np.nan)
            fees[i] = int(report.get("aged_surcharge_minor") or 0) + int(report.get("storage_next_month_minor") or 0)
            reported[i] = str(report.get("snapshot_date") or "")
        elif sku in receipts:  # no receipts, no known age
            age = stock_age(int(owned[i]), receipts[sku], today, settings.aged_days)
            aged[i], older[i] = age.aged_units, age.before_records
            oldest[i] = age.oldest_days if age.known else np.nan
    return {"aged_units": aged, "oldest_days": oldest, "before_records": older, "warn_aged": aged > 0,
            "aging_fees_minor": fees, "aging_report": reported}


def _promotions(skus: list[str], on_hand: np.ndarray, velocity: np.ndarray, promotions: list[dict], due: dict,
                today: date) -> dict[str, object]:
    lines = np.full(len(skus), "", dtype=object)
    wanted = {s for p in promotions for s in p.get("skus") or []}
    for i, sku in enumerate(skus):
        if sku in wanted:
            found = shortfalls(sku, promotions, int(on_hand[i]), float(velocity[i]),
                               [(d, q) for _, q, d in due.get(sku, ())], today)
            lines[i] = "\n".join(f.line() for f in found)
    return {"promo_lines": lines, "warn_promo": lines != ""}


def reorder(plan: Plan) -> list[dict]:
    """What to order today: out-of-stock and order-now SKUs with a quantity, by supplier, most urgent first."""
    f = plan.frame
    wanted = f[f["status"].isin(["out", "now"]) & (f["order_qty"] > 0)]
    rows = []
    for r in wanted.to_dict("records"):
        rows.append({
            "sku": r["sku"], "qty": int(r["order_qty"]), "supplier": r["supplier"], "status": r["status_label"],
            "why": why(r), "days_of_cover": None if not np.isfinite(r["cover"]) else round(float(r["cover"]), 1),
            "velocity": round(float(r["velocity"]), 2), "stockout_date": r["stockout"] or None,
            "unit_cost_minor": None if pd.isna(r["cost_minor"]) else int(r["cost_minor"]), "currency": r["cost_currency"],
            "lead_days": int(r["lead"]),
            "amazon_recommended_qty": None if pd.isna(r["amz_qty"]) else int(r["amz_qty"]),
        })
    return sorted(rows, key=lambda r: (r["supplier"], r["days_of_cover"] or 0, r["sku"]))


def why(r: dict) -> str:
    """One sentence: why this SKU needs ordering, with its numbers."""
    pace = _("sells {velocity}/day").format(velocity=f"{r['velocity']:.2f}")
    horizon = _("{lead} days lead + {safety} safety").format(lead=int(r["lead"]), safety=int(r["safety"]))
    if r["status"] == "out":
        return _("out of stock; {pace}; {on_order} on order").format(pace=pace, on_order=int(r["on_order"]))
    runs = _("runs out {day}").format(day=r["stockout"]) if r["stockout"] else _("runs out never")
    return _("{position} in stock and on order ≤ reorder point {rop} ({pace} × {horizon}); {runs}").format(
        position=f"{int(r['position']):,}", rop=f"{r['rop']:,.0f}", pace=pace, horizon=horizon, runs=runs)
