"""What one unit of a SKU costs and earns: the numbers Ads, Promotions and Profit share.

A product record carries ``price_minor``, ``costs`` (effective-dated landed
costs: ``[{"from": "2026-01-01", "landed_minor": 450}, ...]``) and ``fees``
(``referral_pct``, ``fba_fee_minor``). Each function returns its result with the
working, so the UI can show how a number came about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sellertui.core.money import fmt

DEFAULT_REFERRAL_PCT = 15.0


def cost_on(product: dict, day: date | str) -> int | None:
    """The landed cost per unit in force on ``day`` (the latest entry dated on or before it)."""
    when = day.isoformat() if isinstance(day, date) else day[:10]
    best = None
    for entry in product.get("costs") or []:
        if entry.get("from", "") <= when and (best is None or entry["from"] >= best["from"]):
            best = entry
    if best is None:  # sold before the first recorded cost: the earliest cost is the best guess
        dated = sorted(product.get("costs") or [], key=lambda e: e.get("from", ""))
        best = dated[0] if dated else None
    return None if best is None else int(best["landed_minor"])


@dataclass
class UnitEconomics:
    price_minor: int
    cost_minor: int | None
    referral_minor: int
    fulfilment_minor: int
    other_minor: int = 0
    currency: str = "USD"
    working: list[str] = field(default_factory=list)

    @property
    def margin_before_ads_minor(self) -> int | None:
        if self.cost_minor is None:
            return None
        return self.price_minor - self.cost_minor - self.referral_minor - self.fulfilment_minor - self.other_minor

    @property
    def break_even_acos(self) -> float | None:
        """Margin before ads / price: the ACoS at which ads eat the whole margin."""
        margin = self.margin_before_ads_minor
        if margin is None or self.price_minor <= 0:
            return None
        return margin / self.price_minor


def unit_economics(product: dict, day: date | str, price_minor: int | None = None, other_minor: int = 0) -> UnitEconomics:
    currency = product.get("currency", "USD")
    price = product.get("price_minor", 0) if price_minor is None else price_minor
    fees = product.get("fees") or {}
    referral_pct = float(fees.get("referral_pct", DEFAULT_REFERRAL_PCT))
    referral = round(price * referral_pct / 100)
    fulfilment = int(fees.get("fba_fee_minor", 0))
    cost = cost_on(product, day)
    result = UnitEconomics(price, cost, referral, fulfilment, other_minor, currency)
    m = lambda v: fmt(v, currency)  # noqa: E731
    result.working = [
        f"price {m(price)}",
        f"− landed cost {m(cost) if cost is not None else 'unknown (add one in Inventory)'}",
        f"− referral fee {referral_pct:g}% = {m(referral)}",
        f"− fulfilment fee {m(fulfilment)}",
    ]
    if other_minor:
        result.working.append(f"− other variable costs {m(other_minor)}")
    if result.margin_before_ads_minor is not None:
        result.working.append(f"= margin before ads {m(result.margin_before_ads_minor)}"
                              f" = {result.break_even_acos:.1%} of the price (break-even ACoS)")
    return result
