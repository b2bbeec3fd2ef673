"""Seller Feedback report -> ``feedback`` (id = order id | date): buyers' ratings of the shop, kept for reviews.

Seller Central's feedback download is tab-separated: ``Date, Rating,
Comments, Response, Order ID, Rater Email`` (some files say ``Your
Response``; dates like ``1/5/26``). A rating is 1 to 5. One order has one
feedback (a buyer can change it: the feedback left
later wins, whichever report is imported last).
"""

from __future__ import annotations

from sellertui.core.i18n import N_, _
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, names


def check_ratings(frame) -> list:
    """The rating column, each value out of 1..5 a problem on its row (feedback and product reviews alike)."""
    ratings = frame.col("rating")
    for i, rating in enumerate(ratings):
        if rating is not None and not 1 <= rating <= 5:
            frame.problem(i, "rating", _("is not a rating from 1 to 5"))
    return ratings


def rating_totals(noun: str, ratings: list[int]) -> dict:
    """How many, how many negative (1–2 stars) and the average, as the summary and --json show them."""
    return {noun: len(ratings), "negative": sum(1 for r in ratings if r <= 2),
            "average": f"{sum(ratings) / len(ratings):.2f}" if ratings else "—"}


def newest_wins(old: dict, new: dict) -> dict:
    """An older report imported after a newer one (or a sync's window read again) never undoes the buyer's
    changed rating: the feedback left later is kept."""
    return old if str(old.get("date") or "") > str(new.get("date") or "") else new


class SellerFeedback(Kind):
    name = "feedback"
    label = N_("a Seller Feedback report")
    family = "feedback"
    collection = "feedback"
    signatures = (names("date", "rating", "comments", "order id"),)
    columns = (
        col("date", "date", parse="date", required=True, blank=REQUIRED),
        col("rating", "rating", parse="int", required=True, blank=REQUIRED),
        col("comments", "comments", blank=""),
        col("response", "response", "your response", blank=""),
        col("order_id", "order id", required=True, blank=REQUIRED),
        col("rater_email", "rater email", blank=""),
    )

    def build(self, frame) -> Output:
        ratings = check_ratings(frame)
        orders, days = frame.col("order_id"), frame.col("date")
        columns = {"id": list(orders), "order_id": orders, "date": days, "rating": ratings,
                   "comments": frame.col("comments"), "response": frame.col("response"),
                   "rater_email": frame.col("rater_email"), "marketplace": [frame.locale.market.code] * frame.n,
                   "imported_at": [frame.modified] * frame.n}
        docs = frame.good(frame.records(columns))
        seen: dict[str, dict] = {}
        for doc in docs:  # the same order twice: the newer feedback is the buyer's word now
            if doc["id"] not in seen or doc["date"] >= seen[doc["id"]]["date"]:
                seen[doc["id"]] = doc
        return Output({"feedback": list(seen.values())}, len(docs) - len(seen))

    def merge(self, collection: str):
        return newest_wins

    def totals(self, output: Output, frame) -> dict:
        return rating_totals("feedback", [d["rating"] for d in output.records["feedback"]])
