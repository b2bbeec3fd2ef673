"""The FBM ship queue: unshipped FBM order lines of the recent months, with due days and address checks.

Shipping is per order: choosing one line of an order ships all its lines. An
order Amazon refused to confirm (the sync sent the shipment, Amazon said no)
stays in the queue, marked with Amazon's reason, until it is fixed and sent
again.
pandas and numpy are imported inside the functions: only workers call them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sellertui import clock
from sellertui.core.i18n import _
from sellertui.domain.orders.addresses import check_address
from sellertui.domain.orders.buyers import blacklisted_ids
from sellertui.domain.orders.shipping import recent_partitions
from sellertui.domain.query import parse
from sellertui.store.fields import rows

COLUMNS = ["id", "order_id", "purchase_date", "sku", "quantity", "buyer_name", "ship_by", "due", "ship_service_level",
           "address_check", "flagged", "amazon"]
FILTERS = {"late", "today", "refused"}
REFUSED = "refused"  # the due label of an order whose shipping confirmation Amazon refused


def due_label(ship_by: str, today: date | None = None) -> str:
    """How soon a line is due, from its ship-by date: "LATE 2d", "today", "in 3d" ("" without one)."""
    if not ship_by:
        return ""
    days = (date.fromisoformat(ship_by[:10]) - (today or clock.today())).days
    if days < 0:
        return f"LATE {-days}d"
    return "today" if days == 0 else f"in {days}d"


def waiting_lines(store, fields: tuple[str, ...] = ()) -> list[dict]:
    """FBM order lines of the recent months still to ship (``fields``: only these of each line, and only they
    are decoded: a reader that lists the lines needs a few of the thirty, not the months parsed whole)."""
    months = recent_partitions(store)
    lines = rows(store, "orders", months, ("channel", "status", *fields), where=("channel", {"FBM"})) if fields else (
        store["orders"].rows(months))
    return [o for o in lines if o.get("channel") == "FBM" and o.get("status") == "Unshipped"]


def address_summary(address: dict) -> str:
    """The address check as shown: "ok", or the address's problems on one line."""
    problems = check_address(address)
    return "ok" if not problems else "; ".join(f"{k}: {v}" for k, v in problems.items())


@dataclass
class ShipQueue:
    frame: object  # pandas.DataFrame, one row per line (``COLUMNS``)
    lines: dict[str, dict]  # the lines as stored, by id

    def lines_of_order(self, order_id: str) -> list[dict]:
        return [l for l in self.lines.values() if l["order_id"] == order_id]

    def whole_orders(self, line_ids) -> list[dict]:
        """Every queued line of the orders the given lines belong to (an order ships whole)."""
        order_ids = {self.lines[i]["order_id"] for i in line_ids if i in self.lines}
        return [l for l in self.lines.values() if l["order_id"] in order_ids]


def queue_frame(lines: list[dict], blacklisted: set[str], today: date | None = None,
                refused: dict[str, str] | None = None):
    """Queued lines → frame: due label, address check, a flag when the buyer is blacklisted, and Amazon's
    reason where it refused the order's shipping confirmation (``refused``: order id → reason)."""
    import pandas as pd

    refused = refused or {}
    rows = [{
        "id": l["id"], "order_id": l["order_id"], "purchase_date": l["purchase_date"], "sku": l["sku"],
        "quantity": l.get("quantity", 0), "buyer_name": l.get("buyer_name") or "",
        "ship_by": l.get("ship_by") or "",
        "due": REFUSED if l["order_id"] in refused else due_label(l.get("ship_by") or "", today),
        "ship_service_level": l.get("ship_service_level") or "",
        "address_check": address_summary(l.get("address") or {}), "flagged": l.get("buyer_id") in blacklisted,
        "amazon": _("refused: {reason}").format(reason=refused[l["order_id"]]) if l["order_id"] in refused else "",
    } for l in lines]
    return pd.DataFrame(rows, columns=COLUMNS)


def refused_lines(store) -> tuple[list[dict], dict[str, str]]:
    """The lines of orders whose shipping confirmation Amazon refused, and each order's reason."""
    from sellertui.domain.sync.confirmations import FAILED, refused_or_waiting

    lines, reasons = [], {}
    for confirmation in refused_or_waiting(store, (FAILED,)):
        reasons[confirmation.order_id] = confirmation.reason or _("no reason given")
        for item in confirmation.items:
            month = (item.get("purchase_date") or "")[:7] or None
            line = store["orders"].get(item.get("line_id"), partition=month)
            if line is not None:
                lines.append(line)
    return lines, reasons


def ship_queue(shop) -> ShipQueue:
    """The lines to ship now (and the refused confirmations to fix), as a frame and as stored."""
    lines = waiting_lines(shop.store)
    refused, reasons = refused_lines(shop.store)
    lines += [l for l in refused if l["id"] not in {w["id"] for w in lines}]
    frame = queue_frame(lines, blacklisted_ids(shop.store, shop.frames()), refused=reasons)
    return ShipQueue(frame, {l["id"]: l for l in lines})


def filter_queue(frame, text: str):
    """Positions of the queued lines matching the filter text (None: no filter)."""
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    hay = (frame["order_id"] + " " + frame["sku"] + " " + frame["buyer_name"]).str.lower()
    for word in query.words:
        mask &= hay.str.contains(word, regex=False).to_numpy()
    if "late" in query.terms:
        mask &= frame["due"].str.startswith("LATE").to_numpy()
    if "today" in query.terms:
        mask &= (frame["due"] == "today").to_numpy()
    if "refused" in query.terms:
        mask &= (frame["due"] == REFUSED).to_numpy()
    return np.flatnonzero(mask)
