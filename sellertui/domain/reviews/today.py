"""Today's sections from feedback and review requests: negatives due, and review requests waiting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.listing import feedback_items
from sellertui.domain.today.model import Item, Section

RESOLVE_WARN_DAYS = 7  # a negative already worked on shows again when its removal window closes this soon


def _when(item: dict, by: date, today: date) -> str:
    """The deadline in the few characters Today's detail column has: "late 9d", "today", "resolve 5d"."""
    days = (by - today).days
    when = "today" if days == 0 else f"late {-days}d" if days < 0 else f"{days}d left"
    return when if item["status"] == negatives.OPEN else f"resolve {when}"


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
            detail=_when(item, by, today), urgency=(by - today).days, area="orders", view="feedbackview", column="key",
            value=item["key"], late=by < today))
    return section.capped()


def review_requests_section(shop, now: datetime, user: str) -> Section:
    """Orders due a review request (to approve as a batch, unless the daily rule does it) and approved ones
    waiting for the next sync."""
    from sellertui.domain.reviews import requests as rules
    from sellertui.domain.reviews.settings import ReviewSettings

    section = Section("Review requests", "orders")
    day = now.date()
    due = rules.candidates(shop, day)
    if due and not ReviewSettings.of(shop).daily_rule:
        closing = sum(1 for c in due if c.closes == day.isoformat())
        section.items.append(Item(
            key=f"review-requests:{day.isoformat()}", title=f"approve a batch of {len(due)} review request(s)",
            detail=f"{closing} close today" if closing else f"closes {due[0].closes[5:]}",
            urgency=0 if closing else 1, area="orders", view="reviewrequestsview"))
    waiting = [r for r in rules.requests(shop.store) if r.get("status") in rules.WAITING]
    if waiting:
        section.items.append(Item(
            key=f"review-requests-waiting:{day.isoformat()}",
            title=f"{len(waiting)} approved review request(s) wait for the next sync (R)",
            detail="sellertui sync --dry-run shows them", urgency=2, area="orders", view="reviewrequestsview"))
    return section
