"""How each number of the SKUs table came about: its inputs and the formula with the actual numbers.

``explain(topic, row, product, settings, today)`` takes one row of the plan
frame (a dict) and returns a ``Working``: a title, (label, value) rows for the
inputs, and lines of working. The UI shows it in a dialog; nothing here knows
about the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from sellertui.domain.economics import cost_currency
from sellertui.domain.inventory.statuses import STATUS_LABEL
from sellertui.domain.inventory.seasonal import month_name
from sellertui.domain.inventory.settings import WINDOWS, InventorySettings
from sellertui.domain.inventory.stock import FIELDS as STOCK_FIELDS, LABELS as STOCK_LABELS
from sellertui.core.money import fmt


@dataclass
class Working:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _u(value) -> str:
    return f"{int(value):,}"


def _v(value) -> str:
    return f"{float(value):.2f}/day"


def _days(value) -> str:
    return "never runs out at this pace" if not math.isfinite(value) else f"{value:,.1f} days"


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _lead(r: dict, s: InventorySettings) -> str:
    if r["lead_default"]:
        return f"{int(r['lead'])} days (not set for this SKU: the default lead time setting)"
    return (f"{int(r['lead'])} days = production {int(r['production'])} + freight {int(r['freight'])} "
            f"+ FBA receiving {int(r['receiving'])}")


def stock(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Stock of {r['sku']}")
    for name, label in STOCK_FIELDS:
        w.rows.append((label, _u(r[name])))
    w.rows.append(("Updated", r["stock_updated"].replace("T", " ") or "never"))
    w.lines.append(f"available = FBA available {_u(r['fba_available'])} + own warehouse {_u(r['fbm'])} "
                   f"= {_u(r['available'])}")
    w.lines.append(f"inbound = working {_u(r['inbound_working'])} + shipped {_u(r['inbound_shipped'])} "
                   f"+ receiving {_u(r['inbound_receiving'])} = {_u(r['inbound'])}")
    w.lines.append("Reserved units (customer orders, transfers between warehouses) and unsellable units are "
                   "shown but not counted as available.")
    history = list(product.get("stock_history") or [])[-8:]
    if history:
        w.lines.append("Last changes made in sellertui:")
        for e in reversed(history):
            w.lines.append(f"  {str(e.get('at', ''))[:16].replace('T', ' ')}  {e.get('by', '')}: "
                           f"{STOCK_LABELS.get(e.get('field'), e.get('field'))} {e.get('old')} → {e.get('new')} "
                           f"({e.get('reason', '')})")
    else:
        w.lines.append("No changes made in sellertui: these numbers come from the last Manage FBA Inventory "
                       "import (or the demo).")
    return w


def velocity(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Velocity of {r['sku']}: {_v(r['velocity'])}")
    end = today - timedelta(days=1)
    seasonal = any(abs(r[f"a{n}"] - r[f"u{n}"]) > 1e-9 for n in WINDOWS)
    weighted = []
    for n, weight in zip(WINDOWS, s.weights):
        days = int(r[f"d{n}"])
        adjusted = f" ({r[f'a{n}']:,.1f} after seasonal adjustment)" if seasonal else ""
        if days:
            w.rows.append((f"{n} days", f"{_u(r[f'u{n}'])} units{adjusted} ÷ {days} days in stock = "
                                        f"{r[f'r{n}']:.2f}/day  × weight {weight:g}"))
            weighted.append((weight, r[f"r{n}"]))
        else:
            w.rows.append((f"{n} days", f"{_u(r[f'u{n}'])} units, no day in stock: not counted"))
    w.lines.append(f"Windows end yesterday ({end.isoformat()}); today is not over yet.")
    if weighted:
        total = sum(weight for weight, _ in weighted)
        terms = " + ".join(f"{weight:g} × {rate:.2f}" for weight, rate in weighted)
        w.lines.append(f"weighted = ({terms}) ÷ {total:g} = {r['base']:.2f}/day")
    else:
        w.lines.append("No day in stock in the last 90 days: the velocity is unknown and taken as 0.")
    month = today.month
    if abs(r["factor_now"] - 1) > 1e-9 or seasonal:
        w.lines.append(f"× {month_name(month)} factor {r['factor_now']:g} = {_v(r['velocity'])}")
        w.lines.append("Seasonal factors: each day's sales are divided by its month's factor before averaging, "
                       "then the average is multiplied by this month's; a SKU's own factor replaces the "
                       "shop-wide one.")
        own = product.get("seasonal") or {}
        if own:
            w.rows.append(("SKU factors", " ".join(f"{month_name(int(m))} ×{f:g}" for m, f in sorted(own.items()))))
        if s.seasonal_months:
            w.rows.append(("Shop factors", " ".join(f"{month_name(int(m))} ×{f:g}"
                                                     for m, f in sorted(s.seasonal_months.items()))))
    out = []
    if r["out_recorded"]:
        out.append(f"{int(r['out_recorded'])} days out of stock recorded in the stock history")
    if r["out_inferred"]:
        out.append(f"{int(r['out_inferred'])} days without a sale since the stock ran out (nothing to sell now; "
                   "taken as out of stock)")
    if r["no_data"]:
        out.append(f"{int(r['no_data'])} days before the SKU was added or before the first order in the store")
    if out:
        w.lines.append("Not counted as days in stock (in the last 90): " + "; ".join(out) + ". "
                       "A day with a sale always counts.")
    else:
        w.lines.append("Every day of the last 90 counts as in stock (no stock-out recorded or inferred).")
    return w


def cover(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Days of cover of {r['sku']}: {_days(r['cover'])}")
    w.rows += [("Available", _u(r["available"])), ("Inbound", _u(r["inbound"])), ("Velocity", _v(r["velocity"]))]
    if r["velocity"] > 0:
        w.lines.append(f"days of cover = (available {_u(r['available'])} + inbound {_u(r['inbound'])}) ÷ "
                       f"{_v(r['velocity'])} = {_days(r['cover'])}")
    elif r["available"] + r["inbound"] > 0:
        w.lines.append("Nothing sold in the last 90 days: the stock lasts indefinitely at this pace.")
    else:
        w.lines.append("Nothing in stock and nothing inbound: 0 days.")
    if r["on_order"]:
        w.lines.append(f"Not counted: {_u(r['on_order'])} units on order ({r['on_order_pos']}); they count in the "
                       "status and the order quantity.")
    return w


def stockout(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Stock-out date of {r['sku']}: {r['stockout'] or 'none'}")
    if r["stockout"]:
        w.lines.append(f"stock-out date = today {today.isoformat()} + {int(r['cover'])} whole days of cover "
                       f"({_days(r['cover'])}) = {r['stockout']}")
        if r["next_arrival"]:
            verdict = "before" if r["next_arrival"] <= r["stockout"] else "after"
            w.lines.append(f"The next purchase order is due {r['next_arrival']}, {verdict} that date.")
    else:
        w.lines.append("Nothing sells at the current pace, so no stock-out date.")
    return w


def reorder_point(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Reorder point of {r['sku']}: {r['rop']:,.0f} units")
    w.rows += [("Velocity", _v(r["velocity"])), ("Lead time", _lead(r, s)),
               ("Safety days", str(int(r["safety"])))]
    w.lines.append(f"reorder point = {_v(r['velocity'])} × (lead {int(r['lead'])} + safety {int(r['safety'])} days) "
                   f"= {r['rop']:,.1f} units")
    w.lines.append(f"Stock position now: {_u(r['position'])} = available {_u(r['available'])} + inbound "
                   f"{_u(r['inbound'])} + on order {_u(r['on_order'])}.")
    return w


def order_quantity(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Suggested order of {r['sku']}: {_u(r['order_qty'])} units")
    w.rows += [("Velocity", _v(r["velocity"])), ("Lead time", _lead(r, s)), ("Days to hold", str(int(r["hold"]))),
               ("On hand", f"{_u(r['on_hand'])} (available {_u(r['available'])} + inbound {_u(r['inbound'])})"),
               ("On order", f"{_u(r['on_order'])}" + (f" ({r['on_order_pos']})" if r["on_order_pos"] else "")),
               ("Case pack", _u(r["case_pack"])), ("Minimum order", _u(r["moq"]) if r["moq"] else "none")]
    target = r["need"] + r["on_hand"] + r["on_order"]
    w.lines.append(f"need = {_v(r['velocity'])} × (lead {int(r['lead'])} + hold {int(r['hold'])} days) "
                   f"− on hand {_u(r['on_hand'])} − on order {_u(r['on_order'])} = {target:,.1f} − "
                   f"{_u(r['on_hand'] + r['on_order'])} = {r['need']:,.1f}")
    if r["need"] <= 1e-9:
        w.lines.append("Nothing needed: the stock and open orders cover the lead time and the days to hold.")
    else:
        wanted = max(r["need"], r["moq"])
        if r["moq"] > r["need"]:
            w.lines.append(f"below the minimum order quantity: raised to {_u(r['moq'])}")
        cases = int(r["order_qty"]) // max(int(r["case_pack"]), 1)
        w.lines.append(f"rounded up to whole cases of {_u(r['case_pack'])}: {wanted:,.1f} → {cases} cases = "
                       f"{_u(r['order_qty'])} units")
        if not _nan(r["cost_minor"]):
            w.lines.append(f"at the landed cost of {fmt(int(r['cost_minor']), r['cost_currency'])} a unit: "
                           f"{fmt(int(r['cost_minor']) * int(r['order_qty']), r['cost_currency'])}")
    if not _nan(r["amz_qty"]):
        w.lines.append(amazon_line(r))
    return w


def amazon_line(r: dict) -> str:
    parts = [f"Amazon's Restock report recommends {_u(r['amz_qty'])} units"]
    if r["amz_date"]:
        parts.append(f"shipped by {r['amz_date']}")
    if r["amz_alert"]:
        parts.append(f"alert: {r['amz_alert']}")
    if not _nan(r["amz_dos"]):
        parts.append(f"{r['amz_dos']:,.0f} days of supply by its count")
    if r["amz_updated"]:
        parts.append(f"report of {r['amz_updated']}")
    return "; ".join(parts) + ". Amazon counts only what to send to FBA, ours what to order from the supplier."


def amazon(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Amazon's recommendation for {r['sku']}")
    if _nan(r["amz_qty"]):
        w.lines.append("No Restock Inventory report imported for this SKU yet.")
    else:
        w.lines.append(amazon_line(r))
        w.lines.append(f"Ours: {_u(r['order_qty'])} units (press w on the Order column for the working).")
    return w


def on_order(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"On order for {r['sku']}: {_u(r['on_order'])} units")
    if r["on_order_pos"]:
        for part in r["on_order_pos"].split(", "):
            w.lines.append(part)
        w.lines.append("Ordered and shipped purchase orders count, less what was already received; drafts do not.")
    else:
        w.lines.append("No ordered or shipped purchase order has units of this SKU still to deliver.")
    if r["draft_pos"]:
        w.lines.append(f"Drafted, not counted until ordered (m on the purchase order): {r['draft_pos']}.")
    return w


def status(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Status of {r['sku']}: {STATUS_LABEL[r['status']]}")
    vel, horizon = r["velocity"], r["lead"] + r["safety"]
    w.rows += [("Available", _u(r["available"])), ("Stock position", f"{_u(r['position'])} (on hand + on order)"),
               ("Reorder point", f"{r['rop']:,.1f}"), ("Days of cover", _days(r["cover"]))]
    w.lines.append("Checked in this order:")
    w.lines.append(f"out of stock when nothing is available: available = {_u(r['available'])}")
    if vel > 0:
        w.lines.append(f"order now when the stock position ≤ the reorder point: {_u(r['position'])} ≤ "
                       f"{r['rop']:,.1f}?")
        soon = vel * (horizon + s.order_soon_days)
        w.lines.append(f"order soon when the position < velocity × (lead + safety + {s.order_soon_days} days) = "
                       f"{vel:.2f} × {int(horizon + s.order_soon_days)} = {soon:,.1f}?")
    else:
        w.lines.append("order now / order soon need sales: none in the last 90 days.")
    w.lines.append(f"overstock when days of cover > {s.overstock_days}: {_days(r['cover'])}")
    w.lines.append("otherwise healthy. (The thresholds are settings: t.)")
    return w


def warnings(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Warnings for {r['sku']}: {r['warnings'] or 'none'}")
    mark = lambda on: "⚠ " if on else "ok "  # noqa: E731
    w.lines.append(f"{mark(r['warn_lead'])}cover below lead time: {_days(r['cover'])} vs lead {int(r['lead'])} days"
                   + (" (an order placed today arrives after the stock runs out)" if r["warn_lead"] else ""))
    dos = lambda v: "no sales" if _nan(v) else f"{v:,.1f} days"  # noqa: E731
    fba = int(r["fba_available"] + r["reserved"])
    w.lines.append(f"{mark(r['warn_fee'])}low-inventory-level fee: days of supply over 30 days "
                   f"{dos(r['dos30'])}, over 90 days {dos(r['dos90'])} (risk when both are under "
                   f"{s.low_inventory_days}). Days of supply = FBA units now ({fba:,}: available + reserved) ÷ "
                   f"units sold per day in the period ({_u(r['u30'])}/30, {_u(r['u90'])}/90) — today's stock stands "
                   "in for the period's average level.")
    if r.get("aging_report"):
        fees = fmt(int(r["aging_fees_minor"]), product.get("currency") or "USD")
        w.lines.append(f"{mark(r['warn_aged'])}aged inventory (Amazon's Inventory Age report of "
                       f"{r['aging_report']}): {_u(r['aged_units'])} units 181 days or older, the oldest in the "
                       f"{int(r['oldest_days']) if not _nan(r['oldest_days']) else 0}+ days band; next month's storage "
                       f"and aged-inventory surcharge as Amazon estimates them: {fees}.")
    else:
        if _nan(r["oldest_days"]):
            age = "unknown (no purchase-order receipts recorded)"
        else:
            bound = "at least " if r["before_records"] else ""
            age = f"oldest units {bound}{int(r['oldest_days'])} days old; {_u(r['aged_units'])} units aged"
        w.lines.append(f"{mark(r['warn_aged'])}aged inventory (from {s.aged_days} days): {age}. Age is first in "
                       "first out over purchase-order receipts (import the Inventory Age report for Amazon's own).")
    if r["promo_lines"]:
        for line in r["promo_lines"].split("\n"):
            w.lines.append(f"⚠ promotion not covered: {line}")
    else:
        w.lines.append("ok promotions: no planned promotion on this SKU lacks stock.")
    return w


def lead_time(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(f"Lead time of {r['sku']}")
    w.lines.append(_lead(r, s))
    w.lines.append(f"safety {int(r['safety'])} days; hold {int(r['hold'])} days of stock per order")
    return w


def card(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    """Everything about one SKU: listing, order rules, costs over time, stock, warnings."""
    currency = r["currency"]
    w = Working(f"{r['sku']} — {r['title']}")
    w.rows += [
        ("ASIN", r["asin"] or "—"), ("Supplier", r["supplier"] or "—"),
        ("Price", fmt(None if _nan(r["price_minor"]) else int(r["price_minor"]), currency)),
        ("Landed cost now", fmt(None if _nan(r["cost_minor"]) else int(r["cost_minor"]), r["cost_currency"])),
        ("Status", STATUS_LABEL[r["status"]]), ("Lead time", _lead(r, s)),
        ("Safety / hold", f"{int(r['safety'])} / {int(r['hold'])} days"),
        ("MOQ / case pack", f"{_u(r['moq']) if r['moq'] else 'none'} / {_u(r['case_pack'])}"),
        ("Velocity", _v(r["velocity"])), ("Days of cover", _days(r["cover"])),
        ("Runs out", r["stockout"] or "never"), ("Reorder point", f"{r['rop']:,.0f}"),
        ("Suggested order", _u(r["order_qty"])), ("On order", r["on_order_pos"] or "nothing"),
    ]
    if r["draft_pos"]:
        w.rows.append(("Drafted", r["draft_pos"]))
    costs = sorted(product.get("costs") or [], key=lambda c: c.get("from", ""))
    if costs:
        w.lines.append("Landed cost over time (each applies from its date; past orders keep theirs):")
        for c in costs:
            note = f" — {c['note']}" if c.get("note") else ""
            w.lines.append(f"  from {c.get('from')}: {fmt(int(c['landed_minor']), cost_currency(product, c))}{note}")
    w.lines += stock(r, product, s, today).lines
    w.lines += [line for line in warnings(r, product, s, today).lines if line.startswith("⚠")]
    if not _nan(r["amz_qty"]):
        w.lines.append(amazon_line(r))
    return w


TOPICS = {
    "stock": stock, "velocity": velocity, "cover": cover, "stockout": stockout, "rop": reorder_point,
    "order_qty": order_quantity, "amazon": amazon, "on_order": on_order, "status": status,
    "warnings": warnings, "lead": lead_time,
}


def explain(topic: str, row: dict, product: dict, settings: InventorySettings, today: date) -> Working:
    return TOPICS[topic](row, product or {}, settings, today)
