"""Hand-made search-term rows and products for the Ads rule tests.

The product ``MM-ABC-1`` sells at $20.00 with a $5.00 landed cost, a 15 %
referral fee ($3.00) and a $3.00 fulfilment fee: margin before ads $9.00, so
break-even ACoS 45 %, target ACoS 35 % with the default 10 % margin to keep,
and a target cost per order of $20.00 × 35 % = $7.00.
"""

from __future__ import annotations

from datetime import date

from sellertui.domain.ads.settings import AdsRules
from sellertui.domain.ads.targets import TargetBook
from sellertui.domain.ads.terms import aggregate_keywords, aggregate_terms, build_frame

DAY = date(2026, 11, 21)
WINDOW = {"start": "2026-10-23", "end": "2026-11-21", "days": 30}


def product(sku: str = "MM-ABC-1", price: int = 2000, cost: int | None = 500, fba: int = 300,
            asin: str = "B0AAAAAAA1") -> dict:
    return {"id": sku, "sku": sku, "asin": asin, "currency": "USD", "price_minor": price,
            "costs": [] if cost is None else [{"from": "2026-01-01", "landed_minor": cost}],
            "fees": {"referral_pct": 15.0, "fba_fee_minor": fba}}


PRODUCTS = [product(), product("MM-ABC-2", asin="B0AAAAAAA2"), product("MM-XYZ-1", price=1000, cost=200,
                                                                      asin="B0AAAAAAA3")]


def row(term: str, clicks: int = 0, orders: int = 0, spend: int = 0, sales: int = 0, impressions: int | None = None,
        campaign: str = "SP | Auto | ABC", ad_group: str = "Auto – ABC", match: str = "-",
        targeting: str = "close-match", day: str = "2026-11-10", end: str | None = None, attribution: int = 7,
        bid: int | None = None, campaign_id: str = "111", ad_group_id: str = "222", keyword_id: str = "",
        currency: str = "USD") -> dict:
    return {"date": day, "end_date": end or day, "campaign": campaign, "campaign_id": campaign_id,
            "ad_group": ad_group, "ad_group_id": ad_group_id, "keyword_id": keyword_id, "targeting": targeting,
            "match_type": match, "term": term, "impressions": clicks * 50 if impressions is None else impressions,
            "clicks": clicks, "spend_minor": spend, "sales_minor": sales, "orders": orders, "units": orders,
            "currency": currency, "attribution_days": attribution, "bid_minor": bid}


def exact(term: str, **kw) -> dict:
    """A row of the manual exact campaign, where the keyword is the term."""
    base = dict(campaign="SP | Exact | ABC", ad_group="Exact – ABC", match="EXACT", targeting=term,
                campaign_id="333", ad_group_id="444", keyword_id="555")
    return row(term, **{**base, **kw})


def terms(*rows: dict):
    return aggregate_terms(build_frame(list(rows)))


def keywords(*rows: dict):
    return aggregate_keywords(build_frame(list(rows)))


def book(records: list[dict] = (), products: list[dict] = PRODUCTS, **rules) -> TargetBook:
    return TargetBook(list(products), list(records), AdsRules(**rules), DAY)
