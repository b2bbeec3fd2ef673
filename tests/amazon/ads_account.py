"""A small advertising account for the Ads stand-in: its structure, and its report rows by day.

Two Sponsored Products campaigns: an auto one (ad group "Auto – Boards") and
a manual exact one ("Exact – Boards", keyword "bamboo board" bid $0.75,
product target asin="B0TARGET01" bid $0.60). Search-term rows on three days
of November 2026 with two-decimal costs, so their total is exact.
"""

from __future__ import annotations

from decimal import Decimal

AUTO, EXACT = "111000000001", "111000000002"
AUTO_GROUP, EXACT_GROUP = "222000000001", "222000000002"
KEYWORD, TARGET, AUTO_TARGET = "333000000001", "444000000001", "444000000009"


def structure() -> dict[str, list[dict]]:
    """The v3 list answers' items, by the stand-in's entity names."""
    return {
        "campaigns": [
            {"campaignId": AUTO, "name": "SP | Auto | Boards", "state": "ENABLED", "targetingType": "AUTO",
             "budget": {"budget": 20, "budgetType": "DAILY"}},
            {"campaignId": EXACT, "name": "SP | Exact | Boards", "state": "ENABLED", "targetingType": "MANUAL",
             "budget": {"budget": 15.5, "budgetType": "DAILY"}},
            {"campaignId": "111000000003", "name": "Old test", "state": "ARCHIVED", "targetingType": "MANUAL"},
        ],
        "adGroups": [
            {"adGroupId": AUTO_GROUP, "campaignId": AUTO, "name": "Auto – Boards", "state": "ENABLED",
             "defaultBid": 0.5},
            {"adGroupId": EXACT_GROUP, "campaignId": EXACT, "name": "Exact – Boards", "state": "ENABLED",
             "defaultBid": 0.55},
        ],
        "keywords": [{"keywordId": KEYWORD, "adGroupId": EXACT_GROUP, "campaignId": EXACT,
                      "keywordText": "bamboo board", "matchType": "EXACT", "state": "ENABLED", "bid": 0.75}],
        "negativeKeywords": [{"keywordId": "555000000001", "adGroupId": AUTO_GROUP, "campaignId": AUTO,
                              "keywordText": "free", "matchType": "NEGATIVE_EXACT", "state": "ENABLED"}],
        "campaignNegativeKeywords": [],
        "targets": [
            {"targetId": TARGET, "adGroupId": EXACT_GROUP, "campaignId": EXACT, "expressionType": "MANUAL",
             "expression": [{"type": "ASIN_SAME_AS", "value": "B0TARGET01"}], "state": "ENABLED", "bid": 0.6},
            {"targetId": AUTO_TARGET, "adGroupId": AUTO_GROUP, "campaignId": AUTO, "expressionType": "AUTO",
             "expression": [{"type": "QUERY_HIGH_REL_MATCHES"}], "state": "ENABLED", "bid": 0.45},
        ],
        "negativeTargets": [],
    }


def _st(day: str, term: str, clicks: int, cost: str, sales: str = "0", orders: int = 0, exact: bool = False) -> dict:
    where = {"campaignId": int(EXACT), "campaignName": "SP | Exact | Boards", "adGroupId": int(EXACT_GROUP),
             "adGroupName": "Exact – Boards", "keywordId": int(KEYWORD), "keyword": "bamboo board",
             "targeting": "bamboo board", "matchType": "EXACT", "keywordType": "EXACT"} if exact else {
        "campaignId": int(AUTO), "campaignName": "SP | Auto | Boards", "adGroupId": int(AUTO_GROUP),
        "adGroupName": "Auto – Boards", "keywordId": int(AUTO_TARGET), "keyword": "", "targeting": "close-match",
        "matchType": "TARGETING_EXPRESSION_PREDEFINED", "keywordType": "TARGETING_EXPRESSION_PREDEFINED"}
    return {"date": day, **where, "searchTerm": term, "impressions": clicks * 40, "clicks": clicks,
            "cost": float(cost), "sales14d": float(sales), "purchases14d": orders, "unitsSoldClicks14d": orders,
            "sales7d": float(sales), "purchases7d": orders, "unitsSoldClicks7d": orders,
            "campaignBudgetCurrencyCode": "USD", "keywordBid": 0.75 if exact else 0.45}


def search_term_rows() -> list[dict]:
    return [
        _st("2026-10-30", "bamboo cutting board", 12, "9.36", "55.98", 2),
        _st("2026-10-30", "free cutting board", 11, "8.58"),
        _st("2026-11-02", "bamboo board", 20, "14.80", "83.97", 3, exact=True),
        _st("2026-11-02", "b0compet01", 4, "2.12"),
        _st("2026-11-20", "bamboo cutting board", 9, "6.93", "27.99", 1),
        _st("2026-11-21", "bamboo board", 7, "5.25", "27.99", 1, exact=True),
        _st("2026-09-01", "too old for a first sync", 50, "99.99"),
    ]


def total_cost(rows: list[dict], since: str = "2026-10-23") -> Decimal:
    return sum((Decimal(str(r["cost"])) for r in rows if r["date"] >= since), Decimal(0))


SUMMED = ("impressions", "clicks", "cost", "sales14d", "purchases14d", "unitsSoldClicks14d", "sales7d", "purchases7d",
          "unitsSoldClicks7d")


def _summed(rows: list[dict], key: tuple[str, ...], drop: tuple[str, ...]) -> list[dict]:
    """The rows added up by ``key``, as a coarser report of the same ads shows them (the same spend)."""
    found: dict[tuple, dict] = {}
    for r in rows:
        k = tuple(r[f] for f in key)
        if k not in found:
            found[k] = {f: v for f, v in r.items() if f not in drop}
        else:
            for f in SUMMED:
                found[k][f] = float(Decimal(str(found[k][f])) + Decimal(str(r[f]))) if isinstance(r[f], float) \
                    else found[k][f] + r[f]
    return list(found.values())


def targeting_rows() -> list[dict]:
    """The targeting report of the same days: one row per keyword or target and day."""
    return _summed(search_term_rows(), ("date", "campaignId", "adGroupId", "keywordId"), ("searchTerm",))


def advertised_product_rows() -> list[dict]:
    """The advertised product report of the same days: each ad group advertises one SKU."""
    rows = []
    for r in _summed(search_term_rows(), ("date", "campaignId", "adGroupId"),
                     ("searchTerm", "keywordId", "keyword", "targeting", "matchType", "keywordType", "keywordBid")):
        exact = r["campaignId"] == int(EXACT)
        rows.append({**r, "adId": 777000000002 if exact else 777000000001, "advertisedSku": "BB-12",
                     "advertisedAsin": "B0BOARD012", "unitsSoldSameSku14d": r["unitsSoldClicks14d"],
                     "unitsSoldSameSku7d": r["unitsSoldClicks7d"], "attributedSalesSameSku14d": r["sales14d"],
                     "attributedSalesSameSku7d": r["sales7d"]})
    return rows


def hand_downloaded_csv(rows: list[dict]) -> str:
    """The same rows as the Ads console's daily search-term report, downloaded by hand (14-day attribution)."""
    header = ("Date,Portfolio name,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,"
              "Impressions,Clicks,Spend,14 Day Total Sales,14 Day Total Orders (#),14 Day Total Units (#)")
    lines = [header]
    for r in rows:
        match = {"EXACT": "EXACT"}.get(r["matchType"], "-")
        lines.append(",".join([r["date"], "", "USD", r["campaignName"], r["adGroupName"], r["targeting"], match,
                               r["searchTerm"], str(r["impressions"]), str(r["clicks"]), f"{r['cost']:.2f}",
                               f"{r['sales14d']:.2f}", str(r["purchases14d"]), str(r["unitsSoldClicks14d"])]))
    return "\n".join(lines) + "\n"
