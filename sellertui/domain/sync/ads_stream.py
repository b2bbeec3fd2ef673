"""The ``ads`` stream: the Ads console's reports and campaign structure for the connected advertiser profile.

One unit per run (a profile is one account in one marketplace), checkpointed
in ``sync_state`` as ``ads|<marketplace>``. The profile is looked up first: it
proves the credentials and the scope, and gives the marketplace the rows
belong to, the currency of the bids and the time zone of the account's days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sellertui.core.i18n import N_, _
from sellertui.core.errors import UserError
from sellertui.core.markets import by_amazon_id, market
from sellertui.domain.sync import state
from sellertui.domain.sync.ads_reports import sync_reports
from sellertui.domain.sync.ads_structure import sync_structure
from sellertui.domain.sync.results import StreamResult

if TYPE_CHECKING:
    from sellertui.amazon.ads.client import AdsApi
    from sellertui.amazon.ads.profiles import Profile
    from sellertui.amazon.ads.reporting import AdsReports
    from sellertui.amazon.settings import ApiSettings

NOT_CONNECTED = N_("not connected to the Ads console: run `sellertui connect ads`, or set SELLERTUI_ADS_CLIENT_ID, "
                   "SELLERTUI_ADS_CLIENT_SECRET, SELLERTUI_ADS_REFRESH_TOKEN and SELLERTUI_ADS_PROFILE_ID")


@dataclass
class AdsRun:
    shop: object
    api: "AdsApi"
    reports: "AdsReports"
    settings: "ApiSettings"
    profile: "Profile"
    code: str  # the marketplace the profile advertises in
    since: date | None = None

    @property
    def store(self):
        return self.shop.store


def marketplace_of(profile, fallback: str) -> tuple[str, str | None]:
    """The profile's marketplace code, and a note when sellertui does not know it (then the shop's is used)."""
    found = by_amazon_id(profile.marketplace_id)
    if found is not None:
        return found.code, None
    try:
        return market(profile.country).code, None
    except ValueError:
        return fallback, (f"the advertiser profile's marketplace ({profile.country or profile.marketplace_id}) is "
                          f"one sellertui does not know: its rows are filed under {fallback}")


def sync_ads(shop, api: "AdsApi", settings: "ApiSettings", since: date | None, result: StreamResult,
             sleep=None) -> None:
    """Reports, then the structure; a failing part is named and the other still runs."""
    from sellertui.amazon.ads.profiles import chosen, profiles
    from sellertui.amazon.ads.reporting import AdsReports

    profile = chosen(profiles(api), api.profile_id)
    code, note = marketplace_of(profile, shop.settings.marketplace)
    result.marketplace = code
    if note:
        result.notes.append(note)
    state.save_state(shop.store, "ads", code, "the advertiser profile", profile_id=profile.id,
                     timezone=profile.timezone)
    run = AdsRun(shop, api, AdsReports(api, sleep=sleep), settings, profile, code, since)
    sync_reports(run, result)
    try:
        sync_structure(run, result)
    except UserError as exc:
        result.errors.append(f"campaign structure: {exc}")


def planned_ads(shop, settings: "ApiSettings", since: date | None) -> StreamResult:
    """``sync --dry-run`` for the ads stream: what it would ask for (offline: the last known profile)."""
    from sellertui.domain.sync.ads_reports import planned_reports

    known = [r for r in shop.store["sync_state"].rows() if r.get("stream") == "ads"]
    code = known[0].get("marketplace") if known else shop.settings.marketplace
    timezone = known[0].get("timezone", "UTC") if known else "UTC"
    unit = StreamResult("ads", code)
    unit.would.extend(planned_reports(shop.store, code, timezone, settings, since))
    unit.would.append({"what": _("list the campaigns, ad groups, keywords, negatives and targets")})
    return unit
