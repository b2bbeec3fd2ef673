"""The demo's hiring plan, cash reserve and exchange rates (Profit tab).

``hiring_roles``: title, position, salary_minor, overhead_pct, currency,
status, hired_on, expense_id, notes. ``cash_reserve``: date, amount_minor,
currency, note. ``fx_rates``: id ``month|currency``, month, currency, rate
(decimal text: one unit in the home currency), home, note. The Canadian prep
centre is paid in CAD: every month has its rate but the current one, which
borrows last month's (and says so).
"""

from __future__ import annotations

from datetime import date, timedelta

ROLES = (
    ("Operator", 200000, 25.0, "Runs the daily work: shipments to FBA, reorders, listings."),
    ("PPC specialist", 160000, 20.0, "Part-time: search-term reports, bids, negatives."),
    ("Customer service", 120000, 25.0, "Buyer messages, returns, reviews."),
    ("Designer", 90000, 20.0, "Freelance: images, A+ content, packaging."),
    ("Product assistant", 180000, 25.0, "Samples, suppliers, launches."),
)
CAD_RATES = ("0.7310", "0.7285", "0.7342", "0.7256", "0.7198", "0.7161")


def build_roles() -> list[dict]:
    return [{"title": title, "position": i, "salary_minor": salary, "overhead_pct": overhead, "currency": "USD",
             "status": "planned", "hired_on": None, "expense_id": None, "notes": notes}
            for i, (title, salary, overhead, notes) in enumerate(ROLES, start=1)]


def build_cash(today: date) -> list[dict]:
    first = today.replace(day=1)
    return [
        {"date": (first - timedelta(days=31)).replace(day=1).isoformat(), "amount_minor": 480000, "currency": "USD",
         "note": "business account after paying the October PO"},
        {"date": first.isoformat(), "amount_minor": 620000, "currency": "USD", "note": "business account"},
    ]


def build_fx_rates(today: date, months: int) -> list[dict]:
    """CAD rates for the months before this one (the newest last); this month has none yet."""
    found, month = [], today.replace(day=1)
    for i in range(1, months + 1):
        month = (month - timedelta(days=1)).replace(day=1)
        rate = CAD_RATES[-min(i, len(CAD_RATES))]
        found.append({"id": f"{month:%Y-%m}|CAD", "month": f"{month:%Y-%m}", "currency": "CAD", "rate": rate,
                      "home": "USD", "note": "bank's rate on the month's last day"})
    return found[::-1]


LOSSES = (  # (months back, day, reason, units) — what FBA loses or breaks, paid back a few weeks later
    (4, 9, "Lost_Inbound", 6), (2, 17, "Damaged_Warehouse", 2), (1, 3, "Lost_Warehouse", 1), (0, 6, "CustomerReturn", 1))


def build_reimbursements(today: date, products: list[dict]) -> list[dict]:
    """A few FBA reimbursements, as the Reimbursements report lists them (paid at the landed cost's value)."""
    found = []
    for n, (back, day, reason, units) in enumerate(LOSSES):
        month = today.replace(day=1)
        for _ in range(back):
            month = (month - timedelta(days=1)).replace(day=1)
        approved = month.replace(day=day)
        if approved > today:
            continue
        product = products[(n * 5) % len(products)]
        per_unit = int(product["costs"][0]["landed_minor"] * 1.6)  # Amazon pays about the replacement value
        rid = f"55{12345600 + n}"
        found.append({"id": f"{rid}|{product['sku']}", "reimbursement_id": rid, "case_id": "", "order_id": "",
                      "approved_at": f"{approved.isoformat()}T17:20:11+00:00", "reason": reason,
                      "sku": product["sku"], "asin": product["asin"], "product": product["title"], "currency": "USD",
                      "marketplace": "US", "amount_minor": per_unit * units, "per_unit_minor": per_unit,
                      "qty_cash": units, "qty_inventory": 0, "qty_total": units, "original_id": "",
                      "original_type": ""})
    return found
