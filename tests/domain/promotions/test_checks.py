"""The checks of one promotion against hand-worked numbers: overlap, margin, stock, FBA, event minimums."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from sellertui.domain.promotions import checks as rules
from sellertui.domain.promotions.checks import StockPosition
from sellertui.domain.promotions.events import us_deal_events
from sellertui.domain.promotions.fees import US_SCHEDULE
from sellertui.domain.promotions.pricing import discounted, promotion_fee
from sellertui.domain.promotions.settings import PromoSettings

S = PromoSettings()  # minimum margin 10%, stock at FBA 7 days before, warn 14 days ahead


def product(sku: str, landed: int, price: int = 2000) -> dict:
    return {"sku": sku, "price_minor": price, "currency": "USD", "fees": {"referral_pct": 15, "fba_fee_minor": 400},
            "costs": [{"from": "2025-01-01", "landed_minor": landed}]}


def promo(name="P", skus=("A",), start="2026-03-10", end="2026-03-12", kind="best_deal", pct=20.0, units=100,
          status="idea", market="US", **extra) -> dict:
    return {"id": name, "name": name, "type": kind, "skus": list(skus), "start": start, "end": end,
            "discount_pct": pct, "expected_units": units, "status": status, "marketplace": market,
            "currency": "USD", **extra}


# -- overlap ---------------------------------------------------------------------------------
def test_overlap_on_a_shared_sku_names_the_other_promotion_and_the_shared_days() -> None:
    mine = promo("mine", skus=("A", "B"))
    other = promo("coupon", skus=("B", "C"), start="2026-03-12", end="2026-03-20", kind="coupon", status="running")
    found = rules.overlap_checks(mine, [mine, other])
    assert len(found) == 1 and found[0].failed
    assert found[0].summary == "overlaps “coupon” on B"
    assert "both discount B from 2026-03-12:" in found[0].working[2]  # a single shared day


@pytest.mark.parametrize("other", [
    promo("next", start="2026-03-13", end="2026-03-15"),  # starts the day after: adjacent, not overlapping
    promo("before", start="2026-03-01", end="2026-03-09"),  # ends the day before
    promo("gone", status="cancelled"),  # cancelled ones do not count
    promo("other sku", skus=("Z",)),
    promo("uk", market="UK"),  # another marketplace's listing
])
def test_no_overlap(other: dict) -> None:
    assert rules.overlap_checks(promo("mine"), [other]) == []


def test_a_cancelled_promotion_overlaps_nothing() -> None:
    assert rules.overlap_checks(promo("x", status="cancelled"), [promo("y")]) == []


# -- margin ------------------------------------------------------------------------------------
def fee_for(p: dict, products: dict, event=None):
    return promotion_fee(p, products, event, [dict(e) for e in US_SCHEDULE])


def test_the_margin_after_the_fee_per_unit_landed_cost_and_amazon_fees() -> None:
    # $20 − 20% = $16.00; sales 100 × $16 = $1,600; off-peak Best Deal fee: $70 × 3 days + 1% × $1,600 = $226;
    # $2.26 a unit. Margin: 16.00 − 5.00 landed − 2.40 referral (15%) − 4.00 FBA − 2.26 = $2.34 = 14.6%.
    products = {"A": product("A", landed=500)}
    p = promo()
    fee = fee_for(p, products)
    assert (fee.sales_minor, fee.minor, fee.per_unit_minor) == (160000, 22600, 226)
    [check] = rules.margin_checks(p, products, fee, S)
    assert check.level == "ok" and check.summary == "A: 14.6% margin at $16.00"
    assert check.working[0] == "A: list price $20.00 − 20% = $16.00"
    assert "− the promotion's fee per unit $2.26" in check.working
    assert check.working[-1] == "= $2.34 per unit = 14.6% of the discounted price (minimum 10%, settings)"


@pytest.mark.parametrize("home, rate", [("USD", {"currency": "CNY", "rate": "0.1408451"}),
                                        ("CNY", {"currency": "USD", "rate": "7.1"})])
def test_a_yuan_landed_cost_is_converted_at_the_months_rate(home, rate) -> None:
    """¥35.50 at 7.1 yuan a dollar = $5.00: the same 14.6% margin as a $5.00 cost, in a dollar or a yuan home."""
    from sellertui.domain.profit.fx import Rates

    products = {"A": {**product("A", 0), "costs": [{"from": "2025-01-01", "landed_minor": 3550, "currency": "CNY"}]}}
    p = promo()
    rates = Rates([{"month": "2026-03", **rate}], home)
    [check] = rules.margin_checks(p, products, fee_for(p, products), S, rates)
    assert check.summary == "A: 14.6% margin at $16.00"
    assert check.working[1].startswith("− landed cost $5.00 = CN¥35.50 at ") and "your rate of 2026-03" in check.working[1]
    [unknown] = rules.margin_checks(p, products, fee_for(p, products), S, Rates([], home))
    assert unknown.level == "warn" and "landed cost unknown" in unknown.summary


def test_under_the_margin_floor_fails_with_the_working() -> None:
    products = {"A": product("A", landed=600)}  # $1 more landed cost: $1.34 = 8.4%
    p = promo()
    [check] = rules.margin_checks(p, products, fee_for(p, products), S)
    assert check.failed and check.summary == "A: 8.4% margin at $16.00 (under the 10% floor)"
    higher = PromoSettings(min_margin_pct=5.0)
    assert rules.margin_checks(p, products, fee_for(p, products), higher)[0].level == "ok"


def test_a_peak_event_fee_is_spread_over_the_expected_units() -> None:
    bfcm = next(e for e in us_deal_events(2026) if e["id"].endswith("bfcm"))
    products = {"A": product("A", landed=500)}
    p = promo(kind="lightning_deal", start="2026-11-27", end="2026-11-27", pct=20, units=200)
    fee = fee_for(p, products, bfcm)
    assert fee.peak and fee.minor == 50000 and fee.per_unit_minor == 250  # $500 ÷ 200 units
    [check] = rules.margin_checks(p, products, fee, S)
    assert check.summary == "A: 13.1% margin at $16.00"  # 16 − 5 − 2.40 − 4 − 2.50 = 2.10


def test_unknown_landed_cost_and_unknown_sku() -> None:
    bare = {"A": {**product("A", 0), "costs": []}}
    p = promo(skus=("A", "NOPE"))
    found = rules.margin_checks(p, bare, fee_for(p, bare), S)
    assert [(c.level, c.sku) for c in found] == [("warn", "A"), ("fail", "NOPE")]


def test_discounted_prices_round_half_up_to_the_cent() -> None:
    assert discounted(1999, 15) == 1699  # 1699.15
    assert discounted(1990, 25) == 1493  # 1492.5 → up
    assert discounted(999, 33.3) == 666  # 666.333


# -- stock -------------------------------------------------------------------------------------
POSITION = StockPosition("A", fba_available=100, fbm=50, inbound=20, velocity=2.0,
                         arrivals=(("2026-03-01", 30), ("2026-04-01", 500)))
TODAY = date(2026, 2, 20)  # 18 days before the start, 11 before the FBA deadline (start − 7)


def test_stock_at_the_start_counts_arrivals_before_it_and_sales_until_then() -> None:
    # 100 + 50 + 20 + 30 (the March 1 arrival; not April's) − 2/day × 18 days = 164
    found = rules.stock_checks(promo(units=100), {"A": POSITION}, None, S, TODAY)
    stock = next(c for c in found if c.code == "stock")
    assert stock.level == "ok" and stock.summary == "A: ≈164 in stock at the start covers 100"
    short = next(c for c in rules.stock_checks(promo(units=200), {"A": POSITION}, None, S, TODAY)
                 if c.code == "stock")
    assert short.failed and short.summary.endswith("for 200 expected (short 36)")


def test_stock_must_be_at_fba_a_week_before_the_start() -> None:
    # at FBA by 2026-03-03 ≈ 100 + 20 inbound − 2 × 11 days = 98 < 100: own stock and orders do not count
    fba = next(c for c in rules.stock_checks(promo(units=100), {"A": POSITION}, None, S, TODAY) if c.code == "fba")
    assert fba.failed and fba.due == date(2026, 3, 3)
    assert fba.summary == "A: ≈98 at FBA by 2026-03-03 for 100 expected"
    assert "send 2 more units to FBA by 2026-03-03 (your own warehouse holds 50)" in fba.working
    # further away than the warning window it is a warning, not a failure
    early = rules.stock_checks(promo(units=100, start="2026-04-10", end="2026-04-12"),
                               {"A": StockPosition("A", 100, 0, 0, 0.0)}, None, S, TODAY)
    assert next(c for c in early if c.code == "fba").level == "ok"
    far = rules.stock_checks(promo(units=150, start="2026-04-10", end="2026-04-12"),
                             {"A": StockPosition("A", 100, 0, 0, 0.0)}, None, S, TODAY)
    assert next(c for c in far if c.code == "fba").level == "warn"


def test_an_events_inventory_cut_off_comes_first_when_earlier() -> None:
    event = {"name": "Sale", "kind": "event", "inventory_by": "2026-02-27"}
    fba = next(c for c in rules.stock_checks(promo(units=10), {"A": POSITION}, event, S, TODAY) if c.code == "fba")
    assert fba.due == date(2026, 2, 27) and "Sale's FBA inventory cut-off" in fba.working[0]


def test_expected_units_are_shared_between_skus_and_unknown_stock_warns() -> None:
    found = rules.stock_checks(promo(skus=("A", "B"), units=100), {"A": POSITION}, None, S, TODAY)
    assert next(c for c in found if c.code == "stock").summary == "A: ≈164 in stock at the start covers 50"
    assert [c.level for c in found if c.sku == "B"] == ["warn"]


def test_no_stock_check_once_running_or_started() -> None:
    assert rules.stock_checks(promo(status="running"), {"A": POSITION}, None, S, TODAY) == []
    assert rules.stock_checks(promo(start="2026-02-01"), {"A": POSITION}, None, S, TODAY) == []


# -- event minimum discount -------------------------------------------------------------------------
EVENT = {"name": "Prime Day", "kind": "event"}


@pytest.mark.parametrize("kind,pct,level", [
    ("lightning_deal", 19.5, "fail"), ("lightning_deal", 20, "ok"), ("best_deal", 14, "fail"),
    ("prime_exclusive", 15, "ok"), ("coupon", 4, "fail"), ("coupon", 5, "ok"),
])
def test_event_minimum_discounts(kind: str, pct: float, level: str) -> None:
    assert rules.discount_check(promo(kind=kind, pct=pct), EVENT, S).level == level


def test_no_minimum_outside_events_or_for_holidays_or_other_types() -> None:
    assert rules.discount_check(promo(kind="lightning_deal", pct=5), None, S) is None
    assert rules.discount_check(promo(kind="lightning_deal", pct=5), {"name": "Easter", "kind": "holiday"}, S) is None
    assert rules.discount_check(promo(kind="bogo", pct=5), EVENT, S) is None


# -- all of them ---------------------------------------------------------------------------------
def test_run_puts_failures_first_and_skips_finished_promotions() -> None:
    products = {"A": product("A", landed=700)}  # 16 − 7 − 2.40 − 4 − 1.56 fee ($140 + $16 over 100) = 6.5%
    p = promo(start="2026-11-30", end="2026-12-01")
    other = promo("other", start="2026-12-01", end="2026-12-05", kind="coupon")
    now = datetime(2026, 11, 22, 9, tzinfo=timezone.utc)
    found = rules.run(p, others=[p, other], products=products, event=None, fee=fee_for(p, products),
                      positions={"A": StockPosition("A", 500, 0, 0, 1.0)}, settings=S, now=now)
    assert [c.level for c in found] == sorted((c.level for c in found), key=rules.LEVELS.get)
    assert {c.code for c in found if c.failed} == {"deadline", "overlap", "margin"}  # due 11-16: missed
    assert rules.summary(found) == "✗3"
    for status in ("ended", "cancelled"):
        assert rules.run({**p, "status": status}, others=[], products=products, event=None,
                         fee=fee_for(p, products), positions=None, settings=S, now=now) == []
    assert rules.summary([]) == ""
