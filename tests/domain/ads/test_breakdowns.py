"""Keywords, products, keyword research and the reports list, from imported hand-made reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sellertui.domain.ads import bulk
from sellertui.domain.ads.research import harvest_proposal
from sellertui.domain.ads.service import AdsService
from sellertui.domain.ads.window import Window
from sellertui.domain.frames import FrameCache
from tests.ads_files import sp_summary
from tests.importers.conftest import fixture, run_import

JANUARY = Window.custom(date(2026, 1, 1), date(2026, 1, 31))


@pytest.fixture
def service(store):
    for name in ("sp-targeting-us-summary.csv", "sb-targeting-us-summary.csv", "sd-targeting-us-daily.csv",
                 "sp-advertised-products-us-daily.csv", "sd-advertised-products-us.csv",
                 "top-search-terms-us-weekly.csv", "search-query-performance-us-asin.csv",
                 "search-terms-us-summary.csv"):
        run_import(store, fixture(name))
    with store.transaction("a product") as tx:
        tx["products"].upsert_many([{"id": "MM-BCB-L", "sku": "MM-BCB-L", "asin": "B0AAAAAAA1", "currency": "USD"}])
    return AdsService(store, FrameCache(store), {})


def test_keywords_add_up_targets_of_every_ad_product(service) -> None:
    frame, found = service.keywords(JANUARY)
    assert len(frame) == 8 and found.partial == 0
    assert int(frame["spend_minor"].sum()) == 20518 + 11140 + 2720
    large = frame[frame["targeting"] == "large cutting board"].iloc[0]
    assert (large["ad_product"], large["clicks"], large["top_of_search"]) == ("SP", 61, 18.42)
    assert large["acos"] == pytest.approx(11834 / 35272)
    brand = frame[frame["targeting"] == "maple moss"].iloc[0]
    assert (brand["ad_product"], brand["new_to_brand_orders"]) == ("SB", 4)


def test_products_add_up_per_product_with_their_share_and_halo(service) -> None:
    frame, _ = service.products(JANUARY)
    large = frame[(frame["sku"] == "MM-BCB-L") & (frame["ad_product"] == "SP")]
    assert int(large["spend_minor"].sum()) == 801 + 1358
    auto = large[large["campaign"] == "SP | Auto | BCB"].iloc[0]
    assert auto["own_share"] == pytest.approx(3998 / 5997)  # the advertised SKU's part of the attributed sales
    assert frame["spend_share"].sum() == pytest.approx(1.0)  # shares of the window's spend, SP and SD together
    assert frame.loc[frame["ad_product"] == "SD", "spend_share"].item() == pytest.approx(1120 / (2426 + 1120))


def test_research_joins_top_search_terms_and_the_query_performance_of_the_shops_asin(service) -> None:
    frame = service.research(JANUARY).set_index("term")
    bamboo = frame.loc["bamboo cutting board"]
    assert (bamboo["rank"], bamboo["volume"], bamboo["period"]) == (5880, 58210, "2026-01-18..2026-01-24")
    assert (bamboo["own_impression_share"], bamboo["own_click_share"], bamboo["own_purchase_share"]) == (
        2.02, 3.0, 3.46)  # SQP's own shares win over the Top Search Terms click share (9.87)
    assert frame.loc["cutting board", "own_click_share"] == 6.1  # no SQP row: the shop's product in the top three
    assert frame.loc["large cutting board", "in_ads"] == "exact"  # targeted exact in the search-term report
    assert frame.loc["bamboo cutting board", "in_ads"] == "searched"
    assert list(frame.index[:2]) == ["bamboo cutting board", "large cutting board"]  # most volume first


def test_a_research_term_harvests_into_a_keyword_without_a_negative() -> None:
    p = harvest_proposal("end grain cutting board", "USD", 95, JANUARY.as_dict())
    record = {**p.as_dict(), "dest_campaign_id": "111", "dest_ad_group_id": "222", "status": "approved"}
    (row,) = bulk.rows_for(record)
    assert (row["Entity"], row["Keyword Text"], row["Match Type"], str(row["Bid"])) == (
        "Keyword", "end grain cutting board", "exact", "0.95")


def test_the_reports_list_says_how_much_of_each_newer_reports_cover(service, store, tmp_path: Path) -> None:
    run_import(store, sp_summary(tmp_path / "later.csv", "2026-01-25", "2026-02-07", {"bamboo board": 1400}))
    frame = service.reports().set_index("id")
    older = frame.loc["search-terms|US|2026-01-01..2026-01-31|summary|7d"]
    assert (older["days"], older["covered"], older["what"]) == (31, 7, "SP search terms")
    assert frame.loc["sd-targeting|US|2026-01-12..2026-01-12|daily|14d", "covered"] == 0
