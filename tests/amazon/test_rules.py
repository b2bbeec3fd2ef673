"""The sync's rules, one by one: settings, marketplaces, windows, ship confirmations, summaries."""

from __future__ import annotations

from datetime import date, datetime, timezone
from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st

from sellertui.amazon.settings import ENDPOINTS, ApiSettings
from sellertui.core.errors import UserError
from sellertui.core.markets import MARKETS, by_amazon_id
from sellertui.domain.sync import confirmations
from sellertui.domain.sync.context import RunContext
from sellertui.domain.sync.reports_streams import REQUESTED, window
from sellertui.domain.sync.results import StreamResult, SyncResult
from sellertui.importers.kinds.orders_api import _negated


def test_settings_default_to_amazons_endpoint_for_the_region_and_the_shops_marketplace() -> None:
    settings = ApiSettings.from_section({"region": "eu"}, "DE")
    assert settings.endpoint == ENDPOINTS["EU"] and settings.token_url == "https://api.amazon.com/auth/o2/token"
    assert settings.marketplace_ids == ["A1PA6795UKMFR9"]


@pytest.mark.parametrize("section, words", [
    ({"region": "SA"}, "region must be NA, EU or FE"),
    ({"marketplaces": ["XX"]}, "unknown marketplace 'XX'"),
    ({"marketplaces": ["CN"]}, "CN (Taobao / JD) is not an Amazon marketplace"),
    ({"marketplaces": ["JP"]}, "JP is served by the FE region, not NA"),
    ({"sp_api_endpoint": "ftp://example.com"}, "sp_api_endpoint must be an https:// URL"),
    ({"lwa_token_url": "http://proxy.example.com/token"}, "plain http only to this machine"),
])
def test_wrong_settings_are_one_sentence(section, words) -> None:
    with pytest.raises(UserError) as caught:
        ApiSettings.from_section({"region": "NA", **section})
    assert words in str(caught.value)


def test_config_takes_a_list_of_marketplaces_and_refuses_anything_else(tmp_path) -> None:
    from sellertui import config

    path = tmp_path / "config.toml"
    path.write_text('[amazon]\nmarketplaces = ["US", "CA"]\n')
    assert config.load(path).section("amazon")["marketplaces"] == ["US", "CA"]
    path.write_text('[amazon]\nmarketplaces = "US"\n')
    with pytest.raises(config.ConfigError, match="'amazon.marketplaces' must be a list of strings"):
        config.load(path)


def test_every_amazon_marketplace_has_an_id_and_a_region_and_is_found_by_it() -> None:
    for market in MARKETS.values():
        if market.code != "CN":
            assert market.region in ENDPOINTS and by_amazon_id(market.amazon_id) is market
    assert by_amazon_id("NOPE") is None


def run_at(since: date | None = None, first_sync_days: int = 30) -> RunContext:
    settings = SimpleNamespace(first_sync_days=first_sync_days)
    return RunContext(None, None, None, None, settings, MARKETS["US"], since)


@pytest.mark.parametrize("stream, checkpoint, expected", [
    ("transactions", None, ("2026-10-23T09:00:00Z", "2026-11-22T09:00:00Z")),  # first sync: 30 days
    ("transactions", "2026-11-22T08:30:00Z", ("2026-11-22T08:30:00Z", "2026-11-22T09:00:00Z")),
    ("transactions", "2026-11-22T08:59:30Z", None),  # less than a minute: nothing new to ask for
    ("transactions", "2026-01-01T00:00:00Z", ("2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z")),  # 30 days at most
    ("business", None, ("2026-10-23", "2026-11-21")),  # whole days, to yesterday
    ("business", "2026-11-20", ("2026-11-21", "2026-11-21")),
    ("business", "2026-11-21", None),
    ("inventory", "2026-11-22T08:00:00Z", (None, "2026-11-22T09:00:00Z")),  # a snapshot: now
])
def test_request_windows(stream, checkpoint, expected) -> None:
    assert window(run_at(), REQUESTED[stream][0], checkpoint) == expected


def test_since_starts_the_window_there_whatever_the_checkpoint() -> None:
    spec = REQUESTED["returns"][0]
    assert window(run_at(date(2026, 11, 20)), spec, "2026-11-22T08:00:00Z")[0] == "2026-11-20T00:00:00Z"


def test_the_ship_date_is_noon_in_the_marketplace_never_in_the_future() -> None:
    assert confirmations.ship_moment("2026-11-21", "US") == "2026-11-21T20:00:00Z"
    assert confirmations.ship_moment("2026-11-21", "UK") == "2026-11-21T12:00:00Z"
    assert confirmations.ship_moment("2026-11-22", "JP") == "2026-11-22T03:00:00Z"
    assert confirmations.ship_moment("2026-11-22", "US") == "2026-11-22T09:00:00Z"  # noon Pacific is still ahead


def record(carrier: str = "Royal Mail", item_id: str = "123") -> dict:
    return {"carrier": carrier, "tracking": "AB123456789GB", "ship_date": "2026-11-21", "marketplace": "UK",
            "method": "", "items": [{"order_item_id": item_id, "quantity": 2, "sku": "A", "line_id": "o/A"}]}


def test_a_package_carries_amazons_carrier_code_and_the_name_only_for_other() -> None:
    detail = confirmations.package(record())
    assert detail["carrierCode"] == "Royal Mail" and "carrierName" not in detail and "shippingMethod" not in detail
    assert detail["orderItems"] == [{"orderItemId": "123", "quantity": 2}]
    other = confirmations.package(record("Evri"))
    assert (other["carrierCode"], other["carrierName"]) == ("Other", "Evri")
    assert confirmations.package(record("Amazon Logistics"))["carrierCode"] == "AMZN_US"
    with pytest.raises(UserError, match="no Amazon order item id for A"):
        confirmations.package(record(item_id=""))


def test_summaries_read_as_sentences() -> None:
    ok = StreamResult("settlements", "US", new=14, reports=1)
    assert ok.line() == "settlements US: 14 new, 0 updated, 0 unchanged, 1 report downloaded"
    bad = StreamResult("returns", "US", cancelled=["GET_X 2026-11-01..2026-11-02"], errors=["it broke"])
    assert bad.line() == ("returns US: 0 new, 0 updated, 0 unchanged, no data for GET_X 2026-11-01..2026-11-02 "
                          "— failed: it broke")
    sent = StreamResult("confirmations", "US", sent=2, rejected=1)
    assert sent.line().startswith("confirmations US: 2 confirmed, 1 rejected by Amazon")
    result = SyncResult("t", streams=[ok, bad], credentials_problem=None)
    assert not result.ok and result.as_json()["streams"][0]["ok"] is True


@given(st.decimals(-10_000, 10_000, places=2, allow_nan=False))
def test_a_discount_is_written_negative_as_the_reports_write_it(amount) -> None:
    text = str(amount)
    flipped = _negated(text)
    assert float(flipped or 0) == -float(text) or float(text) == 0
    assert _negated("") == "" and _negated("0.00") == "0.00"


def test_times_are_utc_with_a_z() -> None:
    from sellertui.domain.sync.context import iso, parse_iso

    moment = datetime(2026, 11, 22, 1, 2, 3, tzinfo=timezone.utc)
    assert iso(moment) == "2026-11-22T01:02:03Z" and parse_iso("2026-11-22T01:02:03Z") == moment
