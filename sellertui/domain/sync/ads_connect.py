"""``sellertui connect ads`` (and the app's "connect to the Ads console"): check, choose the profile, keep.

The three secrets are checked with one cheap call (the token exchange and GET
/v2/profiles) before anything is kept; the advertiser profile is chosen from
that list (by itself when there is only one) and kept with the secrets
(keyring, else secrets.toml), never in config.toml or the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellertui.amazon import credentials as secrets
from sellertui.amazon.credentials import ADS, Credentials, Secret
from sellertui.amazon.errors import AmazonError, NotConnected
from sellertui.amazon.settings import ApiSettings
from sellertui.core.i18n import _
from sellertui.domain.sync.ads_stream import NOT_CONNECTED


@dataclass
class AdsCheck:
    profiles: list = field(default_factory=list)  # amazon.ads.profiles.Profile, sellers first
    chosen: object = None  # the profile kept (or checked), when one is
    kept: str | None = None  # where the credentials were kept

    @property
    def ok(self) -> bool:
        return self.chosen is not None


def typed(client_id: str, client_secret: str, refresh_token: str, profile_id: str = "") -> Credentials:
    return Credentials(Secret(client_id), Secret(client_secret), Secret(refresh_token), "typed", profile_id.strip())


def reachable(settings: ApiSettings, creds: Credentials) -> list:
    """The profiles the credentials reach; ``AuthError``/``Unreachable`` propagate with their sentence."""
    from sellertui.amazon.ads.client import AdsApi
    from sellertui.amazon.ads.profiles import profiles

    with AdsApi(settings, creds) as api:
        found = profiles(api)
    if not found:
        raise AmazonError("these credentials reach no advertiser profile: sign in to the Ads console once with the "
                          "account that authorised the app (a profile is made for each marketplace you advertise in)")
    return found


def connect(settings: ApiSettings, creds: Credentials, profile_id: str | None = None) -> AdsCheck:
    """Check the credentials; when a profile is chosen (asked for, or the only one) keep them with it."""
    from sellertui.amazon.ads.profiles import chosen

    found = reachable(settings, creds)
    check = AdsCheck(found, chosen(found, profile_id or creds.profile_id or None))
    if check.chosen is not None:
        check.kept = keep(creds, check.chosen)
    return check


def keep(creds: Credentials, profile) -> str:
    """Keep checked credentials with the profile chosen (keyring, else secrets.toml); returns where."""
    return secrets.save(creds.client_id, creds.client_secret, creds.refresh_token, ADS, profile.id)


def keep_region(settings, region: str) -> None:
    """Remember the region Amazon accepted the credentials in (config.toml; shared with Seller Central)."""
    from sellertui import config

    if region != (settings.section("amazon").get("region") or "NA"):
        config.save_value(settings.path, "amazon.region", region)
        settings.sections.setdefault("amazon", {})["region"] = region


def check(settings: ApiSettings) -> AdsCheck:
    """The stored credentials and profile, checked again."""
    from sellertui.amazon.ads.profiles import chosen

    creds = secrets.load(ADS)
    if creds is None:
        raise NotConnected(_(NOT_CONNECTED))
    found = reachable(settings, creds)
    return AdsCheck(found, chosen(found, creds.profile_id))


def forget() -> list[str]:
    return secrets.forget(ADS)
