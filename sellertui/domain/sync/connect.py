"""``sellertui connect``: check credentials with one cheap call before keeping them; check again; forget."""

from __future__ import annotations

from sellertui.amazon import credentials as secrets
from sellertui.amazon.credentials import Credentials, Secret
from sellertui.amazon.errors import NotConnected
from sellertui.amazon.settings import ApiSettings
from sellertui.domain.sync.runner import NOT_CONNECTED


def check(settings: ApiSettings, creds: Credentials | None = None):
    """Exchange the token and list the account's marketplaces (``amazon.connection.Check``).

    ``AuthError`` (invalid grant, invalid client…) and ``Unreachable`` propagate with their sentence.
    """
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.connection import check as check_api

    creds = creds or secrets.load()
    if creds is None:
        raise NotConnected(NOT_CONNECTED)
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


def forget() -> list[str]:
    return secrets.forget()
