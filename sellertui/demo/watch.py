"""The demo's competitor watch, team notices and who answered the buyers.

Two of the shop's own ASINs and three competitors', each with 60 days of
snapshots (price, Buy Box, offers, rank daily; rating and reviews weekly;
coupons and deals now and then), arranged so today shows one alert of each
kind: a competitor's price cut, a lost Buy Box, a new coupon and a rank jump.
Everything here draws from its own seeded generator, so adding it changes
nothing else in the demo shop.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

DAYS = 60
RIVALS = [("B0C7RIVB01", "BambooCo Board 3-pack", 2999, 850), ("B0C7RIVJ02", "Kitchenly Glass Jars 6", 2499, 2100),
          ("B0C7RIVM03", "HomeChef Baking Mat 2", 1599, 5400)]
RIVAL_SELLER = "A2KITCHENLYX9"


def _snapshot(asin: str, day: date, values: dict) -> dict:
    day_text = day.isoformat()
    return {"id": f"US|{asin}|{day_text}", "asin": asin, "marketplace": "US", "day": day_text, **values,
            "sources": {name: "demo" for name in values}, "at": f"{day_text}T06:00:00+00:00"}


def _series(rng: random.Random, asin: str, today: date, price: int, rank: int, own: bool, story: str) -> list[dict]:
    docs = []
    rating, reviews = round(rng.uniform(4.1, 4.7), 1), rng.randint(150, 2400)
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        price_today = price - 100 if back % 17 == 8 else price  # a one-day dip now and then
        rank = max(50, int(rank * rng.uniform(0.93, 1.07)))
        values = {"price_minor": price_today, "buybox_price_minor": price_today, "currency": "USD",
                  "offers": rng.randint(1, 4) if own else rng.randint(2, 9), "rank": rank,
                  "rank_category": "Kitchen & Dining", "buybox_mine": own,
                  "buybox_seller": "AMAPLEMOSS01" if own else "A1" + asin[-6:], "coupon": "", "deal": ""}
        if back == 0 and story == "price_cut":
            values.update(price_minor=int(price * 0.88), buybox_price_minor=int(price * 0.88))
        if back == 0 and story == "lost_buybox":
            values.update(buybox_mine=False, buybox_seller=RIVAL_SELLER, buybox_price_minor=price - 150)
        if back == 0 and story == "coupon":
            values["coupon"] = "15% off"
        if back == 0 and story == "rank_jump":
            values["rank"] = int(docs[-1]["rank"] * 0.55)
        if 20 <= back <= 26 and story == "price_cut":
            values["deal"] = "Lightning Deal"
        if back % 7 == 0:  # typed in on the weekly check
            reviews += rng.randint(5, 40)
            values.update(rating=rating, reviews=reviews)
        docs.append(_snapshot(asin, day, values))
    return docs


def build_watch(today: date, products: list[dict], founder: str) -> tuple[list[dict], list[dict]]:
    """The watch list (2 own, 3 competitors) and 60 days of snapshots for each."""
    rng = random.Random(2111)
    stamp = f"{(today - timedelta(days=DAYS)).isoformat()}T08:00:00+00:00"
    entries, snapshots = [], []
    own = [p for p in products if p.get("asin")][:2]
    for product, story in zip(own, ("lost_buybox", "rank_jump")):
        label = product["title"].replace("Maple & Moss ", "")[:40]
        entries.append({"id": f"US|{product['asin']}", "asin": product["asin"], "marketplace": "US", "own": True,
                        "label": label, "note": "", "added_at": stamp, "added_by": founder})
        snapshots += _series(rng, product["asin"], today, product["price_minor"], rng.randint(900, 4000), True, story)
    for (asin, label, price, rank), story in zip(RIVALS, ("price_cut", "coupon", "")):
        entries.append({"id": f"US|{asin}", "asin": asin, "marketplace": "US", "own": False, "label": label,
                        "note": "", "added_at": stamp, "added_by": founder})
        snapshots += _series(rng, asin, today, price, rank, False, story)
    return entries, snapshots


def build_notices(today: date, founder: str) -> list[dict]:
    """One notice the founder has not read yet, one of theirs that chen has not read."""
    def at(days: int, hour: int) -> str:
        return f"{(today - timedelta(days=days)).isoformat()}T{hour:02d}:00:00+00:00"

    return [
        {"title": "Warehouse closed Friday: ship FBM orders by Thursday 3 pm", "author": "ben",
         "body": "The carrier picks up Thursday at 3 pm; anything later goes out on Monday.",
         "posted_at": at(0, 7), "read_by": {"ben": at(0, 7)}, "withdrawn_at": None},
        {"title": "New reply templates for late deliveries", "author": founder,
         "body": "Use the 'Where is my order' template: it now links the carrier's tracking page.",
         "posted_at": at(3, 9), "read_by": {founder: at(3, 9), "ben": at(3, 11)}, "withdrawn_at": None},
    ]


def assign_repliers(messages: list[dict], founder: str) -> None:
    """Who answered each replied message: the slow, late replies mostly chen's, the quick ones ben's."""
    rng = random.Random(2112)
    for message in messages:
        if message.get("status") != "replied":
            continue
        took = datetime.fromisoformat(message["replied_at"]) - datetime.fromisoformat(message["received_at"])
        pool = ["chen", "chen", founder] if took > timedelta(hours=20) else ["ben", "ben", founder, "chen"]
        message["replied_by"] = rng.choice(pool)
