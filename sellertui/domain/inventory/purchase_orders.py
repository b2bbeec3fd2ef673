"""Purchase orders to suppliers: draft → ordered → shipped → received, with partial receipts.

Record (collection ``purchase_orders``, ids 1, 2, 3...): supplier, status,
currency, ordered_on, shipped_on, expected_on, received_on, lines [{sku, qty,
unit_cost_minor, received_qty}], receipts [{on, sku, qty, to, by}],
shipping_minor, notes. Ordered and shipped POs are *open*: what they still
have to deliver counts as on order. Receiving adds the units to the SKU's stock
(own warehouse, or FBA inbound when the supplier ships straight to Amazon) and
keeps a history line; the PO is received when every line is complete.
Cancelled POs are kept for the record.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.economics import cost_currency, cost_entry_on
from sellertui.domain.fields import FieldError, integer, money
from sellertui.domain.inventory.stock import add_units
from sellertui.core.money import fmt

# marked for translation where a status is shown; the stored value stays English
STATUSES = (N_("draft"), N_("ordered"), N_("shipped"), N_("received"), N_("cancelled"))
OPEN = ("ordered", "shipped")
NEXT = {"draft": "ordered", "ordered": "shipped"}
DESTINATIONS = {"fbm": N_("own warehouse"), "inbound_receiving": N_("FBA (inbound receiving)")}  # shown translated
MAX_LINES = 200


class PurchaseOrderError(UserError):
    pass


def remaining(line: dict) -> int:
    return max(int(line.get("qty") or 0) - int(line.get("received_qty") or 0), 0)


def is_open(po: dict) -> bool:
    return po.get("status") in OPEN


def on_order(purchase_orders: list[dict]) -> dict[str, list[tuple[str, int, str]]]:
    """{sku: [(PO id, units still due, expected on), ...]} over open POs."""
    found: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for po in purchase_orders:
        if is_open(po):
            for line in po.get("lines") or []:
                if remaining(line):
                    found[line["sku"]].append((str(po["id"]), remaining(line), str(po.get("expected_on") or "")))
    return dict(found)


def drafted(purchase_orders: list[dict]) -> dict[str, list[tuple[str, int]]]:
    """{sku: [(PO id, units), ...]} over drafts: not on order yet, but about to be."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for po in purchase_orders:
        if po.get("status") == "draft":
            for line in po.get("lines") or []:
                found[line["sku"]].append((str(po["id"]), int(line.get("qty") or 0)))
    return dict(found)


def totals(po: dict) -> dict[str, int]:
    lines = po.get("lines") or []
    return {
        "skus": len(lines),
        "units": sum(int(l.get("qty") or 0) for l in lines),
        "received": sum(int(l.get("received_qty") or 0) for l in lines),
        "value_minor": sum(int(l.get("qty") or 0) * int(l.get("unit_cost_minor") or 0) for l in lines)
        + int(po.get("shipping_minor") or 0),
    }


def state(po: dict) -> str:
    """The status as a user reads it: ``shipped · 40% in`` for a partly received PO."""
    status = po.get("status", "draft")
    t = totals(po)
    if status in OPEN and t["received"] and t["units"]:
        return _("{status} · {share}% in").format(status=_(status), share=t["received"] * 100 // t["units"])
    return _(status)


# -- parsing what the user typed ------------------------------------------------
def default_costs(catalogue: dict[str, dict], currency: str, day: date) -> dict[str, int]:
    """Each SKU's landed cost in force on ``day`` where it is in the PO's currency (a yuan PO takes yuan costs;
    a cost in another currency is left for the user to type, rather than mixed in unconverted)."""
    out = {}
    for sku, product in catalogue.items():
        entry = cost_entry_on(product, day)
        if entry is not None and cost_currency(product, entry) == currency.upper():
            out[sku] = int(entry["landed_minor"])
    return out


def parse_lines(text: str, known_skus: set[str] | dict, currency: str,
                default_costs: dict[str, int] | None = None) -> list[dict]:
    """One line per SKU: ``SKU QTY [UNIT COST]``; a missing cost takes the SKU's current landed cost."""
    lines: list[dict] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        parts = raw.replace(",", " ").replace("\t", " ").split()
        if not parts:
            continue
        if len(parts) not in (2, 3):
            raise FieldError(_("line {number}: write SKU QTY [UNIT COST], like MM-BCB-SMALL 500 5.84")
                                 .format(number=number))
        sku = parts[0]
        if sku not in known_skus:
            raise FieldError(_("line {number}: no SKU {sku!r} in the catalogue").format(number=number, sku=sku))
        if sku in seen:
            raise FieldError(_("line {number}: {sku} is listed twice").format(number=number, sku=sku))
        seen.add(sku)
        try:
            qty = integer(parts[1], low=1, high=10_000_000)
            if len(parts) == 3:
                cost = money(parts[2], currency)
            elif default_costs and default_costs.get(sku) is not None:
                cost = int(default_costs[sku])
            else:
                raise FieldError(_("no cost known for {sku} in {currency}: add the unit cost").format(sku=sku, currency=currency))
        except FieldError as exc:
            raise FieldError(_("line {number}: {exc}").format(number=number, exc=exc)) from None
        lines.append({"sku": sku, "qty": qty, "unit_cost_minor": cost, "received_qty": 0})
    if not lines:
        raise FieldError(_("at least one line: SKU QTY [UNIT COST]"))
    if len(lines) > MAX_LINES:
        raise FieldError(_("at most {MAX_LINES} lines").format(MAX_LINES=MAX_LINES))
    return lines


def format_lines(lines: list[dict], currency: str) -> str:
    return "\n".join(f"{l['sku']} {l['qty']} {fmt(l.get('unit_cost_minor'), currency, symbol=False, grouping=False)}"
                     for l in lines)


def merge_received(new_lines: list[dict], old_lines: list[dict]) -> list[dict]:
    """Keep what was already received when lines are edited; refuse to drop below it."""
    received = {l["sku"]: int(l.get("received_qty") or 0) for l in old_lines}
    merged = []
    for line in new_lines:
        got = received.pop(line["sku"], 0)
        if line["qty"] < got:
            raise PurchaseOrderError(_("{sku}: {got} already received; the quantity cannot be lower")
                                         .format(sku=line['sku'], got=got))
        merged.append({**line, "received_qty": got})
    dropped = [sku for sku, got in received.items() if got]
    if dropped:
        raise PurchaseOrderError(_("{dropped}: already partly received; keep the line")
                                     .format(dropped=', '.join(dropped)))
    return merged


# -- writing -------------------------------------------------------------------
def new_purchase_order(supplier: str, lines: list[dict], currency: str, expected_on: date | None,
                       shipping_minor: int = 0, notes: str = "") -> dict:
    supplier = " ".join(supplier.split())
    if not supplier:
        raise PurchaseOrderError(_("a purchase order needs a supplier"))
    if not lines:
        raise PurchaseOrderError(_("a purchase order needs at least one line"))
    return {
        "supplier": supplier, "status": "draft", "currency": currency,
        "ordered_on": None, "shipped_on": None, "received_on": None,
        "expected_on": expected_on.isoformat() if expected_on else None,
        "lines": lines, "receipts": [], "shipping_minor": int(shipping_minor), "notes": notes.strip(),
        "created_at": clock.stamp(),
    }


def create(store, po: dict) -> dict:
    with store.transaction(f"new purchase order to {po['supplier']}") as tx:
        return tx["purchase_orders"].insert(po)


def update(store, po_id: str, changes: dict[str, Any], expect_rev: int | None) -> dict:
    with store.transaction(f"purchase order {po_id} edited") as tx:
        current = _get(tx, po_id)
        if current.get("status") in ("received", "cancelled"):
            raise PurchaseOrderError(_("PO {po_id} is {status}: it can no longer be edited")
                                         .format(po_id=po_id, status=current['status']))
        if "lines" in changes:
            changes = {**changes, "lines": merge_received(changes["lines"], current.get("lines") or [])}
        return tx["purchase_orders"].update(po_id, changes, expect_rev=expect_rev)


def advance(store, po_id: str, expect_rev: int | None, on: date | None = None) -> dict:
    """draft → ordered → shipped (receiving is ``receive``)."""
    with store.transaction(f"purchase order {po_id} moved on") as tx:
        current = _get(tx, po_id)
        status = current.get("status")
        if status not in NEXT:
            hint = _(" — receive it with v") if status == "shipped" else ""
            raise PurchaseOrderError(_("PO {po_id} is {status}: nothing to move on to{hint}")
                                         .format(po_id=po_id, status=status, hint=hint))
        new = NEXT[status]
        day = (on or clock.today()).isoformat()
        changes = {"status": new, f"{new}_on": day}
        return tx["purchase_orders"].update(po_id, changes, expect_rev=expect_rev)


def cancel_or_delete(store, po_id: str, expect_rev: int | None) -> str:
    """A draft is deleted; an ordered or shipped PO with nothing received is cancelled (kept)."""
    with store.transaction(f"purchase order {po_id} withdrawn") as tx:
        current = _get(tx, po_id)
        status = current.get("status")
        if status == "draft":
            tx["purchase_orders"].delete(po_id, expect_rev=expect_rev)
            return "deleted"
        if status in OPEN and not totals(current)["received"]:
            tx["purchase_orders"].update(po_id, {"status": "cancelled", "cancelled_on": clock.today().isoformat()},
                                         expect_rev=expect_rev)
            return "cancelled"
        raise PurchaseOrderError(_("PO {po_id} is {current}: only drafts can be deleted and POs with nothing "
                                   "received cancelled")
                                     .format(po_id=po_id, current=state(current)))


def check_receipt(po: dict, quantities: dict[str, int]) -> dict[str, str]:
    """{sku: reason} for quantities a receipt cannot take."""
    errors = {}
    due = {l["sku"]: remaining(l) for l in po.get("lines") or []}
    for sku, qty in quantities.items():
        if sku not in due:
            errors[sku] = _("not on this purchase order")
        elif qty < 0:
            errors[sku] = _("cannot be negative")
        elif qty > due[sku]:
            errors[sku] = _("at most {n} still due").format(n=due[sku])
    if not errors and not any(quantities.values()):
        errors[""] = _("enter the units that arrived for at least one line")
    return errors


def receive(store, po_id: str, quantities: dict[str, int], on: date, to: str, by: str,
            expect_rev: int | None) -> dict:
    """Record units that arrived: the PO's lines, its receipts, and the SKUs' stock, in one commit."""
    if to not in DESTINATIONS:
        raise PurchaseOrderError(_("received stock goes to {DESTINATIONS}")
                                     .format(DESTINATIONS=' or '.join(DESTINATIONS)))
    if on > clock.today():
        raise PurchaseOrderError(_("a receipt cannot be dated in the future"))
    with store.transaction(f"purchase order {po_id}: received {sum(quantities.values())} units") as tx:
        po = _get(tx, po_id)
        if po.get("status") not in OPEN:
            raise PurchaseOrderError(_("PO {po_id} is {status}: only ordered or shipped POs are received")
                                         .format(po_id=po_id, status=po.get('status')))
        errors = check_receipt(po, quantities)
        if errors:
            raise PurchaseOrderError("; ".join(f"{k}: {v}" if k else v for k, v in errors.items()))
        day = on.isoformat()
        lines = [{**l, "received_qty": int(l.get("received_qty") or 0) + quantities.get(l["sku"], 0)}
                 for l in po.get("lines") or []]
        receipts = list(po.get("receipts") or [])
        for sku, qty in quantities.items():
            if not qty:
                continue
            receipts.append({"on": day, "sku": sku, "qty": qty, "to": to, "by": by})
            product = tx["products"].get(sku)
            if product is not None:
                tx["products"].update(sku, add_units(product, to, qty, f"received on PO {po_id}", by))
        changes: dict[str, Any] = {"lines": lines, "receipts": receipts}
        if all(remaining(l) == 0 for l in lines):
            changes.update(status="received", received_on=day)
        return tx["purchase_orders"].update(po_id, changes, expect_rev=expect_rev)


def draft_orders(store, suggestions: list[dict], currency: str) -> list[dict]:
    """One draft PO per supplier and cost currency from suggested lines ``{sku, supplier, qty, unit_cost_minor,
    lead_days, currency}`` (the cost's currency, else ``currency``): a yuan cost goes on a yuan PO.

    Each is expected after the longest lead time of its SKUs (production + freight, from today).
    """
    by_supplier: dict[tuple[str, str], list[dict]] = defaultdict(list)
    lead: dict[tuple[str, str], int] = defaultdict(int)
    for s in suggestions:
        if s["qty"] > 0:
            supplier = (s.get("supplier") or "(no supplier)", str(s.get("currency") or currency).upper())
            by_supplier[supplier].append(
                {"sku": s["sku"], "qty": int(s["qty"]), "unit_cost_minor": int(s.get("unit_cost_minor") or 0),
                 "received_qty": 0})
            lead[supplier] = max(lead[supplier], int(s.get("lead_days") or 0))
    if not by_supplier:
        raise PurchaseOrderError(_("nothing to order: the suggested quantities are all 0"))
    created = []
    with store.transaction(f"drafted {len(by_supplier)} purchase order(s) from the suggestions") as tx:
        for (supplier, in_currency), lines in sorted(by_supplier.items()):
            days = lead[(supplier, in_currency)]
            expected = clock.today() + timedelta(days=days) if days else None
            po = new_purchase_order(supplier, lines, in_currency, expected, notes="drafted from the reorder suggestion")
            created.append(tx["purchase_orders"].insert(po))
    return created


def _get(tx, po_id: str) -> dict:
    po = tx["purchase_orders"].get(str(po_id))
    if po is None:
        raise PurchaseOrderError(_("no purchase order {po_id}").format(po_id=po_id))
    return po
