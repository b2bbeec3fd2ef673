"""Seasonal factors as typed in forms; the [inventory] settings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from sellertui import config
from sellertui.domain.fields import FieldError
from sellertui.domain.inventory.seasonal import format_factors, month_factors, parse_factors
from sellertui.domain.inventory.settings import InventorySettings, check_section


def test_factors_round_trip() -> None:
    assert parse_factors("11:1.8 dec:x1.6, 1:0.8") == {"01": 0.8, "11": 1.8, "12": 1.6}
    assert format_factors({"11": 1.8, "01": 0.8}) == "1:0.8 11:1.8"
    assert parse_factors("  ") == {}


@pytest.mark.parametrize("text, message", [("11", "month:factor"), ("13:1.2", "not a month"),
                                           ("11:0", "above 0"), ("11:big", "must be a number"),
                                           ("11:1.2 nov:1.3", "given twice"), ("11:11", "at most 10")])
def test_bad_factors_say_why(text, message) -> None:
    with pytest.raises(FieldError, match=message):
        parse_factors(text)


def test_a_skus_factor_replaces_the_shops_for_its_month() -> None:
    factors = month_factors({"11": 1.2}, {"11": 1.8, "12": 1.6})
    assert factors[10] == 1.2 and factors[11] == 1.6 and factors[0] == 1.0


def test_settings_come_from_the_section_with_guide_defaults() -> None:
    defaults = InventorySettings.from_section(config.SECTION_DEFAULTS["inventory"])
    assert defaults == InventorySettings()
    assert defaults.weights == (0.5, 0.3, 0.2) and defaults.aged_days == 181 and defaults.low_inventory_days == 28
    mine = InventorySettings.from_section({**config.SECTION_DEFAULTS["inventory"], "weight_7": 1,
                                           "seasonal_months": "11:1.8"})
    assert mine.weights == (1.0, 0.3, 0.2) and mine.seasonal_months == {"11": 1.8}


def test_settings_form_rules() -> None:
    values = dict(config.SECTION_DEFAULTS["inventory"])
    assert check_section(values) == {}
    assert "at least one weight" in check_section({**values, "weight_7": 0, "weight_30": 0, "weight_90": 0})["weight_7"]
    assert check_section({**values, "default_lead_days": 400})["default_lead_days"] == "between 1 and 365 days"
    assert check_section({**values, "weight_30": -1})["weight_30"] == "cannot be negative"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_inventory_form_parsers_raise_only_field_errors(value: str) -> None:
    from sellertui.domain.inventory import products, purchase_orders, stock

    parsers = (stock.parse_units, products.parse_days, products.parse_case_pack, products.parse_sku,
               products.parse_asin, parse_factors,
               lambda v: purchase_orders.parse_lines(v, {"A": {}}, "USD", {"A": 100}),
               lambda v: purchase_orders.parse_lines(f"A {v}", {"A": {}}, "USD", {}))
    for parser in parsers:
        try:
            parser(value)
        except FieldError:
            pass
