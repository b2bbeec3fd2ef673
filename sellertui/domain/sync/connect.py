"""``sellertui connect``: check credentials with one cheap call before keeping them; check again; forget."""

from __future__ import annotations

from sellertui.amazon import credentials as secrets
from sellertui.amazon.credentials import Credentials, Secret
from sellertui.amazon.errors import NotConnected
from sellertui.amazon.settings import ApiSettings
from sellertui.core.i18n import _
from sellertui.domain.sync.runner import NOT_CONNECTED


def check(settings: ApiSettings, creds: Credentials | None = None):
    """Exchange the token and list the account's marketplaces (``amazon.connection.Check``).

    ``AuthError`` (invalid grant, invalid client…) and ``Unreachable`` propagate with their sentence.
    """
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.connection import check as check_api

    creds = creds or secrets.load()
    if creds is None:
        raise NotConnected(_(NOT_CONNECTED))
    with SpApi(settings, creds) as api:
        return check_api(api)


def connect(settings: ApiSettings, client_id: str, client_secret: str, refresh_token: str):
    """Check the three values; keep them (keyring, else secrets.toml) only when Amazon accepts them.

    Returns (the check, where they were kept or None).
    """
    given = Credentials(Secret(client_id), Secret(client_secret), Secret(refresh_token), "typed")
    result = check(settings, given)
    if not result.ok:
        return result, None
    return result, secrets.save(given.client_id, given.client_secret, given.refresh_token)


def setup(settings, region: str, codes: list[str], client_id: str, client_secret: str, refresh_token: str):
    """What ``sellertui connect`` and the app's Connect screen do: check the credentials for ``region`` and the
    marketplaces ``codes``; when Amazon accepts them, keep them and remember region and marketplaces in
    config.toml. Returns (the check, where the credentials were kept or None)."""
    from sellertui import config

    section = settings.section("amazon")
    api = ApiSettings.from_section({**section, "region": region, "marketplaces": codes}, settings.marketplace)
    found, kept = connect(api, client_id, client_secret, refresh_token)
    if kept:
        config.save_value(settings.path, "amazon.region", api.region)
        config.save_value(settings.path, "amazon.marketplaces", [m.code for m in api.marketplaces])
        settings.sections.setdefault("amazon", {}).update(region=api.region,
                                                          marketplaces=[m.code for m in api.marketplaces])
    return found, kept


def forget() -> list[str]:
    return secrets.forget()
