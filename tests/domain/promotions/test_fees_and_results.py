"""A promotion's fee across the fee table's effective dates, and its results: lift and what it earned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sellertui.domain.promotions.fees import US_SCHEDULE
from sellertui.domain.promotions.pricing import promotion_fee
from sellertui.domain.promotions.results import DayTotals, results

SCHEDULE = [dict(e) for e in US_SCHEDULE]
PRODUCTS = {"A": {"sku": "A", "price_minor": 2000, "currency": "USD",
                  "fees": {"referral_pct": 15, "fba_fee_minor": 400},
                  "costs": [{"from": "2025-01-01", "landed_minor": 500}]}}


def coupon(start: str, units: int, days: int = 10, pct: float = 20.0) -> dict:
    end = (date.fromisoformat(start) + timedelta(days=days - 1)).isoformat()
    return {"id": "c", "name": "c", "type": "coupon", "skus": ["A"], "start": start, "end": end,
            "discount_pct": pct, "expected_units": units, "marketplace": "US", "currency": "USD", "status": "idea"}


@pytest.mark.parametrize("start,units,expected", [
    ("2025-05-30", 50, 3000),  # before June 2, 2025: $0.60 per redemption × 50
    ("2025-06-02", 50, 500 + 2000),  # from June 2: $5 + 2.5% of 50 × $16 = $800 → $20
    ("2025-11-04", 10_000, 500 + 400000),  # uncapped the day before Nov 5: 2.5% of $160,000 = $4,000
    ("2025-11-05", 10_000, 500 + 200000),  # capped at $2,000 from Nov 5, 2025
])
def test_coupon_fees_follow_the_entry_in_force_on_the_start(start: str, units: int, expected: int) -> None:
    fee = promotion_fee(coupon(start, units), PRODUCTS, None, SCHEDULE)
    assert fee.minor == expected
    assert fee.sales_minor == units * 1600


def test_deals_before_and_after_june_2025_and_in_a_peak_event() -> None:
    deal = {**coupon("2025-05-20", 100, days=3), "type": "best_deal"}
    assert promotion_fee(deal, PRODUCTS, None, SCHEDULE).minor == 30000  # flat $300 before June 2
    later = {**deal, "start": "2025-09-01", "end": "2025-09-03"}
    fee = promotion_fee(later, PRODUCTS, None, SCHEDULE)
    assert fee.minor == 3 * 7000 + 1600 and fee.per_unit_minor == 226  # $70 × 3 + 1% of $1,600
    assert fee.working[-1] == "per unit: $226.00 ÷ 100 expected units = $2.26"
    peak = promotion_fee(later, PRODUCTS, {"name": "Prime Big Deal Days", "kind": "event", "peak": True}, SCHEDULE)
    assert peak.peak and peak.minor == 100000
    holiday = promotion_fee(later, PRODUCTS, {"name": "Labor Day", "kind": "holiday", "peak": True}, SCHEDULE)
    assert not holiday.peak and holiday.minor == 22600  # a holiday is not a deal event


def test_a_user_entry_from_a_later_date_takes_over_from_then() -> None:
    edited = SCHEDULE + [{"type": "coupon", "marketplace": "US", "currency": "USD", "from": "2026-06-01",
                          "peak": None, "fixed_minor": 0, "per_day_minor": 0, "sales_pct": 3.0,
                          "variable_cap_minor": None, "per_redemption_minor": 0, "note": "new"}]
    assert promotion_fee(coupon("2026-05-31", 100), PRODUCTS, None, edited).minor == 500 + 4000
    assert promotion_fee(coupon("2026-06-01", 100), PRODUCTS, None, edited).minor == 4800  # 3% of $1,600


def test_no_expected_units_no_per_unit_fee() -> None:
    fee = promotion_fee(coupon("2026-01-10", 0), PRODUCTS, None, SCHEDULE)
    assert fee.minor == 500 and fee.per_unit_minor is None
    assert "no expected units: the fee cannot be spread per unit" in fee.working


# -- results -------------------------------------------------------------------------------------
START = date(2026, 3, 10)


def sales_for(during_per_day: int = 10) -> dict:
    sales = {}
    for back in range(1, 29):  # the 28-day baseline: 1 unit a day at the full $20
        sales[("A", START - timedelta(days=back))] = DayTotals(1, 2000, 0, 0)
    for day in range(3):  # the promotion: 10 a day at $16, each carrying the promotion's discount
        sales[("A", START + timedelta(days=day))] = DayTotals(during_per_day, during_per_day * 1600,
                                                              during_per_day * 400, during_per_day)
    sales[("A", START - timedelta(days=29))] = DayTotals(50, 100000, 0, 0)  # before the baseline: ignored
    sales[("B", START)] = DayTotals(99, 1, 0, 0)  # another SKU: ignored
    return sales


def deal(status: str = "ended") -> dict:
    return {"id": "d", "name": "d", "type": "best_deal", "skus": ["A"], "start": "2026-03-10", "end": "2026-03-12",
            "discount_pct": 20, "expected_units": 30, "marketplace": "US", "currency": "USD", "status": status}


def test_lift_and_what_it_earned_after_fees_against_the_baseline() -> None:
    r = results(deal(), sales_for(), PRODUCTS, SCHEDULE, False, 28, date(2026, 3, 20))
    assert (r.units, r.revenue_minor, r.discount_minor, r.promoted_units) == (30, 48000, 12000, 30)
    assert r.baseline_units == 28 and r.expected_units == pytest.approx(3.0)
    assert r.lift == pytest.approx(9.0)  # 30 ÷ 3 − 1 = +900%
    assert r.fee.minor == 21000 + 480  # $70 × 3 + 1% of $480
    # 480 − 72 referral − 30 × (4 FBA + 5 landed) = 138, − the fee 214.80 = −76.80
    assert r.profit_minor == 48000 - 7200 - 27000 - 21480 == -7680
    # the baseline: 560 − 84 − 28 × 9 = 224 over 28 days → 24 over 3 days
    assert r.baseline_profit_minor == 2400 and r.added_profit_minor == -10080
    assert not r.so_far and r.days == 3
    assert "lift = 30 ÷ 3.0 − 1 = +900%" in r.working


def test_results_so_far_while_running_and_none_before_the_start_or_when_cancelled() -> None:
    running = results(deal("running"), sales_for(), PRODUCTS, SCHEDULE, False, 28, date(2026, 3, 11))
    assert running.so_far and running.days == 2 and running.units == 20
    assert results(deal("approved"), sales_for(), PRODUCTS, SCHEDULE, False, 28, date(2026, 3, 9)) is None
    assert results(deal("cancelled"), sales_for(), PRODUCTS, SCHEDULE, False, 28, date(2026, 3, 20)) is None


def test_no_baseline_sales_no_lift_and_unknown_cost_no_profit() -> None:
    only_during = {k: v for k, v in sales_for().items() if k[1] >= START}
    r = results(deal(), only_during, PRODUCTS, SCHEDULE, False, 28, date(2026, 3, 20))
    assert r.lift is None and "lift: no baseline sales to compare with" in r.working
    no_cost = {"A": {**PRODUCTS["A"], "costs": []}}
    r = results(deal(), sales_for(), no_cost, SCHEDULE, False, 28, date(2026, 3, 20))
    assert r.profit_minor is None and r.added_profit_minor is None
