"""The demo shop's seller feedback, product reviews and review requests.

About one buyer in twenty leaves seller feedback a week or two after the
order, mostly 5 stars; the negatives include an FBA delivery complaint
(Amazon strikes those through) and a product review left as feedback, so the
removal workflow has something to find. A few product reviews per product,
one negative worked on already, and review requests sent in the past weeks
(one refused), while the orders of the last month wait for theirs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

FEEDBACK = {
    5: ["Arrived quickly, exactly as described.", "Great seller, well packed.", "Lovely quality, will buy again.",
        "Fast shipping and a nice note in the box.", "Perfect gift, thank you!"],
    4: ["Good product, shipping took a day longer.", "As described. Box was a bit dented.", "Happy with it."],
    3: ["OK. Took a while to arrive.", "Fine, nothing special."],
    2: ["Package arrived late and the box was crushed.", "Cheap material, smaller than the pictures."],
    1: ["Never arrived, tracking stuck for a week.", "Broke after two uses, poor quality.",
        "Seller never replied to my message."],
}
REVIEWS = {
    5: ("Exactly what I wanted", "Solid, well made and it looks great in the kitchen."),
    4: ("Good value", "Does the job well; a little smaller than I expected."),
    3: ("It's fine", "Works, but the finish is rougher than the photos."),
    2: ("Disappointed", "Started to crack after a month of normal use."),
    1: ("Do not buy", "Arrived with a split down the middle and the seller's insert smelled of glue."),
}
REVIEWERS = ["Dana K.", "J. Ortiz", "Sam", "Priya N.", "M. Becker", "Chris", "Lee W.", "Anna", "T. Okafor", "Jo"]


def build_feedback(rng: random.Random, today: date, orders: list[dict]) -> list[dict]:
    shipped = [o for o in orders if o.get("status") == "Shipped" and o.get("quantity")]
    firsts = {o["order_id"]: o for o in shipped}
    feedback = []
    for order_id, line in sorted(firsts.items()):
        bought = date.fromisoformat(line["purchase_date"][:10])
        left = bought + timedelta(days=rng.randint(6, 16))
        if left > today or rng.random() > 0.05:
            continue
        rating = rng.choices([5, 4, 3, 2, 1], [70, 15, 6, 4, 5])[0]
        feedback.append({"id": order_id, "order_id": order_id, "date": left.isoformat(), "rating": rating,
                         "comments": rng.choice(FEEDBACK[rating]), "response": "", "marketplace": "US",
                         "rater_email": f"{rng.getrandbits(40):010x}@marketplace.amazon.com"})
    # the last week's negatives, so the workflow and Today have something due
    recent = [o for o in firsts.values() if 6 <= (today - date.fromisoformat(o["purchase_date"][:10])).days <= 12
              and o["order_id"] not in {f["id"] for f in feedback}]
    for i, (line, text) in enumerate(zip(sorted(recent, key=lambda o: (o["channel"], o["order_id"]))[:3], (
            "Parcel arrived late and the box was crushed.", "Cheap material, broke in a week.",
            "Item never arrived, tracking stuck."))):
        feedback.append({"id": line["order_id"], "order_id": line["order_id"],
                         "date": (today - timedelta(days=1 + i)).isoformat(), "rating": 1 + i % 2, "comments": text,
                         "response": "", "marketplace": "US", "rater_email": f"demo{i}@marketplace.amazon.com"})
    return feedback


def build_reviews(rng: random.Random, today: date, products: list[dict]) -> list[dict]:
    reviews = []
    for product in products[:12]:
        for n in range(rng.randint(1, 3)):
            rating = rng.choices([5, 4, 3, 2, 1], [60, 20, 8, 6, 6])[0]
            day = today - timedelta(days=rng.randint(1, 120))
            title, text = REVIEWS[rating]
            reviewer = rng.choice(REVIEWERS)
            reviews.append({"id": f"R{rng.getrandbits(48):012X}", "asin": product["asin"], "sku": product["sku"],
                            "date": day.isoformat(), "rating": rating, "title": title, "text": text,
                            "reviewer": reviewer, "order_id": "", "marketplace": "US", "source": "entered"})
    return reviews


def build_feedback_work(feedback: list[dict], reviews: list[dict], today: date, founder: str) -> list[dict]:
    """Negatives older than two weeks were handled (resolved, with their history); one is still being worked on."""
    outcomes = ("answered publicly", "changed or removed by the buyer", "removed by Amazon")
    negatives = sorted([(f"feedback:{f['id']}", f["date"]) for f in feedback if f["rating"] <= 2]
                       + [(f"review:{r['id']}", r["date"]) for r in reviews if r["rating"] <= 2], key=lambda k: k[1])
    work = []
    for i, (key, day) in enumerate(negatives):
        age = (today - date.fromisoformat(day)).days
        if age <= 14:
            continue
        contacted = {"at": f"{day}T15:00:00+00:00", "by": founder, "what": "contacted the buyer: offered a replacement"}
        if 14 < age <= 21 and not any(w["status"] == "contacted" for w in work):
            work.append({"id": key, "status": "contacted", "contacted_at": contacted["at"], "history": [contacted]})
            continue
        outcome = outcomes[i % len(outcomes)]
        resolved = {"at": f"{(date.fromisoformat(day) + timedelta(days=3)).isoformat()}T10:00:00+00:00",
                    "by": founder, "what": f"resolved: {outcome}"}
        work.append({"id": key, "status": "resolved", "outcome": outcome, "history": [contacted, resolved]})
    return work


def build_review_requests(data: dict, today: date, founder: str) -> list[dict]:
    """The founder approves a batch each week: orders whose window opened over a week ago were asked (one was
    refused); the last week's are due."""
    from sellertui.domain.reviews.requests import Facts, candidate
    from sellertui.domain.reviews.settings import ReviewSettings

    settings = ReviewSettings()
    returned = {c["order_id"] for c in data["returns"]}
    refunded = {c["order_id"] for c in data["returns"] if c.get("refund_minor")}
    facts = Facts(returned, refunded, set(), {f["id"] for f in data["feedback"]},
                  {b["id"] for b in data["buyers"] if b.get("blacklisted")})
    orders: dict[str, list[dict]] = {}
    for line in data["orders"]:
        orders.setdefault(line["order_id"], []).append(line)
    requests = []
    for lines in orders.values():
        found = candidate(lines, facts, settings, today)
        if found is None or (today - date.fromisoformat(found.opens)).days < 7:
            continue
        sent = (date.fromisoformat(found.opens) + timedelta(days=(date.fromisoformat(found.opens).weekday() * 3) % 7))
        refused = len(requests) % 97 == 5
        requests.append({"id": found.order_id, "order_id": found.order_id, "marketplace": found.marketplace,
                         "channel": found.channel, "skus": found.skus, "buyer": found.buyer,
                         "delivered": found.delivered, "closes": found.closes,
                         "status": "refused" if refused else "sent", "via": "batch",
                         "approved_at": f"{sent.isoformat()}T08:00:00+00:00", "approved_by": founder,
                         "sent_at": None if refused else f"{sent.isoformat()}T08:30:00+00:00",
                         "answered_at": f"{sent.isoformat()}T08:30:00+00:00",
                         "reason": "The solicitation is not available for this order." if refused else "",
                         "attempts": 1})
    return requests
