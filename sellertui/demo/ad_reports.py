"""The demo's ads reports, kept as a real shop's would be: one record per imported report, rows under it.

The daily search-term rows become one daily report per month (as a seller
downloading last month's report on the 1st would have them). Beside them, a
Sponsored Products targeting report and an advertised product report for each
of the last two full months, added up from the same rows (the same spend, as
Amazon's would be: the P&L counts it once, from the daily search terms), and
four weeks of Brand Analytics for the shop's best-known terms. The research
draws from its own generator, so the shop's stays as it was.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

SUMS = ("impressions", "clicks", "spend_minor", "sales_minor", "orders", "units")
UNTAPPED = {"BCB": ("end grain cutting board", "cutting board with handle"),
            "SBM": ("baking mat with measurements",), "SSB": ("smoothie straws wide",),
            "BEW": ("cheese wrap reusable",), "GSJ": ("overnight oats jars",)}  # searched, not yet in the ads
COMPETITORS = {"BCB": ("Royal Craft Wood", "Farberware", "OXO"), "SBM": ("Amazon Basics", "Silpat", "Kitzini"),
               "SSB": ("Hiware", "Alink", "FORI"), "BEW": ("Bee's Wrap", "Etee", "Superbee"),
               "GSJ": ("Mason Craft", "Paksh Novelty", "Anchor Hocking")}


def report(kind: str, first: str, last: str, layout: str, rows: list[dict], label: str, report_type: str,
           imported: str) -> dict:
    return {"id": f"{kind}|US|{first}..{last}|{layout}|7d", "ad_product": "SP", "report": report_type, "kind": kind,
            "label": label, "source": "demo", "marketplace": "US", "currency": "USD", "start": first, "end": last,
            "layout": layout, "attribution_days": 7, "rows": len(rows),
            "spend_minor": sum(r["spend_minor"] for r in rows), "file": f"{kind}-{first[:7]}.csv",
            "imported_at": imported}


def add_ad_reports(data: dict[str, list[dict]], today: date) -> None:
    """File the search-term rows under monthly reports; add targeting, advertised product and research reports."""
    by_month: dict[str, list[dict]] = defaultdict(list)
    for row in data["search_terms"]:
        by_month[row["date"][:7]].append(row)
    reports = []
    for month, rows in sorted(by_month.items()):
        first, last = min(r["date"] for r in rows), max(r["date"] for r in rows)
        record = report("search-terms", first, last, "daily", rows, "a Sponsored Products search term report",
                        "search_terms", f"{_after(last)}T08:00:00+00:00")
        for row in rows:
            row.update(report=record["id"], ad_product="SP")
            row["id"] = "|".join((record["id"], row["date"], row["campaign"], row["ad_group"], row["targeting"],
                                  row["match_type"], row["term"]))
        reports.append(record)
    months = [m for m in sorted(by_month) if m < today.strftime("%Y-%m")][-2:]
    targeting, products = [], []
    skus = _skus(data["products"])
    for month in months:
        rows = by_month[month]
        first, last = min(r["date"] for r in rows), max(r["date"] for r in rows)
        stamp = f"{_after(last)}T08:05:00+00:00"
        found = _summed(rows, ("campaign", "ad_group", "targeting", "match_type"), first, last)
        record = report("sp-targeting", first, last, "summary", found, "a Sponsored Products targeting report",
                        "targeting", stamp)
        targeting += _under(record, found, ("campaign", "ad_group", "targeting", "match_type"))
        reports.append(record)
        found = [r for r in _summed(rows, ("campaign", "ad_group"), first, last) if _code(r["campaign"]) in skus]
        for r in found:
            r["sku"], r["asin"] = skus[_code(r["campaign"])]
        record = report("sp-advertised-products", first, last, "summary", found,
                        "a Sponsored Products advertised product report", "advertised_products", stamp)
        products += _under(record, found, ("campaign", "ad_group", "sku", "asin"))
        reports.append(record)
    data["ad_reports"] = reports
    data["ad_targeting"] = targeting
    data["advertised_products"] = products
    data["keyword_research"] = research(today, data["search_terms"], skus)


def _after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _code(campaign: str) -> str:
    return campaign.split(" #")[0].rsplit("| ", 1)[-1]


def _skus(products: list[dict]) -> dict[str, tuple[str, str]]:
    """Product code (BCB) -> the SKU and ASIN its campaigns advertise (the code's first SKU)."""
    found: dict[str, tuple[str, str]] = {}
    for p in products:
        found.setdefault(p["sku"].split("-")[1], (p["sku"], p.get("asin") or ""))
    return found


def _summed(rows: list[dict], key: tuple[str, ...], first: str, last: str) -> list[dict]:
    totals: dict[tuple, dict] = {}
    for row in rows:
        k = tuple(row[f] for f in key)
        if k not in totals:
            totals[k] = {**{f: row[f] for f in key}, **dict.fromkeys(SUMS, 0), "portfolio": row["portfolio"],
                         "date": first, "end_date": last, "currency": "USD", "marketplace": "US",
                         "attribution_days": 7, "ad_product": "SP", "source": "demo"}
        for name in SUMS:
            totals[k][name] += row[name]
    return list(totals.values())


def _under(record: dict, rows: list[dict], key: tuple[str, ...]) -> list[dict]:
    for row in rows:
        row.update(report=record["id"], id="|".join((record["id"], row["date"], *(str(row[f]) for f in key))))
    return rows


def research(today: date, search_terms: list[dict], skus: dict[str, tuple[str, str]]) -> list[dict]:
    """Four weeks of Top Search Terms and Search Query Performance for the shop's most-searched terms."""
    rng = random.Random(f"research-{today.isoformat()}")
    clicks: dict[tuple[str, str], int] = defaultdict(int)
    for row in search_terms:
        if not row["term"].startswith("b0"):
            clicks[(_code(row["campaign"]), row["term"])] += row["clicks"]
    best = sorted(clicks, key=lambda k: -clicks[k])[:18]
    best += [(code, term) for code, terms in UNTAPPED.items() if code in skus for term in terms]
    last_saturday = today - timedelta(days=(today.weekday() + 2) % 7 or 7)
    records = []
    for week in range(4):
        end = last_saturday - timedelta(days=7 * week)
        start = end - timedelta(days=6)
        period = f"{start.isoformat()}..{end.isoformat()}"
        for position, (code, term) in enumerate(best):
            own_sku, own_asin = skus.get(code, ("", ""))
            rank = int((position + 1) ** 2.2 * 900 * rng.uniform(0.85, 1.15))
            rivals = COMPETITORS.get(code, ("Brand A", "Brand B", "Brand C"))
            shares = sorted((rng.uniform(4, 30) for _ in range(3)), reverse=True)
            clicked = [{"asin": f"B0{code}{i}{position:03d}X"[:10], "title": f"{rivals[i]} {term}",
                        "click_share": round(s, 2), "conversion_share": round(s * rng.uniform(0.7, 1.3), 2)}
                       for i, s in enumerate(shares)]
            if own_asin and position % 3 == 0:
                clicked[2] = {"asin": own_asin, "title": f"Maple & Moss {term}", "click_share": round(shares[2], 2),
                              "conversion_share": round(shares[2] * 1.2, 2)}
            records.append({"id": f"top-search-terms|US|{period}||{term}", "kind": "top-search-terms",
                            "marketplace": "US", "period_start": start.isoformat(), "period_end": end.isoformat(),
                            "subject": "", "term": term, "department": "", "rank": rank, "brand": rivals[0],
                            "clicked": clicked})
            if own_asin:
                records.append(_query(rng, own_asin, term, start, end, rank, position))
    return records


def _query(rng: random.Random, asin: str, term: str, start: date, end: date, rank: int, score: int) -> dict:
    volume = int(9_000_000 / rank ** 0.75 * rng.uniform(0.8, 1.2))  # searches fall off slower than rank climbs
    record = {"id": f"search-query-performance|US|{asin}|{start.isoformat()}..{end.isoformat()}|{term}",
              "kind": "search-query-performance", "marketplace": "US", "period_start": start.isoformat(),
              "period_end": end.isoformat(), "subject": asin, "subject_kind": "asin", "term": term,
              "score": score + 1, "volume": volume}
    total, own = volume * 30, 0
    for stage, rate in (("impressions", 1.0), ("clicks", 0.035), ("cart_adds", 0.3), ("purchases", 0.4)):
        total = int(total * rate) if stage != "impressions" else total
        own = int(total * rng.uniform(0.005, 0.06))
        record.update({f"{stage}_total": total, f"{stage}_own": own,
                       f"{stage}_share": round(own * 100 / total, 2) if total else None})
    return record
