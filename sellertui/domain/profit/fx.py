"""Monthly exchange rates: the user's own, else the ECB's, and converting money into the home currency.

A rate says what one unit of a currency is worth in the home currency in a
month (``fx_rates``: id ``2026-10|CAD``, month, currency, rate as decimal text,
note). Amounts are converted with the rate of their own month: the user's own
wins; a month without one takes the month's average ECB reference rate
(``ecb``, marked "ECB rate of <date>"); a month past the newest rates borrows
the latest earlier one (the user's or the ECB's, whichever is newer) and is
flagged; with none at all the amount stays out of the totals, flagged with how
much was left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sellertui.core.i18n import _
from sellertui.core.errors import UserError
from sellertui.domain.fields import FieldError
from sellertui.core.money import exponent

COLLECTION = "fx_rates"


def all_rates(store) -> list[dict]:
    return store[COLLECTION].all()


def rate_id(month: str, currency: str) -> str:
    return f"{month}|{currency.upper()}"


def parse_rate(value: str) -> Decimal:
    """A rate typed in a form: a positive decimal number like 0.7342."""
    try:
        rate = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        raise FieldError(_("a number like 0.7342 (one unit of the currency in your home currency)")) from None
    if not rate.is_finite() or rate <= 0:
        raise FieldError(_("a positive number like 0.7342"))
    if rate > Decimal(1_000_000):
        raise FieldError(_("at most 1,000,000"))
    return rate


def parse_month(value: str) -> str:
    text = value.strip()
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit() and 1 <= int(text[5:]) <= 12:
        return text
    raise FieldError(_("a month like 2026-10"))


def parse_currency(value: str) -> str:
    text = value.strip().upper()
    if len(text) != 3 or not text.isalpha():
        raise FieldError(_("a 3-letter ISO code like CAD"))
    return text


def factor(rate: Decimal, currency: str, home: str) -> Decimal:
    """Multiply minor units of ``currency`` by this to get minor units of ``home``."""
    return rate * Decimal(10) ** (exponent(home) - exponent(currency))


def convert(minor: int, currency: str, home: str, rate: Decimal) -> int:
    if currency == home:
        return minor
    return int((Decimal(minor) * factor(rate, currency, home)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Found:
    rate: Decimal | None  # None: no rate at all
    month: str | None  # the month the rate is from
    wanted: str  # the month it was asked for
    ecb: object = None  # ecb.MonthRate when the rate is the ECB's (the user set none for that month)

    @property
    def borrowed(self) -> bool:
        """The month has no rate of its own: an earlier month's was used."""
        return self.rate is not None and self.month != self.wanted


class Rates:
    """The rates of a store, looked up by month and currency."""

    def __init__(self, records: list[dict], home: str, ecb: Callable | None = None) -> None:
        self.home = home.upper()
        self.ecb = ecb  # ecb.monthly_rate, or None: the user's rates only
        self.by_currency: dict[str, list[tuple[str, Decimal]]] = {}
        for record in records:
            try:
                rate = Decimal(str(record["rate"]))
            except (InvalidOperation, KeyError):
                continue
            self.by_currency.setdefault(str(record.get("currency", "")).upper(), []).append((record["month"], rate))
        for entries in self.by_currency.values():
            entries.sort()

    def find(self, month: str, currency: str) -> Found:
        currency = currency.upper()
        if currency == self.home:
            return Found(Decimal(1), month, month)
        best = None
        for entry_month, rate in self.by_currency.get(currency, []):
            if entry_month <= month:
                best = (entry_month, rate)
        if best is not None and best[0] == month:
            return Found(best[1], month, month)  # the user's own wins
        if self.ecb is not None:
            ecb = self.ecb(month, currency, self.home)
            if ecb is None:  # past the newest ECB rates: borrow their latest month, if newer than the user's
                from sellertui.domain.profit.ecb import latest_month

                latest = latest_month(currency, self.home)
                if latest and latest < month and (best is None or latest > best[0]):
                    ecb = self.ecb(latest, currency, self.home)
            if ecb is not None:
                return Found(ecb.rate, ecb.month, month, ecb)
        if best is None:
            return Found(None, None, month)
        return Found(best[1], best[0], month)


def shop_rates(store, home: str) -> Rates:
    """The store's rates into ``home``, the ECB's where the user set none: the path every conversion takes."""
    from sellertui.domain.profit import ecb

    return Rates(all_rates(store), home, ecb.monthly_rate)


def save_rate(store, month: str, currency: str, rate: Decimal, home: str, note: str = "",
              expect_rev: int | None = None, replacing: str | None = None) -> dict:
    """Add or change the rate of ``currency`` in ``month`` (``replacing``: the id being edited)."""
    currency = currency.upper()
    if currency == home.upper():
        raise UserError(_("{currency} is your home currency: its rate is always 1").format(currency=currency))
    new_id = rate_id(month, currency)
    record = {"id": new_id, "month": month, "currency": currency, "rate": str(rate), "home": home.upper(),
              "note": note}
    with store.transaction(f"exchange rate {currency} {month}: {rate} {home}") as tx:
        col = tx[COLLECTION]
        if replacing and replacing != new_id:
            if col.get(new_id) is not None:
                raise UserError(_("there is already a {currency} rate for {month}: edit that one")
                                    .format(currency=currency, month=month))
            col.delete(replacing, expect_rev=expect_rev)
            return col.insert(record)
        current = col.get(new_id)
        if current is None:
            return col.insert(record)
        if replacing is None:
            raise UserError(_("there is already a {currency} rate for {month}: edit that one")
                                .format(currency=currency, month=month))
        return col.update(new_id, record, expect_rev=expect_rev)


def delete_rate(store, record_id: str, expect_rev: int | None = None) -> None:
    with store.transaction(f"deleted the exchange rate {record_id}") as tx:
        tx[COLLECTION].delete(record_id, expect_rev=expect_rev)
