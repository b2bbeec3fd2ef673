"""Deterministic, realistic report files of any size, for benchmarks and the crash tests.

``all_orders`` writes an All Orders flat file (tab-separated, one row per order
item, a year of orders); ``search_terms_csv`` and ``search_terms_xlsx`` write a
daily Sponsored Products search term report as the Ads console does (``$`` and
``%`` in the CSV, fractions and serial dates in the workbook).
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sellertui.devtools.xlsx import Sheet, write_xlsx

ORDER_HEADER = ["amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date", "order-status",
                "fulfillment-channel", "sales-channel", "order-channel", "url", "ship-service-level", "product-name",
                "sku", "asin", "item-status", "quantity", "currency", "item-price", "item-tax", "shipping-price",
                "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount",
                "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code", "ship-country",
                "promotion-ids"]
SEARCH_HEADER = ["Date", "Portfolio name", "Currency", "Campaign Name", "Ad Group Name", "Targeting", "Match Type",
                 "Customer Search Term", "Impressions", "Clicks", "Click-Thru Rate (CTR)", "Cost Per Click (CPC)",
                 "Spend", "7 Day Total Sales", "Total Advertising Cost of Sales (ACOS)",
                 "Total Return on Advertising Spend (ROAS)", "7 Day Total Orders (#)", "7 Day Total Units (#)",
                 "7 Day Conversion Rate", "7 Day Advertised SKU Units (#)", "7 Day Other SKU Units (#)",
                 "7 Day Advertised SKU Sales", "7 Day Other SKU Sales"]
CITIES = [("Seattle", "WA", "981"), ("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Boston", "MA", "021"),
          ("Chicago", "IL", "606"), ("Miami", "FL", "331"), ("Portland", "OR", "972"), ("Madison", "WI", "537")]
WORDS = ["bamboo", "cutting", "board", "silicone", "baking", "mat", "steel", "straw", "glass", "jar", "linen",
         "towel", "wooden", "spoon", "coffee", "canister", "large", "small", "set", "kitchen", "reusable", "eco"]


def all_orders(path: Path, lines: int, seed: int = 7, skus: int = 2000) -> Path:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    catalogue = [(f"MM-SKU-{i:05d}", f"B0{rng.randint(10**7, 10**8 - 1)}", rng.randint(899, 4999),
                  f"Maple & Moss {' '.join(rng.sample(WORDS, 3)).title()} – Item {i}") for i in range(skus)]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        fh.write("\t".join(ORDER_HEADER) + "\n")
        for n in range(lines):
            when = start + timedelta(seconds=int(n * 365 * 86400 / lines) + rng.randint(0, 600))
            sku, asin, price, title = catalogue[rng.randrange(skus)]
            order_id = f"11{n % 4 + 1}-{n:07d}-{rng.randint(0, 9_999_999):07d}"
            cancelled = rng.random() < 0.02
            qty = 0 if cancelled else rng.choice((1, 1, 1, 1, 2, 3))
            city, state, zip3 = CITIES[rng.randrange(len(CITIES))]
            money = ["", "", "", "", "", "", "", ""] if cancelled else [
                f"{price * qty / 100:.2f}", f"{price * qty * 0.07 / 100:.2f}", "0.00", "0.00", "", "", "0.00", "0.00"]
            row = [order_id, order_id, when.isoformat(timespec="seconds"),
                   (when + timedelta(hours=30)).isoformat(timespec="seconds"),
                   "Cancelled" if cancelled else "Shipped", "Amazon" if rng.random() < 0.85 else "Merchant",
                   "Amazon.com", "", "", "Standard", title, sku, asin, "Cancelled" if cancelled else "Shipped",
                   str(qty), "USD", *money, city, state, f"{zip3}{rng.randint(0, 99):02d}", "US", ""]
            fh.write("\t".join(row) + "\n")
    return path


def _search_rows(rows: int, seed: int):
    rng = random.Random(seed)
    campaigns = [(f"SP | {kind} | {code} #{i}", f"{kind} – {code} #{i}", kind)
                 for i in range(40) for code, kind in (("BCB", "Auto"), ("SBM", "Broad"), ("GSJ", "Exact"))]
    terms = [" ".join(rng.sample(WORDS, rng.randint(2, 4))) for _ in range(3000)]
    per_day = max(1, rows // 60)
    day = date(2025, 11, 1)
    for n in range(rows):
        if n and n % per_day == 0:
            day += timedelta(days=1)
        campaign, group, kind = campaigns[n % len(campaigns)]
        term = terms[(n * 7919) % len(terms)]
        targeting, match = {"Auto": ("close-match", "-"), "Broad": ("bamboo board", "BROAD"),
                            "Exact": (term, "EXACT")}[kind]
        impressions = rng.randint(1, 3000)
        clicks = rng.randint(0, max(0, impressions // 40))
        cpc = rng.randint(40, 250)
        spend = clicks * cpc
        orders = rng.randint(0, clicks // 4) if clicks else 0
        units = orders + (1 if orders and rng.random() < 0.2 else 0)
        sales = units * rng.randint(999, 4999)
        yield day, campaign, group, targeting, match, f"{term} {n}", impressions, clicks, spend, \
            sales, orders, units


def search_terms_csv(path: Path, rows: int, seed: int = 7) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(SEARCH_HEADER)
        for day, campaign, group, targeting, match, term, imp, clicks, spend, sales, orders, units in \
                _search_rows(rows, seed):
            acos = f"{spend / sales * 100:.2f}%" if sales else ""
            writer.writerow([day.strftime("%b %d, %Y"), "Maple & Moss", "USD", campaign, group, targeting, match, term,
                             f"{imp:,}", clicks, f"{clicks / imp * 100:.2f}%", f"${spend / max(clicks, 1) / 100:.2f}",
                             f"${spend / 100:,.2f}", f"${sales / 100:,.2f}", acos,
                             f"{sales / spend:.2f}" if spend else "0.00", orders, units,
                             f"{orders / clicks * 100:.2f}%" if clicks else "0.00%", units, 0,
                             f"${sales / 100:,.2f}", "$0.00"])
    return path


def search_terms_xlsx(path: Path, rows: int, seed: int = 7) -> Path:
    data = [SEARCH_HEADER]
    for day, campaign, group, targeting, match, term, imp, clicks, spend, sales, orders, units in \
            _search_rows(rows, seed):
        data.append([day, "Maple & Moss", "USD", campaign, group, targeting, match, term, float(imp), float(clicks),
                     clicks / imp, spend / max(clicks, 1) / 100, spend / 100, sales / 100,
                     spend / sales if sales else "", sales / spend if spend else 0.0, float(orders), float(units),
                     orders / clicks if clicks else 0.0, float(units), 0.0, sales / 100, 0.0])
    return write_xlsx(path, [Sheet("Sponsored Product Search Term R", data, dimension="A1:A1")])
