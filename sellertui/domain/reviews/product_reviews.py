"""Product reviews the user enters by hand (those exported to a CSV come in through ``sellertui import``).

Amazon gives sellers no API for product reviews, so they are typed in from the
product page or imported from a CSV a review tool exports. A review is keyed
by Amazon's review id when there is one, else by ASIN, day and reviewer: the
same review typed twice, or imported again, is one review.
"""

from __future__ import annotations

from datetime import date

from sellertui.core.i18n import _
from sellertui import clock
from sellertui.core.errors import UserError


def new_review(asin: str, day: date, rating: int, text: str, title: str = "", reviewer: str = "",
               order_id: str = "", sku: str = "", review_id: str = "", marketplace: str = "US") -> dict:
    asin = asin.strip().upper()
    if not asin and not sku.strip():
        raise UserError(_("a review needs the ASIN (or the SKU) it is about"))
    if not 1 <= int(rating) <= 5:
        raise UserError(_("a rating is 1 to 5 stars"))
    if day > clock.today():
        raise UserError(_("a review cannot be left in the future"))
    if not (text.strip() or title.strip()):
        raise UserError(_("type the review's text or at least its title"))
    # imported here: the importers' package loads every report kind, which start-up does not need
    from sellertui.importers.kinds.reviews import review_key

    return {"id": review_key(asin or sku, day.isoformat(), reviewer, review_id), "asin": asin, "sku": sku.strip(),
            "date": day.isoformat(), "rating": int(rating), "title": title.strip(), "text": text.strip(),
            "reviewer": reviewer.strip(), "order_id": order_id.strip(), "marketplace": marketplace,
            "source": "entered"}


def add_review(store, review: dict) -> dict:
    with store.transaction(f"entered a {review['rating']}-star review of {review['asin'] or review['sku']}") as tx:
        if tx["reviews"].get(review["id"]) is not None:
            raise UserError(_("this review is in the store already (same ASIN, day and reviewer)"))
        return tx["reviews"].insert(review)
