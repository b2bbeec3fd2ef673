"""A promotion's prices and fee: the discounted price per SKU, the expected deal sales, the fee.

The expected units are shared equally between the promotion's SKUs (as the
Inventory tab assumes). Expected deal sales = Σ share × discounted price; the
fee comes from the fee table entry in force on the start, peak when the
promotion runs in a peak event. Its share per unit is the fee ÷ expected units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sellertui.core.i18n import _
from sellertui.core.money import fmt
from sellertui.domain.promotions.fees import TYPES, Fee, fee as fee_of


def discounted(price_minor: int, discount_pct: float) -> int:
    """The price after the discount, to the minor unit (half away from zero)."""
    from decimal import ROUND_HALF_UP, Decimal

    value = Decimal(price_minor) * (Decimal(100) - Decimal(str(discount_pct))) / Decimal(100)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def days(promo: dict) -> int:
    start = date.fromisoformat(str(promo["start"])[:10])
    end = date.fromisoformat(str(promo.get("end") or promo["start"])[:10])
    return max((end - start).days + 1, 1)


def share(promo: dict) -> float:
    """Units each SKU is expected to sell."""
    skus = promo.get("skus") or []
    return float(promo.get("expected_units") or 0) / len(skus) if skus else 0.0


@dataclass
class PromoFee:
    fee: Fee
    sales_minor: int  # expected deal sales
    per_unit_minor: int | None  # the fee's share per expected unit
    peak: bool
    working: list[str] = field(default_factory=list)

    @property
    def minor(self) -> int | None:
        return self.fee.minor


def promotion_fee(promo: dict, products: dict[str, dict], event: dict | None, schedule: list[dict]) -> PromoFee:
    currency = promo.get("currency") or "USD"
    m = lambda v: fmt(v, currency)  # noqa: E731
    units = int(promo.get("expected_units") or 0)
    each = share(promo)
    pct = float(promo.get("discount_pct") or 0)
    working = []
    sales = 0.0
    for sku in promo.get("skus") or []:
        product = products.get(sku)
        if product is None:
            working.append(_("{sku}: not in the catalogue (no price): counted as $0").format(sku=sku))
            continue
        price = int(product.get("price_minor") or 0)
        deal_price = discounted(price, pct)
        sales += each * deal_price
        working.append(_("{sku}: {price} − {pct:g}% = {deal_price} × {each:,.1f} units = {sales}").format(
            sku=sku, price=m(price), pct=pct, deal_price=m(deal_price), each=each, sales=m(round(each * deal_price))))
    sales_minor = round(sales)
    working.append(_("expected deal sales = {units:,} units × the discounted prices = {sales}").format(
        units=units, sales=m(sales_minor)))
    peak = bool(event and event.get("peak") and event.get("kind", "event") == "event")
    if event is not None and event.get("kind", "event") == "event":
        working.append((_("runs in {event} (a peak event)") if peak else _("runs in {event} (not a peak event)"))
                       .format(event=event['name']))
    n_days = days(promo)
    kind = promo.get("type", "")
    if kind not in TYPES:
        result = Fee(None, currency, [_("unknown promotion type {kind!r}").format(kind=kind)])
    else:
        result = fee_of(schedule, kind, promo.get("marketplace") or "US", date.fromisoformat(promo["start"][:10]),
                        n_days, peak, sales_minor, units)
    working += result.working
    per_unit = None
    if result.minor is not None and units > 0:
        per_unit = round(result.minor / units)
        working.append(_("per unit: {fee} ÷ {units:,} expected units = {per_unit}").format(
            fee=m(result.minor), units=units, per_unit=m(per_unit)))
    elif result.minor:
        working.append(_("no expected units: the fee cannot be spread per unit"))
    return PromoFee(result, sales_minor, per_unit, peak, working)
