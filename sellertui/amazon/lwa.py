"""Login with Amazon: the refresh token exchanged for an access token, kept in memory only.

The access token lasts 3,600 s; it is renewed 60 s before it expires, or at
once when the API answers that it expired. Amazon's LWA errors become one
sentence each saying what to fix; the request (which carries the secrets) is
never part of a message.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

from sellertui.amazon.credentials import SP, Credentials, Vault
from sellertui.amazon.errors import AuthError, Unreachable
from sellertui.core.i18n import N_, _

EARLY = 60.0  # renew this long before the token expires

# what to do about each refusal, per API: where the app's credentials come from and how to authorise again
WHERE = {
    "sp_api": {"authorise": N_("self-authorise the app again in Seller Central"),
               "credentials": N_("the app's LWA credentials in Developer Central"),
               "app": N_("an SP-API app registered in Developer Central, not a Login with Amazon web app")},
    "ads_api": {"authorise": N_("authorise the app again with your Ads account (Login with Amazon consent for "
                                "advertising::campaign_management)"),
                "credentials": N_("the Login with Amazon security profile of your Ads API app"),
                "app": N_("a Login with Amazon security profile approved for the Amazon Ads API")},
}
FIXES = {
    "invalid_grant": N_("Login with Amazon refused the refresh token (invalid_grant): it was revoked, expired or "
                        "belongs to another app; {authorise} and run `{connect}` with the new refresh token"),
    "invalid_client": N_("Login with Amazon does not know this client id and secret (invalid_client): copy both "
                         "again from {credentials} (the secret may have been rotated)"),
    "unauthorized_client": N_("Login with Amazon says this app may not use refresh tokens (unauthorized_client): "
                              "the app must be {app}"),
    "invalid_request": N_("Login with Amazon rejected the token request (invalid_request): a credential is empty "
                          "or malformed; run `{connect}` again"),
}


def fix(code: str, vault: Vault = SP) -> str | None:
    """What to do about a Login with Amazon refusal, in the words of the API it was for."""
    template = FIXES.get(code)
    if template is None:
        return None
    return _(template).format(connect=vault.connect, **{k: _(v) for k, v in WHERE[vault.section].items()})


class AccessTokens:
    """Hands out a valid access token, exchanging the refresh token when needed (thread-safe)."""

    def __init__(self, credentials: Credentials, token_url: str, post: Callable[..., object],
                 clock: Callable[[], float] = time.monotonic, vault: Vault = SP) -> None:
        self._credentials = credentials
        self._vault = vault
        self._url = token_url
        self._post = post  # httpx.Client.post (or a stand-in in unit tests)
        self._clock = clock
        self._token: str | None = None
        self._expires = 0.0
        self._lock = threading.Lock()
        self.exchanges = 0  # how many times the refresh token was exchanged (tests and the sync summary)

    def token(self) -> str:
        with self._lock:
            if self._token is None or self._clock() >= self._expires - EARLY:
                self._exchange()
            return self._token

    def expire(self, stale: str | None = None) -> None:
        """Forget the token (the API said it expired) so the next call exchanges again."""
        with self._lock:
            if stale is None or stale == self._token:
                self._token = None

    def revealed(self) -> list[str]:
        """The current access token, for redacting it from anything shown."""
        return [self._token] if self._token else []

    def _exchange(self) -> None:
        c = self._credentials
        form = {"grant_type": "refresh_token", "refresh_token": c.refresh_token.reveal(),
                "client_id": c.client_id.reveal(), "client_secret": c.client_secret.reveal()}
        try:
            response = self._post(self._url, data=form, headers={"Accept": "application/json"})
        except Exception as exc:  # noqa: BLE001 - httpx errors; their text may include the URL, never the form
            raise Unreachable(_("cannot reach Login with Amazon at {url} ({error})").format(
                url=self._url, error=type(exc).__name__)) from None
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400 or not isinstance(body, dict) or "access_token" not in body:
            code = str(body.get("error", "")) if isinstance(body, dict) else ""
            known = fix(code, self._vault)
            if known is not None:
                raise AuthError(known, code)
            if response.status_code >= 500:
                raise Unreachable(_("Login with Amazon is failing ({status}); try again later").format(
                    status=response.status_code))
            raise AuthError(_("Login with Amazon answered {status} {code}; check the client id, secret and refresh "
                              "token with `{connect}`").format(status=response.status_code,
                                                               code=code or _("without a token"),
                                                               connect=self._vault.connect), code)
        self._token = str(body["access_token"])
        lifetime = body.get("expires_in", 3600)
        self._expires = self._clock() + (float(lifetime) if isinstance(lifetime, (int, float)) else 3600.0)
        self.exchanges += 1
