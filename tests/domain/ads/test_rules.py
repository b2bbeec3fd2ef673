"""The negate, harvest and bid rules on hand-made rows, numbers worked by hand.

Target ACoS of the ABC campaigns: 35 %, target cost per order $7.00 (see helpers).
"""

from __future__ import annotations

import pytest

from sellertui.domain.ads.campaigns import catalogue
from sellertui.domain.ads.proposal import proposal_key
from sellertui.domain.ads.rules import bid_proposals, harvest_proposals, negate_proposals
from sellertui.domain.ads.settings import AdsRules
from tests.domain.ads.helpers import WINDOW, book, exact, keywords, row, terms


def negations(*rows, **rules):
    return {p.term: p for p in negate_proposals(terms(*rows), book(**rules), AdsRules(**rules), WINDOW)}


# -- negate ----------------------------------------------------------------------
@pytest.mark.parametrize("waste_clicks, fires, threshold", [
    (30, True, "1.5 × 15.0 clicks per order of the ad group) = 22.5"),  # (30 + 30) / 4 = 15 per order
    (20, True, "1.5 × 12.5 clicks per order of the ad group) = 18.8"),  # 50 / 4 = 12.5 → 18.75
    (15, False, None),  # 45 / 4 = 11.25 → 16.9 > 15
])
def test_negate_after_max_of_min_clicks_and_1_5_clicks_per_order(waste_clicks, fires, threshold) -> None:
    found = negations(row("seller", clicks=30, orders=4, spend=900, sales=8000),
                      row("waste", clicks=waste_clicks, spend=waste_clicks * 20))  # $0.20 a click: under $7.00
    assert ("waste" in found) is fires
    if fires:
        p = found["waste"]
        assert p.rules == ["clicks"] and threshold in p.reason and p.action == "negate exact"
        assert p.clicks == waste_clicks and p.orders == 0 and p.acos is None


def test_the_minimum_clicks_binds_when_orders_come_cheap() -> None:
    # 5 orders from 10 clicks: (10 + 9) / 5 = 3.8 clicks per order → 1.5 × 3.8 = 5.7 < the minimum 10
    assert "waste" not in negations(row("seller", clicks=10, orders=5, sales=10000), row("waste", clicks=9, spend=90))
    found = negations(row("seller", clicks=10, orders=5, sales=10000), row("waste", clicks=10, spend=100))
    assert "max(10, 1.5 × 4.0 clicks per order of the ad group) = 10.0" in found["waste"].reason


def test_an_ad_group_without_orders_uses_the_account() -> None:
    found = negations(row("waste", clicks=25, spend=250),
                      row("seller", clicks=20, orders=4, sales=8000, ad_group="Other", ad_group_id="999"))
    assert "1.5 × 11.2 clicks per order of the account) = 16.9" in found["waste"].reason  # 45 / 4 = 11.25


def test_no_orders_anywhere_leaves_the_minimum() -> None:
    found = negations(row("waste", clicks=12, spend=120))
    assert "no orders in the account to measure clicks per order, so the minimum 10" in found["waste"].reason


@pytest.mark.parametrize("spend, fires", [(700, True), (699, False)])
def test_negate_when_spend_reaches_the_target_cost_per_order(spend, fires) -> None:
    found = negations(row("pricey", clicks=5, spend=spend))
    assert ("pricey" in found) is fires
    if fires:
        assert found["pricey"].rules == ["spend"]
        assert "($20.00 × 35.0% = $7.00)" in found["pricey"].reason


@pytest.mark.parametrize("impressions, clicks, fires", [(1000, 1, True), (999, 1, False), (1000, 2, False),
                                                       (1500, 0, True)])
def test_negate_many_impressions_at_a_very_low_ctr(impressions, clicks, fires) -> None:
    found = negations(row("unseen", clicks=clicks, impressions=impressions, spend=clicks * 30))
    assert ("unseen" in found) is fires
    if fires:
        assert found["unseen"].rules == ["low_ctr"] and "and no orders" in found["unseen"].reason


def test_zero_clicks_and_no_impressions_is_not_waste() -> None:
    assert negations(row("quiet", clicks=0, impressions=0)) == {}
    assert negations(row("quiet", clicks=0, impressions=300)) == {}


def test_every_reason_that_fires_is_given() -> None:
    found = negations(row("bad", clicks=40, impressions=40000, spend=1200))
    assert found["bad"].rules == ["clicks", "spend", "low_ctr"]


def test_exact_sources_are_left_to_the_bid_rule() -> None:
    assert negations(exact("bamboo board", clicks=40, spend=1200)) == {}


def test_asin_terms_become_negative_product_targets() -> None:
    found = negations(row("b0xyz98765", clicks=5, spend=800, campaign="SP | Product Targeting | ABC",
                          targeting='asin="B0XYZ98765"'))
    assert found["b0xyz98765"].action == "negate product" and found["b0xyz98765"].is_asin
    assert "the product 'b0xyz98765'" in found["b0xyz98765"].reason


def test_fourteen_day_attribution_shows_in_the_numbers() -> None:
    found = negations(row("waste", clicks=5, spend=800, attribution=14))
    assert found["waste"].attribution == "14-day" and "(14-day attribution)" in found["waste"].working[0]


# -- harvest -----------------------------------------------------------------------
def harvests(*rows, records=(), harvested=None):
    frame = terms(*rows)
    return {p.term: p for p in harvest_proposals(frame, book(records), AdsRules(), WINDOW, catalogue(frame),
                                                  harvested)}


def test_harvest_two_orders_at_or_under_target_into_the_exact_campaign() -> None:
    found = harvests(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000),  # ACoS 25 %
                     exact("cutting board", clicks=30, orders=3, spend=900, sales=6000))
    p = found["bamboo board"]
    assert (p.kind, p.action, p.dest_campaign, p.dest_campaign_id, p.dest_ad_group_id) == \
        ("harvest", "harvest exact", "SP | Exact | ABC", "333", "444")
    # bid = target ACoS × sales per click = 35 % × $4.00 = $1.40
    assert p.new_bid_minor == 140
    assert "2 orders at ACoS 25.0% ≤ target 35.0% in an auto source" in p.reason
    assert "negate it exactly in ad group Auto – ABC" in p.reason


@pytest.mark.parametrize("orders, spend, sales, match", [
    (1, 500, 2000, "-"),  # one order is not enough
    (2, 1440, 4000, "-"),  # ACoS 36 % > 35 %
    (2, 1000, 0, "-"),  # orders but no sales: ACoS blank
    (2, 1000, 4000, "EXACT"),  # already exact
])
def test_no_harvest(orders, spend, sales, match) -> None:
    assert harvests(row("t", clicks=10, orders=orders, spend=spend, sales=sales, match=match,
                        targeting="t" if match == "EXACT" else "close-match")) == {}


def test_a_term_already_targeted_exactly_is_only_negated_in_its_source() -> None:
    found = harvests(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000),
                     exact("bamboo board", clicks=30, orders=3, spend=900, sales=6000))
    p = found["bamboo board"]
    assert (p.kind, p.rules) == ("negate", ["harvested"]) and "already an exact keyword in SP | Exact | ABC" in p.reason
    again = harvests(row("oak board", clicks=10, orders=2, spend=1000, sales=4000),
                     harvested={"oak board": "SP | Exact | ABC"})
    assert again["oak board"].kind == "negate"


def test_an_asin_term_harvests_to_product_targeting() -> None:
    found = harvests(row("b0comp1234", clicks=10, orders=3, spend=900, sales=6000, targeting="substitutes"),
                     row("b0xyz98765", clicks=2, campaign="SP | Product Targeting | ABC", ad_group="PT – ABC",
                         targeting='asin="B0XYZ98765"', campaign_id="777", ad_group_id="888"))
    p = found["b0comp1234"]
    assert (p.action, p.dest_campaign, p.dest_ad_group_id) == ("harvest product", "SP | Product Targeting | ABC", "888")
    assert "as a product target" in p.reason


def test_no_destination_asks_the_user() -> None:
    p = harvests(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000))["bamboo board"]
    assert p.dest_campaign == "" and "a manual campaign you choose (e)" in p.reason
    assert any("choose one with e" in line for line in p.working)


def test_the_users_harvest_destination_wins() -> None:
    record = {"id": "campaign:SP | Auto | ABC", "scope": "campaign", "campaign": "SP | Auto | ABC",
              "harvest_to": {"campaign": "SP | Exact | Other", "ad_group": "Exact – Other"}}
    found = harvests(row("bamboo board", clicks=10, orders=2, spend=1000, sales=4000),
                     exact("x", campaign="SP | Exact | Other", ad_group="Exact – Other", campaign_id="5",
                           ad_group_id="6"),
                     exact("y", clicks=100), records=[record])
    assert (found["bamboo board"].dest_campaign, found["bamboo board"].dest_ad_group_id) == ("SP | Exact | Other", "6")


# -- bids ------------------------------------------------------------------------------
def bids(*rows, current=None, **rules):
    frame = keywords(*rows)
    return {p.term: p for p in bid_proposals(frame, book(**rules), AdsRules(**rules), WINDOW, current)}


@pytest.mark.parametrize("spend, sales, new, action", [
    (600, 1500, 88, "bid down"),  # ACoS 40 %: $1.00 × 35 / 40 = $0.875 → $0.88
    (200, 2000, 125, "bid up"),  # ACoS 10 %: $3.50, capped at +25 %
    (740, 2000, 95, "bid down"),  # ACoS 37 %: $0.946 → $0.95, a 5 % change is just enough
])
def test_bid_from_target_over_current_acos(spend, sales, new, action) -> None:
    p = bids(exact("bamboo board", clicks=20, spend=spend, sales=sales, orders=2, bid=100))["bamboo board"]
    assert (p.current_bid_minor, p.new_bid_minor, p.action, p.keyword_id) == (100, new, action, "555")


def test_small_changes_are_not_proposed() -> None:
    assert bids(exact("bamboo board", clicks=20, spend=720, sales=2000, orders=2, bid=100)) == {}  # 36 %: $0.97


def test_no_sales_bids_price_times_target_over_clicks() -> None:
    # $20.00 × 35 % / 20 clicks = $0.35, capped at −25 % of $1.00
    p = bids(exact("bamboo board", clicks=20, spend=400, bid=100))["bamboo board"]
    assert p.new_bid_minor == 75 and "no sales: price $20.00 × target 35.0% / 20 clicks = $0.35" in p.reason
    assert "(capped at one step)" in p.reason


def test_floor_and_ceiling() -> None:
    assert bids(exact("a", clicks=100, spend=400, bid=22))["a"].new_bid_minor == 20  # $0.07 → $0.165 → floor
    assert bids(exact("b", clicks=20, spend=200, sales=2000, orders=2, bid=450))["b"].new_bid_minor == 500
    assert bids(exact("c", clicks=20, spend=400, bid=100), bid_floor=0.9)["c"].new_bid_minor == 90


def test_bids_wait_for_enough_clicks_and_a_known_bid() -> None:
    assert bids(exact("a", clicks=9, spend=400, bid=100)) == {}
    assert bids(exact("a", clicks=20, spend=400)) == {}  # no bid known (no bulk file)
    assert bids(row("auto", clicks=50, spend=2000)) == {}  # auto targets carry no keyword bid


def test_a_bid_changed_since_the_data_is_the_current_one() -> None:
    key = proposal_key("bid", "SP | Exact | ABC", "Exact – ABC", "EXACT", "bamboo board")
    p = bids(exact("bamboo board", clicks=20, spend=600, sales=1500, orders=2, bid=100),
             current={key: ("2026-11-10", 120)})["bamboo board"]
    assert (p.current_bid_minor, p.new_bid_minor) == (120, 105)  # $1.20 × 35 / 40 = $1.05
    assert any("set to $1.20 on 2026-11-10" in line for line in p.working)


def test_the_latest_rows_bid_is_the_current_one() -> None:
    p = bids(exact("k", clicks=10, spend=300, sales=750, orders=1, bid=100, day="2026-11-01"),
             exact("k", clicks=10, spend=300, sales=750, orders=1, bid=110, day="2026-11-09"))["k"]
    assert p.current_bid_minor == 110 and p.clicks == 20


def test_proposal_fingerprints_follow_the_numbers() -> None:
    a = negations(row("waste", clicks=5, spend=800))["waste"]
    b = negations(row("waste", clicks=5, spend=800))["waste"]
    c = negations(row("waste", clicks=6, spend=800))["waste"]
    assert a.key == c.key and a.fingerprint == b.fingerprint != c.fingerprint
