"""Demo orders, buyers, buyer messages and returns.

Order lines (collection ``orders``, id = "<order id>/<sku>"), as the All Orders and
unshipped-orders reports describe them:
  order_id, order_item_id, purchase_date (ISO, UTC), last_updated, status
  (Pending/Shipping/Shipped/Unshipped/Cancelled), channel (FBA/FBM), sales_channel,
  marketplace, sku, asin, product, quantity, currency, item_price_minor (line total),
  item_tax_minor, shipping_price_minor, shipping_tax_minor, promo_discount_minor,
  ship_city, ship_state, ship_postal_code, ship_country, promotion_ids.
  FBM lines add buyer_id, buyer_name, buyer_email, ship_service_level, ship_by,
  address {name, line1, line2, city, state, postal_code, country, phone},
  shipment {carrier, tracking, ship_date, method} once shipped, history [].
Cancelled lines have quantity 0 and no money (None), as in the report.
"""

from __future__ import annotations

import random
from bisect import bisect
from datetime import date, datetime, time, timedelta, timezone
from itertools import accumulate

from sellertui.core.days import add_business_days

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
         "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
         "Wei", "Priya", "Ahmed", "Sofia", "Hiroshi", "Olga", "Mateo", "Aisha", "Liam", "Emma", "Noah", "Chloé"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Nguyen", "Chen",
        "Patel", "Kim", "O'Brien", "Kowalski", "Müller", "Rossi", "Tanaka", "Okafor"]
PLACES = [("Seattle", "WA", "981"), ("Portland", "OR", "972"), ("Austin", "TX", "787"), ("Denver", "CO", "802"),
          ("Chicago", "IL", "606"), ("Atlanta", "GA", "303"), ("Boston", "MA", "021"), ("Brooklyn", "NY", "112"),
          ("Phoenix", "AZ", "850"), ("Columbus", "OH", "432"), ("Nashville", "TN", "372"), ("San Diego", "CA", "921"),
          ("Miami", "FL", "331"), ("Minneapolis", "MN", "554"), ("Raleigh", "NC", "276"), ("Madison", "WI", "537")]
STREETS = ["Maple Ave", "Oak St", "Pine Rd", "Cedar Ln", "Elm St", "Lakeview Dr", "Hillcrest Blvd", "2nd St", "Park Pl"]
CARRIERS = [("USPS", "9400"), ("UPS", "1Z"), ("FedEx", "")]
MONTH_SEASON = {1: 0.8, 2: 0.8, 3: 0.9, 4: 0.9, 5: 1.0, 6: 1.0, 7: 1.25, 8: 0.95, 9: 1.0, 10: 1.15, 11: 1.6, 12: 1.7}

MESSAGE_TEXTS = [
    ("Hi, my order {order} still hasn't arrived. The tracking hasn't moved in 3 days, can you check?", "awaiting"),
    ("Does the {product} come with a gift box? It's a present for my mother.", "awaiting"),
    ("The {product} arrived with a crack along one edge. Can I get a replacement?", "awaiting"),
    ("Can I change the shipping address on {order}? I typed the wrong apartment number.", "awaiting"),
    ("Is the {product} dishwasher safe? The listing doesn't say.", "awaiting"),
    ("[URGENT] I was charged twice for {order}!!", "awaiting"),
    ("Thanks so much, the {product} is lovely!", "no_response_needed"),
    ("Return label please for {order} – wrong size ordered.", "awaiting"),
    ("Do you sell the {product} in bulk for a café? We'd need 40 units.", "awaiting"),
    ("Received, all good. 👍", "no_response_needed"),
]
FBA_RETURN_STATUS = ["Unit returned to inventory", "Reimbursed", "Customer damaged"]
RETURN_REASONS = ["DEFECTIVE", "NOT_AS_DESCRIBED", "ORDERED_WRONG_ITEM", "UNWANTED_ITEM", "DAMAGED_BY_CARRIER", "MISSING_PARTS"]


def day_weights(start: date, days: int) -> list[float]:
    weights = []
    for i in range(days):
        day = start + timedelta(days=i)
        growth = 0.5 + 0.5 * (i / max(days - 1, 1))
        weekday = 0.9 if day.weekday() >= 5 else 1.0
        weights.append(growth * MONTH_SEASON[day.month] * weekday)
    return weights


def _order_id(rng: random.Random) -> str:
    return f"11{rng.randint(1, 4)}-{rng.randint(0, 9_999_999):07d}-{rng.randint(0, 9_999_999):07d}"


def _tracking(rng: random.Random, carrier: str) -> str:
    if carrier == "USPS":
        return "9400" + "".join(rng.choice("0123456789") for _ in range(18))
    if carrier == "UPS":
        return "1Z" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(16))
    return "".join(rng.choice("0123456789") for _ in range(12))


def make_buyer(rng: random.Random) -> dict:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{''.join(rng.choice('abcdefghjkmnpqrstvwxyz0123456789') for _ in range(14))}@marketplace.amazon.com"
    city, state, zip3 = rng.choice(PLACES)
    return {
        "id": email,
        "name": f"{first} {last}",
        "email": email,
        "tags": [],
        "notes": "",
        "blacklisted": False,
        "address": {
            "name": f"{first} {last}",
            "line1": f"{rng.randint(10, 9999)} {rng.choice(STREETS)}",
            "line2": rng.choice(["", "", "", f"Apt {rng.randint(1, 40)}"]),
            "city": city,
            "state": state,
            "postal_code": f"{zip3}{rng.randint(0, 99):02d}",
            "country": "US",
            "phone": f"+1 {rng.randint(200, 989)}-555-{rng.randint(0, 9999):04d}",
        },
    }


class SalesBuilder:
    def __init__(self, rng: random.Random, now: datetime, products: list[dict], weights: list[float]) -> None:
        self.rng = rng
        self.now = now.astimezone(timezone.utc)
        self.today = self.now.date()
        self.products = products
        self.cum_weights = list(accumulate(weights))
        self.buyers: dict[str, dict] = {}
        self.orders: list[dict] = []

    def pick_product(self) -> dict:
        x = self.rng.random() * self.cum_weights[-1]
        return self.products[bisect(self.cum_weights, x)]

    def buyer(self) -> dict:
        buyer = make_buyer(self.rng)
        self.buyers[buyer["id"]] = buyer
        return buyer

    def orders_for(self, count: int, start: date, days: int) -> list[dict]:
        rng = self.rng
        day_cum = list(accumulate(day_weights(start, days)))
        repeat_pool: list[dict] = []
        for _ in range(count):
            day = start + timedelta(days=bisect(day_cum, rng.random() * day_cum[-1]))
            when = datetime.combine(day, time(0), timezone.utc) + timedelta(seconds=rng.randint(0, 86_399))
            if when > self.now:
                when = self.now - timedelta(minutes=rng.randint(5, 600))
            fbm = rng.random() < 0.15
            buyer = None
            if fbm:
                buyer = rng.choice(repeat_pool) if repeat_pool and rng.random() < 0.12 else self.buyer()
                repeat_pool.append(buyer)
            self.orders.append(self.line(_order_id(rng), when, self.pick_product(), fbm, buyer))
            if rng.random() < 0.05:  # a second, different item in the same order
                first = self.orders[-1]
                second = self.pick_product()
                if second["sku"] != first["sku"]:
                    self.orders.append(self.line(first["order_id"], when, second, fbm, buyer))
        return self.orders

    def line(self, order_id: str, when: datetime, product: dict, fbm: bool, buyer: dict | None) -> dict:
        rng = self.rng
        age_days = (self.now - when).total_seconds() / 86400
        cancelled = rng.random() < 0.02
        qty = 0 if cancelled else rng.choices([1, 2, 3], [86, 11, 3])[0]
        price = product["price_minor"]
        line = {
            "id": f"{order_id}/{product['sku']}",
            "order_id": order_id,
            "order_item_id": f"{rng.randint(10**13, 10**14 - 1)}",
            "purchase_date": when.isoformat(timespec="seconds"),
            "last_updated": (when + timedelta(hours=min(age_days * 24, 30))).isoformat(timespec="seconds"),
            "channel": "FBM" if fbm else "FBA",
            "sales_channel": "Amazon.com",
            "marketplace": "US",
            "sku": product["sku"],
            "asin": product["asin"],
            "product": product["title"],
            "quantity": qty,
            "currency": "USD",
            "item_price_minor": None if cancelled else price * qty,
            "item_tax_minor": None if cancelled else round(price * qty * 0.07),
            "shipping_price_minor": None if cancelled else (499 if fbm and rng.random() < 0.3 else 0),
            "shipping_tax_minor": None if cancelled else 0,
            "promo_discount_minor": 0,
            "promotion_ids": "",
            "is_business": rng.random() < 0.04,
        }
        city, state, zip3 = rng.choice(PLACES)
        line.update(ship_city=city, ship_state=state, ship_postal_code=f"{zip3}{rng.randint(0, 99):02d}", ship_country="US")
        if cancelled:
            line["status"] = "Cancelled"
            if fbm:  # still the order's buyer: every line of an order has the same one
                line.update(buyer_id=buyer["id"], buyer_name=buyer["name"], buyer_email=buyer["email"])
        elif not fbm:
            line["status"] = "Shipped" if age_days > 1 else rng.choice(["Pending", "Shipping", "Shipped"])
        else:
            self.fbm_fields(line, when, buyer, age_days)
        return line

    def fbm_fields(self, line: dict, when: datetime, buyer: dict, age_days: float) -> None:
        rng = self.rng
        ship_by = add_business_days(when.date(), 2)
        line.update(
            buyer_id=buyer["id"],
            buyer_name=buyer["name"],
            buyer_email=buyer["email"],
            ship_service_level=rng.choice(["Standard", "Standard", "Expedited"]),
            ship_by=ship_by.isoformat(),
            address=dict(buyer["address"]),
            history=[],
        )
        line.update(ship_city=buyer["address"]["city"], ship_state=buyer["address"]["state"],
                    ship_postal_code=buyer["address"]["postal_code"])
        # Recent FBM orders wait in the ship queue; a few older ones are late.
        late = age_days < 6 and rng.random() < 0.15
        if age_days < 2.5 or late:
            line["status"] = "Unshipped"
            return
        carrier, _ = rng.choice(CARRIERS)
        shipped_on = min(add_business_days(when.date(), rng.choice([0, 1, 1, 2])), self.today)
        line["status"] = "Shipped"
        line["shipment"] = {
            "carrier": carrier,
            "tracking": _tracking(rng, carrier),
            "ship_date": shipped_on.isoformat(),
            "method": line["ship_service_level"],
        }
        line["history"] = [{"at": f"{shipped_on.isoformat()}T16:00:00+00:00", "by": "demo", "what": f"shipped with {carrier}"}]


def build_messages(rng: random.Random, now: datetime, orders: list[dict], buyers: dict[str, dict], count: int) -> list[dict]:
    """Buyer messages; the last few days' still await a reply, some past the 24 h deadline."""
    now = now.astimezone(timezone.utc)
    eligible = [o for o in orders if o["status"] != "Cancelled"]
    recent = [o for o in eligible if (now - datetime.fromisoformat(o["purchase_date"])).days < 20]
    lines_of: dict[str, list[dict]] = {}
    for o in orders:
        lines_of.setdefault(o["order_id"], []).append(o)
    messages = []
    for i in range(count):
        open_one = i < max(6, count // 50)  # the newest few are still open
        order = rng.choice(recent if open_one and recent else eligible)
        buyer_id = order.get("buyer_id")
        if order["channel"] == "FBA":  # the buyer, known once they write: one per order, on all its lines
            buyer = make_buyer(rng)  # drawn for every such message, so the rest of the demo is the same shop
            if buyer_id is None:
                buyers[buyer["id"]] = buyer
                buyer_id = buyer["id"]
                for line in lines_of[order["order_id"]]:
                    line.update(buyer_id=buyer_id, buyer_name=buyer["name"], buyer_email=buyer["email"])
        text, kind = rng.choice(MESSAGE_TEXTS)
        placed = datetime.fromisoformat(order["purchase_date"])
        if open_one:
            received = now - timedelta(hours=rng.choice([1, 3, 8, 15, 20, 22, 23, 26, 30, 40]) + rng.random())
        else:
            span = max((now - placed).total_seconds() - 3 * 86400, 3600)
            received = placed + timedelta(seconds=rng.uniform(3600, span))
        received = max(received, placed + timedelta(minutes=30))
        msg = {
            "buyer_id": buyer_id,
            "buyer_name": buyers[buyer_id]["name"],
            "order_id": order["order_id"],
            "sku": order["sku"],
            "received_at": received.isoformat(timespec="seconds"),
            "text": text.format(order=order["order_id"], product=order["product"].split(" – ")[0].replace("Maple & Moss ", "")),
            "status": "awaiting",
            "replied_at": None,
        }
        if not open_one:
            if kind == "no_response_needed":
                msg["status"] = "no_response_needed"
            else:
                hours = rng.choice([0.5, 1, 2, 3, 5, 8, 12, 18, 22, 30, 40])
                msg["status"] = "replied"
                msg["replied_at"] = (received + timedelta(hours=hours)).isoformat(timespec="seconds")
        messages.append(msg)
    return messages


def build_returns(rng: random.Random, now: datetime, orders: list[dict], rate: float,
                  more: random.Random | None = None) -> list[dict]:
    """Returns of ``rate`` of the shipped lines: the first 2% drawn from the shop's stream (as the demo always
    had them), the rest from ``more`` (its own stream, so everything drawn after returns stays the same)."""
    now = now.astimezone(timezone.utc)
    returns = []
    shipped = [o for o in orders if o["status"] == "Shipped" and o["quantity"]]
    picked = rng.sample(shipped, k=min(len(shipped), int(len(shipped) * min(rate, 0.02))))
    streams = [rng] * len(picked)
    if more is not None and rate > 0.02:
        chosen = {id(o) for o in picked}
        rest = [o for o in shipped if id(o) not in chosen]
        extra = more.sample(rest, k=min(len(rest), int(len(shipped) * (rate - 0.02))))
        picked, streams = picked + extra, streams + [more] * len(extra)  # the extra cases' details from ``more``
    for order, rng in zip(picked, streams):
        placed = datetime.fromisoformat(order["purchase_date"])
        requested = placed + timedelta(days=rng.randint(4, 30))
        if requested > now:
            requested = now - timedelta(hours=rng.randint(2, 48))
        age = (now - requested).days
        case = {
            "id": f"{order['order_id']}/{order['sku']}/R",
            "order_id": order["order_id"],
            "sku": order["sku"],
            "channel": order["channel"],
            "quantity": 1,
            "reason": rng.choice(RETURN_REASONS),
            "requested_at": requested.isoformat(timespec="seconds"),
            "currency": order["currency"],
            "buyer_id": order.get("buyer_id"),
            "refund_minor": None,
            "received_at": None,
            "refunded_at": None,
        }
        unit = order["item_price_minor"] // max(order["quantity"], 1)
        if order["channel"] == "FBA":
            case["status"] = rng.choice(FBA_RETURN_STATUS)
            case["received_at"] = (requested + timedelta(days=6)).isoformat(timespec="seconds")
        elif age > 14:
            case.update(status="closed", received_at=(requested + timedelta(days=6)).isoformat(timespec="seconds"),
                        refunded_at=(requested + timedelta(days=7)).isoformat(timespec="seconds"), refund_minor=unit)
        else:
            case["status"] = ["requested", "authorised", "received", "received", "refunded"][min(age // 3, 4)]
            if case["status"] in ("received", "refunded"):
                case["received_at"] = (now - timedelta(days=rng.choice([0, 1, 2, 3]))).isoformat(timespec="seconds")
            if case["status"] == "refunded":
                case["refund_minor"] = unit
                case["refunded_at"] = now.isoformat(timespec="seconds")
        returns.append(case)
    return returns


NOTE_LINES = {
    "BCB": ("Moso bamboo, harder than maple; juice groove holds 3.5 oz; reversible.",
            "Dishwasher? No: hand wash, dry upright, oil monthly.\nKnife marks? Light marks are normal; sand lightly and oil."),
    "SBM": ("Food-grade silicone, oven safe to 480°F; fits a standard half sheet (16.5 × 11.6 in).",
            "Dishwasher safe: yes, top rack.\nCut on it? No: knives damage the fibreglass core."),
    "GSJ": ("Borosilicate glass, airtight bamboo lids with silicone seal.", "Dishwasher: jars yes, lids no."),
}


def build_product_notes(products: list[dict]) -> list[dict]:
    notes = []
    for code, (points, answers) in NOTE_LINES.items():
        for product in products:
            if product["sku"].split("-")[1] == code:
                notes.append({"id": product["sku"], "sku": product["sku"], "selling_points": points, "answers": answers})
                break
    return notes
