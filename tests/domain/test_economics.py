"""Unit economics: effective-dated cost, fees, break-even ACoS."""

from __future__ import annotations

from datetime import date

from sellertui.domain.economics import cost_on, unit_economics

PRODUCT = {
    "price_minor": 2999,
    "currency": "USD",
    "costs": [{"from": "2026-01-01", "landed_minor": 800}, {"from": "2026-06-01", "landed_minor": 900}],
    "fees": {"referral_pct": 15.0, "fba_fee_minor": 500},
}


def test_cost_in_force_on_a_day() -> None:
    assert cost_on(PRODUCT, date(2026, 5, 31)) == 800
    assert cost_on(PRODUCT, "2026-06-01T10:00:00+00:00") == 900
    assert cost_on(PRODUCT, date(2025, 12, 1)) == 800  # before the first entry: the earliest known
    assert cost_on({"costs": []}, date(2026, 1, 1)) is None


def test_break_even_acos_by_hand() -> None:
    # 29.99 − 9.00 − 4.50 (15%) − 5.00 = 11.49 → 11.49 / 29.99 = 38.3%
    result = unit_economics(PRODUCT, date(2026, 7, 1))
    assert result.referral_minor == 450 and result.margin_before_ads_minor == 1149
    assert round(result.break_even_acos, 4) == round(1149 / 2999, 4)
    assert result.working[-1].startswith("= margin before ads $11.49 = 38.3%")


def test_unknown_cost_gives_no_break_even() -> None:
    result = unit_economics({**PRODUCT, "costs": []}, date(2026, 7, 1))
    assert result.break_even_acos is None and "unknown" in result.working[1]
