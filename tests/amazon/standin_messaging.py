"""The stand-in's Messaging API (getMessagingActionsForOrder, createConfirmDeliveryDetails,
createNegativeFeedbackRemoval) in the shapes of messaging.json: what Amazon offers per order, and what was sent."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

ROUTES = [
    ("GET", re.compile(r"^/messaging/v1/orders/(?P<id>[^/]+)$"), "getMessagingActionsForOrder"),
    ("POST", re.compile(r"^/messaging/v1/orders/(?P<id>[^/]+)/messages/confirmDeliveryDetails$"),
     "createConfirmDeliveryDetails"),
    ("POST", re.compile(r"^/messaging/v1/orders/(?P<id>[^/]+)/messages/negativeFeedbackRemoval$"),
     "createNegativeFeedbackRemoval"),
]
NAMES = {"createConfirmDeliveryDetails": "confirmDeliveryDetails",
         "createNegativeFeedbackRemoval": "negativeFeedbackRemoval"}


def _bad(message: str, details: str = "") -> tuple[int, dict]:
    return 400, {"errors": [{"code": "InvalidInput", "message": message, "details": details}]}


@dataclass
class MessagingStandIn:
    # order id -> the message names Amazon offers for it (an order not listed: none)
    message_actions: dict[str, set[str]] = field(default_factory=dict)
    messages: list[tuple[str, str, dict]] = field(default_factory=list)  # (name, order id, body) sent

    def _getMessagingActionsForOrder(self, query, body, order_id):
        if not query.get("marketplaceIds"):
            return _bad("marketplaceIds is required")
        base = f"/messaging/v1/orders/{order_id}"
        names = sorted(self.message_actions.get(order_id, set()))
        links = [{"href": f"{base}/messages/{n}?marketplaceIds={query['marketplaceIds']}", "name": n} for n in names]
        embedded = [{"_links": {"schema": {"href": f"{base}/messages/{n}/schema", "name": n},
                                "self": {"href": f"{base}/messages/{n}?marketplaceIds={query['marketplaceIds']}",
                                         "name": n}}} for n in names]
        return 200, {"_links": {"actions": links, "self": {"href": f"{base}?marketplaceIds={query['marketplaceIds']}"}},
                     "_embedded": {"actions": embedded}}

    def _send_message(self, operation: str, query, body, order_id):
        name = NAMES[operation]
        if not query.get("marketplaceIds"):
            return _bad("marketplaceIds is required")
        if name not in self.message_actions.get(order_id, set()):
            return _bad("The message is not available for this order.")
        payload = json.loads(body) if body else {}
        if name == "confirmDeliveryDetails":
            text = payload.get("text") if isinstance(payload, dict) else None
            if not isinstance(text, str) or not 1 <= len(text) <= 2000:
                return _bad("Invalid input", "text must be 1 to 2000 characters")
        self.messages.append((name, order_id, payload))
        if name == "negativeFeedbackRemoval":  # once per feedback
            self.message_actions[order_id].discard(name)
        return 201, {}

    def _createConfirmDeliveryDetails(self, query, body, order_id):
        return self._send_message("createConfirmDeliveryDetails", query, body, order_id)

    def _createNegativeFeedbackRemoval(self, query, body, order_id):
        return self._send_message("createNegativeFeedbackRemoval", query, body, order_id)
