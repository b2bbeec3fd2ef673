"""One SP-API session outside a sync: an action the user confirmed (a message to a buyer) sent now.

``connected()`` is cheap enough for a worker to ask before offering to send;
``session(shop)`` opens the paced client with the shop's settings and raises
``NotConnected`` (a ``UserError``) without credentials. Errors are redacted
like the sync's: no secret or token ever reaches a sentence.
"""

from __future__ import annotations

from contextlib import contextmanager

from sellertui.amazon import credentials as secrets
from sellertui.core.i18n import _


def connected() -> bool:
    return secrets.load(secrets.SP) is not None


@contextmanager
def session(shop):
    from sellertui.amazon.client import SpApi
    from sellertui.amazon.errors import NotConnected
    from sellertui.core.errors import UserError
    from sellertui.domain.sync.runner import NOT_CONNECTED, api_settings

    creds = secrets.load(secrets.SP)
    if creds is None:
        raise NotConnected(_(NOT_CONNECTED))
    with SpApi(api_settings(shop), creds) as api:
        try:
            yield api
        except UserError as exc:
            text = secrets.redact(str(exc), creds)
            for token in api.tokens.revealed():
                text = text.replace(token, "…")
            raise UserError(text) from None
