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
from sellertui.core.i18n import N_, _
from sellertui.core.money import fmt
from sellertui.domain.promotions import deadlines
from sellertui.domain.promotions.fees import TYPES
from sellertui.domain.promotions.pricing import PromoFee, discounted, share
from sellertui.domain.promotions.records import LIVE, PLANNED
from sellertui.domain.promotions.settings import PromoSettings

LEVELS = {"fail": 0, "warn": 1, "ok": 2}
TITLES = {"deadline": N_("Submission deadline"), "overlap": N_("Overlap"), "margin": N_("Margin"),
          "stock": N_("Stock at the start"), "fba": N_("Stock at FBA"), "discount": N_("Event minimum discount")}


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
    working = plan.working + [_("today in the marketplace: {day}").format(
        day=deadlines.market_today(now, promo.get("marketplace") or "US"))]
    if status != "idea":
        return Check("deadline", "ok", _("{status}: the deadline was {day}").format(
            status=_(status) if status else status, day=plan.due.isoformat()), working, plan.due)
    if left < 0:
        return Check("deadline", "fail", _("missed: the deadline was {when}").format(when=when), working, plan.due)
    if left <= settings.deadline_warn_days:
        return Check("deadline", "warn", _("submit by {when}").format(when=when), working, plan.due)
    return Check("deadline", "ok", _("submit by {when}").format(when=when), working, plan.due)


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
        skus = ", ".join(shared)
        both = (_("both discount {skus} from {day}: the discounts can stack, and Amazon counts the lowest price as "
                  "the reference for the next deal").format(skus=skus, day=first) if first == last else
                _("both discount {skus} from {first} to {last}: the discounts can stack, and Amazon counts the lowest "
                  "price as the reference for the next deal").format(skus=skus, first=first, last=last))
        status = other.get("status")
        checks.append(Check("overlap", "fail", _("overlaps “{name}” on {skus}").format(
                                name=other.get("name", ""), skus=skus),
                            [_("“{name}”: {start} to {end}").format(
                                name=promo.get("name", ""), start=promo["start"], end=promo.get("end")),
                             _("“{name}” ({status}): {start} to {end}").format(
                                 name=other.get("name", ""), status=_(status) if status else status,
                                 start=other["start"], end=other.get("end")),
                             both]))
    return checks


# -- discount minimum in events ---------------------------------------------------------
def discount_check(promo: dict, event: dict | None, settings: PromoSettings) -> Check | None:
    kind = promo.get("type", "")
    if event is None or event.get("kind", "event") != "event" or kind not in settings.min_discounts:
        return None
    minimum = settings.min_discounts[kind]
    pct = float(promo.get("discount_pct") or 0)
    working = [_("{kind}s in {event} need at least {minimum:g}% off (settings)").format(
                   kind=_(TYPES[kind]), event=event["name"], minimum=minimum),
               _("this one: {pct:g}%").format(pct=pct)]
    if pct < minimum:
        return Check("discount", "fail", _("{pct:g}% is below the {minimum:g}% minimum for {event}").format(
            pct=pct, minimum=minimum, event=event["name"]), working)
    return Check("discount", "ok", _("{pct:g}% ≥ the {minimum:g}% event minimum").format(pct=pct, minimum=minimum),
                 working)


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
            checks.append(Check("margin", "fail", _("{sku} is not in the catalogue").format(sku=sku), [], sku=sku))
            continue
        price = int(product.get("price_minor") or 0)
        deal_price = discounted(price, pct)
        per_unit = fee.per_unit_minor or 0
        econ = unit_economics(product, promo["start"][:10], price_minor=deal_price, other_minor=per_unit, rates=rates)
        working = [_("{sku}: list price {price} − {pct:g}% = {deal}").format(
            sku=sku, price=m(price), pct=pct, deal=m(deal_price)), *econ.working[1:4]]
        if fee.per_unit_minor is not None:
            working.append(_("− the promotion's fee per unit {fee}").format(fee=m(per_unit)))
        elif fee.minor:
            working.append(_("(the promotion's fee {fee} is not spread: no expected units)").format(fee=m(fee.minor)))
        margin = econ.margin_before_ads_minor
        if margin is None:
            checks.append(Check("margin", "warn", _("{sku}: landed cost unknown, margin not known").format(sku=sku),
                                working, sku=sku))
            continue
        share_pct = margin / deal_price * 100 if deal_price else float("-inf")
        working.append(_("= {margin} per unit = {share:.1f}% of the discounted price (minimum {floor:g}%, "
                         "settings)").format(margin=m(margin), share=share_pct, floor=floor))
        level = "fail" if share_pct < floor else "ok"
        summary = (_("{sku}: {share:.1f}% margin at {deal} (under the {floor:g}% floor)") if level == "fail"
                   else _("{sku}: {share:.1f}% margin at {deal}")).format(
            sku=sku, share=share_pct, deal=m(deal_price), floor=floor)
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
    by_reason = _("{days} days before the start (settings)").format(days=settings.fba_days_before)
    if event is not None and event.get("inventory_by") and event["inventory_by"][:10] < by.isoformat():
        by = date.fromisoformat(event["inventory_by"][:10])
        by_reason = _("{event}'s FBA inventory cut-off").format(event=event["name"])
    checks = []
    for sku in promo.get("skus") or []:
        pos = positions.get(sku)
        if pos is None:
            checks.append(Check("stock", "warn", _("{sku}: no stock known (import the FBA inventory report)").format(
                sku=sku), [], sku=sku))
            continue
        until_start = (start - today).days
        arriving = pos.arriving_by(start.isoformat())
        selling = pos.velocity * until_start
        forecast = max(pos.fba_available + pos.fbm + pos.inbound + arriving - selling, 0.0)
        working = [
            _("{sku}: expects {each:,.0f} units ({units:,} over {count} SKU(s))").format(
                sku=sku, each=each, units=int(promo["expected_units"]), count=len(promo.get("skus") or [])),
            _("stock at the start ≈ available {available:,} (FBA {fba:,} + own {own:,}) + inbound {inbound:,} + on "
              "order arriving by then {arriving:,} − {velocity:.2f}/day × {days} days = {forecast:,.0f}").format(
                available=pos.fba_available + pos.fbm, fba=pos.fba_available, own=pos.fbm, inbound=pos.inbound,
                arriving=arriving, velocity=pos.velocity, days=until_start, forecast=forecast),
        ]
        if each > forecast:
            checks.append(Check("stock", "fail", _("{sku}: ≈{forecast:,.0f} in stock at the start for {each:,.0f} "
                                                   "expected (short {short:,.0f})").format(
                sku=sku, forecast=forecast, each=each, short=each - forecast), working, start, sku))
        else:
            checks.append(Check("stock", "ok", _("{sku}: ≈{forecast:,.0f} in stock at the start covers {each:,.0f}")
                                .format(sku=sku, forecast=forecast, each=each), working, start, sku))
        until_by = max((by - today).days, 0)
        at_fba = max(pos.fba_available + pos.inbound - pos.velocity * until_by, 0.0)
        fba_working = [
            _("at FBA by {day} ({reason}) ≈ FBA available {fba:,} + inbound {inbound:,} − {velocity:.2f}/day × "
              "{days} days = {at_fba:,.0f}").format(day=by.isoformat(), reason=by_reason, fba=pos.fba_available,
                                                     inbound=pos.inbound, velocity=pos.velocity, days=until_by,
                                                     at_fba=at_fba),
            _("purchase orders and your own warehouse do not count until they are sent to FBA"),
        ]
        if each > at_fba:
            gap = each - at_fba
            level = "fail" if by <= today + timedelta(days=settings.deadline_warn_days) else "warn"
            fba_working.append((_("send {gap:,.0f} more units to FBA by {day} (your own warehouse holds {own:,})")
                                if pos.fbm else _("send {gap:,.0f} more units to FBA by {day}")).format(
                gap=gap, day=by.isoformat(), own=pos.fbm))
            checks.append(Check("fba", level, _("{sku}: ≈{at_fba:,.0f} at FBA by {day} for {each:,.0f} expected")
                                .format(sku=sku, at_fba=at_fba, day=by.isoformat(), each=each), fba_working, by, sku))
        else:
            checks.append(Check("fba", "ok", _("{sku}: ≈{at_fba:,.0f} at FBA by {day}").format(
                sku=sku, at_fba=at_fba, day=by.isoformat()), fba_working, by, sku))
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
