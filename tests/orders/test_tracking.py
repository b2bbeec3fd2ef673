"""Tracking links per carrier and the tracking message."""

from __future__ import annotations

import pytest

from sellertui.core.errors import UserError
from sellertui.domain.orders import tracking
from tests.reviews.conftest import order_line


@pytest.mark.parametrize("carrier, number, link", [
    ("UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"),
    ("USPS", "9400111899223891234567", "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223891234567"),
    ("Amazon Logistics", "TBA123456789012", "https://track.amazon.com/tracking/TBA123456789012"),
    ("Other", "ZX 12/34", "https://t.17track.net/en#nums=ZX%2012%2F34"),
])
def test_each_carrier_has_its_page_and_the_number_is_quoted(carrier, number, link) -> None:
    assert tracking.tracking_link(carrier, number) == link
    assert tracking.tracking_link(carrier, "") is None


def test_the_message_uses_the_users_template_when_there_is_one(store) -> None:
    line = order_line("112-1", "FBM", "Rosa Diaz", shipment={"carrier": "UPS", "tracking": "1Z999AA10123456784"})
    text, missing = tracking.tracking_message(store, [line])
    assert text.startswith("Hi Rosa,") and "https://www.ups.com/track?tracknum=1Z999AA10123456784" in text
    assert missing == []
    with store.transaction("my template") as tx:
        tx["reply_templates"].insert({"name": "Tracking details", "text": "{carrier} {tracking_number} {nothing}"})
    assert tracking.tracking_message(store, [line]) == ("UPS 1Z999AA10123456784 {nothing}", [])
    with pytest.raises(UserError, match="shipped FBM order"):
        tracking.tracking_message(store, [order_line("112-2", "FBA", "Ola")])
