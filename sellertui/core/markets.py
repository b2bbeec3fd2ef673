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
    amazon_id: str = ""  # the Selling Partner API's MarketplaceId ("" where Amazon has none)
    region: str = ""  # the SP-API region that serves it: NA, EU or FE


MARKETS: dict[str, Market] = {
    m.code: m
    for m in (
        Market("US", "Amazon.com", "USD", False, False, "America/Los_Angeles", "ATVPDKIKX0DER", "NA"),
        Market("CA", "Amazon.ca", "CAD", False, False, "America/Los_Angeles", "A2EUQ1WTGCTBG2", "NA"),
        Market("MX", "Amazon.com.mx", "MXN", True, False, "America/Mexico_City", "A1AM78C64UM0Y8", "NA"),
        Market("BR", "Amazon.com.br", "BRL", True, True, "America/Sao_Paulo", "A2Q3Y263D00KWC", "NA"),
        Market("UK", "Amazon.co.uk", "GBP", True, False, "Europe/London", "A1F83G8C2ARO7P", "EU"),
        Market("DE", "Amazon.de", "EUR", True, True, "Europe/Berlin", "A1PA6795UKMFR9", "EU"),
        Market("FR", "Amazon.fr", "EUR", True, True, "Europe/Paris", "A13V1IB3VIYZZH", "EU"),
        Market("IT", "Amazon.it", "EUR", True, True, "Europe/Rome", "APJ6JRA9NG5V4", "EU"),
        Market("ES", "Amazon.es", "EUR", True, True, "Europe/Madrid", "A1RKKUPIHCS9HS", "EU"),
        Market("NL", "Amazon.nl", "EUR", True, True, "Europe/Amsterdam", "A1805IZSGTT6HS", "EU"),
        Market("SE", "Amazon.se", "SEK", False, True, "Europe/Stockholm", "A2NODRKZP88ZB9", "EU"),
        Market("PL", "Amazon.pl", "PLN", True, True, "Europe/Warsaw", "A1C3SOZRARQ6R3", "EU"),
        Market("BE", "Amazon.com.be", "EUR", True, True, "Europe/Brussels", "AMEN7PMS3EDWL", "EU"),
        Market("TR", "Amazon.com.tr", "TRY", True, True, "Europe/Istanbul", "A33AVAJ2PDY3EV", "EU"),
        Market("AE", "Amazon.ae", "AED", True, False, "Asia/Dubai", "A2VIGQ35RCS4UG", "EU"),
        Market("SA", "Amazon.sa", "SAR", True, False, "Asia/Riyadh", "A17E79C6D8DWNP", "EU"),
        Market("IN", "Amazon.in", "INR", True, False, "Asia/Kolkata", "A21TJRUUN4KGV", "EU"),
        Market("JP", "Amazon.co.jp", "JPY", False, False, "Asia/Tokyo", "A1VC38T7YXB528", "FE"),
        Market("AU", "Amazon.com.au", "AUD", True, False, "Australia/Sydney", "A39IBJ37TRP1C6", "FE"),
        Market("SG", "Amazon.sg", "SGD", True, False, "Asia/Singapore", "A19VAU5U5O7RUS", "FE"),
        Market("CN", "Taobao / JD", "CNY", False, False, "Asia/Shanghai"),
    )
}
ALIASES = {"GB": "UK"}


def by_amazon_id(marketplace_id: str) -> Market | None:
    """The marketplace an SP-API MarketplaceId names (None for one sellertui does not know)."""
    return next((m for m in MARKETS.values() if m.amazon_id and m.amazon_id == marketplace_id), None)


def market(code: str) -> Market:
    key = ALIASES.get(code.upper(), code.upper())
    try:
        return MARKETS[key]
    except KeyError:
        raise ValueError(f"unknown marketplace {code!r} (known: {', '.join(MARKETS)})") from None
