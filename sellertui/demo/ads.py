"""Demo Sponsored Products search-term rows (daily layout, 7-day attribution).

Search-term rows (collection ``search_terms``; ``ad_reports`` files them under monthly reports and gives
them their ids, report|date|campaign|ad group|targeting|match|term):
  date, end_date, portfolio, campaign, campaign_id, ad_group, ad_group_id, keyword_id,
  targeting, match_type (EXACT/PHRASE/BROAD/- for auto and product targets), term,
  impressions, clicks, spend_minor, sales_minor, orders, units, currency,
  attribution_days, marketplace, bid_minor (when the bulk file gave it), source.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

TERMS = {
    "BCB": (["bamboo cutting board", "large cutting board", "wooden cutting board set", "cutting board for meat",
             "butcher block cutting board", "chopping board", "cutting board with juice groove", "bamboo board"],
            ["plastic cutting board dishwasher safe", "marble cheese board", "cutting board oil", "glass cutting board"]),
    "SBM": (["silicone baking mat", "baking mat half sheet", "non stick baking sheet liner", "macaron mat",
             "reusable parchment paper", "silicone mat for oven"],
            ["silicone pastry mat large", "baking sheet pan", "air fryer liners"]),
    "SSB": (["metal straws", "stainless steel straws", "reusable straws with case", "boba straws", "bent metal straw"],
            ["paper straws", "glass straws", "straw cleaner brush"]),
    "BEW": (["beeswax wraps", "reusable food wrap", "beeswax food wrap", "bread wrap beeswax"],
            ["plastic wrap", "silicone stretch lids", "vegan food wrap"]),
    "GSJ": (["glass storage jars", "glass jars with bamboo lids", "pantry storage containers", "spice jars"],
            ["mason jars", "plastic containers with lids"]),
}
PROFILES = {
    # daily impressions, CTR, CVR, CPC ($)
    "winner": (180, 0.007, 0.16, 0.85),
    "good": (220, 0.005, 0.10, 1.00),
    "pricey": (150, 0.006, 0.06, 2.40),
    "waste": (120, 0.004, 0.0, 1.10),
    "blind": (2600, 0.0006, 0.0, 0.90),
    # the showcase rows (see _showcase): seen but not clicked; a cheap exact keyword that sells
    "unseen": (1400, 0.0002, 0.0, 0.95),
    "bargain": (170, 0.008, 0.20, 0.55),
}


def _id(rng: random.Random) -> str:
    return str(rng.randint(10**14, 10**15 - 1))


def _targets(rng: random.Random, code: str, price_minor: int) -> list[dict]:
    """Every (campaign, ad group, targeting, match, term) combination with its profile."""
    good, bad = TERMS[code]
    portfolio = f"Maple & Moss – {code}"
    combos = []

    def campaign(kind: str) -> tuple[str, str, str, str]:
        name = f"SP | {kind} | {code}"
        return name, _id(rng), f"{kind} – {code}", _id(rng)

    auto = campaign("Auto")
    for i, term in enumerate(good + bad):
        targeting = ["close-match", "loose-match", "substitutes", "complements"][i % 4]
        profile = "winner" if i < 2 else "waste" if term in bad[:2] else "blind" if term == bad[-1] else "good"
        combos.append((auto, targeting, "-", term, profile))
    broad = campaign("Broad")
    for term in good[2:5] + bad[:1]:
        combos.append((broad, good[0], "BROAD", term, "winner" if term == good[2] else "waste" if term in bad else "good"))
    phrase = campaign("Phrase")
    for term in good[3:6]:
        combos.append((phrase, good[1], "PHRASE", term, "good"))
    exact = campaign("Exact")
    for term in good[:3]:
        combos.append((exact, term, "EXACT", term, "pricey" if term == good[1] else "good"))
    pt = campaign("Product Targeting")
    for _ in range(3):
        asin = "b0" + "".join(rng.choice("0123456789abcdefghjkmnpqrstuvwxyz") for _ in range(8))
        combos.append((pt, f'asin="{asin.upper()}"', "-", asin, rng.choice(["waste", "good"])))
    rows = []
    for (name, cid, group, gid), targeting, match, term, profile in combos:
        rows.append({"portfolio": portfolio, "campaign": name, "campaign_id": cid, "ad_group": group, "ad_group_id": gid,
                     "keyword_id": _id(rng) if match in ("EXACT", "PHRASE", "BROAD") else "",
                     "targeting": targeting, "match_type": match, "term": term, "profile": profile,
                     "bid_minor": int(PROFILES[profile][3] * 100 * 1.1) if match != "-" else None,
                     "price_minor": price_minor})
    return rows


def build_search_terms(rng: random.Random, today: date, products: list[dict], target_rows: int) -> list[dict]:
    by_code: dict[str, int] = {}
    for p in products:
        by_code.setdefault(p["sku"].split("-")[1], p["price_minor"])
    targets = []
    for code in TERMS:
        if code in by_code:
            targets.extend(_targets(rng, code, by_code[code]))
    # Big shops run the same structure across many more product groups.
    copies = 0
    while len(targets) * 60 < target_rows and copies < 400:
        copies += 1
        code = list(TERMS)[copies % len(TERMS)]
        extra = _targets(rng, code, by_code.get(code, 2000))
        for t in extra:
            t["campaign"] += f" #{copies}"
            t["ad_group"] += f" #{copies}"
        targets.extend(extra)
    active_share = 0.7
    days = max(14, min(730, int(target_rows / (len(targets) * active_share)) + 1))
    rows = _daily_rows(rng, today, targets, days, target_rows, active_share)
    rows.extend(_showcase(today, targets, days, active_share))
    return rows


def _daily_rows(rng: random.Random, today: date, targets: list[dict], days: int, target_rows: int,
                active_share: float) -> list[dict]:
    rows: list[dict] = []
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        for t in targets:
            if rng.random() > active_share:
                continue
            rows.append(_row(rng, day, t))
            if len(rows) >= target_rows:
                return rows
    return rows


def _showcase(today: date, targets: list[dict], days: int, active_share: float) -> list[dict]:
    """A few more targets so the demo shows every kind of Ads proposal.

    A term seen thousands of times but hardly clicked (negate for low CTR
    alone), a competitor's ASIN that sells through the auto campaign (harvest
    to product targeting), and a cheap exact keyword that sells well (bid up).
    They draw from their own generator: the shop's generator, which the
    promotions and purchase orders after this use, is left exactly as it was.
    """
    rng = random.Random(f"ads-showcase-{today.isoformat()}")
    by_campaign = {t["campaign"]: t for t in targets}
    extra = []
    if "SP | Broad | BCB" in by_campaign:
        extra.append({**by_campaign["SP | Broad | BCB"], "term": "bamboo serving tray", "profile": "unseen"})
    if "SP | Auto | BCB" in by_campaign:
        extra.append({**by_campaign["SP | Auto | BCB"], "targeting": "substitutes", "term": "b0cq7trm4x",
                      "profile": "winner"})
    if "SP | Exact | BCB" in by_campaign:
        extra.append({**by_campaign["SP | Exact | BCB"], "targeting": "bamboo cutting board large",
                      "term": "bamboo cutting board large", "keyword_id": _id(rng), "profile": "bargain",
                      "bid_minor": 60})
    rows = []
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        for t in extra:
            if rng.random() <= active_share:
                rows.append(_row(rng, day, t))
    return rows


def _draw(rng: random.Random, n: int, p: float) -> int:
    """A cheap stand-in for a binomial draw: right mean, some spread, never above n."""
    expected = n * p * rng.uniform(0.5, 1.5)
    whole = int(expected)
    return min(n, whole + (1 if rng.random() < expected - whole else 0))


def _row(rng: random.Random, day: date, t: dict) -> dict:
    imps_mean, ctr, cvr, cpc = PROFILES[t["profile"]]
    impressions = max(1, int(imps_mean * rng.uniform(0.4, 1.6)))
    clicks = _draw(rng, impressions, ctr)
    orders = _draw(rng, clicks, cvr)
    units = orders + (1 if orders and rng.random() < 0.15 else 0)
    spend = int(round(clicks * cpc * rng.uniform(0.8, 1.2) * 100))
    date_s = day.isoformat()
    return {
        "id": "|".join((date_s, t["campaign"], t["ad_group"], t["targeting"], t["match_type"], t["term"])),
        "date": date_s,
        "end_date": date_s,
        "portfolio": t["portfolio"],
        "campaign": t["campaign"],
        "campaign_id": t["campaign_id"],
        "ad_group": t["ad_group"],
        "ad_group_id": t["ad_group_id"],
        "keyword_id": t["keyword_id"],
        "targeting": t["targeting"],
        "match_type": t["match_type"],
        "term": t["term"],
        "impressions": impressions,
        "clicks": clicks,
        "spend_minor": spend,
        "sales_minor": units * t["price_minor"],
        "orders": orders,
        "units": units,
        "currency": "USD",
        "attribution_days": 7,
        "marketplace": "US",
        "bid_minor": t["bid_minor"],
        "source": "demo",
    }
