"""The ``[amazon]`` settings as the API layer uses them: region, endpoints, marketplaces, patience.

Endpoints are settings so a proxy or a test's stand-in can take Amazon's place;
empty means Amazon's own endpoint for the region. The SP-API and the Ads API
share the region, the Login with Amazon token URL and the patience settings.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from urllib.parse import urlsplit

from sellertui.core.errors import UserError
from sellertui.core.i18n import _
from sellertui.core.markets import Market, market

ENDPOINTS = {
    "NA": "https://sellingpartnerapi-na.amazon.com",
    "EU": "https://sellingpartnerapi-eu.amazon.com",
    "FE": "https://sellingpartnerapi-fe.amazon.com",
}
ADS_ENDPOINTS = {
    "NA": "https://advertising-api.amazon.com",
    "EU": "https://advertising-api-eu.amazon.com",
    "FE": "https://advertising-api-fe.amazon.com",
}
LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"
ATTRIBUTION_DAYS = (1, 7, 14, 30)  # the windows Amazon's v3 Sponsored Products columns come in


@dataclass(frozen=True)
class ApiSettings:
    region: str = "NA"
    marketplaces: tuple[Market, ...] = ()
    endpoint: str = ENDPOINTS["NA"]
    token_url: str = LWA_TOKEN_URL
    ads_endpoint: str = ADS_ENDPOINTS["NA"]
    ads_attribution_days: int = 14  # Sponsored Products sales and orders: 14-day (Amazon's v3 default) or 7-day
    first_sync_days: int = 30
    report_poll_seconds: float = 15.0
    report_wait_minutes: float = 10.0
    retry_attempts: int = 5
    retry_seconds: float = 120.0
    backoff_seconds: float = 1.0
    timeout_seconds: float = 30.0

    @property
    def marketplace_ids(self) -> list[str]:
        return [m.amazon_id for m in self.marketplaces]

    @classmethod
    def from_section(cls, section: dict, default_market: str = "US") -> "ApiSettings":
        """Checked settings from ``Settings.section("amazon")``; a wrong value raises one sentence."""
        region = str(section.get("region") or "NA").upper()
        if region not in ENDPOINTS:
            raise UserError(_("[amazon] region must be NA, EU or FE, not {region}").format(
                region=repr(section.get("region"))))
        codes = list(section.get("marketplaces") or []) or [default_market]
        chosen = tuple(marketplace(code, region) for code in codes)
        endpoint = (section.get("sp_api_endpoint") or "").strip() or ENDPOINTS[region]
        token_url = (section.get("lwa_token_url") or "").strip() or LWA_TOKEN_URL
        ads = (section.get("ads_api_endpoint") or "").strip() or ADS_ENDPOINTS[region]
        for name, url in (("sp_api_endpoint", endpoint), ("lwa_token_url", token_url), ("ads_api_endpoint", ads)):
            check_url(name, url)
        numbers = {f.name: type(f.default)(section[f.name]) for f in fields(cls)
                   if f.name in section and type(f.default) in (int, float)}  # the patience settings
        if numbers.get("ads_attribution_days", 14) not in ATTRIBUTION_DAYS:
            raise UserError(_("[amazon] ads_attribution_days must be 1, 7, 14 or 30 (days), not {days}").format(
                days=repr(section["ads_attribution_days"])))
        return cls(region, chosen, endpoint.rstrip("/"), token_url, ads.rstrip("/"), **numbers)


def marketplace(code: str, region: str) -> Market:
    """A marketplace code (US, UK, JP…) checked against the region that must serve it."""
    try:
        found = market(code)
    except ValueError as exc:
        raise UserError(_("[amazon] marketplaces: {reason}").format(reason=exc)) from None
    if not found.amazon_id:
        raise UserError(_("[amazon] marketplaces: {code} ({name}) is not an Amazon marketplace").format(
            code=found.code, name=found.name))
    if found.region != region:
        raise UserError(_("[amazon] marketplaces: {code} is served by the {served} region, not {region}; set region "
                          "= \"{served}\" or drop {code}").format(code=found.code, served=found.region, region=region))
    return found


def check_url(name: str, url: str) -> None:
    """Only http(s) URLs with a host; plain http only to this machine (a stand-in or a local proxy)."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise UserError(_("[amazon] {name} must be an https:// URL, not {url}").format(name=name, url=repr(url)))
    if parts.scheme == "http" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise UserError(_("[amazon] {name} must use https:// (plain http only to this machine), not {url}").format(
            name=name, url=repr(url)))
