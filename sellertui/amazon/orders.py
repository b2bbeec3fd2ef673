"""Orders API v0: orders updated since a moment with their items, and shipment confirmations.

Buyer names and shipping addresses are restricted data: a Restricted Data
Token (Tokens API) for ``/orders/v0/orders`` with ``buyerInfo`` and
``shippingAddress`` unlocks them in getOrders. An app without the PII role is
refused that token (403); the orders then come without them, and the sync says
so once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from sellertui.amazon.client import SpApi
from sellertui.amazon.errors import ApiError
from sellertui.core.i18n import N_, _

BASE = "/orders/v0/orders"
NO_PII = N_("the app lacks the restricted (PII) role, so orders were synced without buyer names and shipping "
             "addresses: add the Direct-to-Consumer Delivery role to the app in Developer Central to get them")


@dataclass
class Page:
    """One getOrders page, each order with its ``OrderItems`` attached."""

    orders: list[dict]
    pii: bool
    last: bool  # no page follows


@dataclass
class Orders:
    api: SpApi
    notes: list[str] = field(default_factory=list)

    def restricted_token(self) -> str | None:
        """A Restricted Data Token for getOrders with buyer info and addresses; None without the PII role."""
        body = {"restrictedResources": [{"method": "GET", "path": BASE,
                                         "dataElements": ["buyerInfo", "shippingAddress"]}]}
        try:
            answer = self.api.call("createRestrictedDataToken", "POST", "/tokens/2021-03-01/restrictedDataToken",
                                   json=body)
        except ApiError as exc:
            if exc.status in (400, 403):
                if _(NO_PII) not in self.notes:
                    self.notes.append(_(NO_PII))
                return None
            raise
        token = answer.body.get("restrictedDataToken") if isinstance(answer.body, dict) else None
        return str(token) if token else None

    def updated_since(self, marketplace_id: str, since: str,
                      progress: Callable[[int], None] | None = None) -> Iterator[Page]:
        """Pages of orders last updated at or after ``since`` (ISO 8601), FBA and FBM, with their items."""
        rdt = self.restricted_token()
        params: dict = {"MarketplaceIds": [marketplace_id], "LastUpdatedAfter": since, "MaxResultsPerPage": 100}
        seen = 0
        while True:
            body = self._get_orders(params, rdt)
            payload = body.get("payload") or {}
            orders = [o for o in payload.get("Orders") or [] if isinstance(o, dict)]
            for order in orders:
                order["OrderItems"] = self.items(order["AmazonOrderId"])
            seen += len(orders)
            if progress is not None:
                progress(seen)
            token = payload.get("NextToken")
            yield Page(orders, rdt is not None, not token)
            if not token:
                return
            params = {"MarketplaceIds": [marketplace_id], "NextToken": token}

    def _get_orders(self, params: dict, rdt: str | None) -> dict:
        try:
            return self.api.call("getOrders", "GET", BASE, params=params, token=rdt).body
        except ApiError as exc:
            if rdt is None or exc.status not in (401, 403):
                raise
        # the restricted token expired mid-sync (it lasts an hour): one more, once
        fresh = self.restricted_token()
        return self.api.call("getOrders", "GET", BASE, params=params, token=fresh).body

    def items(self, order_id: str) -> list[dict]:
        items: list[dict] = []
        params: dict | None = None
        while True:
            body = self.api.call("getOrderItems", "GET", f"{BASE}/{order_id}/orderItems", params=params).body
            payload = body.get("payload") or {}
            items += [i for i in payload.get("OrderItems") or [] if isinstance(i, dict)]
            token = payload.get("NextToken")
            if not token:
                return items
            params = {"NextToken": token}

    def confirm_shipment(self, order_id: str, marketplace_id: str, package: dict) -> None:
        """confirmShipment (204 on success); a rejection raises ``ApiError`` carrying Amazon's reason."""
        self.api.call("confirmShipment", "POST", f"{BASE}/{order_id}/shipmentConfirmation",
                      json={"marketplaceId": marketplace_id, "packageDetail": package})
