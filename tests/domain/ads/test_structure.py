"""The synced campaign structure makes ids, harvest destinations and current bids real."""

from __future__ import annotations

from sellertui.domain.ads.campaigns import catalogue, destinations
from sellertui.domain.ads.rules import bid_proposals, harvest_proposals
from sellertui.domain.ads.settings import AdsRules
from sellertui.domain.ads.structure import Structure
from tests.domain.ads.helpers import WINDOW, book, exact, keywords, row, terms


def entity(kind: str, amazon_id: str, campaign: str = "", group: str = "", **fields) -> dict:
    return {"id": f"{kind}|{amazon_id}", "entity": kind, "amazon_id": amazon_id, "campaign_id": campaign,
            "ad_group_id": group, "state": "enabled", **fields}


STRUCTURE = [
    entity("campaign", "111", "111", name="SP | Auto | ABC", targeting_type="AUTO"),
    entity("campaign", "333", "333", name="SP | Exact | ABC", targeting_type="MANUAL"),
    entity("campaign", "666", "666", name="SP | Exact | Quiet", targeting_type="MANUAL"),
    entity("campaign", "999", "999", name="SP | Gone", targeting_type="MANUAL", state="archived"),
    entity("ad_group", "222", "111", "222", name="Auto – ABC", default_bid_minor=50),
    entity("ad_group", "444", "333", "444", name="Exact – ABC", default_bid_minor=60),
    entity("ad_group", "667", "666", "667", name="Exact – Quiet", default_bid_minor=40),
    entity("keyword", "555", "333", "444", text="cutting board", match_type="EXACT", bid_minor=120),
    entity("keyword", "556", "333", "444", text="chopping board", match_type="EXACT", bid_minor=None),
    entity("keyword", "668", "666", "667", text="quiet board", match_type="EXACT", bid_minor=70),
]


def structure(store, records=STRUCTURE) -> Structure:
    with store.transaction("a synced structure") as tx:
        tx["ad_entities"].upsert_many([dict(r) for r in records])
    return Structure.load(store)


def test_without_a_sync_nothing_changes(store) -> None:
    frame = terms(row("waste", clicks=5, campaign_id="", ad_group_id=""))
    found = Structure.load(store)
    assert not found and found.with_ids(frame) is frame and found.extend({}) == {}


def test_blank_ids_are_filled_in_by_campaign_and_ad_group_name(store) -> None:
    frame = structure(store).with_ids(terms(row("waste", clicks=5, campaign_id="", ad_group_id="")))
    assert (frame["campaign_id"].iloc[0], frame["ad_group_id"].iloc[0]) == ("111", "222")


def test_current_bids_come_from_amazon_the_ad_group_default_when_the_keyword_has_none(store) -> None:
    found = structure(store).with_bids(keywords(exact("cutting board", clicks=20, spend=600, bid=100, keyword_id=""),
                                                exact("chopping board", clicks=20, spend=600, keyword_id="")))
    bids = dict(zip(found["targeting"], zip(found["keyword_id"], found["bid_minor"])))
    assert bids == {"cutting board": ("555", 120.0), "chopping board": ("556", 60.0)}
    (p,) = [p for p in bid_proposals(found, book(), AdsRules(), WINDOW) if p.term == "cutting board"]
    assert p.current_bid_minor == 120 and p.keyword_id == "555"  # the bid Amazon has, not the bulk file's $1.00


def test_every_live_manual_campaign_is_a_harvest_destination_with_its_ids(store) -> None:
    frame = terms(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000), exact("x", clicks=1))
    campaigns = structure(store).extend(catalogue(frame))
    assert "SP | Gone" not in campaigns and campaigns["SP | Exact | Quiet"].campaign_id == "666"
    places = [(p.campaign, p.ad_group, p.ad_group_id) for p in destinations(campaigns, asin=False)]
    assert places == [("SP | Exact | ABC", "Exact – ABC", "444"), ("SP | Exact | Quiet", "Exact – Quiet", "667")]
    (harvest,) = harvest_proposals(frame, book(), AdsRules(), WINDOW, campaigns)
    assert (harvest.dest_campaign_id, harvest.dest_ad_group_id) == ("333", "444")
