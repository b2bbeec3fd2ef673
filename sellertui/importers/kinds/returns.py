"""FBA customer returns and seller-fulfilled (FBM) returns -> ``returns``.

Records have the fields of ``sellertui.demo.sales.build_returns``. FBA returns
(Amazon handles them; the seller only sees them) keep the report's status as
written and have the key ``order/sku/return date/license plate``. Seller-fulfilled
returns map Amazon's request status onto the app's workflow — requested,
authorised, received, refunded, closed — and take ``refund_minor`` from
``Refunded Amount``; their key is ``order/sku/Amazon RMA ID``. A re-import never
moves a return back to an earlier step the user already passed.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, combine, keep_user_fields, names, total

STEPS = ("requested", "authorised", "received", "refunded", "closed")
CLOSED = frozenset({"closed", "completed", "complete", "rejected", "denied", "cancelled", "canceled", "expired"})
AUTHORISED = frozenset({"approved", "authorized", "authorised", "open"})


def fbm_status(amazon_status: str, refunded: int | None, delivered: str | None) -> str:
    word = amazon_status.strip().lower()
    if word in CLOSED:
        return "closed"
    if refunded or word == "refunded":
        return "refunded"
    if delivered or word in ("received", "delivered"):
        return "received"
    if word in AUTHORISED:
        return "authorised"
    return "requested"


_keep_user = keep_user_fields(("buyer_id", "refunded_at", "notes"))


def never_back(old: dict, new: dict) -> dict:
    """The report's news, except a step back (the user may have gone further) or the user's own fields."""
    new = _keep_user(old, new)
    if old.get("status") in STEPS and new.get("status") in STEPS and \
            STEPS.index(old["status"]) > STEPS.index(new["status"]):
        return {k: v for k, v in new.items() if k != "status"}
    return new


class ReturnReport(Kind):
    family = "returns"
    collection = "returns"

    def totals(self, output: Output, frame) -> dict:
        docs = output.records["returns"]
        return {"lines": len(docs), "units": total(docs, "quantity")}


class FbaReturns(ReturnReport):
    name = "fba-returns"
    label = N_("an FBA customer returns report")
    signatures = (names("return-date", "order-id", "sku", "license-plate-number"),
                  names("return-date", "order-id", "sku", "detailed-disposition"))
    columns = (
        col("return_date", "return-date", parse="datetime", required=True, blank=REQUIRED),
        col("order_id", "order-id", required=True, blank=REQUIRED),
        col("sku", "sku", required=True, blank=REQUIRED),
        col("asin", "asin", blank=""),
        col("fnsku", "fnsku", blank=""),
        col("product", "product-name", blank=""),
        col("quantity", "quantity", parse="int", required=True, blank=REQUIRED),
        col("fulfillment_center", "fulfillment-center-id", blank=""),
        col("disposition", "detailed-disposition", blank=""),
        col("reason", "reason", blank=""),
        col("status", "status", blank=""),
        col("license_plate", "license-plate-number", blank=""),
        col("customer_comments", "customer-comments", blank=""),
    )

    def build(self, frame) -> Output:
        n = frame.n
        orders, skus, dates, plates = (frame.col(f) for f in ("order_id", "sku", "return_date", "license_plate"))
        columns = {
            "id": [f"{o}/{s}/{d}/{p}" for o, s, d, p in zip(orders, skus, dates, plates)],
            "order_id": orders, "sku": skus, "channel": ["FBA"] * n, "quantity": frame.col("quantity"),
            "reason": frame.col("reason"), "requested_at": dates, "received_at": dates,
            "currency": [frame.locale.currency] * n, "buyer_id": [None] * n, "refund_minor": [None] * n,
            "refunded_at": [None] * n, "status": frame.col("status"),
            **{f: frame.col(f) for f in ("asin", "fnsku", "product", "fulfillment_center", "disposition",
                                         "license_plate", "customer_comments")},
        }
        docs, merged = combine(frame.good(frame.records(columns)), ("quantity",))
        return Output({"returns": docs}, merged)

    def merge(self, collection: str):
        return _keep_user



class FbmReturns(ReturnReport):
    name = "fbm-returns"
    label = N_("a seller-fulfilled returns report")
    signatures = (names("order id", "return request date", "return request status", "merchant sku"),)
    columns = (
        col("order_id", "order id", required=True, blank=REQUIRED),
        col("order_date", "order date", parse="datetime"),
        col("requested_at", "return request date", parse="datetime", required=True, blank=REQUIRED),
        col("amazon_status", "return request status", required=True, blank=""),
        col("rma", "amazon rma id", blank=""),
        col("merchant_rma", "merchant rma id", blank=""),
        col("label_type", "label type", blank=""),
        col("label_cost", "label cost", parse="amount"),
        col("currency", "currency code", "currency"),
        col("carrier", "return carrier", blank=""),
        col("tracking", "tracking id", blank=""),
        col("label_paid_by", "label to be paid by", blank=""),
        col("a_to_z", "a-to-z claim", parse="flag"),
        col("is_prime", "is prime", parse="flag"),
        col("asin", "asin", blank=""),
        col("sku", "merchant sku", required=True, blank=REQUIRED),
        col("product", "item name", blank=""),
        col("quantity", "return quantity", parse="int", required=True, blank=REQUIRED),
        col("reason", "return reason", blank=""),
        col("in_policy", "in policy", parse="flag"),
        col("return_type", "return type", blank=""),
        col("resolution", "resolution", blank=""),
        col("received_at", "return delivery date", parse="datetime"),
        col("order_amount", "order amount", parse="amount"),
        col("refund", "refunded amount", parse="amount"),
    )

    def build(self, frame) -> Output:
        n = frame.n
        currencies = frame.currencies()
        orders, skus, rmas = frame.col("order_id"), frame.col("sku"), frame.col("rma")
        requested, received = frame.col("requested_at"), frame.col("received_at")
        refunds = frame.money("refund", currencies)
        statuses = [fbm_status(a, r, d) for a, r, d in zip(frame.col("amazon_status"), refunds, received)]
        columns = {
            "id": [f"{o}/{s}/{r or q}" for o, s, r, q in zip(orders, skus, rmas, requested)],
            "order_id": orders, "sku": skus, "channel": ["FBM"] * n, "quantity": frame.col("quantity"),
            "reason": frame.col("reason"), "requested_at": requested, "currency": currencies,
            "buyer_id": [None] * n, "refund_minor": refunds, "received_at": received, "refunded_at": [None] * n,
            "status": statuses,
            "label_cost_minor": frame.money("label_cost", currencies),
            "order_amount_minor": frame.money("order_amount", currencies),
            **{f: frame.col(f) for f in ("amazon_status", "rma", "merchant_rma", "order_date", "label_type",
                                         "carrier", "tracking", "label_paid_by", "a_to_z", "is_prime", "asin",
                                         "product", "in_policy", "return_type", "resolution")},
        }
        docs, merged = combine(frame.good(frame.records(columns)), ("quantity",))
        return Output({"returns": docs}, merged)

    def merge(self, collection: str):
        return never_back


