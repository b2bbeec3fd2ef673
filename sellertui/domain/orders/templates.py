"""Reply templates: chosen by the state of the order a message is about, filled from it, edited by the user.

"Where is my order?" must not say "on its way" for an order that has not
shipped: every template is written for one state of the order (not shipped
yet, shipped, delivered, refunded) or for any, and the reply form offers the
ones for the order's state first. Variables are ``{name}`` for the names in
``VARIABLES``; a template with any other ``{...}`` is refused when saved (a
typo would reach the buyer), and filling never re-reads a value (a buyer named
``{order_id}`` stays as typed).

The built-in templates stand until the user changes one: the first change
stores them all, so editing one never makes the others disappear.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sellertui.core.i18n import N_, _
from sellertui.core.errors import UserError
from sellertui.core.money import fmt

VARIABLES = {
    "buyer_name": N_("the buyer's first name"),
    "order_id": N_("the order id"),
    "product": N_("the product's name"),
    "ship_by": N_("the day it ships by"),
    "carrier": N_("the carrier it shipped with"),
    "tracking_number": N_("its tracking number"),
    "tracking_link": N_("the carrier's tracking page for it"),
    "ship_date": N_("the day it shipped"),
    "refund_amount": N_("the amount refunded"),
}
STATES = {"unshipped": N_("not shipped yet"), "shipped": N_("shipped"), "delivered": N_("delivered"),
          "refunded": N_("refunded"), "any": N_("any order")}  # translated where shown
DELIVERED_AFTER = timedelta(days=7)  # no delivery scan is imported: a week after shipping, it has arrived
SIGN = "\n\nBest regards"
DEFAULTS = [
    ("Where is my order?", "unshipped", "Hi {buyer_name},\n\nThank you for your message about order {order_id}. Your "
     "{product} has not shipped yet: it leaves our warehouse by {ship_by}, and you will get its tracking number as "
     "soon as it does." + SIGN),
    ("Where is my order?", "shipped", "Hi {buyer_name},\n\nThank you for your message about order {order_id}. Your "
     "{product} is on its way with {carrier}; you can follow it with tracking number {tracking_number}. If it has "
     "not arrived within 3 days, reply here and we will send a replacement." + SIGN),
    ("Where is my order?", "delivered", "Hi {buyer_name},\n\nThank you for your message about order {order_id}. Your "
     "{product} shipped on {ship_date} with {carrier} (tracking {tracking_number}) and shows as delivered. Could you "
     "check with your neighbours or your building's mailroom? If it is not there, reply here and we will make it "
     "right." + SIGN),
    ("Refund sent", "refunded", "Hi {buyer_name},\n\nWe have refunded {refund_amount} for order {order_id}. Depending "
     "on your bank it shows on your statement within 3 to 5 business days." + SIGN),
    ("Damaged on arrival", "delivered", "Hi {buyer_name},\n\nWe are sorry your {product} (order {order_id}) arrived "
     "damaged. We will send a replacement at no cost, and you do not need to return the damaged one. Could you send "
     "a photo so we can raise it with the carrier?" + SIGN),
    ("Address change", "unshipped", "Hi {buyer_name},\n\nWe have updated the shipping address for order {order_id} "
     "before it shipped. You will receive tracking details as soon as it leaves our warehouse." + SIGN),
    ("Tracking details", "shipped", "Hi {buyer_name},\n\nYour {product} (order {order_id}) is on its way with "
     "{carrier}, tracking number {tracking_number}. You can follow it here: {tracking_link}" + SIGN),
    ("Product question", "any", "Hi {buyer_name},\n\nThank you for asking about the {product}. " + SIGN),
]
PLACEHOLDER = re.compile(r"\{(" + "|".join(VARIABLES) + r")\}")
ANY_BRACES = re.compile(r"\{([^{}\n]*)\}")


def fill(template: str, values: dict[str, str | None]) -> tuple[str, list[str]]:
    """The template with known variables filled; returns the variables that had no value.

    Only the known placeholders are touched: any other braces in a template
    (or in a buyer's name) stay as typed.
    """
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        if not value:
            missing.append(match.group(1))
            return match.group(0)
        return str(value)

    return PLACEHOLDER.sub(replace, template), missing


def unknown_variables(text: str) -> list[str]:
    """The ``{...}`` in ``text`` that are not variables (a typo would reach the buyer as typed)."""
    return list(dict.fromkeys(m.group(1) for m in ANY_BRACES.finditer(text) if m.group(1) not in VARIABLES))


def check_text(text: str) -> str | None:
    """Why a template's text cannot be saved, or None."""
    if not text.strip():
        return _("write the reply")
    unknown = unknown_variables(text)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        return _("unknown {names}: the variables are {variables}").format(
            names=names, variables=", ".join("{" + v + "}" for v in VARIABLES))
    return None


# -- the order a message is about -----------------------------------------------------------------


def order_state(lines: list[dict], cases: list[dict], today: date) -> str | None:
    """unshipped, shipped, delivered or refunded (None: no order in the store)."""
    if not lines:
        return None
    if any(c.get("refund_minor") or c.get("status") in ("refunded", "Reimbursed") for c in cases):
        return "refunded"
    if any(l.get("status") in ("Pending", "Unshipped") for l in lines):
        return "unshipped"
    shipped = [l for l in lines if l.get("status") in ("Shipped", "Shipping")]
    if not shipped:
        return None  # cancelled: no state a template is written for
    if any(l.get("delivered_at") for l in lines):
        return "delivered"  # the day the user recorded beats the guess from the ship date
    day = (shipped[0].get("shipment") or {}).get("ship_date") or (shipped[0].get("purchase_date") or "")[:10]
    try:
        sent = date.fromisoformat(day[:10])
    except ValueError:
        return "shipped"
    return "delivered" if today - sent >= DELIVERED_AFTER else "shipped"


def template_values(message: dict, order: dict | None, cases: list[dict] = ()) -> dict[str, str | None]:
    """What each variable stands for in a reply to ``message`` about ``order`` (a line of it)."""
    from sellertui.domain.orders.tracking import tracking_link

    order = order or {}
    shipment = order.get("shipment") or {}
    refunded = sum(c.get("refund_minor") or 0 for c in cases)
    currency = next((c.get("currency") for c in cases if c.get("currency")), order.get("currency") or "USD")
    return {
        "buyer_name": (message.get("buyer_name") or order.get("buyer_name") or "").split(" ")[0] or None,
        "order_id": message.get("order_id") or order.get("order_id"),
        "product": (order.get("product") or "").split(" – ")[0] or None,
        "ship_by": (order.get("ship_by") or "")[:10] or None,
        "carrier": shipment.get("carrier"),
        "tracking_number": shipment.get("tracking"),
        "tracking_link": tracking_link(shipment.get("carrier"), shipment.get("tracking")),
        "ship_date": (shipment.get("ship_date") or "")[:10] or None,
        "refund_amount": fmt(refunded, currency) if refunded else None,
    }


def for_state(templates: list[dict], state: str | None) -> list[dict]:
    """The templates in the order to offer them: the order's state first, then any, then the rest."""
    def rank(t: dict) -> int:
        when = t.get("when") or "any"
        return 0 if state and when == state else 1 if when == "any" else 2

    return sorted(templates, key=lambda t: (rank(t), t.get("name", "")))


# -- the user's templates --------------------------------------------------------------------------------


def builtins() -> list[dict]:
    return [{"id": f"default-{i}", "name": name, "when": when, "text": text, "builtin": True}
            for i, (name, when, text) in enumerate(DEFAULTS)]


def all_templates(store) -> list[dict]:
    """The user's templates, or the built-in ones until the user changes any."""
    saved = sorted(store["reply_templates"].all(), key=lambda t: (t.get("name", ""), t.get("when", "")))
    return saved or builtins()


def templates_frame(records: list[dict]):
    """The templates as rows for the Templates view (pandas comes in here, in its worker)."""
    import pandas as pd

    texts = [t.get("text", "") for t in records]
    return pd.DataFrame({
        "id": [t["id"] for t in records],
        "name": [t.get("name", "") for t in records],
        "when": [t.get("when") or "any" for t in records],
        "when_label": [STATES.get(t.get("when") or "any", "any order") for t in records],
        "uses": [", ".join(dict.fromkeys(PLACEHOLDER.findall(t))) for t in texts],
        "preview": [" ".join(t.split()) for t in texts],
        "haystack": [f"{t.get('name', '')} {text}".lower() for t, text in zip(records, texts)],
    })


def _checked(values: dict) -> dict:
    name = " ".join(str(values.get("name") or "").split())
    if not name:
        raise UserError(_("A template needs a name."))
    if values.get("when", "any") not in STATES:
        raise UserError(_("A template is for one of: {STATES}.").format(STATES=', '.join(STATES)))
    problem = check_text(values.get("text") or "")
    if problem:
        raise UserError(_("The template's text cannot be saved: {problem}.").format(problem=problem))
    return {"name": name, "when": values.get("when") or "any", "text": values["text"].strip() + "\n"}


def _seeded(tx) -> dict[str, str]:
    """Store the built-ins on the first change (so the others stay); returns their ids as stored."""
    col = tx["reply_templates"]
    if col.all():
        return {}
    return {b["id"]: col.insert({k: v for k, v in b.items() if k not in ("id", "builtin")})["id"] for b in builtins()}


def save_template(store, record: dict | None, values: dict) -> dict:
    """Add a template (``record`` None) or change one; a built-in is changed in the stored copy."""
    clean = _checked(values)
    with store.transaction(f"reply template “{clean['name']}” saved") as tx:
        stored = _seeded(tx)
        col = tx["reply_templates"]
        if record is None:
            return col.insert(clean)
        record_id = stored.get(record["id"], record["id"])
        return col.update(record_id, clean, expect_rev=None if record.get("builtin") else record.get("_rev"))


def delete_template(store, record: dict) -> None:
    with store.transaction(f"reply template “{record.get('name', '')}” deleted") as tx:
        stored = _seeded(tx)
        tx["reply_templates"].delete(stored.get(record["id"], record["id"]),
                                     expect_rev=None if record.get("builtin") else record.get("_rev"))


def reply_context(store, message: dict, today: date) -> tuple[str | None, dict, list[dict]]:
    """(the order's state, the variables' values, the templates in the order to offer them) for ``message``."""
    from sellertui.domain.orders.order_lines import any_line, lines_of_order

    line = any_line(store, message.get("order_id"))
    lines = lines_of_order(store, line["order_id"], line["purchase_date"][:7]) if line else []
    cases = store["returns"].find(lambda d: d.get("order_id") == message.get("order_id")) if line else []
    state = order_state(lines, cases, today)
    return state, template_values(message, line, cases), for_state(all_templates(store), state)
