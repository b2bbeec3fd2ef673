"""A day's snapshot from Amazon's answers: Product Pricing's offers and Catalog Items' sales rank.

``price`` is what a shopper pays for the ASIN new: the Buy Box's landed price
(price + shipping − points) when there is a Buy Box, else the lowest landed
price. Business (B2B) and quantity-tier prices are left out: they are not
what the product page shows a consumer.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sellertui.core.money import to_minor


def _money(value: dict | None) -> tuple[int | None, str | None]:
    if not isinstance(value, dict) or value.get("Amount") is None:
        return None, None
    currency = str(value.get("CurrencyCode") or "USD")
    try:
        return to_minor(Decimal(str(value["Amount"])), currency), currency
    except InvalidOperation:
        return None, None


def _consumer_new(entry: dict) -> bool:
    return (str(entry.get("condition") or "new").lower() == "new" and entry.get("quantityTier") in (None, 1)
            and str(entry.get("offerType") or "B2C") == "B2C")


def offers_fields(payload: dict) -> dict:
    """Price, Buy Box price, holder and whether it is ours, and the offer count, from a GetOffersResult."""
    summary = payload.get("Summary") or {}
    offers = [o for o in payload.get("Offers") or [] if isinstance(o, dict)]
    buybox = next((b for b in summary.get("BuyBoxPrices") or [] if isinstance(b, dict) and _consumer_new(b)), None)
    lows = [_money(p.get("LandedPrice")) for p in summary.get("LowestPrices") or []
            if isinstance(p, dict) and _consumer_new(p)]
    lows = [low for low in lows if low[0] is not None]
    buybox_price, currency = _money((buybox or {}).get("LandedPrice"))
    lowest = min(lows, default=(None, None))
    winner = next((o for o in offers if o.get("IsBuyBoxWinner")), None)
    seller = (winner or {}).get("SellerId") or (buybox or {}).get("sellerId")
    if winner is not None:
        mine = bool(winner.get("MyOffer"))
    elif buybox is None:
        mine = False  # no Buy Box at all: nobody holds it, you neither
    else:
        mine = None  # a Buy Box whose winner Amazon did not list: unknown
    count = summary.get("TotalOfferCount")
    if count is None:
        count = sum(int(n.get("OfferCount") or 0) for n in summary.get("NumberOfOffers") or [] if isinstance(n, dict))
    price = buybox_price if buybox_price is not None else lowest[0]
    return {"price_minor": price, "lowest_minor": lowest[0], "buybox_price_minor": buybox_price,
            "buybox_seller": seller, "buybox_mine": mine, "offers": int(count),
            "currency": currency or lowest[1]}


def catalog_fields(item: dict, marketplace_id: str) -> dict:
    """The sales rank in the product's main category (its website display group) and the title."""
    ranks = next((r for r in item.get("salesRanks") or [] if r.get("marketplaceId") == marketplace_id), {})
    main = [r for r in ranks.get("displayGroupRanks") or [] if r.get("rank")]
    fine = sorted((r for r in ranks.get("classificationRanks") or [] if r.get("rank")), key=lambda r: r["rank"])
    chosen = (main or fine or [None])[0]
    summary = next((s for s in item.get("summaries") or [] if s.get("marketplaceId") == marketplace_id), {})
    out = {"title": str(summary.get("itemName") or "")[:200] or None}
    if chosen is not None:
        out.update(rank=int(chosen["rank"]), rank_category=str(chosen.get("title") or ""))
    return out
