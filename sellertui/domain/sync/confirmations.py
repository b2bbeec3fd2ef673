"""Ship confirmations: queued when the user marks orders shipped, sent to Amazon by the sync, results kept.

Only what the user approved goes out: ``mark_shipped`` queues one ``outbox``
record per order (status ``pending``); the ``confirmations`` stream sends each
pending one with confirmShipment (carrier code, tracking, ship date, the
order's items with quantities) and nothing else. Amazon's answer lands in the
order lines' history; a rejection marks the record ``failed`` with Amazon's
reason and it stays in the ship queue until the user fixes it (marking the
order shipped again queues it afresh) or retries it. A confirmation exported
in Amazon's upload file instead is marked ``exported`` and never sent too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.markets import market as market_of
from sellertui.domain.orders.shipping import CARRIERS

PENDING, SENT, FAILED, EXPORTED = "pending", "sent", "failed", "exported"


def queue(tx, lines: list[dict], carrier: str, tracking: dict[str, str], ship_date: str, method: str,
          user: str) -> None:
    """One pending confirmation per order of these FBM lines (inside ``mark_shipped``'s transaction)."""
    by_order: dict[str, list[dict]] = {}
    for line in lines:
        by_order.setdefault(line["order_id"], []).append(line)
    records = []
    for order_id, order_lines in by_order.items():
        records.append({
            "id": order_id, "order_id": order_id, "status": PENDING,
            "marketplace": order_lines[0].get("marketplace") or "US",
            "carrier": carrier, "tracking": tracking[order_id], "ship_date": ship_date, "method": method,
            "items": [{"line_id": l["id"], "sku": l.get("sku"), "order_item_id": l.get("order_item_id") or "",
                       "quantity": int(l.get("quantity") or 0), "purchase_date": l.get("purchase_date")}
                      for l in order_lines],
            "queued_at": clock.stamp(), "queued_by": user, "reason": "", "sent_at": None, "attempts": 0})
    tx["outbox"].upsert_many(records)


def mark_exported(tx, order_ids: set[str]) -> None:
    """Confirmations that went out in Amazon's upload file: never sent by the sync as well."""
    outbox = tx["outbox"]
    for order_id in order_ids:
        record = outbox.get(order_id)
        if record is not None and record.get("status") in (PENDING, FAILED):
            outbox.update(order_id, {"status": EXPORTED, "sent_at": clock.stamp()})


@dataclass(frozen=True)
class Confirmation:
    """One outbox record as the ship queue and ``sync --dry-run`` show it."""

    order_id: str
    marketplace: str
    status: str
    carrier: str
    tracking: str
    ship_date: str
    items: list[dict]
    reason: str  # Amazon's reason for a failed one
    queued_at: str

    @classmethod
    def of(cls, record: dict) -> "Confirmation":
        return cls(record["order_id"], record.get("marketplace", ""), record.get("status", PENDING),
                   record.get("carrier", ""), record.get("tracking", ""), record.get("ship_date", ""),
                   list(record.get("items") or []), record.get("reason", ""), record.get("queued_at", ""))

    def as_json(self) -> dict:
        return {"order_id": self.order_id, "marketplace": self.marketplace, "status": self.status,
                "carrier": self.carrier, "tracking": self.tracking, "ship_date": self.ship_date,
                "items": [{"order_item_id": i.get("order_item_id"), "sku": i.get("sku"),
                           "quantity": i.get("quantity")} for i in self.items], "reason": self.reason}


def confirmations(shop, statuses: tuple[str, ...] = (PENDING, FAILED)) -> list[Confirmation]:
    """Confirmations waiting (pending) or refused (failed), oldest first: what the ship queue marks."""
    return refused_or_waiting(shop.store, statuses)


def refused_or_waiting(store, statuses: tuple[str, ...] = (PENDING, FAILED)) -> list[Confirmation]:
    found = [Confirmation.of(r) for r in store["outbox"].rows() if r.get("status") in statuses]
    return sorted(found, key=lambda c: (c.queued_at, c.order_id))


def retry(store, order_id: str) -> None:
    """Send a failed confirmation again at the next sync (after the user fixed what Amazon refused)."""
    with store.transaction(f"retry the shipping confirmation of {order_id}") as tx:
        record = tx["outbox"].get(order_id)
        if record is None or record.get("status") != FAILED:
            raise UserError(f"order {order_id} has no failed shipping confirmation to retry")
        tx["outbox"].update(order_id, {"status": PENDING, "reason": ""})


def package(record: dict) -> dict:
    """confirmShipment's packageDetail for an outbox record; ``UserError`` when it cannot be sent."""
    missing = [i.get("sku") or i.get("line_id") for i in record["items"] if not i.get("order_item_id")]
    if missing:
        raise UserError(f"no Amazon order item id for {', '.join(map(str, missing))}: sync orders (or import the "
                        "FBM orders report) first")
    code, _, _ = CARRIERS.get(record["carrier"], CARRIERS["Other"])
    detail = {"packageReferenceId": "1", "carrierCode": code, "trackingNumber": record["tracking"],
              "shipDate": ship_moment(record["ship_date"], record.get("marketplace") or "US"),
              "orderItems": [{"orderItemId": i["order_item_id"], "quantity": i["quantity"]} for i in record["items"]]}
    if code == "Other":
        detail["carrierName"] = record["carrier"]
    if record.get("method"):
        detail["shippingMethod"] = record["method"]
    return detail


def ship_moment(day: str, marketplace: str) -> str:
    """Noon of the ship day in the marketplace's zone, in UTC; never in the future (Amazon refuses that)."""
    zone = ZoneInfo(market_of(marketplace).tz)
    moment = datetime.combine(datetime.fromisoformat(day[:10]).date(), time(12), zone).astimezone(timezone.utc)
    now = clock.now().astimezone(timezone.utc).replace(microsecond=0)
    return min(moment, now).strftime("%Y-%m-%dT%H:%M:%SZ")


def _history(tx, record: dict, what: str, confirmed: bool, user: str) -> None:
    orders = tx["orders"]
    for item in record["items"]:
        partition = (item.get("purchase_date") or "")[:7] or None
        line = orders.get(item["line_id"], partition=partition)
        if line is None:
            continue
        history = [*(line.get("history") or []), {"at": clock.stamp(), "by": user, "what": what}]
        changes: dict = {"history": history}
        if confirmed:
            changes["shipment"] = {**(line.get("shipment") or {}), "confirmed_at": clock.stamp()}
        orders.update(item["line_id"], changes, partition=partition)


def send_pending(run, result) -> None:
    """The confirmations stream: each pending confirmation of this marketplace, sent once, its result kept."""
    from sellertui.amazon.errors import ApiError

    store = run.store
    user = run.shop.user
    for c in confirmations(run.shop, (PENDING,)):
        if c.marketplace != run.market.code:
            continue
        record = store["outbox"].get(c.order_id)
        try:
            run.orders.confirm_shipment(c.order_id, run.market.amazon_id, package(record))
        except (ApiError, UserError) as exc:
            if isinstance(exc, ApiError) and exc.status not in (400, 403, 404, 409, 422):
                raise
            reason = exc.reason if isinstance(exc, ApiError) else str(exc)
            with store.transaction(f"Amazon refused the shipping confirmation of {c.order_id}") as tx:
                tx["outbox"].update(c.order_id, {"status": FAILED, "reason": reason,
                                                 "attempts": record.get("attempts", 0) + 1})
                _history(tx, record, f"shipping confirmation refused by Amazon: {reason}", False, user)
            result.rejected += 1
            result.errors.append(f"order {c.order_id}: {reason}")
            continue
        with store.transaction(f"Amazon accepted the shipping confirmation of {c.order_id}") as tx:
            tx["outbox"].update(c.order_id, {"status": SENT, "sent_at": clock.stamp(), "reason": "",
                                             "attempts": record.get("attempts", 0) + 1})
            _history(tx, record, f"shipping confirmed to Amazon ({record['carrier']}, {record['tracking']})",
                     True, user)
        result.sent += 1
