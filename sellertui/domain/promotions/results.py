"""What a promotion did: its units, revenue and fees against the same SKUs' baseline.

From imported order lines of the promotion's SKUs between its start and end
(cancelled lines carry no units), against the ``baseline_days`` (28) before the
start: lift = units per day during ÷ units per day before − 1. What it earned
after fees = revenue − referral and fulfilment fees − landed cost − the
promotion's fee (estimated from the fee table with the actual sales), and the
same for the baseline over as many days: the difference is what the promotion
added. Lines that carry a promotion id or a promotion discount are counted as
the promotion's own redemptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sellertui.domain.economics import DEFAULT_REFERRAL_PCT, cost_in
from sellertui.core.i18n import _, ngettext
from sellertui.core.money import fmt
from sellertui.domain.promotions.fees import Fee, fee as fee_of


@dataclass(slots=True)  # tens of thousands of them (a SKU's day each) live as long as the board: no dict each
class DayTotals:
    units: int = 0
    revenue_minor: int = 0  # item price less the promotion discount
    discount_minor: int = 0
    promoted_units: int = 0  # on lines with a promotion id or discount


Sales = dict[tuple[str, date], DayTotals]  # (sku, day) -> totals


@dataclass
class Results:
    first: date
    last: date
    so_far: bool  # still running: up to today
    units: int
    revenue_minor: int
    discount_minor: int
    promoted_units: int
    baseline_first: date
    baseline_units: int
    baseline_revenue_minor: int
    baseline_days: int
    expected_units: float  # the baseline's pace over the promotion's days
    lift: float | None  # None: no baseline sales to compare with
    fee: Fee
    profit_minor: int | None  # after Amazon fees, landed cost and the promotion's fee
    baseline_profit_minor: int | None  # the baseline's profit over as many days
    currency: str = "USD"
    working: list[str] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def added_profit_minor(self) -> int | None:
        if self.profit_minor is None or self.baseline_profit_minor is None:
            return None
        return self.profit_minor - self.baseline_profit_minor


def _totals(sales: Sales, skus: list[str], first: date, last: date) -> tuple[DayTotals, dict[str, DayTotals]]:
    total, by_sku = DayTotals(), {sku: DayTotals() for sku in skus}
    day = first
    while day <= last:
        for sku in skus:
            t = sales.get((sku, day))
            if t is not None:
                for target in (total, by_sku[sku]):
                    target.units += t.units
                    target.revenue_minor += t.revenue_minor
                    target.discount_minor += t.discount_minor
                    target.promoted_units += t.promoted_units
        day += timedelta(days=1)
    return total, by_sku


def _profit(by_sku: dict[str, DayTotals], products: dict[str, dict], day: date, rates=None) -> int | None:
    """Revenue − referral fee − fulfilment fee − landed cost, over the SKUs (None: a cost is unknown)."""
    total = 0
    for sku, t in by_sku.items():
        if not t.units and not t.revenue_minor:
            continue
        product = products.get(sku) or {}
        cost, _how = cost_in(product, day, product.get("currency") or "USD", rates)
        if cost is None:
            return None
        fees = product.get("fees") or {}
        referral = round(t.revenue_minor * float(fees.get("referral_pct", DEFAULT_REFERRAL_PCT)) / 100)
        total += t.revenue_minor - referral - t.units * (int(fees.get("fba_fee_minor", 0)) + cost)
    return total


def results(promo: dict, sales: Sales, products: dict[str, dict], schedule: list[dict], peak: bool,
            baseline_days: int, today: date, rates=None) -> Results | None:
    """The promotion's results so far (None before it started, or when it was cancelled)."""
    if promo.get("status") == "cancelled":
        return None
    start = date.fromisoformat(promo["start"][:10])
    end = date.fromisoformat((promo.get("end") or promo["start"])[:10])
    if start > today:
        return None
    last = min(end, today)
    skus = list(promo.get("skus") or [])
    currency = promo.get("currency") or "USD"
    m = lambda v: fmt(v, currency)  # noqa: E731
    during, by_sku = _totals(sales, skus, start, last)
    base_first = start - timedelta(days=baseline_days)
    before, base_by_sku = _totals(sales, skus, base_first, start - timedelta(days=1))
    days = (last - start).days + 1
    expected = before.units / baseline_days * days
    lift = during.units / expected - 1 if expected > 0 else None
    fee = fee_of(schedule, promo["type"], promo.get("marketplace") or "US", start, days, peak,
                 during.revenue_minor, during.promoted_units or during.units)
    profit = _profit(by_sku, products, start, rates)
    if profit is not None and fee.minor is not None:
        profit -= fee.minor
    base_profit = _profit(base_by_sku, products, start, rates)
    if base_profit is not None:
        base_profit = round(base_profit / baseline_days * days)
    period = ngettext("{n} day", "{n} days", days).format(n=days)
    if last < end:
        period = _("{period}, so far").format(period=period)
    working = [
        _("during: {start} to {last} ({period}): {units:,} units, {revenue} revenue after {discount} of promotion "
          "discounts").format(start=start.isoformat(), last=last.isoformat(), period=period, units=during.units,
                              revenue=m(during.revenue_minor), discount=m(during.discount_minor)),
        _("{units:,} of those units carry the promotion's id or discount").format(units=during.promoted_units),
        _("baseline: {first} to {last} ({days} days): {units:,} units, {revenue}").format(
            first=base_first.isoformat(), last=(start - timedelta(days=1)).isoformat(), days=baseline_days,
            units=before.units, revenue=m(before.revenue_minor)),
        _("expected without it: {units:,} ÷ {baseline} × {days} = {expected:,.1f} units").format(
            units=before.units, baseline=baseline_days, days=days, expected=expected),
        (_("lift = {units:,} ÷ {expected:,.1f} − 1 = {lift:+.0%}").format(units=during.units, expected=expected,
                                                                         lift=lift) if lift is not None
         else _("lift: no baseline sales to compare with")),
        _("fee (estimated from the fee table with the actual sales):"), *[f"  {line}" for line in fee.working],
    ]
    if profit is None:
        working.append(_("earned after fees: unknown (a SKU has no landed cost: add one in Inventory)"))
    else:
        working.append(_("earned after referral and fulfilment fees, landed cost and the promotion's fee: {profit}")
                       .format(profit=m(profit)))
    if base_profit is not None:
        working.append(_("the baseline earned {profit} over as many days").format(profit=m(base_profit)))
    if profit is not None and base_profit is not None:
        working.append(_("added by the promotion: {profit}").format(profit=m(profit - base_profit)))
    return Results(start, last, last < end, during.units, during.revenue_minor, during.discount_minor,
                   during.promoted_units, base_first, before.units, before.revenue_minor, baseline_days, expected,
                   lift, fee, profit, base_profit, currency, working)
