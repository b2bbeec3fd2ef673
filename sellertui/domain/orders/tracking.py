"""Logistics of a shipped FBM order: the carrier's tracking page, and the message that sends it to the buyer.

The links are the carriers' public tracking pages with the number in the
query; a carrier without one (Other) goes to 17TRACK, which follows most
postal services and couriers by number alone.
"""

from __future__ import annotations

from urllib.parse import quote

from sellertui.core.i18n import _
from sellertui.domain.orders import templates

TRACKING_URLS = {
    "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}",
    "UPS": "https://www.ups.com/track?tracknum={n}",
    "FedEx": "https://www.fedex.com/fedextrack/?trknbr={n}",
    "DHL": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={n}",
    "Amazon Logistics": "https://track.amazon.com/tracking/{n}",
    "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/{n}",
    "Canada Post": "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={n}",
    "Japan Post": "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={n}&locale=en",
    "China Post": "https://t.17track.net/en#nums={n}",
}
ANY_CARRIER = "https://t.17track.net/en#nums={n}"
TEMPLATE_NAME = "Tracking details"


def tracking_link(carrier: str | None, number: str | None) -> str | None:
    """The page where the buyer follows the parcel (None without a tracking number)."""
    if not number:
        return None
    return TRACKING_URLS.get(carrier or "", ANY_CARRIER).format(n=quote(str(number).strip(), safe=""))


def shipment_of(lines: list[dict]) -> dict | None:
    """The shipment of a shipped FBM order (None: not shipped, or Amazon ships it)."""
    for line in lines:
        if line.get("channel") == "FBM" and (line.get("shipment") or {}).get("tracking"):
            return line["shipment"]
    return None


def tracking_template(store) -> dict:
    """The user's template named "Tracking details" when there is one, else the built-in one."""
    for template in store["reply_templates"].all():
        if template.get("name", "").strip().lower() == TEMPLATE_NAME.lower():
            return template
    name, text = next((n, t) for n, _when, t in templates.DEFAULTS if n == TEMPLATE_NAME)
    return {"id": "default-tracking", "name": name, "when": "shipped", "text": text, "builtin": True}


def tracking_message(store, lines: list[dict]) -> tuple[str, list[str]]:
    """The tracking message for a shipped FBM order, filled, and the variables that had no value."""
    shipment = shipment_of(lines)
    if shipment is None:
        from sellertui.core.errors import UserError

        raise UserError(_("only a shipped FBM order with a tracking number has a tracking message"))
    first = lines[0]
    values = templates.template_values({"order_id": first["order_id"], "buyer_name": first.get("buyer_name")}, first)
    return templates.fill(tracking_template(store)["text"], values)
