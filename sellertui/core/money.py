"""Money as integer minor units with an ISO 4217 currency: never floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sellertui.core.i18n import babel_locale

# Currencies whose minor unit is not the cent.
_EXPONENTS = {"JPY": 0, "KRW": 0, "CLP": 0, "VND": 0, "ISK": 0, "HUF": 2, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3}


def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Decimal amount -> integer minor units, rounding half away from zero."""
    quantum = Decimal(1).scaleb(-exponent(currency))
    value = Decimal(amount).quantize(quantum, rounding=ROUND_HALF_UP)
    return int(value.scaleb(exponent(currency)))


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-exponent(currency))


def fmt(minor: int | None, currency: str, symbol: bool = True, grouping: bool = True) -> str:
    """1234567 USD -> '$12,345.67'; None -> '—'. Symbols, separators and their order follow the language.

    CLDR's symbols (through Babel) tell the two yen apart: in English CNY is CN¥ and JPY ¥; in
    简体中文 CNY is ¥ and JPY JP¥. A currency without a symbol of its own is written '12.00 SEK'.
    """
    if minor is None:
        return "—"
    places = exponent(currency)
    value = to_decimal(minor, currency)
    text = f"{abs(value):,.{places}f}" if grouping else f"{abs(value):.{places}f}"
    prefix, suffix, group, decimal, minus = _style(babel_locale(), currency.upper())
    if (group, decimal) != (",", "."):
        text = text.translate({ord(","): group, ord("."): decimal})
    sign = minus if minor < 0 else ""
    if symbol and (prefix or suffix):
        return f"{sign}{prefix}{text}{suffix}"
    return f"{sign}{text} {currency}" if symbol else f"{sign}{text}"


def symbol(currency: str) -> str:
    """The currency's symbol in the current language ('' when it has none: show the code)."""
    prefix, suffix, *_ = _style(babel_locale(), currency.upper())
    return (prefix + suffix).strip()


class _Symbols:
    """``SYMBOLS.get(code, default)``: the symbol in the language shown now (it changes with the language)."""

    def get(self, currency: str, default: str = "") -> str:
        return symbol(currency) or default

    def __getitem__(self, currency: str) -> str:
        found = symbol(currency)
        if not found:
            raise KeyError(currency)
        return found

    def __contains__(self, currency: object) -> bool:
        return isinstance(currency, str) and bool(symbol(currency))


SYMBOLS = _Symbols()


@lru_cache(maxsize=256)
def _style(locale: str, currency: str) -> tuple[str, str, str, str, str]:
    """What goes before and after the digits, and the separators, from the locale's CLDR data (Babel).

    Read once per locale and currency: formatting stays an f-string, fast enough for every cell of a table.
    """
    from babel import Locale
    from babel.numbers import get_currency_symbol

    data = Locale.parse(locale)
    sign = get_currency_symbol(currency, data)
    pattern = data.currency_formats["standard"]
    symbols = data.number_symbols.get("latn", data.number_symbols)
    if sign == currency:  # no symbol of its own: the code after the number
        prefix = suffix = ""
    else:
        prefix, suffix = (part.replace("\xa4", sign) for part in (pattern.prefix[0], pattern.suffix[0]))
    return prefix, suffix, symbols.get("group", ","), symbols.get("decimal", "."), symbols.get("minusSign", "-")


def split_largest_remainder(amount_minor: int, weights) -> list[int]:
    """Split ``amount_minor`` over ``weights`` so that the parts add up to it exactly.

    Each part is the floor of its exact share; the cents left over go one each
    to the parts with the largest remainders (ties: the earlier part), so no
    part is off its exact share by a cent or more and none gets the leftovers
    just for coming first. A negative amount splits like its positive and is
    negated; weights that are all zero split evenly. Weights may be ints,
    Fractions or Decimals (exact) or floats. For equal shares over days use
    ``core.split.spread``, which spreads its leftover units through the run
    instead of onto the first parts.
    """
    from fractions import Fraction

    shares = [Fraction(w) for w in weights]
    if not shares:
        if amount_minor:
            raise ValueError("cannot split a non-zero amount over no parts")
        return []
    if any(w < 0 for w in shares):
        raise ValueError("weights cannot be negative")
    total = sum(shares)
    if total == 0:
        shares, total = [Fraction(1)] * len(shares), Fraction(len(shares))
    sign, amount = (-1, -amount_minor) if amount_minor < 0 else (1, amount_minor)
    exact = [amount * w / total for w in shares]
    parts = [int(e) for e in exact]  # floor: every share is >= 0
    left = amount - sum(parts)
    for i in sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))[:left]:
        parts[i] += 1
    return [sign * p for p in parts]
