"""Messages to a buyer sent through Amazon's Messaging API, after the user saw the text and confirmed.

The tracking message goes as Amazon's "confirm delivery details" message and
a negative seller feedback's removal request as Amazon's own
"negativeFeedbackRemoval" — each only when Amazon offers that message for the
order (getMessagingActionsForOrder), else the user copies the text into
Buyer-Seller Messages as before. A send is written into the order's history
before the call (``sending``) and after it (``sent``), so a tracking message
is never sent twice unless the user asks again: a ``sending`` left behind by
a lost answer counts as possibly sent.
"""

from __future__ import annotations

import re
from datetime import timedelta

from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.i18n import N_, _
from sellertui.core.markets import market
from sellertui.domain.orders import tracking
from sellertui.domain.orders.history import add_history_step

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
TRACKING = "tracking message"


def tracking_sends(lines: list[dict]) -> list[dict]:
    """The order's tracking-message sends recorded in its history (``sending`` or ``sent``), oldest first.

    Every line of the order gets the same steps; the line holding most of them speaks for the order."""
    per_line = [[s for s in line.get("history") or [] if isinstance(s, dict) and s.get("message") == TRACKING]
                for line in lines]
    return max(per_line, key=len, default=[])


def check_text(text: str) -> str:
    """What Amazon takes in a delivery-details message: 1–2,000 characters, no HTML, no e-mail address."""
    from sellertui.amazon.messaging import MAX_TEXT

    text = (text or "").strip()
    if not text:
        raise UserError(_("the message is empty"))
    if len(text) > MAX_TEXT:
        raise UserError(_("Amazon takes at most {most:,} characters in this message ({count:,})").format(
            most=MAX_TEXT, count=len(text)))
    if _EMAIL.search(text):
        raise UserError(_("Amazon refuses e-mail addresses in messages to buyers: take it out"))
    if _HTML.search(text):
        raise UserError(_("Amazon refuses HTML in messages to buyers: plain text and the tracking link only"))
    return text


def send_tracking_message(shop, lines: list[dict], text: str, again: bool = False) -> dict:
    """Send the tracking message of a shipped FBM order through Amazon; the step recorded in its history."""
    from sellertui.amazon.errors import ApiError
    from sellertui.amazon.messaging import DELIVERY_DETAILS, Messaging
    from sellertui.domain.sync.session import session

    if tracking.shipment_of(lines) is None:
        raise UserError(_("only a shipped FBM order with a tracking number has a tracking message"))
    text = check_text(text)
    order_id, store = lines[0]["order_id"], shop.store
    before = tracking_sends(lines)
    if before and not again:
        last = before[-1]
        said = (_("the tracking message went to the buyer on {when} ({by}): send it again only if the buyer asks")
                if last["state"] == "sent" else
                _("the tracking message may have gone (no answer came) on {when} ({by}): send it again only if the "
                  "buyer asks"))
        raise UserError(said.format(when=last["at"][:16], by=last.get("by") or "?"))
    amazon_id = market(lines[0].get("marketplace") or "US").amazon_id
    with session(shop) as api:
        messaging = Messaging(api)
        if DELIVERY_DETAILS not in messaging.actions(order_id, amazon_id):
            raise UserError(_("Amazon does not offer a delivery-details message for order {order_id} now: copy the "
                              "text into Buyer-Seller Messages instead").format(order_id=order_id))
        add_history_step(store, lines, {"at": clock.stamp(), "by": store.user, "message": TRACKING, "state": "sending",
                                "what": "tracking message: sending through Amazon"})
        try:
            messaging.confirm_delivery_details(order_id, amazon_id, text)
        except ApiError as exc:
            if exc.status >= 500 or exc.status == 429:
                raise  # left "sending": it may have gone
            step = {"at": clock.stamp(), "by": store.user, "message": "tracking message refused",
                    "what": f"tracking message refused by Amazon: {exc.reason}"}
            add_history_step(store, lines, step)
            raise UserError(_("Amazon refused the message: {reason}").format(reason=exc.reason)) from None
    step = {"at": clock.stamp(), "by": store.user, "message": TRACKING, "state": "sent", "text": text,
            "what": "tracking message sent to the buyer through Amazon"}
    add_history_step(store, lines, step)
    return step


def removal_offered(shop, item: dict) -> bool:
    """Whether Amazon offers its negative-feedback removal message for this seller feedback's order now."""
    from sellertui.amazon.messaging import FEEDBACK_REMOVAL, Messaging
    from sellertui.domain.sync.session import session

    if item.get("kind") != "feedback" or not item.get("order_id"):
        return False
    with session(shop) as api:
        return FEEDBACK_REMOVAL in Messaging(api).actions(item["order_id"], market(item.get("marketplace")
                                                                                   or "US").amazon_id)


SELLER_CENTRAL_REMOVAL = N_("in Seller Central: Performance › Feedback Manager, find the order, then Request removal "
                          "(Amazon's own form; press x here once it is done to record it)")
REMOVAL_MESSAGE = N_("Amazon's own message asking the buyer to remove their negative seller feedback (Amazon writes "
                   "it; no text of yours goes with it). Send it only once the buyer's problem is solved: Amazon "
                   "offers it once per feedback.")  # translated where shown


def request_feedback_removal(shop, item: dict, note: str = "", dry_run: bool = False) -> dict:
    """Send Amazon's negative-feedback removal request for a seller feedback (when Amazon offers it), then
    record it as the workflow's "removal requested" step.

    ``dry_run`` makes every check (Amazon is asked whether it offers the message now) and returns what would be
    sent, sending and recording nothing. Not connected, it says how to ask in Seller Central instead."""
    from sellertui.amazon.messaging import FEEDBACK_REMOVAL, Messaging
    from sellertui.domain.reviews import negatives
    from sellertui.domain.reviews.settings import ReviewSettings
    from sellertui.domain.sync.session import connected, session

    if item.get("kind") != "feedback" or not item.get("order_id"):
        raise UserError(_("Amazon's removal request is for a seller feedback on an order (a product review is "
                          "reported with \"Report abuse\" under the review on Amazon)"))
    if not negatives.is_negative(item.get("rating")):
        raise UserError(_("only a 1–2 star feedback can be asked to be removed"))
    work = negatives.work_of(shop.store, item["key"]) or {}
    if work.get("removal_via") == "api":
        raise UserError(_("Amazon's removal request went on {when}: it is sent once").format(
            when=str(work.get("removal_at"))[:16]))
    if work.get("status") == negatives.RESOLVED:
        raise UserError(_("this one is resolved already"))
    settings = ReviewSettings.of(shop)
    closes = negatives.left_on(item) + timedelta(days=settings.removal_days)
    if clock.today() > closes:
        raise UserError(_("Amazon takes removal requests up to {days} days after the feedback: that was {day}")
                        .format(days=settings.removal_days, day=closes.isoformat()))
    if not connected():
        raise UserError(_("not connected to Seller Central: nothing was sent. Ask for it {where}").format(
            where=_(SELLER_CENTRAL_REMOVAL)))
    amazon_id = market(item.get("marketplace") or "US").amazon_id
    with session(shop) as api:
        messaging = Messaging(api)
        if FEEDBACK_REMOVAL not in messaging.actions(item["order_id"], amazon_id):
            raise UserError(_("Amazon does not offer a removal request for order {order_id} now (it does for a "
                              "negative feedback within its window, once)").format(order_id=item["order_id"]))
        if dry_run:
            return {"order_id": item["order_id"], "marketplace": item.get("marketplace") or "US",
                    "message": FEEDBACK_REMOVAL, "offered": True, "sent": False}
        messaging.negative_feedback_removal(item["order_id"], amazon_id)
    ground = "Amazon's negative feedback removal request, sent through the Messaging API"
    negatives.act(shop.store, item, negatives.REMOVAL, note, ground, settings=settings)
    with shop.store.transaction(f"{item['key']}: removal request sent through Amazon") as tx:
        return tx["feedback_work"].update(item["key"], {"removal_via": "api"})
