"""When a promotion must be submitted, counted in the marketplace's own days.

Amazon's deadlines are dates in the marketplace's time zone (the US store
runs on Pacific time): a deadline of 2026-11-21 has not passed at
2026-11-22 03:00 UTC, which is still the evening of the 21st in Seattle.

Deals (Lightning, Best) are always submitted for approval; in a marketplace
event, Prime Exclusive Discounts and coupons are too. Percentage-off and
buy-one-get-one promotions go live within hours: no deadline. The deadline is
the event's own deal deadline when it has one, else the start minus the lead
time (Amazon asks for event deals 6–10 weeks ahead, ordinary deals 2–3 weeks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from sellertui.core.i18n import _, ngettext
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.settings import PromoSettings

DEALS = ("lightning_deal", "best_deal")
EVENT_SUBMITTED = ("prime_exclusive", "coupon")  # need submitting only in marketplace events


@lru_cache(maxsize=32)
def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def market_today(now: datetime, marketplace: str) -> date:
    """Today's date in the marketplace's time zone."""
    from sellertui.core.markets import market

    try:
        zone = _zone(market(marketplace or "US").tz)
    except (ValueError, LookupError):  # an unknown market: the user's own day
        return now.date()
    return now.astimezone(zone).date()


@dataclass
class Deadline:
    due: date | None  # the last day to submit; None: nothing to submit
    ideal: date | None = None  # the day the lead-time advice says to submit by
    working: list[str] = field(default_factory=list)


def submission(promo: dict, event: dict | None, settings: PromoSettings) -> Deadline:
    kind = promo.get("type", "")
    start = date.fromisoformat(str(promo["start"])[:10])
    in_event = event is not None and event.get("kind", "event") == "event"
    name = TYPES.get(kind, kind)
    if kind not in DEALS and not (in_event and kind in EVENT_SUBMITTED):
        what = _("go live within hours of being created") if kind not in EVENT_SUBMITTED else \
            _("need no submission outside marketplace events")
        return Deadline(None, None, [_("{kind}s {what}: no submission deadline.").format(kind=_(name), what=what)])
    if in_event:
        lead, ideal_lead = settings.event_lead_days, settings.event_lead_days_ideal
        advice = _("event deals: {low}–{high} weeks ahead (settings)").format(low=lead // 7, high=ideal_lead // 7)
    else:
        lead, ideal_lead = settings.deal_lead_days, settings.deal_lead_days_ideal
        advice = _("ordinary deals: {low}–{high} weeks ahead (settings)").format(low=lead // 7, high=ideal_lead // 7)
    ideal = start - timedelta(days=ideal_lead)
    if in_event and event.get("deadline"):
        due = date.fromisoformat(event["deadline"][:10])
        working = [_("{event} deal deadline: {day} (from the events table)").format(
            event=event["name"], day=due.isoformat())]
    else:
        due = start - timedelta(days=lead)
        working = [_("start {start} − {lead} days = {due} ({advice})").format(
            start=start.isoformat(), lead=lead, due=due.isoformat(), advice=advice)]
    ideal = min(ideal, due)
    working.append(_("ideally by {day} (start − {lead} days)").format(day=ideal.isoformat(), lead=ideal_lead))
    return Deadline(due, ideal, working)


def days_left(due: date, now: datetime, marketplace: str) -> int:
    """Days from the marketplace's today to ``due``: 0 on the day itself, negative once passed."""
    return (due - market_today(now, marketplace)).days


def describe(days: int) -> str:
    if days < 0:
        return ngettext("passed {n} day ago", "passed {n} days ago", -days).format(n=-days)
    if days == 0:
        return _("today")
    return _("tomorrow") if days == 1 else _("in {n} days").format(n=days)
