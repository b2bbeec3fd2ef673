"""Demo promotions, the marketplace calendar, the fee table, and the sales the promotions brought.

Promotions (``promotions``): see ``sellertui.domain.promotions.records``. The
demo has one in every status, one overlap (the Black Friday Lightning Deal and
the running coupon share a baking mat), one below the margin floor (the Cyber
Monday Best Deal: the peak fee per unit eats the tea towels' margin), one
missed deadline (a Lightning Deal idea too close to its start), one due
within days and one whose stock will not cover it (the New Year coupon on an
out-of-stock jar set). Ended
and running ones get the extra orders they brought (with the promotion's
discount and id on every line of their SKUs during their days), so Results
shows a lift; these orders use their own random stream, so the rest of the
demo is the same with or without them.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from sellertui.demo.sales import SalesBuilder, _order_id
from sellertui.domain.promotions.events import black_friday, seeds
from sellertui.domain.promotions.fees import US_SCHEDULE


def build_events(today: date) -> list[dict]:
    return seeds(today)


def build_fee_table() -> list[dict]:
    return [dict(entry) for entry in US_SCHEDULE]


def _deal_events(today: date) -> list[dict]:
    return [e for e in seeds(today) if e["kind"] == "event"]


def build_promotions(today: date, products: list[dict]) -> list[dict]:
    sku = {p["sku"]: p["sku"] for p in products}
    pick = lambda *names: [sku[n] for n in names if n in sku] or [products[0]["sku"]]  # noqa: E731
    d = lambda x: x.isoformat()  # noqa: E731
    deal_events = _deal_events(today)
    bfcm = next(e for e in deal_events if e["id"].endswith("bfcm") and e["end"] >= d(today))
    bf = black_friday(int(bfcm["start"][:4]))
    cyber_monday = date.fromisoformat(bfcm["end"])
    prime_day = next(e for e in deal_events if e["id"].endswith("prime-day") and e["start"] > d(today))
    past = [e for e in deal_events if e["end"] <= d(today - timedelta(days=14))][-1]
    new_year = date(today.year + 1, 1, 5) if today.month >= 11 else today + timedelta(days=45)

    def promo(name, kind, skus, start, end, pct, units, status, event="", budget=0, notes=""):
        return {"name": name, "type": kind, "skus": skus, "start": d(start), "end": d(end), "discount_pct": pct,
                "expected_units": units, "budget_minor": budget, "currency": "USD", "status": status,
                "event": event, "event_id": "", "marketplace": "US", "notes": notes, "history": []}

    return [
        promo("BF Lightning – Baking Mat", "lightning_deal", pick("MM-SBM-HALFSH"), bf, bf, 25, 300, "approved",
              bfcm["name"]),
        promo("Cyber Monday Best Deal – Tea Towels", "best_deal", pick("MM-TBC-STRIPE", "MM-TBC-HOLIDA"),
              cyber_monday - timedelta(days=2), cyber_monday, 20, 400, "submitted", bfcm["name"]),
        promo("Holiday coupon – Baking Mats", "coupon", pick("MM-SBM-HALFSH", "MM-SBM-2-PACK"),
              today - timedelta(days=5), today + timedelta(days=12), 10, 90, "running", budget=50000),
        promo("Straws 15% off – shoulder season", "percent_off", pick("MM-SSB-8-PACK", "MM-SSB-12-PAC"),
              today - timedelta(days=60), today - timedelta(days=46), 15, 50, "ended"),
        promo(f"{past['name']} Lightning – Spice Rack", "lightning_deal", pick("MM-BSR-2-TIER"),
              date.fromisoformat(past["start"]), date.fromisoformat(past["start"]), 20, 150, "ended", past["name"]),
        promo("Prime Day PED – Beeswax Wraps", "prime_exclusive", pick("MM-BEW-STARTE", "MM-BEW-FAMILY"),
              date.fromisoformat(prime_day["start"]), date.fromisoformat(prime_day["end"]), 20, 60, "idea",
              prime_day["name"]),
        promo("Buy 2 jars get 1 free", "bogo", pick("MM-GSJ-SETOF4", "MM-GSJ-SETOF6"), today - timedelta(days=20),
              today - timedelta(days=10), 33, 60, "cancelled", notes="stock too low"),
        promo("New Year reset – Glass Jars coupon", "coupon", pick("MM-GSJ-SETOF4", "MM-GSJ-SETOF6"), new_year,
              new_year + timedelta(days=13), 15, 60, "idea", notes="the 4-jar set is out of stock: reorder first"),
        promo("Lightning Deal – Spatula Pair", "lightning_deal", pick("MM-WUT-SPATUL"), today + timedelta(days=10),
              today + timedelta(days=10), 20, 40, "idea", notes="found the slot late"),
        promo("Lightning Deal – Coffee Canister", "lightning_deal", pick("MM-CMK-WHITE"), today + timedelta(days=20),
              today + timedelta(days=20), 20, 25, "idea"),
        promo("Utensil sets 20% coupon", "coupon", pick("MM-WUT-5-PIEC", "MM-WUT-7-PIEC"),
              today + timedelta(days=10), today + timedelta(days=24), 20, 60, "approved", budget=30000),
    ]


# The large demo's history: promotions that ran over the last two years, as a busy shop's would
HISTORY_TYPES = (  # type, weight, discount range %, days range
    ("coupon", 40, (5, 20), (14, 30)), ("percent_off", 25, (10, 25), (7, 14)), ("lightning_deal", 15, (20, 30), (1, 1)),
    ("best_deal", 10, (15, 25), (7, 7)), ("prime_exclusive", 10, (15, 25), (7, 7)),
)
LABELS = {"coupon": "Coupon", "percent_off": "% off", "lightning_deal": "Lightning Deal", "best_deal": "Best Deal",
          "prime_exclusive": "Prime Exclusive"}


def build_history(today: date, products: list[dict], count: int, seed: int = 7) -> list[dict]:
    """``count`` past promotions, one SKU each, never two on one SKU at once; most ended, a few cancelled."""
    rng = random.Random(seed * 1000 + 11)  # its own stream: the rest of the demo is the same with or without it
    taken: dict[str, list[tuple[date, date]]] = {}
    weights = [w for _, w, _, _ in HISTORY_TYPES]
    found, tries = [], 0
    while len(found) < count and tries < count * 20:
        tries += 1
        kind, _, (low, high), (short, long) = rng.choices(HISTORY_TYPES, weights)[0]
        product = rng.choice(products)
        days = rng.randint(short, long)
        start = today - timedelta(days=rng.randint(days + 20, 700))
        end = start + timedelta(days=days - 1)
        spans = taken.setdefault(product["sku"], [])
        if any(start <= b and a <= end for a, b in spans):
            continue
        spans.append((start, end))
        cancelled = rng.random() < 0.06
        name = product["title"].replace("Maple & Moss ", "")
        found.append({
            "name": f"{LABELS[kind]} – {name}"[:80], "type": kind, "skus": [product["sku"]],
            "start": start.isoformat(), "end": end.isoformat(), "discount_pct": rng.randint(low, high), "expected_units": rng.randint(5, 60),
            "budget_minor": rng.choice([0, 0, 20000, 50000]) if kind == "coupon" else 0, "currency": "USD",
            "status": "cancelled" if cancelled else "ended", "event": "", "event_id": "", "marketplace": "US",
            "notes": "stock arrived late" if cancelled else "", "history": []})
    return found


LIFT = {"percent_off": 0.8, "coupon": 0.5, "lightning_deal": None, "best_deal": 0.6, "prime_exclusive": 0.5}


def add_promotion_sales(orders: list[dict], promotions: list[dict], products: list[dict], now: datetime,
                        seed: int = 7) -> int:
    """Mark the orders of ended and running promotions with their discount, and add the extra ones they brought."""
    rng = random.Random(seed * 1000 + 7)
    by_sku = {p["sku"]: p for p in products}
    lines_of: dict[str, list[dict]] = {}
    for o in orders:
        lines_of.setdefault(o["sku"], []).append(o)
    builder = SalesBuilder(rng, now, products, [1.0] * len(products))
    now_utc = now.astimezone(timezone.utc)
    added = []
    for promo in promotions:
        if promo["status"] not in ("ended", "running"):
            continue
        start, end = date.fromisoformat(promo["start"]), date.fromisoformat(promo["end"])
        last = min(end, now_utc.date())
        pct, tag = promo["discount_pct"], f"{promo['type'].upper()}-{promo['start']}"
        skus = set(promo["skus"])
        before = (start - timedelta(days=28)).isoformat()
        baseline = sum(o["quantity"] for s in skus for o in lines_of.get(s, ())
                       if before <= o["purchase_date"][:10] < start.isoformat())
        days = (last - start).days + 1
        lift = LIFT.get(promo["type"], 0.5)
        extra = round(promo["expected_units"] * rng.uniform(0.7, 0.95)) if lift is None \
            else round(baseline / 28 * days * lift) + 1
        for _ in range(extra):
            day = start + timedelta(days=rng.randrange(days))
            when = datetime.combine(day, time(0), timezone.utc) + timedelta(seconds=rng.randint(0, 86_399))
            when = min(when, now_utc - timedelta(minutes=rng.randint(5, 600)))
            line = builder.line(_order_id(rng), when, by_sku[rng.choice(promo["skus"])], False, None)
            added.append(line)
            lines_of.setdefault(line["sku"], []).append(line)
        for sku in skus:
            for line in lines_of.get(sku, ()):
                if start.isoformat() <= line["purchase_date"][:10] <= last.isoformat() and line["quantity"]:
                    line["promo_discount_minor"] = -round(line["item_price_minor"] * pct / 100)  # as the report has it
                    line["promotion_ids"] = tag
    orders.extend(added)
    return len(added)
