"""Today's sections from feedback and review requests: negatives due, and review requests waiting."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sellertui.core.i18n import _
from sellertui.domain.reviews import negatives
from sellertui.domain.reviews.listing import feedback_items
from sellertui.domain.today.model import Item, Section

RESOLVE_WARN_DAYS = 7  # a negative already worked on shows again when its removal window closes this soon


def _when(item: dict, by: date, today: date) -> str:
    """The deadline in the few characters Today's detail column has: "late 9d", "today", "resolve 5d"."""
    days = (by - today).days
    when = _("today") if days == 0 else _("late {days}d").format(days=-days) if days < 0 \
        else _("{days}d left").format(days=days)
    return when if item["status"] == negatives.OPEN else _("resolve {when}").format(when=when)


def negatives_section(shop, now: datetime, user: str) -> Section:
    """1–2 star feedback and reviews: those not yet answered, and those whose removal window is closing."""
    section = Section(_("Negative feedback to handle"), "orders")
    today = now.date()
    for item in feedback_items(shop, today, pending=True):  # what has a next step (a due day) only
        if not item["due_by"]:
            continue
        by = date.fromisoformat(item["due_by"])
        if item["status"] != negatives.OPEN and by > today + timedelta(days=RESOLVE_WARN_DAYS):
            continue
        what = _("seller feedback") if item["kind"] == "feedback" else _("review")
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

    section = Section(_("Review requests"), "orders")
    day = now.date()
    due = rules.candidates(shop, day)
    if due and not ReviewSettings.of(shop).daily_rule:
        closing = sum(1 for c in due if c.closes == day.isoformat())
        section.items.append(Item(
            key=f"review-requests:{day.isoformat()}",
            title=_("approve a batch of {n} review request(s)").format(n=len(due)),
            detail=_("{n} close today").format(n=closing) if closing
            else _("closes {day}").format(day=due[0].closes[5:]),
            urgency=0 if closing else 1, area="orders", view="reviewrequestsview"))
    waiting = [r for r in rules.requests(shop.store) if r.get("status") in rules.WAITING]
    if waiting:
        section.items.append(Item(
            key=f"review-requests-waiting:{day.isoformat()}",
            title=_("{n} approved review request(s) wait for the next sync (R)").format(n=len(waiting)),
            detail=_("sellertui sync --dry-run shows them"), urgency=2, area="orders", view="reviewrequestsview"))
    return section
