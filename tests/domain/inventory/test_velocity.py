"""Velocity: units per day in stock, weighted 7/30/90, seasonally adjusted — hand-worked cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sellertui.domain.inventory.settings import InventorySettings
from sellertui.domain.inventory.velocity import compute, sales_frame
from tests.domain.inventory.helpers import TODAY, day, product, sales, steady

LONG_AGO = day(400)  # the store's first order: the data covers the whole 90 days


def velocity_of(products: list[dict], docs: list[dict], first_day: date | None = LONG_AGO,
                settings: InventorySettings | None = None):
    return compute([p["id"] for p in products], products, sales_frame(docs), first_day, TODAY,
                   settings or InventorySettings())


def test_windows_are_weighted_50_30_20() -> None:
    docs = steady("SKU-1", 2, range(1, 8)) + steady("SKU-1", 1, range(8, 31)) + steady("SKU-1", 1, range(31, 91, 2))
    v = velocity_of([product()], docs)
    # 7 days: 14 units / 7 = 2; 30 days: 37 / 30; 90 days: 67 / 90
    assert [v.units[w][0] for w in (7, 30, 90)] == [14, 37, 67]
    assert [v.days[w][0] for w in (7, 30, 90)] == [7, 30, 90]
    assert v.velocity[0] == pytest.approx(0.5 * 2 + 0.3 * 37 / 30 + 0.2 * 67 / 90)  # 1.5189


def test_weights_are_settings() -> None:
    docs = steady("SKU-1", 2, range(1, 8)) + steady("SKU-1", 1, range(8, 91))
    v = velocity_of([product()], docs, settings=InventorySettings(weights=(0.0, 0.0, 1.0)))
    assert v.velocity[0] == pytest.approx((14 + 83) / 90)


def test_days_out_of_stock_in_the_history_do_not_drag_velocity_down() -> None:
    # out of stock from 20 days ago until 10 days ago: 10 days (back 20..11) without sales
    history = [
        {"at": f"{day(20)}T09:00:00+00:00", "field": "fba_available", "old": 5, "new": 0, "sellable": 0},
        {"at": f"{day(10)}T10:00:00+00:00", "field": "fba_available", "old": 0, "new": 200, "sellable": 200},
    ]
    docs = steady("SKU-1", 2, [b for b in range(1, 91) if not 11 <= b <= 20])
    v = velocity_of([product(stock_history=history)], docs)
    assert v.days[30][0] == 20 and v.units[30][0] == 40  # 40 units in 20 days in stock
    assert v.days[90][0] == 80 and v.days_recorded_out[0] == 10
    assert v.velocity[0] == pytest.approx(2.0)  # counting the stock-out days would give 1.33 over 30 days


def test_a_sale_proves_there_was_stock() -> None:
    history = [
        {"at": f"{day(20)}T09:00:00+00:00", "sellable": 0},
        {"at": f"{day(10)}T10:00:00+00:00", "sellable": 50},
    ]
    docs = steady("SKU-1", 2, [b for b in range(1, 91) if not 11 <= b <= 20]) + sales("SKU-1", {day(15): 1})
    v = velocity_of([product(stock_history=history)], docs)
    assert v.days[30][0] == 21 and v.days_recorded_out[0] == 9


def test_sold_out_now_the_quiet_days_since_the_last_sale_are_out_of_stock() -> None:
    # nothing to sell now; 3 a day until 5 days ago, nothing since: 4 days (back 4..1) taken as out of stock
    docs = steady("SKU-1", 3, range(5, 91))
    v = velocity_of([product(stock={"fba_available": 0, "fbm": 0})], docs)
    assert v.days_inferred_out[0] == 4
    assert v.days[7][0] == 3 and v.units[7][0] == 9
    assert v.velocity[0] == pytest.approx(3.0)


def test_still_in_stock_quiet_days_count() -> None:
    docs = steady("SKU-1", 3, range(5, 91))
    v = velocity_of([product()], docs)
    assert v.days_inferred_out[0] == 0 and v.days[7][0] == 7


def test_days_before_the_first_order_in_the_store_are_no_data() -> None:
    docs = steady("SKU-1", 1, range(1, 11))
    v = velocity_of([product()], docs, first_day=day(10))
    assert [v.days[w][0] for w in (7, 30, 90)] == [7, 10, 10]
    assert v.days_no_data[0] == 80 and v.velocity[0] == pytest.approx(1.0)


def test_days_before_the_sku_was_added_are_no_data() -> None:
    docs = steady("SKU-1", 2, range(1, 6))
    v = velocity_of([product(created_at=f"{day(5)}T10:00:00+00:00")], docs)
    assert v.days[7][0] == 5 and v.velocity[0] == pytest.approx(2.0)


def test_no_sales_no_velocity() -> None:
    v = velocity_of([product()], [])
    assert v.velocity[0] == 0 and v.days[90][0] == 90


def _seasonal_sales() -> list[dict]:
    """2 a day in August–October, 4 a day in November (1–21)."""
    start = day(90)
    return sales("SKU-1", {start + timedelta(days=i): 4 if (start + timedelta(days=i)).month == 11 else 2
                           for i in range(90)})


def test_seasonal_factor_is_taken_out_of_the_history_and_applied_to_this_month() -> None:
    # November ×2 (shop-wide): November's 4 a day is 2 a day of base demand; × 2 for November = 4
    settings = InventorySettings(seasonal_months={"11": 2.0})
    v = velocity_of([product()], _seasonal_sales(), settings=settings)
    assert v.base[0] == pytest.approx(2.0)
    assert v.factor_now[0] == 2.0 and v.velocity[0] == pytest.approx(4.0)


def test_a_skus_own_factor_replaces_the_shop_wide_one() -> None:
    settings = InventorySettings(seasonal_months={"11": 2.0})
    v = velocity_of([product(seasonal={"11": 1.0})], _seasonal_sales(), settings=settings)
    # no adjustment: 7 days 4/day; 30 days (Oct 23–Nov 21) (9×2 + 21×4)/30 = 3.4; 90 days (69×2 + 21×4)/90
    assert v.velocity[0] == pytest.approx(0.5 * 4 + 0.3 * 3.4 + 0.2 * 222 / 90)


def test_a_seasonal_factor_raises_the_forecast_for_its_month() -> None:
    # steady 2 a day all along, November ×1.8 for this SKU: the November days count as 2 / 1.8 of base
    # demand, the October ones as 2, and the forecast for November is the base × 1.8: above 2
    v = velocity_of([product(seasonal={"11": 1.8})], steady("SKU-1", 2, range(1, 91)))
    start = day(90)
    november_days = sum(1 for i in range(90) if (start + timedelta(days=i)).month == 11)
    assert november_days == 21
    assert v.velocity[0] > 2.0
    expected_7 = 14 / 1.8 / 7 * 1.8
    assert v.rates[7][0] * v.factor_now[0] == pytest.approx(expected_7)


def test_orders_of_unknown_skus_and_cancelled_lines_are_ignored() -> None:
    docs = steady("SKU-1", 1, range(1, 91)) + steady("GONE", 5, range(1, 91)) + sales("SKU-1", {day(3): 0})
    v = velocity_of([product()], docs)
    assert v.units[90][0] == 90
