"""The watch stream against the stand-in: Product Pricing's offers and Catalog Items' rank, in Amazon's shapes."""

from __future__ import annotations

import json

from sellertui.domain.sync.runner import sync
from sellertui.domain.watch import snapshots, watchlist
from sellertui.domain.watch.alerts import WatchSettings, all_alerts
from sellertui.domain.watch.from_api import catalog_fields, offers_fields
from sellertui import clock
from tests.amazon.standin_products import catalog_item, offers_payload

OWN, RIVAL, GONE = "B0OWN00001", "B0RIVAL001", "B0GONE0001"


def run(shop, **kw):
    return sync(shop, ["watch"], sleep=lambda s: None, **kw)


def watch(shop, own: bool, *asins: str) -> None:
    for asin in asins:
        watchlist.add(shop.store, asin, "US", own=own)


def test_each_watched_asin_gets_todays_price_buy_box_offers_and_rank(connected, shop) -> None:
    watch(shop, True, OWN)
    watch(shop, False, RIVAL)
    connected.offers = {OWN: offers_payload(OWN, 24.99, winner="AMYSELLER", mine=True, count=2),
                        RIVAL: offers_payload(RIVAL, 21.5, winner="A1RIVAL", lowest=20.99, count=7)}
    connected.catalog = {OWN: catalog_item(OWN, 1200, title="Maple board"), RIVAL: catalog_item(RIVAL, 800)}
    result = run(shop)
    assert result.ok and result.streams[0].new == 2
    ops = connected.operations()
    assert ops.count("getItemOffersBatch") == 1 and ops.count("getCatalogItem") == 2  # one batch for both
    (own,) = snapshots.history(shop.store, "US", OWN)
    (rival,) = snapshots.history(shop.store, "US", RIVAL)
    assert (own["price_minor"], own["buybox_mine"], own["buybox_seller"], own["offers"], own["rank"],
            own["title"]) == (2499, True, "AMYSELLER", 2, 1200, "Maple board")
    assert (rival["price_minor"], rival["lowest_minor"], rival["buybox_mine"], rival["offers"],
            rival["rank_category"]) == (2150, 2099, False, 7, "Kitchen & Dining")
    assert own["day"] == clock.today().isoformat() and own["sources"]["price_minor"] == "api"


def test_the_request_is_the_models_batch_shape(connected, shop) -> None:
    watch(shop, False, *(f"B0RIVAL{i:03d}" for i in range(25)))
    connected.offers = {f"B0RIVAL{i:03d}": offers_payload(f"B0RIVAL{i:03d}", 10.0) for i in range(25)}
    connected.catalog = {f"B0RIVAL{i:03d}": catalog_item(f"B0RIVAL{i:03d}", 100 + i) for i in range(25)}
    assert run(shop).ok
    assert connected.operations().count("getItemOffersBatch") == 2  # 20 + 5: the model's maximum per batch
    catalog_paths = [c[1] for c in connected.calls if c[0] == "getCatalogItem"]
    assert catalog_paths[0] == "/catalog/2022-04-01/items/B0RIVAL000"


def test_a_refused_asin_is_named_and_the_others_are_kept(connected, shop) -> None:
    watch(shop, False, RIVAL, GONE)
    connected.offers = {RIVAL: offers_payload(RIVAL, 21.5)}
    connected.catalog = {}
    result = run(shop)
    stream = result.streams[0]
    assert not result.ok and stream.new == 1
    assert any(e.startswith(f"{GONE}: no offers from Amazon (ASIN {GONE} is not valid") for e in stream.errors)
    assert any(e.startswith(f"{RIVAL}: no sales rank from Amazon") for e in stream.errors)
    (rival,) = snapshots.history(shop.store, "US", RIVAL)
    assert rival["price_minor"] == 2150 and rival["rank"] is None


def test_a_lost_buy_box_after_two_syncs_is_an_alert(connected, shop, monkeypatch) -> None:
    watch(shop, True, OWN)
    connected.catalog = {OWN: catalog_item(OWN, 1000)}
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-21T09:00:00+00:00")
    connected.offers = {OWN: offers_payload(OWN, 24.99, winner="AMYSELLER", mine=True)}
    assert run(shop).ok
    monkeypatch.setenv("SELLERTUI_NOW", "2026-11-22T09:00:00+00:00")
    connected.offers = {OWN: offers_payload(OWN, 22.49, winner="A1RIVAL", mine=False)}
    assert run(shop).ok
    assert len(snapshots.history(shop.store, "US", OWN)) == 2
    (alert,) = all_alerts(shop.store, WatchSettings(), clock.today())
    assert alert.kind == "lost_buybox" and "held by A1RIVAL at $22.49" in alert.text


def test_nothing_watched_means_no_call_and_the_dry_run_says_what_it_would_ask(connected, shop) -> None:
    assert run(shop).ok and "getItemOffersBatch" not in connected.operations()
    watch(shop, False, RIVAL)
    planned = run(shop, dry_run=True)
    assert planned.streams[0].would == [{"what": "snapshot 1 watched ASIN(s): offers (getItemOffersBatch) and "
                                                 "sales rank (getCatalogItem)"}]


def test_the_models_own_sandbox_answer_parses() -> None:
    """productPricingV0.json's getItemOffers sandbox payload (B2B tiers included) and a catalog item."""
    from pathlib import Path

    model = Path("/work/shared/amazon-api/sp-api/productPricingV0.json")
    if not model.exists():
        import pytest

        pytest.skip("the SP-API models are not on this machine")
    spec = json.loads(model.read_text())
    sandbox = spec["paths"]["/products/pricing/v0/items/{Asin}/offers"]["get"]["responses"]["200"]
    payload = sandbox["x-amzn-api-sandbox"]["static"][1]["response"]["payload"]  # the Business one
    fields = offers_fields(payload)
    assert fields["lowest_minor"] is None and fields["buybox_price_minor"] is None  # B2B only: not a shopper's
    consumer = sandbox["x-amzn-api-sandbox"]["static"][0]["response"]["payload"]
    fields = offers_fields(consumer)
    assert (fields["price_minor"], fields["offers"], fields["buybox_mine"]) == (1000, 1, False)
    assert catalog_fields({"salesRanks": []}, "ATVPDKIKX0DER") == {"title": None}
