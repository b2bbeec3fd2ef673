"""Solicitations API v1: is Request a Review still open for an order, and asking for it.

Amazon writes the message itself (a product review and seller feedback in
one, ``productReviewAndSellerFeedback``) and allows one per order. Both
operations are paced at 1 request per second (burst 5) by the client.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.amazon.client import SpApi

BASE = "/solicitations/v1/orders"
ACTION = "productReviewAndSellerFeedback"


@dataclass
class Solicitations:
    api: SpApi

    def actions(self, order_id: str, marketplace_id: str) -> list[str]:
        """getSolicitationActionsForOrder: the names of the solicitations Amazon still offers for the order."""
        body = self.api.call("getSolicitationActionsForOrder", "GET", f"{BASE}/{order_id}",
                             params={"marketplaceIds": [marketplace_id]}).body
        links = (body.get("_links") or {}) if isinstance(body, dict) else {}
        return [str(a.get("name")) for a in links.get("actions") or [] if isinstance(a, dict) and a.get("name")]

    def request_review(self, order_id: str, marketplace_id: str) -> None:
        """createProductReviewAndSellerFeedbackSolicitation (201); a refusal raises ``ApiError`` with Amazon's reason."""
        self.api.call("createProductReviewAndSellerFeedbackSolicitation", "POST",
                      f"{BASE}/{order_id}/solicitations/{ACTION}", params={"marketplaceIds": [marketplace_id]})
