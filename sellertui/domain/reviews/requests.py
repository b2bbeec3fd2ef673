"""Request a Review: which orders are due one, approving them, and what came of each request.

Amazon lets a seller ask once per order, from 5 to 30 days after delivery,
for a product review and seller feedback (one message Amazon writes). An
order is a candidate when it was delivered inside that window, was not
cancelled, returned or refunded (a postage refund counts: the buyer had a
problem), its buyer is not blacklisted, the buyer has not left feedback
already, and it was never asked. The delivery day is the one known
(``delivered_at``); else it is an estimate: the latest delivery date Amazon promised the buyer (the Orders
API's LatestDeliveryDate, once the order shipped), else the ship date plus
``transit_days`` (FBM), else the purchase day plus ``fba_transit_days`` (FBA).
An estimate says so wherever it is shown; when connected, the sync asks
Amazon whether it offers the request before sending it (``solicit``), so an
estimate never makes a request go early.

Every request is a ``review_requests`` record keyed by its order, so no order
is asked twice: ``approved`` (by the user, in a batch, or by the daily rule),
``sending`` (written before the call), then ``sent`` or ``refused`` with
Amazon's reason, written in one transaction with the outcome.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.domain.reviews.settings import ReviewSettings
from sellertui.domain.orders.buyers import blacklisted_ids
from sellertui.store.fields import rows

APPROVED, SENDING, SENT, REFUSED = "approved", "sending", "sent", "refused"
WAITING = (APPROVED, SENDING)  # not answered by Amazon yet
BATCH, DAILY_RULE = "batch", "daily rule"


@dataclass(frozen=True)
class Candidate:
    order_id: str
    marketplace: str
    channel: str
    purchase_date: str
    delivered: str  # the day, as known or estimated
    estimated: bool  # the delivery day is an estimate (no delivery date from Amazon)
    opens: str
    closes: str
    skus: str
    buyer: str

    def as_json(self) -> dict:
        return asdict(self)


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def delivered_on(line: dict, settings: ReviewSettings) -> tuple[date | None, bool]:
    """(the delivery day, whether it is an estimate); None when the order has not shipped."""
    known = _day(line.get("delivered_at"))
    if known:
        return known, False
    shipped = line.get("status") == "Shipped" or bool((line.get("shipment") or {}).get("ship_date"))
    promised = _day(line.get("latest_delivery"))
    if shipped and promised:
        return promised, True
    if line.get("channel") == "FBM":
        shipped = _day((line.get("shipment") or {}).get("ship_date"))
        return (shipped + timedelta(days=settings.transit_days), True) if shipped else (None, True)
    if line.get("status") == "Shipped":
        bought = _day(line.get("purchase_date"))
        return (bought + timedelta(days=settings.fba_transit_days), True) if bought else (None, True)
    return None, True


def window(delivered: date, settings: ReviewSettings) -> tuple[date, date]:
    """The first and last day a review may be requested for an order delivered on ``delivered``."""
    return (delivered + timedelta(days=settings.request_from_days),
            delivered + timedelta(days=settings.request_until_days))


@dataclass(frozen=True)
class Facts:
    """What rules an order out, gathered once for all orders."""

    returned: set[str]
    refunded: set[str]
    asked: set[str]
    rated: set[str]  # orders whose buyer left seller feedback
    blacklisted: set[str]  # buyer ids


def exclusion(lines: list[dict], facts: Facts) -> str | None:
    """Why an order cannot be asked for a review (None: nothing rules it out)."""
    order_id = lines[0]["order_id"]
    if order_id in facts.asked:
        return "asked already"
    if all(l.get("status") == "Cancelled" or not l.get("quantity") for l in lines):
        return "cancelled"
    if order_id in facts.refunded:
        return "refunded"
    if order_id in facts.returned:
        return "returned"
    if order_id in facts.rated:
        return "feedback left already"
    if lines[0].get("buyer_id") in facts.blacklisted:
        return "blacklisted buyer"
    return None


def candidate(lines: list[dict], facts: Facts, settings: ReviewSettings, today: date) -> Candidate | None:
    """The order as a candidate when today is inside its window and nothing rules it out."""
    if exclusion(lines, facts):
        return None
    sold = [l for l in lines if l.get("quantity") and l.get("status") != "Cancelled"]
    delivered, estimated = delivered_on(sold[0], settings)
    if delivered is None:
        return None
    opens, closes = window(delivered, settings)
    if not opens <= today <= closes:
        return None
    first = sold[0]
    return Candidate(first["order_id"], first.get("marketplace") or "US", first.get("channel") or "",
                     str(first.get("purchase_date") or "")[:10], delivered.isoformat(), estimated,
                     opens.isoformat(), closes.isoformat(), ", ".join(sorted({l.get("sku") or "" for l in sold})),
                     first.get("buyer_name") or "")


def facts_of(store) -> Facts:
    returned, refunded = set(), set()
    for case in store["returns"].rows():
        returned.add(case.get("order_id"))
        if case.get("refund_minor") or case.get("status") in ("refunded", "closed"):
            refunded.add(case.get("order_id"))
    refunded |= {r.get("order_id") for r in store["postage_refunds"].rows()}
    blacklisted = blacklisted_ids(store)
    return Facts(returned, refunded, {r["id"] for r in store["review_requests"].rows()},
                 {f["id"] for f in store["feedback"].rows()}, blacklisted)


LINE_FIELDS = ("id", "order_id", "status", "quantity", "buyer_id", "delivered_at", "shipment", "latest_delivery",
               "channel", "purchase_date", "marketplace", "sku", "buyer_name")  # what ``candidate`` reads of a line


def candidates(shop, today: date | None = None) -> list[Candidate]:
    """Orders due a review request today, the ones whose window closes soonest first."""
    store = shop.store
    today = today or clock.today()
    settings = ReviewSettings.of(shop)
    reach = settings.request_until_days + max(settings.transit_days, settings.fba_transit_days) + 10
    start = (today - timedelta(days=reach)).isoformat()[:7]
    months = [p for p in store["orders"].partitions() if p >= start and p[:1].isdigit()]
    orders: dict[str, list[dict]] = {}
    for line in rows(store, "orders", months, LINE_FIELDS):  # only what ``candidate`` reads is decoded
        orders.setdefault(line["order_id"], []).append(line)
    facts = facts_of(store)
    found = [c for lines in orders.values() if (c := candidate(lines, facts, settings, today))]
    return sorted(found, key=lambda c: (c.closes, c.order_id))


def requests(store) -> list[dict]:
    """Every request made or approved, newest first."""
    return sorted(store["review_requests"].all(), key=lambda r: r.get("approved_at") or "", reverse=True)


def approve(store, chosen: list[Candidate], via: str = BATCH) -> int:
    """Approve review requests for these candidates; the next sync sends them. Refuses an order asked before."""
    if not chosen:
        raise UserError(_("no order chosen: mark candidates (space) first"))
    with store.transaction(f"approved {len(chosen)} review request(s) ({via})") as tx:
        table = tx["review_requests"]
        for c in chosen:
            if table.get(c.order_id) is not None:
                raise UserError(_("order {order_id} was asked for a review already: Amazon allows one request")
                                    .format(order_id=c.order_id))
        table.insert_many([{"id": c.order_id, "order_id": c.order_id, "marketplace": c.marketplace,
                            "channel": c.channel, "skus": c.skus, "buyer": c.buyer, "delivered": c.delivered,
                            "estimated": c.estimated, "closes": c.closes, "status": APPROVED, "via": via, "approved_at": clock.stamp(),
                            "approved_by": store.user, "sent_at": None, "reason": "", "attempts": 0}
                           for c in chosen])
    return len(chosen)


def withdraw(store, order_id: str) -> None:
    """Take back an approved request before it is sent (the order becomes a candidate again)."""
    with store.transaction(f"withdrew the review request of {order_id}") as tx:
        record = tx["review_requests"].get(order_id)
        if record is None or record.get("status") != APPROVED:
            raise UserError(_("order {order_id} has no approved request waiting: a request on its way or "
                              "answered cannot be taken back").format(order_id=order_id))
        tx["review_requests"].delete(order_id)
