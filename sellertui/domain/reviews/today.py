"""Today's sections from feedback and review requests: negatives due, and review requests waiting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.listing import feedback_items
from sellertui.domain.today.model import Item, Section

RESOLVE_WARN_DAYS = 7  # a negative already worked on shows again when its removal window closes this soon


def negatives_section(shop, now: datetime, user: str) -> Section:
    """1–2 star feedback and reviews: those not yet answered, and those whose removal window is closing."""
    section = Section("Negative feedback to handle", "orders")
    today = now.date()
    for item in feedback_items(shop, today):
        if not item["due_by"]:
            continue
        by = date.fromisoformat(item["due_by"])
        if item["status"] != negatives.OPEN and by > today + timedelta(days=RESOLVE_WARN_DAYS):
            continue
        what = "seller feedback" if item["kind"] == "feedback" else "review"
        section.items.append(Item(
            key=f"negative:{item['key']}", title=f"{item['rating']}★ {what} · {item['buyer'] or item['asin']}: "
                                                 f"{item['text'][:50]}",
            detail=item["due"], urgency=(by - today).days, area="orders", view="feedbackview", column="key",
            value=item["key"], late=by < today))
    return section.capped()
