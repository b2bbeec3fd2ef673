"""Checking a connection with one cheap call, and saying exactly what is wrong.

The token exchange proves the client id, secret and refresh token (LWA's
invalid_grant / invalid_client / unauthorized_client become sentences in
``lwa``); getMarketplaceParticipations (Sellers API) proves the region and
lists the marketplaces the account sells in, so a marketplace of another
region, or one the account does not sell in, is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sellertui.amazon.client import SpApi
from sellertui.amazon.errors import ApiError
from sellertui.core.i18n import _
from sellertui.core.markets import by_amazon_id


@dataclass
class Check:
    ok: bool
    problems: list[str] = field(default_factory=list)
    selling_in: list[str] = field(default_factory=list)  # marketplace codes (or ids sellertui does not know)


def check(api: SpApi) -> Check:
    """Exchange the token and list the account's marketplaces; AuthError/Unreachable propagate as they are."""
    settings = api.settings
    api.tokens.token()
    try:
        body = api.call("getMarketplaceParticipations", "GET", "/sellers/v1/marketplaceParticipations").body
    except ApiError as exc:
        if exc.status == 403:
            return Check(False, [_("Amazon refused the {region} endpoint ({reason}): either the account does not "
                                   "sell in the {region} region (set [amazon] region to NA, EU or FE) or the app "
                                   "lacks the Selling Partner Insights role (add it in Developer Central and "
                                   "authorise the app again)").format(region=settings.region, reason=exc.reason)])
        raise
    participations = body.get("payload") or [] if isinstance(body, dict) else []
    ids = [str((p.get("marketplace") or {}).get("id", "")) for p in participations if isinstance(p, dict)]
    selling = [(by_amazon_id(i).code if by_amazon_id(i) else i) for i in ids if i]
    problems = []
    for market in settings.marketplaces:
        if market.amazon_id not in ids:
            problems.append(_("the account does not sell in {code} ({name}) in the {region} region; it sells in "
                              "{selling}").format(code=market.code, name=market.name, region=settings.region,
                                                  selling=", ".join(selling) or _("no marketplace")))
    return Check(not problems, problems, selling)
