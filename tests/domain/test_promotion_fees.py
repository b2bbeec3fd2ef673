"""Promotion fees by hand, across effective dates."""

from __future__ import annotations

from datetime import date

from sellertui.domain.promotions.fees import US_SCHEDULE, fee, pick, schedule, seed


def test_deal_off_peak_per_day_plus_share_of_sales() -> None:
    # 3 days × $70 + 1% of $12,345.67 = $210 + $123.46
    result = fee(US_SCHEDULE, "best_deal", "US", date(2025, 9, 1), days=3, peak=False, sales_minor=1234567)
    assert result.minor == 21000 + 12346 and result.working[-1] == "= $333.46"


def test_the_variable_part_is_capped() -> None:
    result = fee(US_SCHEDULE, "lightning_deal", "US", date(2025, 9, 1), days=1, peak=False, sales_minor=50_000_000)
    assert result.minor == 7000 + 200000 and "capped at $2,000.00" in result.working[2]


def test_peak_events_are_flat() -> None:
    assert fee(US_SCHEDULE, "lightning_deal", "US", date(2025, 11, 28), 1, True, 9_999_999).minor == 50000
    assert fee(US_SCHEDULE, "best_deal", "US", date(2025, 11, 28), 7, True, 9_999_999).minor == 100000


def test_coupons_across_their_three_schedules() -> None:
    before = fee(US_SCHEDULE, "coupon", "US", date(2025, 5, 1), 10, False, sales_minor=100000, redemptions=40)
    assert before.minor == 40 * 60
    summer = fee(US_SCHEDULE, "coupon", "US", date(2025, 7, 1), 10, False, sales_minor=10_000_000)
    assert summer.minor == 500 + 250000  # no cap yet
    autumn = fee(US_SCHEDULE, "coupon", "US", date(2025, 11, 5), 10, False, sales_minor=10_000_000)
    assert autumn.minor == 500 + 200000


def test_prime_exclusive_only_costs_in_events_and_discounts_are_free() -> None:
    assert fee(US_SCHEDULE, "prime_exclusive", "US", date(2026, 7, 8), 4, True).minor == 5000
    assert fee(US_SCHEDULE, "prime_exclusive", "US", date(2026, 3, 8), 4, False).minor == 0
    assert fee(US_SCHEDULE, "bogo", "US", date(2026, 3, 8), 4, False, 100000).minor == 0


def test_unknown_market_says_so() -> None:
    result = fee(US_SCHEDULE, "coupon", "DE", date(2026, 1, 1), 5, False)
    assert result.minor is None and "add one to the fee table" in result.working[0]


def test_the_latest_entry_in_force_wins() -> None:
    assert pick(US_SCHEDULE, "coupon", "US", "2025-06-01", False)["per_redemption_minor"] == 60
    assert pick(US_SCHEDULE, "coupon", "US", "2025-06-02", False)["sales_pct"] == 2.5


def test_the_store_holds_an_editable_copy(store) -> None:
    assert len(schedule(store)) == len(US_SCHEDULE)
    assert seed(store) == len(US_SCHEDULE) and seed(store) == 0
    entry = next(e for e in store["promo_fees"].all() if e["type"] == "coupon" and e["from"] == "2025-11-05")
    with store.transaction() as tx:
        tx["promo_fees"].update(entry["id"], {"fixed_minor": 700})
    assert fee(schedule(store), "coupon", "US", date(2026, 1, 1), 5, False, 0).minor == 700
