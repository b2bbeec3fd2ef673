"""The advertiser profiles the credentials reach (GET /v2/profiles): one per account and marketplace.

Every other Ads API call is made in one profile's scope; ``sellertui connect
ads`` picks it from this list (by itself when there is one) and keeps its id.
"""

from __future__ import annotations

from dataclasses import dataclass

from sellertui.amazon.ads.client import AdsApi
from sellertui.amazon.errors import AmazonError
from sellertui.core.i18n import _


@dataclass(frozen=True)
class Profile:
    id: str
    country: str  # the marketplace's country code: US, UK, DE, JP...
    currency: str
    timezone: str  # the account's reporting day: Amazon's reports count days in this zone
    kind: str  # seller, vendor or agency
    name: str
    marketplace_id: str

    @classmethod
    def of(cls, body: dict) -> "Profile":
        info = body.get("accountInfo") if isinstance(body.get("accountInfo"), dict) else {}
        return cls(str(body.get("profileId") or ""), str(body.get("countryCode") or "").upper(),
                   str(body.get("currencyCode") or ""), str(body.get("timezone") or "UTC"),
                   str(info.get("type") or ""), str(info.get("name") or ""), str(info.get("marketplaceStringId") or ""))

    @property
    def label(self) -> str:
        return _("{who} ({kind}, {country}, {currency}) — profile {id}").format(
            who=self.name or _("unnamed account"), kind=self.kind or _("account"), country=self.country or "?",
            currency=self.currency or "?", id=self.id)

    def as_json(self) -> dict:
        return {"profile_id": self.id, "country": self.country, "currency": self.currency, "timezone": self.timezone,
                "type": self.kind, "name": self.name, "marketplace_id": self.marketplace_id}


def profiles(api: AdsApi) -> list[Profile]:
    """Every profile the credentials reach, sellers first, then by country."""
    body = api.call("listProfiles", "GET", "/v2/profiles").body
    if not isinstance(body, list):
        raise AmazonError(_("GET /v2/profiles: the Ads API answered without a list of profiles"))
    found = [Profile.of(p) for p in body if isinstance(p, dict) and p.get("profileId") is not None]
    return sorted(found, key=lambda p: (p.kind != "seller", p.country, p.name, p.id))


def chosen(found: list[Profile], wanted: str | None) -> Profile | None:
    """The profile asked for by id; the only one when there is one; else None (the user picks)."""
    if wanted:
        match = next((p for p in found if p.id == str(wanted).strip()), None)
        if match is None:
            reach = ", ".join(p.id for p in found) or _("none")
            raise AmazonError(_("advertiser profile {wanted} is not one these credentials reach (they reach "
                                "{reach})").format(wanted=wanted, reach=reach))
        return match
    return found[0] if len(found) == 1 else None
