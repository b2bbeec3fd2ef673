"""The reorder formulas against numbers worked out by hand."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from hypothesis import given, strategies as st

from sellertui.domain.inventory import formulas as f


def test_days_of_cover_is_stock_over_velocity() -> None:
    # (120 available + 30 inbound) / 5 a day = 30 days
    assert f.days_of_cover(120, 30, 5.0) == 30.0
    assert math.isinf(f.days_of_cover(10, 0, 0.0))  # nothing sells: lasts forever
    assert f.days_of_cover(0, 0, 0.0) == 0.0


def test_reorder_point_covers_lead_time_and_safety() -> None:
    # 2.5 a day × (60 days lead + 14 safety) = 185 units
    assert f.reorder_point(2.5, 60, 14) == pytest.approx(185.0)


def test_order_quantity_rounds_to_case_pack_and_moq() -> None:
    # 3/day × (60 lead + 60 hold) = 360 − 100 on hand − 50 on order = 210 needed
    need = f.units_needed(3.0, 60, 60, 100, 50)
    assert need == pytest.approx(210.0)
    assert f.order_quantity(need, 24, 0) == 216  # 210 / 24 = 8.75 → 9 cases
    assert f.order_quantity(need, 24, 300) == 312  # MOQ 300 → 12.5 cases → 13 cases
    assert f.order_quantity(need, 1, 0) == 210
    assert f.order_quantity(need, 30, 210) == 210  # already whole cases
    assert f.order_quantity(-5.0, 24, 300) == 0  # nothing needed: no order, whatever the MOQ
    assert f.order_quantity(120.000000001, 12, 0) == 120  # float noise does not add a case


def test_order_quantity_on_arrays() -> None:
    got = f.order_quantity(np.array([0.0, 1.0, 49.0, 50.5]), np.array([10, 10, 10, 50]), np.array([0, 0, 60, 0]))
    assert list(got) == [0, 10, 60, 100]


@given(need=st.floats(0.01, 1e6), case=st.integers(1, 500), moq=st.integers(0, 10_000))
def test_order_quantity_properties(need: float, case: int, moq: int) -> None:
    qty = f.order_quantity(need, case, moq)
    assert qty % case == 0  # whole cases
    assert qty >= moq and qty >= need - 1e-6  # enough, and at least the minimum
    assert qty - max(need, moq) < case + 1e-6  # never a case more than needed


def test_stockout_day_is_today_plus_whole_days_of_cover() -> None:
    assert f.stockout_day(date(2026, 11, 22), 35.8) == date(2026, 12, 27)
    assert f.stockout_day(date(2026, 11, 22), 0.0) == date(2026, 11, 22)
    assert f.stockout_day(date(2026, 11, 22), math.inf) is None


@pytest.mark.parametrize(
    "available, position, velocity, cover, expected",
    [
        (0, 500, 2.0, 0.0, "out"),  # nothing to sell, whatever is on order
        (100, 148, 2.0, 50.0, "now"),  # position 148 ≤ 2 × (60 + 14) = 148
        (100, 160, 2.0, 50.0, "soon"),  # 160 < 2 × (60 + 14 + 14) = 176
        (100, 176, 2.0, 88.0, "healthy"),  # not under 176
        (400, 400, 2.0, 200.0, "over"),  # 200 days > 180
        (10, 10, 0.0, math.inf, "over"),  # stock that does not sell
    ],
)
def test_status(available, position, velocity, cover, expected) -> None:
    assert f.status(available, position, velocity, 60, 14, cover, 14, 180) == expected


def test_days_of_supply_uses_units_sold_per_day() -> None:
    # 40 FBA units; 60 sold in 30 days = 2 a day → 20 days
    assert f.days_of_supply(40, 60, 30) == pytest.approx(20.0)
    assert math.isnan(f.days_of_supply(40, 0, 30))
