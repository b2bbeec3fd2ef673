"""What a month's numbers lack: flags, so a gap is never read as a zero.

``missing`` flags say a number is wrong (no orders imported, no ad data in a
month that sold, no landed cost, no exchange rate); ``estimate`` flags say a
number is an estimate (fees from the fee table); ``info`` says where a number
came from when there was a choice.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from sellertui.core.formats import short_day
from sellertui.core.i18n import _
from sellertui.core.money import fmt
from sellertui.domain.profit.codes import months as month_codes
from sellertui.domain.profit.periods import between

MISSING, ESTIMATE, INFO = "missing", "estimate", "info"
GAP_DAYS = 7  # data starting this many days into a month (or stopping this early) leaves the month incomplete


@dataclass(frozen=True)
class Flag:
    month: str
    severity: str  # missing, estimate or info
    code: str
    text: str

    def as_dict(self) -> dict:
        return {"month": self.month, "severity": self.severity, "code": self.code, "text": self.text}


def rates_wanted(flags: dict[str, list[Flag]]) -> list[str]:
    """What the missing exchange rates cost, newest month first (no rate, or an earlier month's borrowed)."""
    return [f.text for month in sorted(flags, reverse=True) for f in flags[month]
            if f.code in ("no_rate", "borrowed_rate")]


def _by_month(days: np.ndarray) -> dict[str, tuple[date, date]]:
    """First and last day with data in each month."""
    if not len(days):
        return {}
    where, distinct = month_codes(days)  # each day's month as a code: no text per day
    spans = pd.Series(days).groupby(where).agg(["min", "max"])
    names = distinct.astype(str)
    return {names[m]: (pd.Timestamp(a).date(), pd.Timestamp(b).date()) for m, a, b in spans.itertuples(name=None)}


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1])


SETTLEMENT_DAYS = 14  # Amazon pays out every 14 days: a longer stretch without a settlement means one is missing


def settlement_gaps(spans: list[tuple[str, str, str]], today: date) -> list[tuple[str, date, date]]:
    """(month, first, last) of each stretch no imported settlement covers, from the first settlement to the
    last day a settlement should already have closed (today − 14 days), split by month."""
    if not spans:
        return []
    covered = sorted((date.fromisoformat(a), date.fromisoformat(b)) for _, a, b in spans)
    day, end = covered[0][0], today - timedelta(days=SETTLEMENT_DAYS)
    gaps = []
    for first, last in covered + [(end + timedelta(days=1), end + timedelta(days=1))]:
        if first > day and day <= end:
            gap_end = min(first - timedelta(days=1), end)
            cursor = day
            while cursor <= gap_end:  # one flag per month the gap touches
                month_end = min(_month_end(f"{cursor:%Y-%m}"), gap_end)
                gaps.append((f"{cursor:%Y-%m}", cursor, month_end))
                cursor = month_end + timedelta(days=1)
        day = max(day, last + timedelta(days=1))
    return gaps


def month_flags(ledger) -> dict[str, list[Flag]]:
    """Every month from the first day of data to today, with its flags (most serious first)."""
    if ledger.first is None:
        return {}
    today, home = ledger.today, ledger.home
    months = between(ledger.first, today, "month")
    found: dict[str, list[Flag]] = {m: [] for m in months}
    past = (ledger.daily["day"] <= np.datetime64(today)).to_numpy()
    days = ledger.daily if past.all() else ledger.daily[past]  # a copy only when some day is still to come
    sold = _by_month(ledger.volume["day"].to_numpy())
    ads = days[(days["line"] == "ads").to_numpy()]
    advertised = _by_month(ads["day"].to_numpy())
    settled = set(days.loc[days["source"].isin(["settlement", "date range report"]).to_numpy(), "month"])
    # the order lines no settlement covers yet, counted by month (their days only, not a copy of the lines)
    where, distinct = month_codes(ledger.orders["day"].to_numpy()[~ledger.orders["settled"].to_numpy(dtype=bool)])
    estimated_lines = dict(zip(distinct.astype(str).tolist(), np.bincount(where).tolist()))  # every month has a line
    order_months = sorted(sold)
    current = today.strftime("%Y-%m")

    def add(month: str, severity: str, code: str, text: str) -> None:
        if month in found:
            found[month].append(Flag(month, severity, code, text))

    for month in months:
        if month not in sold:
            add(month, MISSING, "no_orders", _("no orders imported: sales, fees and cost of goods unknown"))
        elif ledger.advertises and month not in advertised:
            add(month, MISSING, "no_ads", _("no ad report and no Cost of Advertising: ad spend unknown"))
    if order_months:
        first_month, last_month = order_months[0], order_months[-1]
        start = sold[first_month][0]
        if start.day > GAP_DAYS:
            add(first_month, MISSING, "partial_orders", _("orders only from {day}: the month is incomplete").format(
                day=short_day(start)))
        end = sold[last_month][1]
        if last_month < current and (_month_end(last_month) - end).days >= GAP_DAYS:
            add(last_month, MISSING, "partial_orders", _("orders only up to {day}: the month is incomplete").format(
                day=short_day(end)))
    if advertised:
        first_ads = min(advertised)
        start = advertised[first_ads][0]
        if start.day > GAP_DAYS and first_ads in sold and sold[first_ads][0] < start:
            add(first_ads, MISSING, "partial_ads", _("ad data only from {day}: earlier ad spend unknown").format(
                day=short_day(start)))
    if len(ledger.missing_cost):
        missing = ledger.missing_cost.assign(month=ledger.missing_cost["day"].to_numpy().astype("datetime64[M]")
                                             .astype(str))
        for month, group in missing.groupby("month"):
            skus = sorted(set(group["sku"]))
            add(month, MISSING, "no_cost", _("no landed cost for {count} SKU(s) ({units:,} units: {skus}): cost of "
                                             "goods too low — add costs in Inventory").format(
                count=len(skus), units=int(group["qty"].sum()),
                skus=", ".join(skus[:3]) + ("…" if len(skus) > 3 else "")))
    for (month, currency), rate in sorted(ledger.rates.items()):
        left = days[(days["month"] == month).to_numpy() & (days["currency"] == currency).to_numpy()]
        if rate.rate is None:
            amount = int(left["amount_minor"].abs().sum())
            add(month, MISSING, "no_rate", _("no {currency}→{home} rate for {month}: {amount} of amounts left out of "
                                             "the totals — add it in Rates").format(
                currency=currency, home=home, month=month, amount=fmt(amount, currency)))
        elif rate.borrowed:
            used = (_("no {currency}→{home} rate for {month}: the {ecb} used") if rate.ecb is not None else
                    _("no {currency}→{home} rate for {month}: your rate of {other} used"))
            add(month, MISSING, "borrowed_rate", used.format(
                currency=currency, home=home, month=month, ecb=rate.ecb.label if rate.ecb else "", other=rate.month))
        elif rate.ecb is not None:
            add(month, ESTIMATE, "ecb_rate", _("{currency} converted at the {rate} (no rate of yours for the month; "
                                               "add one in Rates to use it instead)").format(
                currency=currency, rate=rate.ecb.describe(currency, home)))
    for month in months:
        count = estimated_lines.get(month, 0)
        if month in sold and month not in settled:
            add(month, ESTIMATE, "no_settlement", _("no settlement for this month: fees of {count:,} order line(s) "
                                                   "estimated from the fee table; subscription and storage estimated "
                                                   "from the [profit] rates and the stock").format(count=count))
        elif count:
            add(month, ESTIMATE, "estimated_fees", _("fees of {count:,} order line(s) estimated from the fee table "
                                                    "(no settlement covers them yet)").format(count=count))
        charged = ads[(ads["month"] == month).to_numpy() & (ads["source"] != "ad reports").to_numpy()]
        if len(charged):
            add(month, INFO, "ads_settled", _("ad spend from settlements (Cost of Advertising); the ad reports' "
                                              "spend is not counted too"))
    for month, first, last in settlement_gaps(ledger.spans, today):
        add(month, MISSING, "settlement_missing", _("no settlement covers {first}–{last} though Amazon settles every "
                                                    "{days} days: import it (i) or sync").format(
            first=short_day(first), last=short_day(last), days=SETTLEMENT_DAYS))
    order = {MISSING: 0, ESTIMATE: 1, INFO: 2}
    return {m: sorted(flags, key=lambda f: order[f.severity]) for m, flags in found.items()}
