"""Messaging API v1: which messages Amazon lets the seller send about an order, and sending two of them.

A seller may message a buyer only in the ways Amazon offers for that order
(getMessagingActionsForOrder names them): ``confirmDeliveryDetails`` carries
the tracking message (text only: links about the delivery, no HTML, no e-mail
addresses, at most 2,000 characters); ``negativeFeedbackRemoval`` asks the
buyer, in Amazon's own words, to remove a negative seller feedback. Each is
paced at 1 request per second (burst 5).
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.amazon.client import SpApi

BASE = "/messaging/v1/orders"
DELIVERY_DETAILS = "confirmDeliveryDetails"
FEEDBACK_REMOVAL = "negativeFeedbackRemoval"
MAX_TEXT = 2000


@dataclass
class Messaging:
    api: SpApi

    def actions(self, order_id: str, marketplace_id: str) -> list[str]:
        """getMessagingActionsForOrder: the names of the messages Amazon offers for the order now."""
        body = self.api.call("getMessagingActionsForOrder", "GET", f"{BASE}/{order_id}",
                             params={"marketplaceIds": [marketplace_id]}).body
        links = (body.get("_links") or {}) if isinstance(body, dict) else {}
        return [str(a.get("name")) for a in links.get("actions") or [] if isinstance(a, dict) and a.get("name")]

    def confirm_delivery_details(self, order_id: str, marketplace_id: str, text: str) -> None:
        """createConfirmDeliveryDetails (201); a refusal raises ``ApiError`` with Amazon's reason."""
        self.api.call("createConfirmDeliveryDetails", "POST", f"{BASE}/{order_id}/messages/{DELIVERY_DETAILS}",
                      params={"marketplaceIds": [marketplace_id]}, json={"text": text})

    def negative_feedback_removal(self, order_id: str, marketplace_id: str) -> None:
        """createNegativeFeedbackRemoval (201): Amazon writes the message; no body."""
        self.api.call("createNegativeFeedbackRemoval", "POST", f"{BASE}/{order_id}/messages/{FEEDBACK_REMOVAL}",
                      params={"marketplaceIds": [marketplace_id]})
