"""Which marketplace a file comes from, which decides its decimal mark, date order and zone.

In order: ``--market``; the file's own currency, country or marketplace columns
(or its preamble's "All amounts in USD"); a currency sign in its amounts
(``£``, ``€``, ``₹``, ``Rs.``, ``¥``); the marketplace in the user's settings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from sellertui.core.i18n import N_
from sellertui.core.markets import MARKETS, Market, market
from sellertui.importers.values import text, unguard

SAMPLE = 500  # rows looked at for hints
CURRENCY_MARKET = {"USD": "US", "CAD": "CA", "MXN": "MX", "BRL": "BR", "GBP": "UK", "EUR": "DE", "SEK": "SE",
                   "PLN": "PL", "TRY": "TR", "AED": "AE", "SAR": "SA", "INR": "IN", "JPY": "JP", "AUD": "AU",
                   "SGD": "SG", "CNY": "CN"}
COUNTRY_NAMES = {"united states": "US", "usa": "US", "canada": "CA", "mexico": "MX", "brazil": "BR",
                 "united kingdom": "UK", "great britain": "UK", "germany": "DE", "deutschland": "DE",
                 "france": "FR", "italy": "IT", "spain": "ES", "netherlands": "NL", "sweden": "SE", "poland": "PL",
                 "belgium": "BE", "turkey": "TR", "united arab emirates": "AE", "saudi arabia": "SA",
                 "india": "IN", "japan": "JP", "australia": "AU", "singapore": "SG"}
SIGN_MARKET = (("rs", "IN"), ("₹", "IN"), ("£", "UK"), ("€", "DE"), ("¥", "JP"), ("￥", "JP"))
_PREAMBLE_CURRENCY = re.compile(r"amounts in ([A-Z]{3})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Locale:
    market: Market
    currency: str  # the file's currency (rows may name their own in a currency column)
    source: str  # why this market, in words

    @property
    def decimal_comma(self) -> bool:
        return self.market.decimal_comma

    @property
    def day_first(self) -> bool:
        return self.market.day_first

    @property
    def tz(self) -> str:
        return self.market.tz


def market_of_marketplace(value: str) -> str | None:
    """``Amazon.co.uk`` / ``amazon.de`` / ``UK`` / ``GB`` / ``Germany`` -> market code."""
    word = value.strip().lower()
    if not word:
        return None
    if word.upper() in MARKETS or word.upper() == "GB":
        return market(word).code
    if word in COUNTRY_NAMES:
        return COUNTRY_NAMES[word]
    host = word.removeprefix("www.")
    for code, m in MARKETS.items():
        if host == m.name.lower():
            return code
    return None


def _common(values: Iterable[object]) -> str | None:
    counts = Counter(v for v in (text(x).strip() for x in values) if v)
    return counts.most_common(1)[0][0] if counts else None


def decide(option: str | None, settings_market: str, currencies: list, countries: list, marketplaces: list,
           amounts: list, preamble: list[str]) -> Locale:
    """The file's marketplace and currency from the hints, in the order of the module docstring."""
    currency = _common(currencies[:SAMPLE])
    currency = currency.upper() if currency and len(currency) == 3 and currency.isalpha() else None
    if currency is None:
        for line in preamble:
            if m := _PREAMBLE_CURRENCY.search(line):
                currency = m[1].upper()
    if option:
        chosen = market(option)
        return Locale(chosen, currency or chosen.currency, f"--market {chosen.code}")
    for source, values in ((N_("the file's marketplace column"), marketplaces),
                           (N_("the file's country column"), countries)):
        code = market_of_marketplace(_common(values[:SAMPLE]) or "")
        if code:
            chosen = MARKETS[code]
            if currency is None or currency == chosen.currency:
                return Locale(chosen, currency or chosen.currency, source)
    if currency and currency in CURRENCY_MARKET:
        return Locale(MARKETS[CURRENCY_MARKET[currency]], currency, N_("the file's currency"))
    sign_market = _sign_market(amounts[:SAMPLE])
    if sign_market:
        chosen = MARKETS[sign_market]
        return Locale(chosen, chosen.currency, N_("the currency sign in its amounts"))
    chosen = market(settings_market)
    return Locale(chosen, currency or chosen.currency, N_("your settings"))


def _sign_market(values: list) -> str | None:
    for value in values:
        if not isinstance(value, str):
            continue
        cell = unguard(value.strip()).lower()
        for sign, code in SIGN_MARKET:
            if cell.startswith(sign) or cell.endswith(sign) or cell.startswith("-" + sign):
                return code
    return None
