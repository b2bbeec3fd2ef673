"""The day an order reached its buyer, when the user knows it ("delivered on DATE").

Amazon's order reports and the Orders API give only the delivery window Amazon
promised (EarliestDeliveryDate, LatestDeliveryDate), never the day the parcel
arrived, and the return and refund reports do not say when the order came
either. So the real day comes from the user (the carrier's tracking page, the
buyer's message). It is kept as ``delivered_at`` on every line of the order —
an import never writes that field, so re-importing keeps it — and a review
request's window is reckoned from it ahead of any estimate. The order's
history says who recorded it and when.
"""

from __future__ import annotations

from datetime import date

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.i18n import _
from sellertui.domain.orders.history import add_history_step


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def shipped_on(lines: list[dict]) -> date | None:
    """The day the order left (its ship date; an order Amazon shipped without one: its purchase day)."""
    for line in lines:
        day = _day((line.get("shipment") or {}).get("ship_date"))
        if day:
            return day
    if any(l.get("status") in ("Shipped", "Shipping") for l in lines):
        return _day(lines[0].get("purchase_date"))
    return None


def delivered_at(lines: list[dict]) -> str:
    """The delivery day recorded for the order ("" when none is)."""
    return next((str(l["delivered_at"])[:10] for l in lines if l.get("delivered_at")), "")


def mark_delivered(store, lines: list[dict], day: date, note: str = "") -> str:
    """Record that the order was delivered on ``day``: ``delivered_at`` on each line, a step in its history.

    A day after today or before the order shipped is refused; recording again corrects the day."""
    if not lines:
        raise UserError(_("that order is no longer in the store"))
    order_id = lines[0]["order_id"]
    if all(l.get("status") == "Cancelled" for l in lines):
        raise UserError(_("order {order_id} was cancelled: there was nothing to deliver").format(order_id=order_id))
    left = shipped_on(lines)
    if left is None:
        raise UserError(_("order {order_id} has not shipped yet: record the delivery once it has").format(
            order_id=order_id))
    if day > clock.today():
        raise UserError(_("{day} is in the future: record the day the buyer got it").format(day=day.isoformat()))
    if day < left:
        raise UserError(_("{day} is before the order shipped ({shipped})").format(day=day.isoformat(),
                                                                             shipped=left.isoformat()))
    before = delivered_at(lines)
    note = (note or "").strip()
    what = (f"delivered on {day.isoformat()}" + (f" (was {before})" if before and before != day.isoformat() else "")
            + (f": {note}" if note else ""))
    step = {"at": clock.stamp(), "by": store.user, "what": what}
    add_history_step(store, lines, step, {"delivered_at": day.isoformat()})
    return day.isoformat()
