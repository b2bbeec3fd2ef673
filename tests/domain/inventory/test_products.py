"""Adding and editing SKUs: refusals with reasons; landed cost effective-dated, history kept."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.economics import cost_on
from sellertui.domain.fields import FieldError
from sellertui.domain.inventory import products as rules
from sellertui.store import Conflict

VALUES = {
    "sku": "NEW-1", "title": "New thing", "asin": "B0ABCDEFGH", "price_minor": 2499, "supplier": "Acme",
    "production_days": 30, "freight_days": 25, "receiving_days": 5, "safety_days": 14, "hold_days": 60,
    "moq": 200, "case_pack": 24, "cost_minor": 600, "cost_from": date(2026, 11, 1), "cost_note": "quote",
    "seasonal": {"11": 1.5},
}


def test_field_refusals_say_why() -> None:
    with pytest.raises(FieldError, match="case pack of 0"):
        rules.parse_case_pack("0")
    with pytest.raises(FieldError, match="cannot be negative"):
        rules.parse_days("-1")
    with pytest.raises(FieldError, match="at most 365"):
        rules.parse_days("400")
    with pytest.raises(FieldError, match="10 letters and digits"):
        rules.parse_asin("B0123")
    with pytest.raises(FieldError, match="no spaces"):
        rules.parse_sku("MY SKU")
    with pytest.raises(FieldError, match="at most 40"):
        rules.parse_sku("X" * 41)
    assert rules.parse_asin(" b0abcdefgh ") == "B0ABCDEFGH" and rules.parse_asin("") == ""


@pytest.mark.parametrize("parts, message", [((0, 0, 0), "cannot be 0 days"), ((200, 150, 20), "370 days; at most 365")])
def test_the_lead_time_as_a_whole_is_1_to_365_days(parts, message) -> None:
    values = {**VALUES, **dict(zip(rules.LEAD_PARTS, parts))}
    assert message in rules.check_product(values)["production_days"]
    assert rules.check_product(VALUES) == {}


def test_a_new_sku_with_its_first_cost(store) -> None:
    saved = rules.add_product(store, VALUES, "USD", "US")
    assert saved["lead_time"] == {"production_days": 30, "freight_days": 25, "receiving_days": 5}
    assert saved["costs"] == [{"from": "2026-11-01", "landed_minor": 600, "note": "quote"}]
    assert saved["created_at"] == "2026-11-22T09:00:00+00:00" and saved["stock"] == {}
    with pytest.raises(rules.ProductError, match="already exists"):
        rules.add_product(store, VALUES, "USD", "US")


def test_a_new_cost_is_added_from_its_date_and_old_orders_keep_theirs(store) -> None:
    saved = rules.add_product(store, VALUES, "USD", "US")
    edited = rules.edit_product(store, "NEW-1", {**VALUES, "cost_minor": 650, "cost_from": date(2026, 12, 1),
                                                 "cost_note": "supplier +8%"}, expect_rev=saved["_rev"])
    assert [c["landed_minor"] for c in edited["costs"]] == [600, 650]
    assert cost_on(edited, "2026-11-15") == 600 and cost_on(edited, "2026-12-02") == 650
    # the same date again corrects that entry instead of adding one
    fixed = rules.edit_product(store, "NEW-1", {**VALUES, "cost_minor": 640, "cost_from": date(2026, 12, 1)},
                               expect_rev=edited["_rev"])
    assert [(c["from"], c["landed_minor"]) for c in fixed["costs"]] == [("2026-11-01", 600), ("2026-12-01", 640)]


def test_an_unchanged_form_saves_nothing_and_a_stale_one_is_a_conflict(store) -> None:
    saved = rules.add_product(store, VALUES, "USD", "US")
    same = {**VALUES, "cost_from": date(2026, 11, 22)}  # the form's default date, cost unchanged
    assert rules.edit_product(store, "NEW-1", same, expect_rev=saved["_rev"]) is None
    rules.edit_product(store, "NEW-1", {**VALUES, "title": "Renamed"}, expect_rev=saved["_rev"])
    with pytest.raises(Conflict):
        rules.edit_product(store, "NEW-1", {**VALUES, "moq": 1}, expect_rev=saved["_rev"])


def test_a_cost_in_its_own_currency_is_typed_with_its_code(store) -> None:
    assert rules.parse_cost("6.40", "USD") == rules.LandedCost(640, "USD")
    assert rules.parse_cost(" 45.50 cny ", "USD") == rules.LandedCost(4550, "CNY")
    assert rules.parse_cost("45.50CNY", "USD") == rules.LandedCost(4550, "CNY")
    assert rules.parse_cost("1200 JPY", "USD") == rules.LandedCost(1200, "JPY")
    assert rules.parse_cost("", "USD") is None
    with pytest.raises(FieldError, match="3-letter currency code"):
        rules.parse_cost("45.50 yuan", "USD")
    saved = rules.add_product(store, {**VALUES, "cost_minor": rules.LandedCost(4550, "CNY")}, "USD", "US")
    assert saved["costs"] == [{"from": "2026-11-01", "landed_minor": 4550, "note": "quote", "currency": "CNY"}]
    # the same amount in the same currency is no change; back in dollars from a date: a new entry without a code
    same = {**VALUES, "cost_minor": rules.LandedCost(4550, "CNY"), "cost_from": date(2026, 11, 22)}
    assert rules.edit_product(store, "NEW-1", same, expect_rev=saved["_rev"]) is None
    dollars = {**VALUES, "cost_minor": rules.LandedCost(640, "USD"), "cost_from": date(2026, 12, 1)}
    edited = rules.edit_product(store, "NEW-1", dollars, expect_rev=saved["_rev"])
    assert [(c["landed_minor"], c.get("currency")) for c in edited["costs"]] == [(4550, "CNY"), (640, None)]
    # minor units without a code (the CLI, older callers) stay in the currency of the cost in force
    kept = rules.edit_product(store, "NEW-1", {**VALUES, "cost_minor": 4800, "cost_from": date(2026, 11, 20)},
                              expect_rev=edited["_rev"])
    assert kept["costs"][1] == {"from": "2026-11-20", "landed_minor": 4800, "note": "quote", "currency": "CNY"}
