"""Marketplaces: their currency, date order and time zone."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Market:
    code: str
    name: str
    currency: str
    day_first: bool  # 14/05/2024 rather than 05/14/2024
    decimal_comma: bool  # 1.234,56
    tz: str


MARKETS: dict[str, Market] = {
    m.code: m
    for m in (
        Market("US", "Amazon.com", "USD", False, False, "America/Los_Angeles"),
        Market("CA", "Amazon.ca", "CAD", False, False, "America/Los_Angeles"),
        Market("MX", "Amazon.com.mx", "MXN", True, False, "America/Mexico_City"),
        Market("BR", "Amazon.com.br", "BRL", True, True, "America/Sao_Paulo"),
        Market("UK", "Amazon.co.uk", "GBP", True, False, "Europe/London"),
        Market("DE", "Amazon.de", "EUR", True, True, "Europe/Berlin"),
        Market("FR", "Amazon.fr", "EUR", True, True, "Europe/Paris"),
        Market("IT", "Amazon.it", "EUR", True, True, "Europe/Rome"),
        Market("ES", "Amazon.es", "EUR", True, True, "Europe/Madrid"),
        Market("NL", "Amazon.nl", "EUR", True, True, "Europe/Amsterdam"),
        Market("SE", "Amazon.se", "SEK", False, True, "Europe/Stockholm"),
        Market("PL", "Amazon.pl", "PLN", True, True, "Europe/Warsaw"),
        Market("BE", "Amazon.com.be", "EUR", True, True, "Europe/Brussels"),
        Market("TR", "Amazon.com.tr", "TRY", True, True, "Europe/Istanbul"),
        Market("AE", "Amazon.ae", "AED", True, False, "Asia/Dubai"),
        Market("SA", "Amazon.sa", "SAR", True, False, "Asia/Riyadh"),
        Market("IN", "Amazon.in", "INR", True, False, "Asia/Kolkata"),
        Market("JP", "Amazon.co.jp", "JPY", False, False, "Asia/Tokyo"),
        Market("AU", "Amazon.com.au", "AUD", True, False, "Australia/Sydney"),
        Market("SG", "Amazon.sg", "SGD", True, False, "Asia/Singapore"),
        Market("CN", "Taobao / JD", "CNY", False, False, "Asia/Shanghai"),
    )
}
ALIASES = {"GB": "UK"}


def market(code: str) -> Market:
    key = ALIASES.get(code.upper(), code.upper())
    try:
        return MARKETS[key]
    except KeyError:
        raise ValueError(f"unknown marketplace {code!r} (known: {', '.join(MARKETS)})") from None
