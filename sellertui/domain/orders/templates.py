"""Reply templates with {buyer_name}, {order_id}, {tracking_number}, {carrier}, {tracking_link} and {product}."""

from __future__ import annotations

import re

VARIABLES = ("buyer_name", "order_id", "tracking_number", "carrier", "tracking_link", "product")
DEFAULTS = [
    ("Where is my order?", "Hi {buyer_name},\n\nThank you for your message about order {order_id}. Your {product} is on its "
     "way; you can follow it with tracking number {tracking_number}. If it has not arrived within 3 days, "
     "reply here and we will send a replacement.\n\nBest regards"),
    ("Damaged on arrival", "Hi {buyer_name},\n\nWe are sorry your {product} (order {order_id}) arrived damaged. We will "
     "send a replacement at no cost, and you do not need to return the damaged one. Could you send a photo "
     "so we can raise it with the carrier?\n\nBest regards"),
    ("Address change", "Hi {buyer_name},\n\nWe have updated the shipping address for order {order_id} before it "
     "shipped. You will receive tracking details as soon as it leaves our warehouse.\n\nBest regards"),
    ("Tracking details", "Hi {buyer_name},\n\nYour {product} (order {order_id}) is on its way with {carrier}, "
     "tracking number {tracking_number}. You can follow it here: {tracking_link}\n\nBest regards"),
    ("Product question", "Hi {buyer_name},\n\nThank you for asking about the {product}. \n\nBest regards"),
]
PLACEHOLDER = re.compile(r"\{(" + "|".join(VARIABLES) + r")\}")


def fill(template: str, values: dict[str, str | None]) -> tuple[str, list[str]]:
    """The template with known variables filled; returns the variables that had no value.

    Only the known placeholders are touched: any other braces in a
    template (or in a buyer's name) stay as typed.
    """
    missing: list[str] = []

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        if not value:
            missing.append(match.group(1))
            return match.group(0)
        return str(value)

    return PLACEHOLDER.sub(replace, template), missing


def template_values(message: dict, order: dict | None) -> dict[str, str | None]:
    from sellertui.domain.orders.tracking import tracking_link

    order = order or {}
    shipment = order.get("shipment") or {}
    product = (order.get("product") or "").split(" – ")[0] or None
    return {
        "buyer_name": (message.get("buyer_name") or order.get("buyer_name") or "").split(" ")[0] or None,
        "order_id": message.get("order_id") or order.get("order_id"),
        "tracking_number": shipment.get("tracking"),
        "carrier": shipment.get("carrier"),
        "tracking_link": tracking_link(shipment.get("carrier"), shipment.get("tracking")),
        "product": product,
    }


def all_templates(store) -> list[dict]:
    """The user's templates, or the built-in ones until the user adds any."""
    saved = sorted(store["reply_templates"].all(), key=lambda t: t.get("name", ""))
    if saved:
        return saved
    return [{"id": f"default-{i}", "name": name, "text": text, "builtin": True} for i, (name, text) in enumerate(DEFAULTS)]
