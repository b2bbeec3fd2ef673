"""The checks a promotion must pass to be worth running, each with its working.

- deadline: the submission deadline is near, or passed while still an idea;
- overlap: another promotion discounts the same SKU on the same days;
- margin: the discounted price, less the promotion's fee per unit, the landed
  cost and Amazon's fees, leaves less than the minimum margin;
- stock: the forecast stock at the start does not cover the expected units;
- fba: the units are not at FBA the required days before the start (or by the
  event's inventory cut-off);
- discount: below the event's minimum for the type.

Each check is a ``Check`` with a level: ``fail`` (act), ``warn`` (soon) or
``ok``. Cancelled and ended promotions are not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sellertui.domain.economics import unit_economics
from sellertui.domain.inventory.promos import arrivals_by
from sellertui.core.money import fmt
from sellertui.domain.promotions import deadlines
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.pricing import PromoFee, discounted, share
from sellertui.domain.promotions.records import LIVE, PLANNED
from sellertui.domain.promotions.settings import PromoSettings

LEVELS = {"fail": 0, "warn": 1, "ok": 2}
TITLES = {"deadline": "Submission deadline", "overlap": "Overlap", "margin": "Margin", "stock": "Stock at the start",
          "fba": "Stock at FBA", "discount": "Event minimum discount"}


@dataclass
class Check:
    code: str  # one of TITLES
    level: str  # fail, warn, ok
    summary: str  # one line
    working: list[str] = field(default_factory=list)
    due: date | None = None  # the day it is about (deadlines), for ordering
    sku: str = ""

    @property
    def failed(self) -> bool:
        return self.level == "fail"


@dataclass(frozen=True)
class StockPosition:
    """A SKU's stock as Inventory sees it today."""

    sku: str
    fba_available: int
    fbm: int  # own warehouse
    inbound: int  # on its way into FBA
    velocity: float  # units per day
    arrivals: tuple[tuple[str, int], ...] = ()  # open purchase-order lines: (expected on, units)

    def arriving_by(self, day: str) -> int:
        return arrivals_by(list(self.arrivals), day)  # as Inventory's promotion warning counts them


# -- deadline ---------------------------------------------------------------------------
def deadline_check(promo: dict, event: dict | None, settings: PromoSettings, now: datetime) -> Check | None:
    plan = deadlines.submission(promo, event, settings)
    if plan.due is None:
        return None
    status = promo.get("status")
    left = deadlines.days_left(plan.due, now, promo.get("marketplace") or "US")
    when = f"{plan.due.isoformat()} ({deadlines.describe(left)})"
    working = plan.working + [f"today in the marketplace: {deadlines.market_today(now, promo.get('marketplace') or 'US')}"]
    if status != "idea":
        return Check("deadline", "ok", f"{status}: the deadline was {plan.due.isoformat()}", working, plan.due)
    if left < 0:
        return Check("deadline", "fail", f"missed: the deadline was {when}", working, plan.due)
    if left <= settings.deadline_warn_days:
        return Check("deadline", "warn", f"submit by {when}", working, plan.due)
    return Check("deadline", "ok", f"submit by {when}", working, plan.due)


# -- overlap ----------------------------------------------------------------------------
def overlapping(promo: dict, others: list[dict]) -> list[tuple[dict, list[str], str, str]]:
    """(other, shared SKUs, first day, last day) for every live promotion sharing a SKU and days."""
    if promo.get("status") == "cancelled":
        return []
    market = promo.get("marketplace") or "US"
    skus = set(promo.get("skus") or [])
    start, end = promo["start"][:10], (promo.get("end") or promo["start"])[:10]
    found = []
    for other in others:
        if other is promo or other.get("id") == promo.get("id") or other.get("status") == "cancelled":
            continue
        if (other.get("marketplace") or "US") != market:
            continue
        shared = sorted(skus & set(other.get("skus") or []))
        o_start, o_end = other["start"][:10], (other.get("end") or other["start"])[:10]
        first, last = max(start, o_start), min(end, o_end)
        if shared and first <= last:
            found.append((other, shared, first, last))
    return found


def overlap_checks(promo: dict, others: list[dict]) -> list[Check]:
    checks = []
    for other, shared, first, last in overlapping(promo, others):
        span = first if first == last else f"{first} to {last}"
        checks.append(Check("overlap", "fail", f"overlaps “{other.get('name', '')}” on {', '.join(shared)}",
                            [f"“{promo.get('name', '')}”: {promo['start']} to {promo.get('end')}",
                             f"“{other.get('name', '')}” ({other.get('status')}): {other['start']} to {other.get('end')}",
                             f"both discount {', '.join(shared)} from {span}: the discounts can stack, and Amazon "
                             "counts the lowest price as the reference for the next deal"]))
    return checks


# -- discount minimum in events ---------------------------------------------------------
def discount_check(promo: dict, event: dict | None, settings: PromoSettings) -> Check | None:
    kind = promo.get("type", "")
    if event is None or event.get("kind", "event") != "event" or kind not in settings.min_discounts:
        return None
    minimum = settings.min_discounts[kind]
    pct = float(promo.get("discount_pct") or 0)
    working = [f"{TYPES[kind]}s in {event['name']} need at least {minimum:g}% off (settings)",
               f"this one: {pct:g}%"]
    if pct < minimum:
        return Check("discount", "fail", f"{pct:g}% is below the {minimum:g}% minimum for {event['name']}", working)
    return Check("discount", "ok", f"{pct:g}% ≥ the {minimum:g}% event minimum", working)


# -- margin -----------------------------------------------------------------------------
def margin_checks(promo: dict, products: dict[str, dict], fee: PromoFee, settings: PromoSettings,
                  rates=None) -> list[Check]:
    currency = promo.get("currency") or "USD"
    m = lambda v: fmt(v, currency)  # noqa: E731
    pct = float(promo.get("discount_pct") or 0)
    floor = settings.min_margin_pct
    checks = []
    for sku in promo.get("skus") or []:
        product = products.get(sku)
        if product is None:
            checks.append(Check("margin", "fail", f"{sku} is not in the catalogue", [], sku=sku))
            continue
        price = int(product.get("price_minor") or 0)
        deal_price = discounted(price, pct)
        per_unit = fee.per_unit_minor or 0
        econ = unit_economics(product, promo["start"][:10], price_minor=deal_price, other_minor=per_unit, rates=rates)
        working = [f"{sku}: list price {m(price)} − {pct:g}% = {m(deal_price)}", *econ.working[1:4]]
        if fee.per_unit_minor is not None:
            working.append(f"− the promotion's fee per unit {m(per_unit)}")
        elif fee.minor:
            working.append(f"(the promotion's fee {m(fee.minor)} is not spread: no expected units)")
        margin = econ.margin_before_ads_minor
        if margin is None:
            checks.append(Check("margin", "warn", f"{sku}: landed cost unknown, margin not known", working, sku=sku))
            continue
        share_pct = margin / deal_price * 100 if deal_price else float("-inf")
        working.append(f"= {m(margin)} per unit = {share_pct:.1f}% of the discounted price "
                       f"(minimum {floor:g}%, settings)")
        level = "fail" if share_pct < floor else "ok"
        summary = (f"{sku}: {share_pct:.1f}% margin at {m(deal_price)} (under the {floor:g}% floor)" if level == "fail"
                   else f"{sku}: {share_pct:.1f}% margin at {m(deal_price)}")
        checks.append(Check("margin", level, summary, working, sku=sku))
    return checks


# -- stock ------------------------------------------------------------------------------
def stock_checks(promo: dict, positions: dict[str, StockPosition], event: dict | None, settings: PromoSettings,
                 today: date) -> list[Check]:
    """Forecast stock at the start, and at FBA before it, against each SKU's share of the expected units."""
    if promo.get("status") not in PLANNED or not promo.get("expected_units"):
        return []
    start = date.fromisoformat(promo["start"][:10])
    if start < today:
        return []
    each = share(promo)
    by = start - timedelta(days=settings.fba_days_before)
    by_reason = f"{settings.fba_days_before} days before the start (settings)"
    if event is not None and event.get("inventory_by") and event["inventory_by"][:10] < by.isoformat():
        by = date.fromisoformat(event["inventory_by"][:10])
        by_reason = f"{event['name']}'s FBA inventory cut-off"
    checks = []
    for sku in promo.get("skus") or []:
        pos = positions.get(sku)
        if pos is None:
            checks.append(Check("stock", "warn", f"{sku}: no stock known (import the FBA inventory report)", [],
                                sku=sku))
            continue
        until_start = (start - today).days
        arriving = pos.arriving_by(start.isoformat())
        selling = pos.velocity * until_start
        forecast = max(pos.fba_available + pos.fbm + pos.inbound + arriving - selling, 0.0)
        working = [
            f"{sku}: expects {each:,.0f} units ({int(promo['expected_units']):,} over "
            f"{len(promo.get('skus') or [])} SKU(s))",
            f"stock at the start ≈ available {pos.fba_available + pos.fbm:,} (FBA {pos.fba_available:,} + own "
            f"{pos.fbm:,}) + inbound {pos.inbound:,} + on order arriving by then {arriving:,} − "
            f"{pos.velocity:.2f}/day × {until_start} days = {forecast:,.0f}",
        ]
        if each > forecast:
            checks.append(Check("stock", "fail", f"{sku}: ≈{forecast:,.0f} in stock at the start for "
                                f"{each:,.0f} expected (short {each - forecast:,.0f})", working, start, sku))
        else:
            checks.append(Check("stock", "ok", f"{sku}: ≈{forecast:,.0f} in stock at the start covers "
                                f"{each:,.0f}", working, start, sku))
        until_by = max((by - today).days, 0)
        at_fba = max(pos.fba_available + pos.inbound - pos.velocity * until_by, 0.0)
        fba_working = [
            f"at FBA by {by.isoformat()} ({by_reason}) ≈ FBA available {pos.fba_available:,} + inbound "
            f"{pos.inbound:,} − {pos.velocity:.2f}/day × {until_by} days = {at_fba:,.0f}",
            "purchase orders and your own warehouse do not count until they are sent to FBA",
        ]
        if each > at_fba:
            gap = each - at_fba
            level = "fail" if by <= today + timedelta(days=settings.deadline_warn_days) else "warn"
            fba_working.append(f"send {gap:,.0f} more units to FBA by {by.isoformat()}"
                               + (f" (your own warehouse holds {pos.fbm:,})" if pos.fbm else ""))
            checks.append(Check("fba", level, f"{sku}: ≈{at_fba:,.0f} at FBA by {by.isoformat()} for "
                                f"{each:,.0f} expected", fba_working, by, sku))
        else:
            checks.append(Check("fba", "ok", f"{sku}: ≈{at_fba:,.0f} at FBA by {by.isoformat()}", fba_working,
                                by, sku))
    return checks


# -- all of them ------------------------------------------------------------------------
def run(promo: dict, *, others: list[dict], products: dict[str, dict], event: dict | None, fee: PromoFee,
        positions: dict[str, StockPosition] | None, settings: PromoSettings, now: datetime,
        rates=None) -> list[Check]:
    """Every check of one promotion, failures first (none for ended or cancelled ones)."""
    if promo.get("status") not in LIVE:
        return []
    today = deadlines.market_today(now, promo.get("marketplace") or "US")
    found: list[Check] = []
    deadline = deadline_check(promo, event, settings, now)
    if deadline is not None:
        found.append(deadline)
    found += overlap_checks(promo, others)
    discount = discount_check(promo, event, settings)
    if discount is not None:
        found.append(discount)
    found += margin_checks(promo, products, fee, settings, rates)
    if positions is not None:
        found += stock_checks(promo, positions, event, settings, today)
    return sorted(found, key=lambda c: LEVELS[c.level])


def summary(checks: list[Check]) -> str:
    """'✗ 2 · ! 1' for a table cell; '✓' when everything passed; '' when nothing was checked."""
    fails = sum(c.level == "fail" for c in checks)
    warns = sum(c.level == "warn" for c in checks)
    if not checks:
        return ""
    parts = ([f"✗{fails}"] if fails else []) + ([f"!{warns}"] if warns else [])
    return " ".join(parts) or "✓"
