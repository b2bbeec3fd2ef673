"""The demo brand's catalogue: a small home-and-kitchen brand with variants.

Product records (collection ``products``, id = SKU):
  sku, title, asin, marketplace, currency, price_minor, category, supplier,
  lead_time {production_days, freight_days, receiving_days}, safety_days,
  hold_days, moq, case_pack, costs [{from, landed_minor, note}],
  fees {referral_pct, fba_fee_minor}, cubic_feet, stock {fba_available, inbound_working,
  inbound_shipped, inbound_receiving, reserved, fbm, updated_at}, seasonal {"MM": factor}
"""

from __future__ import annotations

import random
from datetime import date, timedelta

LINES = [
    # (code, name, variants, price range $, landed cost share, supplier, category)
    ("BCB", "Bamboo Cutting Board", ["Small", "Medium", "Large", "XL", "Set of 3"], (18, 45), 0.28, "Hangzhou Greenware Co.", "Kitchen"),
    ("SBM", "Silicone Baking Mat", ["Half Sheet", "Quarter Sheet", "2-Pack", "3-Pack"], (12, 28), 0.22, "Dongguan Silica Ltd.", "Bakeware"),
    ("SSB", "Stainless Steel Straw Set", ["8-Pack", "12-Pack", "Bent", "Boba"], (9, 19), 0.18, "Yiwu Metalcraft", "Drinkware"),
    ("BSR", "Bamboo Spice Rack", ["2-Tier", "3-Tier", "Drawer Insert"], (24, 39), 0.30, "Hangzhou Greenware Co.", "Storage"),
    ("LDC", "Linen Dish Cloths", ["Natural 4-Pack", "Grey 4-Pack", "Mixed 6-Pack"], (14, 22), 0.25, "Shaoxing Textile Works", "Linens"),
    ("BEW", "Beeswax Food Wraps", ["Starter 3-Pack", "Family 6-Pack", "Bread Wrap"], (13, 24), 0.24, "Ningbo Eco Goods", "Food Storage"),
    ("CIP", "Cast Iron Pan Scraper", ["Chainmail", "Polycarbonate 3-Pack"], (10, 16), 0.20, "Yiwu Metalcraft", "Cookware"),
    ("GSJ", "Glass Storage Jars", ["Set of 4", "Set of 6", "Spice 12-Pack"], (22, 36), 0.33, "Xuzhou Glassworks", "Food Storage"),
    ("WUT", "Wooden Utensil Set", ["5-Piece", "7-Piece", "Spatula Pair"], (16, 29), 0.27, "Hangzhou Greenware Co.", "Utensils"),
    ("CMK", "Coffee Canister", ["Matte Black", "White", "Steel"], (19, 27), 0.29, "Ningbo Eco Goods", "Storage"),
    ("HMS", "Herb Mill Scissors", ["5-Blade", "Stripper Combo"], (9, 14), 0.19, "Yangjiang Blades", "Utensils"),
    ("TBC", "Tea Towel Bundle", ["Stripe", "Waffle", "Holiday"], (15, 21), 0.26, "Shaoxing Textile Works", "Linens"),
]
# a unit's size in cubic feet as Amazon measures it (FBA storage is charged on it), by product line
CUBIC_FEET = {"BCB": 0.12, "SBM": 0.03, "SSB": 0.02, "BSR": 0.35, "LDC": 0.04, "BEW": 0.03, "CIP": 0.01, "GSJ": 0.30,
              "WUT": 0.06, "CMK": 0.15, "HMS": 0.02, "TBC": 0.05}
SIZE_WORDS = ["Mini", "Classic", "Pro", "Family", "Travel", "Deluxe", "Eco", "Studio", "Chef", "Nordic"]


def _asin(rng: random.Random) -> str:
    return "B0" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(8))


def build_products(rng: random.Random, count: int, today: date) -> list[dict]:
    """``count`` SKUs, the first ones from the real lines, more as generated variants."""
    products: list[dict] = []
    serial = 0
    while len(products) < count:
        for code, name, variants, (low, high), cost_share, supplier, category in LINES:
            for variant in variants:
                if len(products) >= count:
                    break
                suffix = f"-{serial:03d}" if serial else ""
                word = f" {SIZE_WORDS[serial % len(SIZE_WORDS)]}" if serial else ""
                sku = f"MM-{code}-{variant.upper().replace(' ', '')[:6]}{suffix}"
                price = round(rng.uniform(low, high)) - 0.01
                price_minor = int(round(price * 100))
                landed = int(price_minor * cost_share * rng.uniform(0.85, 1.15))
                production = rng.choice([20, 25, 30, 35])
                freight = rng.choice([25, 30, 35, 40])
                costs = [{"from": (today - timedelta(days=400)).isoformat(), "landed_minor": landed, "note": "opening cost"}]
                products.append(
                    {
                        "id": sku,
                        "sku": sku,
                        "title": f"Maple & Moss {name}{word} – {variant}",
                        "asin": _asin(rng),
                        "marketplace": "US",
                        "currency": "USD",
                        "price_minor": price_minor,
                        "category": category,
                        "supplier": supplier,
                        "lead_time": {"production_days": production, "freight_days": freight, "receiving_days": 5},
                        "safety_days": 14,
                        "hold_days": 60,
                        "moq": rng.choice([100, 200, 300, 500]),
                        "case_pack": rng.choice([10, 12, 20, 24, 30, 50]),
                        "costs": costs,
                        "fees": {"referral_pct": 15.0, "fba_fee_minor": rng.choice([322, 340, 377, 406, 475, 550])},
                        "stock": {},
                        "seasonal": {},
                        "cubic_feet": CUBIC_FEET[code],
                    }
                )
            if len(products) >= count:
                break
        serial += 1
    return products


def popularity(rng: random.Random, products: list[dict]) -> list[float]:
    """Zipf-like demand: a few best sellers, a long tail."""
    ranks = list(range(1, len(products) + 1))
    rng.shuffle(ranks)
    return [1.0 / (r**0.9) for r in ranks]
