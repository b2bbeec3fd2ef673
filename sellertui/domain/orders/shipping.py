"""FBM shipping: the queue, plausible tracking numbers, marking shipped, Amazon's confirmation file.

Carrier codes are those of Amazon's shipping-confirmation flat file; a carrier
not in the list is sent as "Other" with its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError

# carrier → (Amazon carrier-code, tracking pattern, an example for the error message)
CARRIERS: dict[str, tuple[str, str, str]] = {
    "USPS": ("USPS", r"(9[1-5]\d{18,20}|\d{20,22}|[A-Z]{2}\d{9}US)", "9400 1118 9922 3891 2345 67 (20–22 digits)"),
    "UPS": ("UPS", r"1Z[0-9A-Z]{16}", "1Z999AA10123456784 (1Z + 16 letters/digits)"),
    "FedEx": ("FedEx", r"(\d{12}|\d{15}|\d{20}|\d{22})", "123456789012 (12, 15, 20 or 22 digits)"),
    "DHL": ("DHL", r"(\d{10}|JJD\d{16,18}|JD\d{16,18})", "1234567890 (10 digits) or JJD…"),
    "Amazon Logistics": ("AMZN_US", r"TBA\d{12}", "TBA123456789012"),
    "Royal Mail": ("Royal Mail", r"[A-Z]{2}\d{9}GB", "AB123456789GB"),
    "Canada Post": ("Canada Post", r"(\d{16}|[A-Z]{2}\d{9}CA)", "1234567890123456 (16 digits)"),
    "Japan Post": ("Japan Post", r"(\d{12}|[A-Z]{2}\d{9}JP)", "123456789012 (12 digits)"),
    "China Post": ("China Post", r"[A-Z]{2}\d{9}CN", "RR123456789CN"),
    "Other": ("Other", r"[A-Za-z0-9-]{6,40}", "6–40 letters, digits or dashes"),
}
CONFIRMATION_COLUMNS = ["order-id", "order-item-id", "quantity", "ship-date", "carrier-code", "carrier-name",
                        "tracking-number", "ship-method"]


def normalise_tracking(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper() if not text.upper().startswith(("JJD", "JD")) else text.replace(" ", "").upper()


def check_tracking(carrier: str, tracking: str) -> str | None:
    """None if ``tracking`` looks like one of ``carrier``'s numbers, else why not."""
    if carrier not in CARRIERS:
        return _("unknown carrier {carrier!r}").format(carrier=carrier)
    number = normalise_tracking(tracking) if carrier != "Other" else tracking.strip()
    if not number:
        return _("a tracking number is required")
    pattern, example = CARRIERS[carrier][1:]
    if not re.fullmatch(pattern, number):
        return _("does not look like a {carrier} number, e.g. {example}").format(carrier=carrier, example=example)
    return None


def urgency(ship_by: str | None, today: date | None = None) -> str:
    """late / today / soon / later, from the ship-by date."""
    if not ship_by:
        return "later"
    today = today or clock.today()
    day = ship_by[:10]
    if day < today.isoformat():
        return "late"
    if day == today.isoformat():
        return "today"
    return "soon" if (date.fromisoformat(day) - today).days <= 1 else "later"


@dataclass
class Shipment:
    carrier: str
    ship_date: str
    method: str
    tracking: dict[str, str]  # order id → tracking number


def mark_shipped(store, lines: list[dict], shipment: Shipment) -> int:
    """Mark FBM order lines shipped; every line of one order gets its order's tracking number.

    Each order's confirmation is queued for Amazon in the same transaction
    (``domain.sync.confirmations``): the next ``sellertui sync`` sends it, or
    the confirmation file exported with ``E`` carries it instead.
    """
    from sellertui.domain.sync.confirmations import queue
    for order_id in {line["order_id"] for line in lines}:
        if order_id not in shipment.tracking:
            raise UserError(_("order {order_id}: no tracking number").format(order_id=order_id))
        problem = check_tracking(shipment.carrier, shipment.tracking[order_id])
        if problem:
            raise UserError(_("order {order_id}: tracking {problem}").format(order_id=order_id, problem=problem))
    count = 0
    shipped: list[dict] = []
    numbers: dict[str, str] = {}
    with store.transaction(f"shipped {len({l['order_id'] for l in lines})} FBM order(s) with {shipment.carrier}") as tx:
        orders = tx["orders"]
        for line in lines:
            part = line["purchase_date"][:7]
            current = orders.get(line["id"], partition=part)
            if current is None:
                raise UserError(_("order line {id} no longer exists").format(id=line['id']))
            if current.get("channel") != "FBM":
                raise UserError(_("order {order_id} is fulfilled by Amazon; nothing to ship")
                                    .format(order_id=line['order_id']))
            tracking = normalise_tracking(shipment.tracking[line["order_id"]]) if shipment.carrier != "Other" \
                else shipment.tracking[line["order_id"]].strip()
            history = list(current.get("history") or [])
            history.append({"at": clock.stamp(), "by": store.user,
                            "what": f"shipped with {shipment.carrier}, tracking {tracking}"})
            orders.update(line["id"], {
                "status": "Shipped",
                "shipment": {"carrier": shipment.carrier, "tracking": tracking, "ship_date": shipment.ship_date,
                             "method": shipment.method, "confirmed_at": None},
                "history": history,
            }, partition=part)
            shipped.append({**current, "id": line["id"]})
            numbers[line["order_id"]] = tracking
            count += 1
        queue(tx, shipped, shipment.carrier, numbers, shipment.ship_date, shipment.method, store.user)
    return count


def confirmation_rows(lines: list[dict]) -> list[list]:
    """Rows of Amazon's shipping-confirmation upload file for shipped FBM lines."""
    rows = []
    for line in lines:
        shipment = line.get("shipment") or {}
        code = CARRIERS.get(shipment.get("carrier", "Other"), CARRIERS["Other"])[0]
        rows.append([line["order_id"], line.get("order_item_id") or "", line.get("quantity", 0),
                     shipment.get("ship_date", ""), code,
                     shipment.get("carrier", "") if code == "Other" else "",
                     shipment.get("tracking", ""), shipment.get("method", "")])
    return rows


def recent_partitions(store, months: int = 4) -> list[str]:
    return store["orders"].partitions()[-months:]


def unconfirmed(store) -> list[dict]:
    """FBM lines shipped here whose confirmation has not been exported yet.

    Lines shipped elsewhere (Seller Central, or imported as Shipped) carry no
    ``confirmed_at`` key and are not sent again.
    """
    return [o for o in store["orders"].rows(recent_partitions(store))
            if o.get("channel") == "FBM" and "confirmed_at" in (o.get("shipment") or {})
            and o["shipment"]["confirmed_at"] is None]


def export_confirmation(store, path) -> int:
    """Write Amazon's shipping-confirmation file (tab-separated) and mark those lines confirmed."""
    from sellertui.core.csvsafe import write_csv

    lines = unconfirmed(store)
    if not lines:
        raise UserError(_("no shipped FBM orders are waiting for a confirmation upload"))
    from sellertui.domain.sync.confirmations import mark_exported

    write_csv(path, CONFIRMATION_COLUMNS, confirmation_rows(lines), delimiter="\t")
    with store.transaction(f"exported shipping confirmation for {len(lines)} line(s) to {path}") as tx:
        for line in lines:
            shipment = {**line["shipment"], "confirmed_at": clock.stamp()}
            tx["orders"].update(line["id"], {"shipment": shipment}, partition=line["purchase_date"][:7])
        mark_exported(tx, {line["order_id"] for line in lines})
    return len(lines)
