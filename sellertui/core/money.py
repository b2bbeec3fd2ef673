"""Money as integer minor units with an ISO 4217 currency: never floats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Currencies whose minor unit is not the cent.
_EXPONENTS = {"JPY": 0, "KRW": 0, "CLP": 0, "VND": 0, "ISK": 0, "HUF": 2, "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3}
SYMBOLS = {"USD": "$", "CAD": "CA$", "MXN": "MX$", "GBP": "£", "EUR": "€", "JPY": "¥", "CNY": "¥", "INR": "₹", "AUD": "A$", "BRL": "R$"}


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
    """1234567 USD -> '$12,345.67'; None -> '—'."""
    if minor is None:
        return "—"
    places = exponent(currency)
    value = to_decimal(minor, currency)
    text = f"{abs(value):,.{places}f}" if grouping else f"{abs(value):.{places}f}"
    sign = "-" if minor < 0 else ""
    if symbol and currency in SYMBOLS:
        return f"{sign}{SYMBOLS[currency]}{text}"
    return f"{sign}{text} {currency}" if symbol else f"{sign}{text}"
