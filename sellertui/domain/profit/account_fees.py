"""Fees that are never zero: the monthly subscription and FBA storage, estimated where no settlement says.

Amazon charges the Professional selling plan every month and FBA storage
every month (for the month before), in the settlements. A month that no
imported settlement covers would otherwise show $0.00 for both. So:

- subscription = the plan's monthly fee (``[profit] subscription_monthly``);
- storage = Σ SKUs (units at FBA: available + reserved + unsellable) × the
  SKU's cubic feet per unit (from the FBA inventory report, else
  ``default_cubic_feet``) × the monthly rate per cubic foot
  (``storage_rate``, or ``storage_rate_peak`` in October–December).

The rates are what Amazon charges, so they are in the currency of the shop's
marketplace (USD for US, EUR for DE), not the home currency: each entry keeps that
currency and the ledger converts it with the month's rate (the user's own, else
the ECB's) like every other amount. Each is kept as one entry per month (and SKU), spread over the month's days in
whole cents when a run of days is read (``monthly``), like a monthly expense,
and marked estimated (~) with its working. Units are the
stock as last imported: the best guess for a month without a settlement.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from sellertui.core.i18n import N_, _
from sellertui.core.money import exponent, fmt, to_minor
from sellertui.domain.profit import entries

PEAK_MONTHS = (10, 11, 12)
# a SKU's storage working: (its own size known?, peak season?) → the sentence
STORAGE_WORKING = {
    (True, False): N_("storage ~ {units:,} units × {feet:g} ft³ (its size) × {rate}/ft³ (Jan–Sep rate)"),
    (True, True): N_("storage ~ {units:,} units × {feet:g} ft³ (its size) × {rate}/ft³ (Oct–Dec rate)"),
    (False, False): N_("storage ~ {units:,} units × {feet:g} ft³ (the default size) × {rate}/ft³ (Jan–Sep rate)"),
    (False, True): N_("storage ~ {units:,} units × {feet:g} ft³ (the default size) × {rate}/ft³ (Oct–Dec rate)"),
}
SOURCE = N_("fee table (estimate)")


@dataclass(frozen=True)
class FeeRates:
    subscription_minor: int  # in ``currency``
    storage_rate: float  # per cubic foot per month, Jan–Sep, in ``currency``
    storage_rate_peak: float  # Oct–Dec
    default_cubic_feet: float
    currency: str = "USD"  # the marketplace's, which Amazon charges these fees in

    @classmethod
    def from_section(cls, section: dict, currency: str) -> "FeeRates":
        """The ``[profit]`` estimates, read as amounts in ``currency`` (the shop's marketplace's)."""
        return cls(to_minor(str(section.get("subscription_monthly", 0)), currency),
                   float(section.get("storage_rate", 0)), float(section.get("storage_rate_peak", 0)),
                   float(section.get("default_cubic_feet", 0)), currency.upper())


def stored_units(product: dict) -> int:
    stock = product.get("stock") or {}
    return sum(int(stock.get(k) or 0) for k in ("fba_available", "reserved", "unsellable"))


def uncovered_months(spans: list[tuple[str, str, str]], first: date, last: date) -> list[str]:
    """The months from ``first`` to ``last`` that no imported settlement overlaps."""
    months, day = [], first.replace(day=1)
    while day <= last:
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if not any(start <= end.isoformat() and day.isoformat() <= stop for _, start, stop in spans):
            months.append(f"{day:%Y-%m}")
        day = end + timedelta(days=1)
    return months


def storage_of(products: dict[str, dict], month: str, rates: FeeRates) -> list[tuple[str, int, str]]:
    """(sku, estimated storage for the month in the rates' currency, working) for every SKU with units at FBA."""
    peak = int(month[5:7]) in PEAK_MONTHS
    rate = rates.storage_rate_peak if peak else rates.storage_rate
    ccy = rates.currency
    found = []
    for sku, product in sorted(products.items()):
        units = stored_units(product)
        if units <= 0 or rate <= 0:
            continue
        feet = float(product.get("cubic_feet") or 0) or rates.default_cubic_feet
        amount = round(units * feet * rate * 10 ** exponent(ccy))
        if amount:
            working = _(STORAGE_WORKING[bool(product.get("cubic_feet")), peak])
            found.append((sku, amount, working.format(units=units, feet=feet, rate=fmt(to_minor(str(rate), ccy), ccy))))
    return found


def estimates(products: dict[str, dict], spans: list, first: date, last: date,
              rates: FeeRates | None) -> pd.DataFrame:
    """Subscription and storage for the months from ``first`` to ``last`` no settlement covers: one entry per
    month (and SKU), dated on the month's first day, spread over its days when read (``monthly``), in the
    currency Amazon charges them in (the ledger converts them into the home currency)."""
    if rates is None:
        return entries.frame([])
    ccy = rates.currency
    pieces = []
    by_season: dict[bool, list] = {}
    for month in uncovered_months(spans, first, last):
        start = np.array([np.datetime64(f"{month}-01", "D")])
        if rates.subscription_minor:
            note = (_("subscription ~ {subscription_minor} a month (no settlement covers {month}; "
                      "[profit] subscription_monthly)")
                    .format(subscription_minor=fmt(rates.subscription_minor, ccy), month=month))
            pieces.append(_columns(start, "subscription", -np.array([rates.subscription_minor]), ccy, "settings",
                                   f"subscription {month}", "", note))
        peak = int(month[5:7]) in PEAK_MONTHS  # the working differs only by season: worked out twice, not monthly
        found = by_season[peak] if peak in by_season else by_season.setdefault(
            peak, storage_of(products, month, rates))
        if found:
            skus = np.array([sku for sku, _, _ in found], dtype=object)
            notes = np.array([_("{working} (no settlement covers {month})").format(working=working, month=month)
                              for _sku, _amount, working in found], dtype=object)
            pieces.append(_columns(np.repeat(start, len(found)), "storage",
                                   -np.array([amount for _, amount, _ in found]), ccy, "products", skus, skus, notes))
    if not pieces:
        return entries.frame([])
    return pd.concat(pieces, ignore_index=True)


def _columns(days, line, amounts, currency, collection, ref, sku, note) -> pd.DataFrame:
    """Entries in ``entries.COLUMNS`` order from columns (a text given once is repeated on every row)."""
    return pd.DataFrame({"day": days.astype("datetime64[D]"), "line": line, "amount_minor": amounts.astype("int64"),
                         "currency": currency, "marketplace": "", "estimated": True, "source": SOURCE,
                         "collection": collection, "ref": ref, "sku": sku, "note": note}, columns=entries.COLUMNS)
