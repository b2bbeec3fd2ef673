"""The ``reviews`` sync stream: the approved review requests go to Amazon, each outcome recorded once.

Only what was approved is sent (in a batch by the user, or by the daily rule
when it is on: it approves the day's candidates first, recorded as such).
Each request is marked ``sending`` in its own transaction before the call,
and its outcome (``sent``, or ``refused`` with Amazon's reason) is written in
one transaction after it. A request found ``sending`` — the process died, or
the connection dropped, between the two — is asked about first with
getSolicitationActionsForOrder: when Amazon still offers the request, it is
sent; otherwise it went out, and is recorded as sent. So a retry never asks
a buyer twice.

Before sending, the sync asks Amazon whether it offers the request for the
order (getSolicitationActionsForOrder): Amazon knows the real delivery day,
where sellertui may only have an estimate. Not offered while the window we
reckoned is still open (delivered later than estimated), the request waits
for the next sync; not offered once that window has closed, it is recorded
as refused and never sent.
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.domain.reviews import requests as rules
from sellertui.domain.reviews.settings import ReviewSettings

FINAL = (400, 403, 404, 409, 422)  # Amazon's "no" for this order: recorded, never retried


def _set(store, order_id: str, what: str, **changes) -> None:
    with store.transaction(f"review request {order_id}: {what}") as tx:
        tx["review_requests"].update(order_id, changes)


def approve_by_rule(shop, market_code: str) -> int:
    """The daily rule: approve every candidate of this marketplace (none when the rule is off)."""
    if not ReviewSettings.of(shop).daily_rule:
        return 0
    due = [c for c in rules.candidates(shop) if c.marketplace == market_code]
    return rules.approve(shop.store, due, rules.DAILY_RULE) if due else 0


def _still_offered(solicitations, record: dict, marketplace_id: str) -> bool:
    """After an unfinished send: does Amazon still offer the request? (An error answer counts as no.)"""
    from sellertui.amazon.errors import ApiError
    from sellertui.amazon.solicitations import ACTION

    try:
        return ACTION in solicitations.actions(record["order_id"], marketplace_id)
    except ApiError as exc:
        if exc.status in FINAL:
            return False
        raise


def _not_offered(store, record: dict, result) -> None:
    """Amazon does not offer the request now: wait while our window is open, else record it as refused."""
    order_id, today = record["order_id"], clock.today()
    closes = date.fromisoformat(record["closes"]) if record.get("closes") else today
    if today <= closes:
        estimate = " (the delivery day was an estimate)" if record.get("estimated") else ""
        _set(store, order_id, "not offered by Amazon yet", checked_at=clock.stamp(),
             reason=f"Amazon does not offer it yet{estimate}: asked again at the next sync")
        result.notes.append(_("review request {order_id}: Amazon does not offer it yet; it waits").format(
            order_id=order_id))
        return
    _set(store, order_id, "never offered by Amazon", status=rules.REFUSED, answered_at=clock.stamp(),
         reason="Amazon did not offer Request a Review for this order before its window closed")
    result.rejected += 1


def send_requests(run, result) -> None:
    """Send this marketplace's approved review requests (and settle unfinished ones); count sent and refused."""
    from sellertui.amazon.errors import ApiError
    from sellertui.amazon.solicitations import Solicitations

    store, code, amazon_id = run.store, run.market.code, run.market.amazon_id
    solicitations = Solicitations(run.api)
    approved = approve_by_rule(run.shop, code)
    if approved:
        result.notes.append(_("the daily rule approved {n} review request(s)").format(n=approved))
    mine = [r for r in store["review_requests"].rows() if r.get("marketplace", "US") == code]
    for record in (r for r in mine if r.get("status") == rules.SENDING):
        if _still_offered(solicitations, record, amazon_id):
            _set(store, record["order_id"], "still offered after an unfinished send", status=rules.APPROVED)
        else:
            _set(store, record["order_id"], "went out before the interruption", status=rules.SENT,
                 sent_at=clock.stamp(), reason="recorded after an interrupted send: Amazon no longer offers it")
            result.sent += 1
    waiting = [r for r in store["review_requests"].rows()
               if r.get("marketplace", "US") == code and r.get("status") == rules.APPROVED]
    for record in sorted(waiting, key=lambda r: r.get("approved_at") or ""):
        order_id = record["order_id"]
        if not _still_offered(solicitations, record, amazon_id):
            _not_offered(store, record, result)
            continue
        attempts = int(record.get("attempts") or 0) + 1
        _set(store, order_id, "sending", status=rules.SENDING, attempts=attempts, sending_at=clock.stamp())
        try:
            solicitations.request_review(order_id, amazon_id)
        except ApiError as exc:
            if exc.status not in FINAL:
                raise  # left "sending": the next sync asks Amazon whether it went out
            _set(store, order_id, "refused by Amazon", status=rules.REFUSED, reason=exc.reason,
                 answered_at=clock.stamp())
            result.rejected += 1
            continue
        _set(store, order_id, "sent", status=rules.SENT, sent_at=clock.stamp(), reason="")
        result.sent += 1
