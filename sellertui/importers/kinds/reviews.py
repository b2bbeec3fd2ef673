"""Product reviews from a CSV the user exports -> ``reviews`` (id: review id, else ASIN|day|reviewer).

Amazon offers no product-review download to sellers; review tools and
browser extensions export one row per review with a date, a star rating,
the ASIN, a title and the text (``Body``, ``Review``, ``Content``…), often the
reviewer and a review id, sometimes the order. The header names vary, so
each column takes the usual spellings.
"""

from __future__ import annotations

from sellertui.core.i18n import N_
from sellertui.importers.headers import REQUIRED, col
from sellertui.importers.kinds.base import Kind, Output, names
from sellertui.importers.kinds.feedback import check_ratings, rating_totals


def review_key(asin: str, day: str, reviewer: str, review_id: str = "") -> str:
    """Amazon's review id when known, else ASIN|day|reviewer: typed in or imported, one review is one record."""
    if review_id.strip():
        return review_id.strip()
    return f"{asin.strip().upper()}|{day[:10]}|{reviewer.strip().lower() or 'anonymous'}"


class ProductReviews(Kind):
    name = "product-reviews"
    label = N_("a product reviews export")
    family = "reviews"
    collection = "reviews"
    signatures = tuple(names("asin", rating, text) for rating in ("rating", "stars", "star rating")
                       for text in ("body", "review", "review text", "content", "text"))
    columns = (
        col("date", "date", "review date", "reviewed on", parse="date", required=True, blank=REQUIRED),
        col("rating", "rating", "stars", "star rating", parse="int", required=True, blank=REQUIRED),
        col("asin", "asin", required=True, blank=REQUIRED),
        col("text", "body", "review", "review text", "content", "text", required=True, blank=""),
        col("title", "title", "review title", "headline", blank=""),
        col("reviewer", "author", "reviewer", "name", "profile name", "customer name", blank=""),
        col("review_id", "review id", "id", blank=""),
        col("order_id", "order id", blank=""),
        col("sku", "sku", blank=""),
    )

    def build(self, frame) -> Output:
        ratings = check_ratings(frame)
        asins = [(a or "").strip().upper() for a in frame.col("asin")]
        days, reviewers, ids = frame.col("date"), frame.col("reviewer"), frame.col("review_id")
        keys = [review_key(a, d or "", r or "", i or "") for a, d, r, i in zip(asins, days, reviewers, ids)]
        columns = {"id": keys, "asin": asins, "sku": frame.col("sku"), "date": days, "rating": ratings,
                   "title": frame.col("title"), "text": frame.col("text"), "reviewer": reviewers,
                   "order_id": frame.col("order_id"), "marketplace": [frame.locale.market.code] * frame.n,
                   "source": ["imported"] * frame.n}
        docs = frame.good(frame.records(columns))
        seen: dict[str, dict] = {}
        for doc in docs:  # the same review twice in one export: one review
            seen[doc["id"]] = doc
        return Output({"reviews": list(seen.values())}, len(docs) - len(seen))

    def totals(self, output: Output, frame) -> dict:
        return rating_totals("reviews", [d["rating"] for d in output.records["reviews"]])
