"""What one unit of a SKU costs and earns: the numbers Ads, Promotions and Profit share.

A product record carries ``price_minor``, ``costs`` (effective-dated landed
costs: ``[{"from": "2026-01-01", "landed_minor": 450, "currency": "CNY"}, ...]``;
an entry without ``currency`` is in the listing's currency) and ``fees``
(``referral_pct``, ``fba_fee_minor``). A cost in another currency than the
listing's is converted with the month's rate (``profit.fx.Rates``: the user's
own, else the ECB's). Each function returns its result with the working, so
the UI can show how a number came about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sellertui.core.i18n import _
from sellertui.core.money import fmt

DEFAULT_REFERRAL_PCT = 15.0


def cost_currency(product: dict, entry: dict | None = None) -> str:
    """The currency of a cost entry: its own, else the listing's."""
    return str((entry or {}).get("currency") or product.get("currency") or "USD").upper()


def cost_on(product: dict, day: date | str) -> int | None:
    """The landed cost per unit in force on ``day``, in its own currency (``cost_currency(product, entry)``)."""
    entry = cost_entry_on(product, day)
    return None if entry is None else int(entry["landed_minor"])


def cost_entry_on(product: dict, day: date | str) -> dict | None:
    """The cost entry in force on ``day`` (the latest entry dated on or before it)."""
    when = day.isoformat() if isinstance(day, date) else day[:10]
    best = None
    for entry in product.get("costs") or []:
        if entry.get("from", "") <= when and (best is None or entry["from"] >= best["from"]):
            best = entry
    if best is None:  # sold before the first recorded cost: the earliest cost is the best guess
        dated = sorted(product.get("costs") or [], key=lambda e: e.get("from", ""))
        best = dated[0] if dated else None
    return best


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


def rate_note(found, currency: str, home: str) -> str:
    """Which rate converted ``currency`` into ``home``: the user's own or the ECB's, marked as such."""
    whose = found.ecb.label if found.ecb is not None else _("your rate of {month}").format(month=found.month)
    return f"{currency}→{home} {found.rate} ({whose})"


def cost_in(product: dict, day: date | str, currency: str, rates=None) -> tuple[int | None, str]:
    """The landed cost in force on ``day`` in ``currency`` (the listing's), and how it was converted.

    A cost in another currency goes through the home currency with the month's rates (``rates``: a
    ``profit.fx.Rates``; the user's own rate, else the ECB's): once when either side is the home currency.
    Without a rate the cost is unknown (None), as in the P&L.
    """
    from sellertui.domain.profit.fx import convert

    entry = cost_entry_on(product, day)
    if entry is None:
        return None, ""
    minor, own = int(entry["landed_minor"]), cost_currency(product, entry)
    if own == currency.upper():
        return minor, ""
    month = (day.isoformat() if isinstance(day, date) else day)[:7]
    if rates is None:
        return None, _("no rate for {own}→{currency}").format(own=own, currency=currency)
    home = rates.home
    source, target = rates.find(month, own), rates.find(month, currency)
    if source.rate is None or target.rate is None:
        return None, _("no {own}→{home} or {currency}→{home} rate for {month}").format(
            own=own, home=home, currency=currency, month=month)
    in_home = convert(minor, own, home, source.rate)
    if currency.upper() == home:
        return in_home, _("{amount} at {rate}").format(amount=fmt(minor, own), rate=rate_note(source, own, home))
    # into the listing's currency: the home amount at the inverse of the listing currency's rate
    back = convert(in_home, home, currency.upper(), Decimal(1) / target.rate)
    notes = [] if own == home else [rate_note(source, own, home)]
    return back, _("{amount} at {rate}").format(amount=fmt(minor, own),
                                                rate=_("; ").join([*notes, rate_note(target, currency.upper(), home)]))


def unit_economics(product: dict, day: date | str, price_minor: int | None = None, other_minor: int = 0,
                   rates=None) -> UnitEconomics:
    """Per unit in the listing's currency; a landed cost in another currency converted with ``rates``."""
    currency = product.get("currency", "USD")
    price = product.get("price_minor", 0) if price_minor is None else price_minor
    fees = product.get("fees") or {}
    referral_pct = float(fees.get("referral_pct", DEFAULT_REFERRAL_PCT))
    referral = round(price * referral_pct / 100)
    fulfilment = int(fees.get("fba_fee_minor", 0))
    cost, how = cost_in(product, day, currency, rates)
    result = UnitEconomics(price, cost, referral, fulfilment, other_minor, currency)
    m = lambda v: fmt(v, currency)  # noqa: E731
    if cost is None:
        landed = (_("− landed cost unknown ({how})").format(how=how) if how
                  else _("− landed cost unknown (add one in Inventory)"))
    else:
        landed = (_("− landed cost {cost} = {how}").format(cost=m(cost), how=how) if how
                  else _("− landed cost {cost}").format(cost=m(cost)))
    result.working = [
        _("price {price}").format(price=m(price)),
        landed,
        _("− referral fee {pct:g}% = {fee}").format(pct=referral_pct, fee=m(referral)),
        _("− fulfilment fee {fee}").format(fee=m(fulfilment)),
    ]
    if other_minor:
        result.working.append(_("− other variable costs {cost}").format(cost=m(other_minor)))
    margin = result.margin_before_ads_minor
    if margin is not None:
        result.working.append(
            _("= margin before ads {margin}").format(margin=m(margin)) if result.break_even_acos is None else
            _("= margin before ads {margin} = {share:.1%} of the price (break-even ACoS)").format(
                margin=m(margin), share=result.break_even_acos))
    return result
