"""Returns and refunds.

FBA returns are Amazon's to handle: they are shown, never moved. An FBM case
moves requested → authorised → received → refunded → closed, and must be
refunded within 2 business days of the item arriving back (Amazon's rule for
seller-fulfilled returns).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.core.days import add_business_days
from sellertui.core.errors import UserError
from sellertui.core.money import fmt
from sellertui.domain.orders.line_money import paid_of

FLOW = ("requested", "authorised", "received", "refunded", "closed")
FLOW_WORDS = (N_("requested"), N_("authorised"), N_("received"), N_("refunded"), N_("closed"))  # shown translated
REASONS = ("DEFECTIVE", "NOT_AS_DESCRIBED", "ORDERED_WRONG_ITEM", "UNWANTED_ITEM", "DAMAGED_BY_CARRIER",
           "MISSING_PARTS", "OTHER")
REASON_WORDS = {"DEFECTIVE": N_("defective"), "NOT_AS_DESCRIBED": N_("not as described"),
                "ORDERED_WRONG_ITEM": N_("ordered wrong item"), "UNWANTED_ITEM": N_("unwanted item"),
                "DAMAGED_BY_CARRIER": N_("damaged by carrier"), "MISSING_PARTS": N_("missing parts"),
                "OTHER": N_("other")}  # the form's words for the codes
REFUND_BUSINESS_DAYS = 2


def refund_deadline(case: dict) -> date | None:
    """The day by which an FBM return must be refunded (2 business days after receipt)."""
    if case.get("channel") != "FBM" or not case.get("received_at") or case.get("status") not in ("received",):
        return None
    received = datetime.fromisoformat(case["received_at"])
    local_day = received.astimezone(clock.now().tzinfo).date() if received.tzinfo else received.date()
    return add_business_days(local_day, REFUND_BUSINESS_DAYS)


def next_status(case: dict) -> str | None:
    if case.get("channel") != "FBM":
        return None
    status = case.get("status")
    return FLOW[FLOW.index(status) + 1] if status in FLOW[:-1] else None


def new_case(order_line: dict, quantity: int, reason: str, note: str = "") -> dict:
    if reason not in REASONS:
        raise UserError(_("reason must be one of {REASONS}").format(REASONS=', '.join(REASONS)))
    if not 1 <= quantity <= max(int(order_line.get("quantity") or 0), 1):
        raise UserError(_("quantity must be between 1 and {quantity} (what was ordered)")
                            .format(quantity=order_line.get('quantity')))
    stamp = clock.now()
    return {
        "id": f"{order_line['order_id']}/{order_line['sku']}/{stamp:%Y%m%d%H%M%S}",
        "order_id": order_line["order_id"], "sku": order_line["sku"], "channel": order_line.get("channel", "FBM"),
        "quantity": quantity, "reason": reason, "note": note,
        "requested_at": stamp.isoformat(timespec="seconds"), "currency": order_line.get("currency", "USD"),
        "buyer_id": order_line.get("buyer_id"), "status": "requested",
        "refund_minor": None, "received_at": None, "refunded_at": None,
    }


def advance(store, case: dict, to: str, received_at: datetime | None = None, refund_minor: int | None = None,
            refund_reason: str = "") -> dict:
    """Move an FBM case one step along the flow, with what that step needs."""
    if case.get("channel") != "FBM":
        raise UserError(_("FBA returns are handled by Amazon; sellertui only shows them"))
    if to != next_status(case):
        raise UserError(_("a {status} case moves to {case}, not {to}")
                            .format(status=case.get('status'), case=next_status(case) or 'nothing', to=to))
    changes: dict = {"status": to}
    if to == "received":
        moment = received_at or clock.now()
        if moment > clock.now() + timedelta(minutes=5):
            raise UserError(_("the item cannot arrive in the future"))
        changes["received_at"] = moment.isoformat(timespec="seconds")
    elif to == "refunded":
        if refund_minor is None or refund_minor <= 0:
            raise UserError(_("a refund needs an amount above zero"))
        if not refund_reason.strip():
            raise UserError(_("say why the refund is given"))
        changes.update(refund_minor=refund_minor, refund_reason=refund_reason.strip(),
                       refunded_at=clock.stamp())
    step = {"at": clock.stamp(), "by": store.user, "what": f"→ {to}"}
    with store.transaction(f"return {case['order_id']} {case.get('sku')}: {to}") as tx:
        if to == "refunded":
            check_refund(tx, case, refund_minor)
        # the history as stored (the caller may hold only a table row): each step adds to it
        stored = tx["returns"].get(case["id"]) or case
        changes["history"] = list(stored.get("history") or []) + [step]
        return tx["returns"].update(case["id"], changes, expect_rev=case.get("_rev"))


def open_case(store, case: dict) -> dict:
    with store.transaction(f"opened a return for order {case['order_id']}") as tx:
        return tx["returns"].insert(case)


def returnable_lines(store, order_id: str) -> list[dict]:
    """The lines of ``order_id`` a return can be opened for (those with a quantity), from any month."""
    return store["orders"].find(lambda d: d.get("order_id") == order_id and d.get("quantity"))


def refund_limit(store, case: dict) -> tuple[int, str] | None:
    """The most that can still be refunded on the case's order line, and how it adds up (None: line unknown).

    What the buyer paid for the line — item + shipping + gift wrap, less its
    promotion discounts, plus their taxes — less what other cases on the same
    line have refunded already.
    """
    line = store["orders"].get(f"{case['order_id']}/{case['sku']}")
    currency = case.get("currency") or "USD"
    if line and line.get("quantity"):
        paid, what = paid_of(line), _("item, shipping and tax, less discounts")
        currency = line.get("currency") or currency
    elif case.get("order_amount_minor"):
        paid, what = int(case["order_amount_minor"]), _("the order amount Amazon reported")
    else:
        return None
    earlier = sum(int(c.get("refund_minor") or 0) for c in store["returns"].all()
                  if c.get("order_id") == case["order_id"] and c.get("sku") == case.get("sku")
                  and c.get("id") != case.get("id"))
    working = _("{paid} paid ({what})").format(paid=fmt(paid, currency), what=what)
    if earlier:
        working = _("{paid} paid ({what}) less {earlier} refunded before").format(
            paid=fmt(paid, currency), what=what, earlier=fmt(earlier, currency))
    return max(paid - earlier, 0), working


def check_refund(store, case: dict, refund_minor: int) -> None:
    """Refuse a refund above what is left of what was paid for the line, naming the limit."""
    limit = refund_limit(store, case)
    if limit is not None and refund_minor > limit[0]:
        currency = case.get("currency") or "USD"
        raise UserError(_("a refund of {refund_minor} is more than was paid for order {order_id} {sku}: "
                          "at most {limit} ({limit2})")
                            .format(refund_minor=fmt(refund_minor, currency), order_id=case['order_id'], sku=case.get('sku'), limit=fmt(limit[0], currency), limit2=limit[1]))


def refund_default(store, case: dict) -> int:
    """What the case's items were sold for (the unit price times the quantity returned): the refund to offer."""
    line = store["orders"].get(f"{case['order_id']}/{case['sku']}")
    if not line or not line.get("quantity"):
        return 0
    default = (line.get("item_price_minor") or 0) // line["quantity"] * int(case.get("quantity") or 1)
    limit = refund_limit(store, case)
    return default if limit is None else min(default, limit[0])


def stored_case(store, case_id: str) -> dict | None:
    """The case as stored now, with its history (None once it is gone)."""
    return store["returns"].get(case_id)
