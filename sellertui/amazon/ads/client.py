"""The Ads API client: how it signs (bearer token, client id, profile scope) and how it says what went wrong.

The Ads API answers errors in several shapes: ``{"code", "details"}`` (v2 and
authorisation), ``{"message"}`` or ``{"errors": [...]}`` (v3), and per item of
a batch ``{"index", "errors": [{"errorType", "errorValue": {...: {"message"}}}]}``.
Each becomes Amazon's own words in one sentence.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from sellertui.amazon.client import PacedClient
from sellertui.amazon.credentials import ADS, Credentials
from sellertui.amazon.errors import Problem
from sellertui.amazon.settings import ApiSettings

# operation -> (requests per second, burst): the Ads API throttles by account and answers 429 with
# Retry-After beyond; these keep a sync well inside it
PLANS: dict[str, tuple[float, int]] = {
    "listProfiles": (1.0, 5),
    "createReport": (1.0, 5),
    "getReportStatus": (2.0, 10),
    **{f"list{entity}": (5.0, 10) for entity in ("Campaigns", "AdGroups", "Keywords", "NegativeKeywords",
                                                 "CampaignNegativeKeywords", "Targets", "NegativeTargets")},
    **{f"{verb}{entity}": (2.0, 5) for verb in ("create", "update", "delete")
       for entity in ("Keywords", "NegativeKeywords", "CampaignNegativeKeywords", "Targets", "NegativeTargets")},
}
UNSCOPED = {"listProfiles"}  # asked before a profile is chosen


class AdsApi(PacedClient):
    vault = ADS
    plans = PLANS

    def __init__(self, settings: ApiSettings, credentials: Credentials, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic, transport: Any = None) -> None:
        super().__init__(settings, credentials, settings.ads_endpoint, sleep, clock, transport)
        self.profile_id = credentials.profile_id

    def headers(self, access: str, operation: str, media: str | None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {access}",
                   "Amazon-Advertising-API-ClientId": self.credentials.client_id.reveal(),
                   "Accept": media or "application/json"}
        if media:
            headers["Content-Type"] = media
        if self.profile_id and operation not in UNSCOPED:
            headers["Amazon-Advertising-API-Scope"] = self.profile_id
        return headers

    def problems(self, body: Any) -> list[Problem]:
        return ads_problems(body)


def ads_problems(body: Any) -> list[Problem]:
    """Amazon's error document as problems, whichever of the Ads API's shapes it has."""
    if not isinstance(body, dict):
        return []
    entries = body.get("errors")
    if isinstance(entries, list):
        return [Problem(_code(e), first_message(e) or _code(e)) for e in entries if isinstance(e, dict)]
    if any(key in body for key in ("code", "message", "details", "detail")):
        message = str(body.get("message") or "")
        details = str(body.get("details") or body.get("detail") or "")
        return [Problem(str(body.get("code") or ""), message or details, details if message else "")]
    return []


def _code(entry: dict) -> str:
    return str(entry.get("code") or entry.get("errorType") or "")


def first_message(value: Any, depth: int = 0) -> str:
    """The first ``message`` (else ``reason``) anywhere in a nested error entry."""
    if depth > 6:
        return ""
    if isinstance(value, dict):
        for key in ("message", "reason"):
            if isinstance(value.get(key), str) and value[key].strip():
                return value[key].strip()
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = first_message(item, depth + 1)
            if found:
                return found
    return ""
