"""Product Pricing v0: the offers on an ASIN (Buy Box price and winner, lowest prices, offer count).

getItemOffersBatch asks for up to 20 ASINs in one request (0.1 requests a
second, against 0.5 for getItemOffers one ASIN at a time): a watch list of
twenty costs one call. Each ASIN's answer carries its own status; one
refused ASIN does not fail the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.amazon.client import SpApi
from sellertui.core.i18n import _

BATCH = "/batches/products/pricing/v0/itemOffers"
BATCH_SIZE = 20  # the model's maxItems for getItemOffersBatch requests


@dataclass
class ItemOffers:
    asin: str
    payload: dict | None  # GetOffersResult, when Amazon answered 200 for this ASIN
    error: str = ""  # Amazon's reason otherwise


def item_offers_path(asin: str) -> str:
    return f"/products/pricing/v0/items/{asin}/offers"


class Pricing:
    def __init__(self, api: SpApi) -> None:
        self.api = api

    def item_offers(self, asins: list[str], marketplace_id: str) -> list[ItemOffers]:
        """New-condition offers for ``asins`` as a consumer sees them, in batches of 20."""
        found: list[ItemOffers] = []
        for start in range(0, len(asins), BATCH_SIZE):
            chunk = asins[start:start + BATCH_SIZE]
            requests = [{"uri": item_offers_path(a), "method": "GET", "MarketplaceId": marketplace_id,
                         "ItemCondition": "New", "CustomerType": "Consumer"} for a in chunk]
            body = self.api.call("getItemOffersBatch", "POST", BATCH, json={"requests": requests}).body
            answers = body.get("responses") if isinstance(body, dict) else None
            by_asin = {}
            for answer in answers or []:
                asin = _asin_of(answer)
                if asin:
                    by_asin[asin] = answer
            for asin in chunk:
                found.append(_one(asin, by_asin.get(asin)))
        return found


def _asin_of(answer: dict) -> str:
    request = answer.get("request") or {}
    payload = (answer.get("body") or {}).get("payload") or {}
    return str(request.get("Asin") or payload.get("ASIN") or "")


def _one(asin: str, answer: dict | None) -> ItemOffers:
    if answer is None:
        return ItemOffers(asin, None, _("Amazon's answer left this ASIN out"))
    status = (answer.get("status") or {}).get("statusCode", 200)
    body = answer.get("body") or {}
    if status != 200 or body.get("errors"):
        errors = body.get("errors") or []
        reason = "; ".join(str(e.get("message") or e.get("code") or "") for e in errors if isinstance(e, dict))
        return ItemOffers(asin, None, reason or _("Amazon answered {status}").format(status=status))
    return ItemOffers(asin, body.get("payload") or {})
