"""Postage changes (修改运费) on FBM orders: refunding part or all of the shipping charge, with a reason.

Amazon fixes the shipping charge when the order is placed; the way to change
it afterwards is a refund of part or all of it (Manage Orders › Refund order,
the Shipping column). sellertui records each one — the amount, the reason,
who and when — in ``postage_refunds``, adds it to the order's history in the
same transaction, and the P&L counts it as a refund on its day until a
settlement reports the refund itself.
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui import clock
from sellertui.core.errors import UserError
from sellertui.core.money import fmt

# stored as written here; the form shows them translated
REASONS = (N_("shipped by a cheaper service"), N_("arrived late"), N_("combined shipping"),
           N_("overcharged at checkout"), N_("goodwill"), N_("other"))


def charged(lines: list[dict]) -> int:
    """The shipping the buyer paid on the order (every line's shipping charge)."""
    return sum(int(l.get("shipping_price_minor") or 0) for l in lines)


def refunds_of(store, order_id: str) -> list[dict]:
    return sorted((r for r in store["postage_refunds"].rows() if r.get("order_id") == order_id),
                  key=lambda r: r.get("refunded_at") or "")


def refundable(store, lines: list[dict]) -> int:
    """What is left of the shipping charge to refund."""
    return max(charged(lines) - sum(int(r["amount_minor"]) for r in refunds_of(store, lines[0]["order_id"])), 0)


def refund_postage(store, lines: list[dict], amount_minor: int, reason: str, note: str = "") -> dict:
    """Record a refund of ``amount_minor`` of the order's shipping charge, in its history and for the P&L."""
    if not lines:
        raise UserError(_("the order is no longer in the store"))
    first = lines[0]
    order_id, currency = first["order_id"], first.get("currency") or "USD"
    if first.get("channel") != "FBM":
        raise UserError(_("Amazon sets the shipping of FBA orders: only an FBM order's postage can be "
                          "changed"))
    if reason not in REASONS:
        raise UserError(_("the reason is one of: {REASONS}").format(REASONS=', '.join(REASONS)))
    if reason == "other" and not note.strip():
        raise UserError(_("say why, in the note, when the reason is other"))
    if amount_minor <= 0:
        raise UserError(_("a postage refund needs an amount above zero"))
    stamp = clock.stamp()
    with store.transaction(f"refunded postage on {order_id}") as tx:
        left = refundable(tx, lines)
        if amount_minor > left:
            raise UserError(_("{amount_minor} is more than is left of the shipping charge of {lines}: at "
                              "most {left}")
                                .format(amount_minor=fmt(amount_minor, currency), lines=fmt(charged(lines), currency), left=fmt(left, currency)))
        line = next((l for l in lines if l.get("shipping_price_minor")), first)
        number = len(refunds_of(tx, order_id)) + 1
        record = {"id": f"{order_id}|{number}", "order_id": order_id, "sku": line.get("sku") or "",
                  "amount_minor": amount_minor, "currency": currency, "marketplace": first.get("marketplace") or "",
                  "reason": reason, "note": note.strip(), "refunded_at": stamp, "by": store.user,
                  "purchase_date": first.get("purchase_date")}
        tx["postage_refunds"].insert(record)
        partition = str(first.get("purchase_date") or "")[:7] or None
        stored = tx["orders"].get(first["id"], partition=partition) or first
        what = f"refunded {fmt(amount_minor, currency)} of the postage: {reason}" + (f" ({note.strip()})" if note.strip() else "")
        tx["orders"].update(first["id"], {"history": [*(stored.get("history") or []),
                                                      {"at": stamp, "by": store.user, "what": what}]},
                            partition=partition)
        return record
