"""Return cases as the Orders tab lists them: open FBM cases first, by refund deadline.

pandas and numpy are imported inside the functions: only workers call them.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.domain.orders.returns import refund_deadline
from sellertui.domain.query import parse
from sellertui.core.formats import dated

FIELDS = ["id", "order_id", "sku", "channel", "status", "reason", "quantity", "requested_at", "received_at",
          "refunded_at", "refund_minor", "currency", "_rev"]
OPEN = ("requested", "authorised", "received")  # an FBM case in these still needs the seller
FILTERS = {"status", "channel", "reason"}


def rank(case: dict, refund_by: str) -> str:
    """Open FBM cases first, by refund deadline; then everything else, newest first."""
    if case.get("channel") == "FBM" and case.get("status") in OPEN:
        return f"0|{refund_by or '9999-99-99'}|{case.get('requested_at') or ''}"
    day = int((case.get("requested_at") or "0")[:10].replace("-", "") or 0)
    return f"1|{99_999_999 - day:08d}"


def cases_frame(cases: list[dict]):
    """Cases → frame with ``requested`` (the day), ``refund_by`` (YYYY-MM-DD or "") and ``rank``."""
    import pandas as pd

    frame = pd.DataFrame({f: [c.get(f) for c in cases] for f in FIELDS})
    frame["requested"] = frame["requested_at"].fillna("").str.slice(0, 10)
    frame["refund_by"] = [(d.isoformat() if (d := refund_deadline(c)) else "") for c in cases]
    frame["rank"] = [rank(c, by) for c, by in zip(cases, frame["refund_by"])]
    return frame


def return_cases(store):
    """Every return case, FBA and FBM, as a frame (see ``cases_frame``)."""
    return cases_frame(store["returns"].all())


def filter_cases(frame, text: str):
    """Positions of the cases matching the filter text (None: no filter)."""
    import numpy as np

    query = parse(text, FILTERS)
    if query.empty:
        return None
    mask = np.ones(len(frame), dtype=bool)
    hay = (frame["order_id"].fillna("") + " " + frame["sku"].fillna("") + " " + frame["reason"].fillna("")).str.lower()
    for word in query.words:
        mask &= hay.str.contains(word, regex=False).to_numpy()
    for name, value in query.terms.items():
        mask &= frame[name].fillna("").str.lower().str.startswith(value.lower()).to_numpy()
    return np.flatnonzero(mask)


# how a case's fields read in its detail, in this order (the others follow, named from their keys)
LABELS = {"order_id": N_("Order"), "buyer_id": N_("Buyer"), "sku": N_("SKU"), "asin": N_("ASIN"),
          "fnsku": N_("FNSKU"), "product": N_("Product"), "channel": N_("Fulfilled by"), "status": N_("Status"),
          "quantity": N_("Quantity"), "reason": N_("Reason"), "customer_comments": N_("Buyer's comment"),
          "note": N_("Note"), "requested_at": N_("Requested"), "received_at": N_("Received back"),
          "refunded_at": N_("Refunded"), "refund_minor": N_("Refund"), "refund_reason": N_("Refund reason"),
          "disposition": N_("Condition"), "fulfillment_center": N_("Fulfilment centre"),
          "license_plate": N_("Licence plate")}
HIDDEN = {"id", "history", "currency"}


def moment_text(value: str) -> str:
    """An ISO timestamp as a person reads it ("Sat 26 Sep 2026 14:34"; a day alone without the time)."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    day = dated(moment, "%a %d %b %Y", "yMMMEd")
    return day if (moment.hour, moment.minute) == (0, 0) else f"{day} {moment:%H:%M}"


def case_facts(case: dict) -> list[tuple[str, str]]:
    """A case's fields as (label, text) for its detail: dates readable, money in its currency, codes in words."""
    from sellertui.core.money import fmt

    def shown(key: str, value) -> str:
        if key == "channel":
            return {"FBA": _("Amazon (FBA): Amazon handles it"), "FBM": _("you (FBM)")}.get(value, str(value))
        if key.endswith("_at") and isinstance(value, str):
            return moment_text(value)
        if key.endswith("_minor") and isinstance(value, int):
            return fmt(value, case.get("currency") or "USD")
        if key in ("reason", "disposition") and isinstance(value, str):
            return value.replace("_", " ").capitalize()
        return str(value)

    keys = [k for k in LABELS if k in case] + sorted(k for k in case if k not in LABELS)
    return [(_(LABELS[k]) if k in LABELS else k.replace("_", " ").capitalize(), shown(k, case[k])) for k in keys
            if not k.startswith("_") and k not in HIDDEN and case[k] not in (None, "")]
