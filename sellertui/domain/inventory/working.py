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

from sellertui.core.i18n import _
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
    return _("never runs out at this pace") if not math.isfinite(value) else _("{n} days").format(n=f"{value:,.1f}")


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _lead(r: dict, s: InventorySettings) -> str:
    if r["lead_default"]:
        return _("{n} days (not set for this SKU: the default lead time setting)").format(n=int(r["lead"]))
    return _("{n} days = production {production} + freight {freight} + FBA receiving {receiving}").format(
        n=int(r["lead"]), production=int(r["production"]), freight=int(r["freight"]), receiving=int(r["receiving"]))


def stock(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Stock of {sku}").format(sku=r['sku']))
    for name, label in STOCK_FIELDS:
        w.rows.append((_(label), _u(r[name])))
    w.rows.append((_("Updated"), r["stock_updated"].replace("T", " ") or _("never")))
    w.lines.append(_("available = FBA available {fba_available} + own warehouse {fbm} = {available}")
                       .format(fba_available=_u(r['fba_available']), fbm=_u(r['fbm']), available=_u(r['available'])))
    w.lines.append(_("inbound = working {inbound_working} + shipped {inbound_shipped} + receiving "
                     "{inbound_receiving} = {inbound}")
                       .format(inbound_working=_u(r['inbound_working']), inbound_shipped=_u(r['inbound_shipped']), inbound_receiving=_u(r['inbound_receiving']), inbound=_u(r['inbound'])))
    w.lines.append(_("Reserved units (customer orders, transfers between warehouses) and unsellable "
                     "units are shown but not counted as available."))
    history = list(product.get("stock_history") or [])[-8:]
    if history:
        w.lines.append(_("Last changes made in sellertui:"))
        for e in reversed(history):
            w.lines.append(f"  {str(e.get('at', ''))[:16].replace('T', ' ')}  {e.get('by', '')}: "
                           f"{STOCK_LABELS.get(e.get('field'), e.get('field'))} {e.get('old')} → {e.get('new')} "
                           f"({e.get('reason', '')})")
    else:
        w.lines.append(_("No changes made in sellertui: these numbers come from the last Manage FBA "
                         "Inventory import (or the demo)."))
    return w


def velocity(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Velocity of {sku}: {velocity}").format(sku=r['sku'], velocity=_v(r['velocity'])))
    end = today - timedelta(days=1)
    seasonal = any(abs(r[f"a{n}"] - r[f"u{n}"]) > 1e-9 for n in WINDOWS)
    weighted = []
    for n, weight in zip(WINDOWS, s.weights):
        days = int(r[f"d{n}"])
        adjusted = f" ({r[f'a{n}']:,.1f} after seasonal adjustment)" if seasonal else ""
        if days:
            w.rows.append((_("{n} days").format(n=n), _("{r} units{adjusted} ÷ {days} days in stock = {r2:.2f}/day  × weight {weight:g}").format(r=_u(r[f'u{n}']), adjusted=adjusted, days=days, r2=r[f'r{n}'], weight=weight)))
            weighted.append((weight, r[f"r{n}"]))
        else:
            w.rows.append((_("{n} days").format(n=n), _("{r} units, no day in stock: not counted").format(r=_u(r[f'u{n}']))))
    w.lines.append(_("Windows end yesterday ({isoformat}); today is not over yet.").format(isoformat=end.isoformat()))
    if weighted:
        total = sum(weight for weight, _item in weighted)
        terms = " + ".join(f"{weight:g} × {rate:.2f}" for weight, rate in weighted)
        w.lines.append(_("weighted = ({terms}) ÷ {total:g} = {base:.2f}/day")
                           .format(terms=terms, total=total, base=r['base']))
    else:
        w.lines.append(_("No day in stock in the last 90 days: the velocity is unknown and taken as 0."))
    month = today.month
    if abs(r["factor_now"] - 1) > 1e-9 or seasonal:
        w.lines.append(_("× {month} factor {factor_now:g} = {velocity}")
                           .format(month=month_name(month), factor_now=r['factor_now'], velocity=_v(r['velocity'])))
        w.lines.append(_("Seasonal factors: each day's sales are divided by its month's factor before "
                         "averaging, then the average is multiplied by this month's; a SKU's own factor "
                         "replaces the shop-wide one."))
        own = product.get("seasonal") or {}
        if own:
            w.rows.append((_("SKU factors"), " ".join(f"{month_name(int(m))} ×{f:g}" for m, f in sorted(own.items()))))
        if s.seasonal_months:
            w.rows.append((_("Shop factors"), " ".join(f"{month_name(int(m))} ×{f:g}"
                                                     for m, f in sorted(s.seasonal_months.items()))))
    out = []
    if r["out_recorded"]:
        out.append(_("{out_recorded} days out of stock recorded in the stock history")
                       .format(out_recorded=int(r['out_recorded'])))
    if r["out_inferred"]:
        out.append(_("{out_inferred} days without a sale since the stock ran out (nothing to sell "
                     "now; taken as out of stock)").format(out_inferred=int(r['out_inferred'])))
    if r["no_data"]:
        out.append(_("{no_data} days before the SKU was added or before the first order in the store")
                       .format(no_data=int(r['no_data'])))
    if out:
        w.lines.append(_("Not counted as days in stock (in the last 90): {days}. A day with a sale always counts.")
                       .format(days="; ".join(out)))
    else:
        w.lines.append(_("Every day of the last 90 counts as in stock (no stock-out recorded or inferred)."))
    return w


def cover(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Days of cover of {sku}: {cover}").format(sku=r['sku'], cover=_days(r['cover'])))
    w.rows += [(_("Available"), _u(r["available"])), (_("Inbound"), _u(r["inbound"])), (_("Velocity"), _v(r["velocity"]))]
    if r["velocity"] > 0:
        w.lines.append(_("days of cover = (available {available} + inbound {inbound}) ÷ {velocity} = "
                         "{cover}")
                           .format(available=_u(r['available']), inbound=_u(r['inbound']), velocity=_v(r['velocity']), cover=_days(r['cover'])))
    elif r["available"] + r["inbound"] > 0:
        w.lines.append(_("Nothing sold in the last 90 days: the stock lasts indefinitely at this pace."))
    else:
        w.lines.append(_("Nothing in stock and nothing inbound: 0 days."))
    if r["on_order"]:
        w.lines.append(_("Not counted: {on_order} units on order ({on_order_pos}); they count in the "
                         "status and the order quantity.")
                           .format(on_order=_u(r['on_order']), on_order_pos=r['on_order_pos']))
    return w


def stockout(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Stock-out date of {sku}: {stockout}").format(sku=r['sku'], stockout=r['stockout'] or 'none'))
    if r["stockout"]:
        w.lines.append(_("stock-out date = today {isoformat} + {cover} whole days of cover ({cover2}) = "
                         "{stockout}")
                           .format(isoformat=today.isoformat(), cover=int(r['cover']), cover2=_days(r['cover']), stockout=r['stockout']))
        if r["next_arrival"]:
            verdict = "before" if r["next_arrival"] <= r["stockout"] else "after"
            w.lines.append(_("The next purchase order is due {next_arrival}, {verdict} that date.")
                               .format(next_arrival=r['next_arrival'], verdict=verdict))
    else:
        w.lines.append(_("Nothing sells at the current pace, so no stock-out date."))
    return w


def reorder_point(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Reorder point of {sku}: {rop:,.0f} units").format(sku=r['sku'], rop=r['rop']))
    w.rows += [(_("Velocity"), _v(r["velocity"])), (_("Lead time"), _lead(r, s)),
               (_("Safety days"), str(int(r["safety"])))]
    w.lines.append(_("reorder point = {velocity} × (lead {lead} + safety {safety} days) = "
                     "{rop:,.1f} units")
                       .format(velocity=_v(r['velocity']), lead=int(r['lead']), safety=int(r['safety']), rop=r['rop']))
    w.lines.append(_("Stock position now: {position} = available {available} + inbound {inbound} + "
                     "on order {on_order}.")
                       .format(position=_u(r['position']), available=_u(r['available']), inbound=_u(r['inbound']), on_order=_u(r['on_order'])))
    return w


def order_quantity(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Suggested order of {sku}: {order_qty} units").format(sku=r['sku'], order_qty=_u(r['order_qty'])))
    w.rows += [(_("Velocity"), _v(r["velocity"])), (_("Lead time"), _lead(r, s)), (_("Days to hold"), str(int(r["hold"]))),
               (_("On hand"), f"{_u(r['on_hand'])} (available {_u(r['available'])} + inbound {_u(r['inbound'])})"),
               (_("On order"), f"{_u(r['on_order'])}" + (f" ({r['on_order_pos']})" if r["on_order_pos"] else "")),
               (_("Case pack"), _u(r["case_pack"])), (_("Minimum order"), _u(r["moq"]) if r["moq"] else "none")]
    target = r["need"] + r["on_hand"] + r["on_order"]
    w.lines.append(_("need = {velocity} × (lead {lead} + hold {hold} days) − on hand {on_hand} − on "
                     "order {on_order} = {target:,.1f} − {on_hand2} = {need:,.1f}")
                       .format(velocity=_v(r['velocity']), lead=int(r['lead']), hold=int(r['hold']), on_hand=_u(r['on_hand']), on_order=_u(r['on_order']), target=target, on_hand2=_u(r['on_hand'] + r['on_order']), need=r['need']))
    if r["need"] <= 1e-9:
        w.lines.append(_("Nothing needed: the stock and open orders cover the lead time and the days to "
                         "hold."))
    else:
        wanted = max(r["need"], r["moq"])
        if r["moq"] > r["need"]:
            w.lines.append(_("below the minimum order quantity: raised to {moq}").format(moq=_u(r['moq'])))
        cases = int(r["order_qty"]) // max(int(r["case_pack"]), 1)
        w.lines.append(_("rounded up to whole cases of {case_pack}: {wanted:,.1f} → {cases} cases = "
                         "{order_qty} units")
                           .format(case_pack=_u(r['case_pack']), wanted=wanted, cases=cases, order_qty=_u(r['order_qty'])))
        if not _nan(r["cost_minor"]):
            w.lines.append(_("at the landed cost of {cost_minor} a unit: {cost_minor2}").format(
                cost_minor=fmt(int(r['cost_minor']), r['cost_currency']),
                cost_minor2=fmt(int(r['cost_minor']) * int(r['order_qty']), r['cost_currency'])))
    if not _nan(r["amz_qty"]):
        w.lines.append(amazon_line(r))
    return w


def amazon_line(r: dict) -> str:
    parts = [_("Amazon's Restock report recommends {n} units").format(n=_u(r["amz_qty"]))]
    if r["amz_date"]:
        parts.append(_("shipped by {day}").format(day=r["amz_date"]))
    if r["amz_alert"]:
        parts.append(_("alert: {alert}").format(alert=r["amz_alert"]))
    if not _nan(r["amz_dos"]):
        parts.append(_("{n} days of supply by its count").format(n=f"{r['amz_dos']:,.0f}"))
    if r["amz_updated"]:
        parts.append(_("report of {day}").format(day=r["amz_updated"]))
    return _("{parts}. Amazon counts only what to send to FBA, ours what to order from the supplier.").format(
        parts="; ".join(parts))


def amazon(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Amazon's recommendation for {sku}").format(sku=r['sku']))
    if _nan(r["amz_qty"]):
        w.lines.append(_("No Restock Inventory report imported for this SKU yet."))
    else:
        w.lines.append(amazon_line(r))
        w.lines.append(_("Ours: {order_qty} units (press w on the Order column for the working).")
                           .format(order_qty=_u(r['order_qty'])))
    return w


def on_order(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("On order for {sku}: {on_order} units").format(sku=r['sku'], on_order=_u(r['on_order'])))
    if r["on_order_pos"]:
        for part in r["on_order_pos"].split(", "):
            w.lines.append(part)
        w.lines.append(_("Ordered and shipped purchase orders count, less what was already received; "
                         "drafts do not."))
    else:
        w.lines.append(_("No ordered or shipped purchase order has units of this SKU still to deliver."))
    if r["draft_pos"]:
        w.lines.append(_("Drafted, not counted until ordered (m on the purchase order): {draft_pos}.")
                           .format(draft_pos=r['draft_pos']))
    return w


def status(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Status of {sku}: {STATUS_LABEL}").format(sku=r['sku'], STATUS_LABEL=STATUS_LABEL[r['status']]))
    vel, horizon = r["velocity"], r["lead"] + r["safety"]
    w.rows += [(_("Available"), _u(r["available"])), (_("Stock position"), f"{_u(r['position'])} (on hand + on order)"),
               (_("Reorder point"), f"{r['rop']:,.1f}"), (_("Days of cover"), _days(r["cover"]))]
    w.lines.append(_("Checked in this order:"))
    w.lines.append(_("out of stock when nothing is available: available = {available}")
                       .format(available=_u(r['available'])))
    if vel > 0:
        w.lines.append(_("order now when the stock position ≤ the reorder point: {position} ≤ {rop:,.1f}?")
                           .format(position=_u(r['position']), rop=r['rop']))
        soon = vel * (horizon + s.order_soon_days)
        w.lines.append(_("order soon when the position < velocity × (lead + safety + {order_soon_days} "
                         "days) = {vel:.2f} × {horizon} = {soon:,.1f}?")
                           .format(order_soon_days=s.order_soon_days, vel=vel, horizon=int(horizon + s.order_soon_days), soon=soon))
    else:
        w.lines.append(_("order now / order soon need sales: none in the last 90 days."))
    w.lines.append(_("overstock when days of cover > {overstock_days}: {cover}")
                       .format(overstock_days=s.overstock_days, cover=_days(r['cover'])))
    w.lines.append(_("otherwise healthy. (The thresholds are settings: t.)"))
    return w


def warnings(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Warnings for {sku}: {warnings}").format(sku=r['sku'], warnings=r["warnings"] or _("none")))
    mark = lambda on: "⚠ " if on else "ok "  # noqa: E731
    w.lines.append(mark(r["warn_lead"]) + _("cover below lead time: {cover} vs lead {lead} days").format(
        cover=_days(r["cover"]), lead=int(r["lead"]))
                   + (" " + _("(an order placed today arrives after the stock runs out)") if r["warn_lead"] else ""))
    dos = lambda v: _("no sales") if _nan(v) else _("{n} days").format(n=f"{v:,.1f}")  # noqa: E731
    fba = int(r["fba_available"] + r["reserved"])
    w.lines.append(_("{warn_fee}low-inventory-level fee: days of supply over 30 days {dos30}, over "
                     "90 days {dos90} (risk when both are under {low_inventory_days}). Days of "
                     "supply = FBA units now ({fba:,}: available + reserved) ÷ units sold per day "
                     "in the period ({u30}/30, {u90}/90) — today's stock stands in for the period's "
                     "average level.")
                       .format(warn_fee=mark(r['warn_fee']), dos30=dos(r['dos30']), dos90=dos(r['dos90']), low_inventory_days=s.low_inventory_days, fba=fba, u30=_u(r['u30']), u90=_u(r['u90'])))
    if r.get("aging_report"):
        fees = fmt(int(r["aging_fees_minor"]), product.get("currency") or "USD")
        w.lines.append(_("{warn_aged}aged inventory (Amazon's Inventory Age report of {aging_report}): "
                         "{aged_units} units 181 days or older, the oldest in the {value}+ days band; "
                         "next month's storage and aged-inventory surcharge as Amazon estimates them: "
                         "{fees}.")
                           .format(warn_aged=mark(r['warn_aged']), aging_report=r['aging_report'], aged_units=_u(r['aged_units']), value=int(r['oldest_days']) if not _nan(r['oldest_days']) else 0, fees=fees))
    else:
        if _nan(r["oldest_days"]):
            age = "unknown (no purchase-order receipts recorded)"
        else:
            bound = "at least " if r["before_records"] else ""
            age = f"oldest units {bound}{int(r['oldest_days'])} days old; {_u(r['aged_units'])} units aged"
        w.lines.append(_("{warn_aged}aged inventory (from {aged_days} days): {age}. Age is first in "
                         "first out over purchase-order receipts (import the Inventory Age report for "
                         "Amazon's own).")
                           .format(warn_aged=mark(r['warn_aged']), aged_days=s.aged_days, age=age))
    if r["promo_lines"]:
        for line in r["promo_lines"].split("\n"):
            w.lines.append(_("⚠ promotion not covered: {line}").format(line=line))
    else:
        w.lines.append(_("ok promotions: no planned promotion on this SKU lacks stock."))
    return w


def lead_time(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    w = Working(_("Lead time of {sku}").format(sku=r['sku']))
    w.lines.append(_lead(r, s))
    w.lines.append(_("safety {safety} days; hold {hold} days of stock per order")
                       .format(safety=int(r['safety']), hold=int(r['hold'])))
    return w


def card(r: dict, product: dict, s: InventorySettings, today: date) -> Working:
    """Everything about one SKU: listing, order rules, costs over time, stock, warnings."""
    currency = r["currency"]
    w = Working(f"{r['sku']} — {r['title']}")
    w.rows += [
        ("ASIN", r["asin"] or "—"), (_("Supplier"), r["supplier"] or "—"),
        (_("Price"), fmt(None if _nan(r["price_minor"]) else int(r["price_minor"]), currency)),
        (_("Landed cost now"), fmt(None if _nan(r["cost_minor"]) else int(r["cost_minor"]), r["cost_currency"])),
        (_("Status"), STATUS_LABEL[r["status"]]), (_("Lead time"), _lead(r, s)),
        (_("Safety / hold"), f"{int(r['safety'])} / {int(r['hold'])} days"),
        (_("MOQ / case pack"), f"{_u(r['moq']) if r['moq'] else 'none'} / {_u(r['case_pack'])}"),
        (_("Velocity"), _v(r["velocity"])), (_("Days of cover"), _days(r["cover"])),
        (_("Runs out"), r["stockout"] or "never"), (_("Reorder point"), f"{r['rop']:,.0f}"),
        (_("Suggested order"), _u(r["order_qty"])), (_("On order"), r["on_order_pos"] or "nothing"),
    ]
    if r["draft_pos"]:
        w.rows.append((_("Drafted"), r["draft_pos"]))
    costs = sorted(product.get("costs") or [], key=lambda c: c.get("from", ""))
    if costs:
        w.lines.append(_("Landed cost over time (each applies from its date; past orders keep theirs):"))
        for c in costs:
            note = f" — {c['note']}" if c.get("note") else ""
            w.lines.append(_("  from {from_}: {landed_minor}{note}")
                           .format(from_=c.get('from'), landed_minor=fmt(int(c['landed_minor']),
                                                                          cost_currency(product, c)), note=note))
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
