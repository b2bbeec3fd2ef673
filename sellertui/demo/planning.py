"""Demo stock levels, purchase orders, expenses and team tasks (promotions: ``sellertui.demo.promotions``).

Purchase orders (``purchase_orders``, ids 1, 2, ...): supplier, status (draft/ordered/shipped/
  received), currency, ordered_on, expected_on, lines [{sku, qty, unit_cost_minor, received_qty}],
  shipping_minor, notes.
Expenses (``expenses``): date, category, description, amount_minor, currency, recurring (None or
  "monthly"), until.
Tasks (``tasks``): see ``sellertui.domain.team.tasks``.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta


def set_stock(rng: random.Random, products: list[dict], orders: list[dict], now: datetime) -> None:
    """Give each SKU stock so that every inventory status shows up."""
    today = now.date()
    since = (today - timedelta(days=30)).isoformat()
    sold = Counter()
    for o in orders:
        if o["purchase_date"][:10] >= since:
            sold[o["sku"]] += o["quantity"]
    scenarios = ["healthy", "healthy", "order_soon", "order_now", "healthy", "overstock", "out", "healthy", "order_now"]
    for i, p in enumerate(products):
        velocity = max(sold[p["sku"]] / 30, 0.05)
        lead = sum(p["lead_time"].values())
        scenario = scenarios[i % len(scenarios)]
        cover = {
            "out": 0,
            "order_now": rng.uniform(0.3, 0.8) * lead,
            "order_soon": lead + rng.uniform(3, p["safety_days"] - 1),
            "healthy": lead + p["safety_days"] + rng.uniform(20, 60),
            "overstock": rng.uniform(200, 320),
        }[scenario]
        on_hand = int(velocity * cover)
        inbound = int(velocity * rng.uniform(10, 30)) if scenario == "order_soon" else 0
        p["stock"] = {
            "fba_available": on_hand,
            "inbound_working": 0,
            "inbound_shipped": inbound,
            "inbound_receiving": 0,
            "reserved": int(on_hand * 0.04),
            "fbm": rng.choice([0, 0, 12, 30]),
            "updated_at": now.isoformat(timespec="seconds"),
        }
        if p["category"] in ("Linens", "Drinkware"):
            p["seasonal"] = {"11": 1.8, "12": 1.6}
    # a cost change: the supplier raised the price of the best line this year
    for p in products[:3]:
        p["costs"].append({"from": (today - timedelta(days=45)).isoformat(),
                           "landed_minor": int(p["costs"][0]["landed_minor"] * 1.08), "note": "supplier +8% (bamboo)"})


def build_purchase_orders(rng: random.Random, today: date, products: list[dict]) -> list[dict]:
    by_supplier: dict[str, list[dict]] = {}
    for p in products:
        by_supplier.setdefault(p["supplier"], []).append(p)
    statuses = [("received", -70, -20), ("shipped", -40, 12), ("ordered", -12, 45), ("draft", 0, 65)]
    orders = []
    for (status, ordered, expected), (supplier, items) in zip(statuses, sorted(by_supplier.items())):
        lines = []
        for p in items[:3]:
            qty = max(p["moq"], p["case_pack"] * rng.randint(10, 30))
            qty -= qty % p["case_pack"]
            unit = int(p["costs"][-1]["landed_minor"] * 0.8)
            received = qty if status == "received" else 0
            lines.append({"sku": p["sku"], "qty": qty, "unit_cost_minor": unit, "received_qty": received})
        orders.append({
            "supplier": supplier, "status": status, "currency": "USD",
            "ordered_on": None if status == "draft" else (today + timedelta(days=ordered)).isoformat(),
            "expected_on": (today + timedelta(days=expected)).isoformat(),
            "lines": lines, "shipping_minor": rng.randint(400, 1400) * 100, "notes": "",
        })
    return orders


# The demo's story (Profit tab): a shop climbing toward its first hire. Landed costs already carry sea
# freight and duties (product + freight + duties + prep, per unit), so freight is never an expense here too.
# One-offs by months before this one: June loses money (launch photography and samples), a trade show
# dents August, and the months since stay under the operator's hire line while the trend reaches it.
ONE_OFFS = {5: ("design", "Product photography + launch samples", 560000),
            3: ("marketing", "Trade show stand (home and kitchen fair)", 240000),
            1: ("services", "Accountant: year-end catch-up", 90000)}


def build_expenses(rng: random.Random, today: date, months: int) -> list[dict]:
    start = date(today.year, today.month, 1)
    for _ in range(months - 1):
        start = (start - timedelta(days=1)).replace(day=1)
    expenses = [
        {"date": start.isoformat(), "category": "tools", "description": "Keyword research tool", "amount_minor": 9900, "recurring": "monthly"},
        {"date": start.isoformat(), "category": "storage", "description": "3PL overflow storage", "amount_minor": 18000, "recurring": "monthly"},
        {"date": start.isoformat(), "category": "draw", "description": "Founder's draw", "amount_minor": 250000, "recurring": "monthly"},
        {"date": start.isoformat(), "category": "storage", "description": "Prep centre in Canada (paid in CAD)",
         "amount_minor": 20000, "currency": "CAD", "recurring": "monthly"},
    ]
    month = start
    while month <= today:
        back = (today.year - month.year) * 12 + today.month - month.month
        if back in ONE_OFFS:
            category, description, minor = ONE_OFFS[back]
            expenses.append({"date": (month + timedelta(days=12)).isoformat(), "category": category,
                             "description": description, "amount_minor": minor, "recurring": None})
        month = (month + timedelta(days=32)).replace(day=1)
    for e in expenses:
        e.setdefault("currency", "USD")
        e.setdefault("until", None)
    return expenses


def build_tasks(today: date, founder: str, products: list[dict]) -> list[dict]:
    d = lambda n: (today + timedelta(days=n)).isoformat()  # noqa: E731
    ben, chen = "ben", "chen"
    return [
        {"title": "Approve Black Friday deal prices", "owner": founder, "due": d(0), "role": "operations", "priority": "high"},
        {"title": "Reply to the wholesale enquiry from the café", "owner": founder, "due": d(-1), "role": "operations"},
        {"title": "Pick the 2027 product to sample", "owner": founder, "due": d(10), "role": "product"},
        {"title": "Negate wasted search terms from the weekly report", "owner": ben, "due": d(1), "role": "operations", "status": "doing"},
        {"title": "Ship the late FBM orders", "owner": ben, "due": d(-2), "role": "operations", "priority": "high"},
        {"title": "Send inbound shipment for cutting boards to FBA", "owner": ben, "due": d(3), "role": "operations",
         "links": {"sku": products[2]["sku"]}},
        {"title": "Reconcile October settlement", "owner": chen, "due": d(2), "role": "back office"},
        {"title": "Book freight for the glass jar PO", "owner": chen, "due": d(-3), "role": "back office", "status": "blocked",
         "description": "Waiting for the supplier's packing list."},
        {"title": "Pay the bamboo supplier deposit", "owner": chen, "due": d(-8), "role": "back office", "status": "done"},
        {"title": "Write product notes for the new baking mats", "owner": "", "due": None, "role": "product"},
    ]


def build_routines(founder: str) -> list[dict]:
    """The founder's routine: what the seeds say to do every day, week and month."""
    from sellertui.domain.today.recurring import parse_rule

    return [
        {"title": "Read yesterday's business report", "rule": parse_rule("daily"), "area": "profit", "user": founder},
        {"title": "Download the search term report", "rule": parse_rule("mon"), "area": "ads", "user": founder},
        {"title": "Check competitors' prices and deals", "rule": parse_rule("mon,wed,fri"), "area": "promotions",
         "user": founder},
        {"title": "Reconcile last month's settlement", "rule": parse_rule("monthly 3"), "area": "profit", "user": founder},
    ]
