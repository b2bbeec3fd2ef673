"""Connect to Seller Central from the app: the same check as `sellertui connect`, keyboard only.

The three secrets are typed hidden and never shown again: they go to the
system keyring (or a 0600 secrets.toml) only once Amazon accepts them.
"""

from __future__ import annotations

from sellertui.domain import fields
from sellertui.ui.kit.forms import Field, FormScreen
from sellertui.core.i18n import N_, _

REGIONS = [(N_("North America (NA: US, CA, MX, BR)"), "NA"), (N_("Europe (EU: UK, DE, FR, IT, ES, …)"), "EU"),
           (N_("Far East (FE: JP, AU, SG)"), "FE")]


def _codes(text: str) -> list[str]:
    codes = [c.strip().upper() for c in text.replace(" ", ",").split(",") if c.strip()]
    if not codes:
        raise fields.FieldError(_("at least one marketplace, e.g. US or UK,DE"))
    return codes


def secret_fields(id_help: str, token_help: str) -> list[Field]:
    """The three Login with Amazon secrets, typed hidden (the SP-API's and the Ads API's forms)."""
    secret = lambda t: fields.text(t, required=True, max_length=2000)  # noqa: E731
    return [Field("client_id", _("LWA client id"), secret, secret=True, help=id_help),
            Field("client_secret", _("LWA client secret"), secret, secret=True),
            Field("refresh_token", _("Refresh token"), secret, secret=True, help=token_help)]


def connect_form(section: dict, home_market: str) -> FormScreen:
    return FormScreen(_("Connect to Seller Central"), [
        *secret_fields(_("Developer Central › your app › View (amzn1.application-oa2-client…)"),
                       _("from the app's self-authorisation (Authorize app); starts Atzr|")),
        Field("region", _("Region"), kind="choice", choices=REGIONS, value=section.get("region") or "NA"),
        Field("marketplaces", _("Marketplaces"), _codes,
              value=",".join(section.get("marketplaces") or []) or home_market, help=_("codes, e.g. US,CA,MX")),
    ], submit_label=_("Check and connect"))
