"""The stand-in's Product Pricing (getItemOffersBatch) and Catalog Items (getCatalogItem), in the shapes of
productPricingV0.json and catalogItems_2022-04-01.json: the watch stream's side of Amazon."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

US = "ATVPDKIKX0DER"
ROUTES = [
    ("POST", re.compile(r"^/batches/products/pricing/v0/itemOffers$"), "getItemOffersBatch"),
    ("GET", re.compile(r"^/catalog/2022-04-01/items/(?P<id>[^/]+)$"), "getCatalogItem"),
]
ITEM_PATH = re.compile(r"^/products/pricing/v0/items/(?P<asin>[A-Z0-9]{10})/offers$")


def money(amount: float, currency: str = "USD") -> dict:
    return {"CurrencyCode": currency, "Amount": amount}


def offers_payload(asin: str, buybox: float | None, winner: str | None = "A1COMPETITOR", mine: bool = False,
                   lowest: float | None = None, count: int = 3, marketplace: str = US) -> dict:
    """A GetOffersResult: a consumer Buy Box (and a B2B tier that must be ignored), the lowest price, offers."""
    summary: dict = {"TotalOfferCount": count,
                     "NumberOfOffers": [{"condition": "new", "fulfillmentChannel": "Amazon", "OfferCount": count}],
                     "LowestPrices": [{"condition": "new", "fulfillmentChannel": "Amazon",
                                       "LandedPrice": money(lowest if lowest is not None else buybox or 0),
                                       "ListingPrice": money(lowest if lowest is not None else buybox or 0),
                                       "Shipping": money(0)}]}
    offers = []
    if buybox is not None:
        summary["BuyBoxPrices"] = [
            {"condition": "New", "LandedPrice": money(buybox), "ListingPrice": money(buybox), "Shipping": money(0),
             "sellerId": winner},
            {"condition": "New", "offerType": "B2B", "quantityTier": 20, "LandedPrice": money(buybox * 0.8),
             "ListingPrice": money(buybox * 0.8), "Shipping": money(0), "sellerId": winner}]
        offers.append({"SellerId": winner, "MyOffer": mine, "IsBuyBoxWinner": True, "SubCondition": "new",
                       "ListingPrice": money(buybox), "Shipping": money(0), "IsFulfilledByAmazon": True,
                       "ShippingTime": {"maximumHours": 24, "minimumHours": 0, "availabilityType": "NOW"}})
    return {"ASIN": asin, "status": "Success", "ItemCondition": "New", "marketplaceId": marketplace,
            "Identifier": {"MarketplaceId": marketplace, "ItemCondition": "New", "ASIN": asin},
            "Summary": summary, "Offers": offers}


def catalog_item(asin: str, rank: int, category: str = "Kitchen & Dining", title: str = "",
                 marketplace: str = US) -> dict:
    return {"asin": asin,
            "salesRanks": [{"marketplaceId": marketplace,
                            "classificationRanks": [{"classificationId": "289814", "title": "Cutting Boards",
                                                     "rank": max(1, rank // 40)}],
                            "displayGroupRanks": [{"websiteDisplayGroup": "home_garden_display_on_website",
                                                   "title": category, "rank": rank}]}],
            "summaries": [{"marketplaceId": marketplace, "itemName": title or f"Product {asin}"}]}


def _bad(message: str) -> tuple[int, dict]:
    return 400, {"errors": [{"code": "InvalidInput", "message": message}]}


@dataclass
class ProductsStandIn:
    offers: dict[str, dict] = field(default_factory=dict)  # ASIN -> GetOffersResult payload
    catalog: dict[str, dict] = field(default_factory=dict)  # ASIN -> catalog Item

    def _getItemOffersBatch(self, query, body, _):
        spec = json.loads(body or b"{}")
        requests = spec.get("requests")
        if not isinstance(requests, list) or not 1 <= len(requests) <= 20:
            return _bad("requests must hold 1 to 20 items")
        responses = []
        for request in requests:
            match = ITEM_PATH.match(str(request.get("uri") or ""))
            if (not match or request.get("method") != "GET" or not request.get("MarketplaceId")
                    or not request.get("ItemCondition")):
                return _bad(f"invalid request {request!r}")
            asin = match["asin"]
            params = {"MarketplaceId": request["MarketplaceId"], "ItemCondition": request["ItemCondition"],
                      "CustomerType": request.get("CustomerType", "Consumer"), "Asin": asin}
            payload = self.offers.get(asin)
            if payload is None:
                responses.append({"status": {"statusCode": 400, "reasonPhrase": "Bad Request"}, "request": params,
                                  "body": {"errors": [{"code": "InvalidInput",
                                                       "message": f"ASIN {asin} is not valid for this marketplace"}]},
                                  "headers": {}})
            else:
                responses.append({"status": {"statusCode": 200, "reasonPhrase": "OK"}, "request": params,
                                  "body": {"payload": payload}, "headers": {}})
        return 200, {"responses": responses}

    def _getCatalogItem(self, query, body, asin):
        if not query.get("marketplaceIds"):
            return _bad("marketplaceIds is required")
        item = self.catalog.get(asin)
        if item is None:
            return 404, {"errors": [{"code": "NotFound", "message": f"Requested item '{asin}' not found in "
                                                                     "marketplace(s) ATVPDKIKX0DER."}]}
        wanted = set((query.get("includedData") or "summaries").split(","))
        return 200, {k: v for k, v in item.items() if k == "asin" or k in wanted}
