"""What a valid promotion is, and creating, editing, duplicating, moving on and cancelling one in the store."""

from __future__ import annotations

from datetime import date

import pytest

from sellertui.domain.fields import FieldError
from sellertui.domain.promotions import records
from sellertui.store.errors import Conflict

CATALOGUE = {"MM-A": {}, "MM-B": {}}


@pytest.mark.parametrize("text,value", [("25", 25.0), ("25%", 25.0), (" 12.5 % ", 12.5), ("99.99", 99.99)])
def test_discounts(text: str, value: float) -> None:
    assert records.parse_discount(text) == value


@pytest.mark.parametrize("text,reason", [("0", "a discount above 0%"), ("-5", "a discount above 0%"),
                                         ("100", "less than 100%"), ("150", "less than 100%"),
                                         ("lots", "a percentage, like 20"), ("nan", "a discount above 0%")])
def test_bad_discounts_say_why(text: str, reason: str) -> None:
    with pytest.raises(FieldError, match=reason):
        records.parse_discount(text)


def test_skus_are_matched_to_the_catalogue_ignoring_case_and_duplicates() -> None:
    assert records.parse_skus("mm-a, MM-B mm-a", CATALOGUE) == ["MM-A", "MM-B"]
    with pytest.raises(FieldError, match="unknown SKUs: X1, X2"):
        records.parse_skus("MM-A X1 X2", CATALOGUE)
    with pytest.raises(FieldError, match="at least one SKU"):
        records.parse_skus(" , ", CATALOGUE)


def test_an_end_before_the_start_and_too_long_a_deal_are_refused() -> None:
    d = date.fromisoformat
    assert records.check({"start": d("2026-12-02"), "end": d("2026-12-01"), "type": "coupon"}) == {
        "end": "on or after the start (2026-12-02)"}
    assert records.check({"start": d("2026-12-01"), "end": d("2026-12-02"), "type": "lightning_deal"}) == {
        "end": "a Lightning Deal runs within one day (a 4–12 hour slot)"}
    assert records.check({"start": d("2026-12-01"), "end": d("2026-12-15"), "type": "best_deal"}) == {
        "end": "a Best Deal runs at most 14 days"}
    assert records.check({"start": d("2026-12-01"), "end": d("2026-12-01"), "type": "lightning_deal"}) == {}


def record(**changes) -> dict:
    return {"name": "Winter coupon", "type": "coupon", "skus": ["MM-A"], "start": "2026-12-01",
            "end": "2026-12-10", "discount_pct": 10.0, "expected_units": 40, "budget_minor": 0, "currency": "USD",
            "status": "idea", "event": "", "event_id": "", "marketplace": "US", "notes": "", **changes}


@pytest.mark.parametrize("changes,reason", [
    ({"type": "flash"}, "type must be one of"), ({"status": "maybe"}, "status must be one of"),
    ({"name": "  "}, "needs a name"), ({"skus": ["NOPE"]}, "unknown SKU: NOPE"),
    ({"discount_pct": 0}, "above 0%"), ({"start": "soon"}, "dates like"),
    ({"end": "2026-11-30"}, "end: on or after the start"),
])
def test_validate_refuses_with_the_reason(changes: dict, reason: str) -> None:
    with pytest.raises(records.PromotionError, match=reason):
        records.validate(record(**changes), CATALOGUE)


def test_duplicate_is_a_new_idea_of_the_same_length() -> None:
    future = {**record(status="approved"), "id": "x", "_rev": 3, "history": [{"what": "created"}]}
    copy = records.duplicate(future, date(2026, 11, 22))
    assert copy["status"] == "idea" and copy["name"] == "Winter coupon (copy)"
    assert (copy["start"], copy["end"]) == ("2026-12-01", "2026-12-10")
    assert "id" not in copy and "_rev" not in copy and "history" not in copy
    past = records.duplicate({**future, "start": "2026-10-01", "end": "2026-10-03"}, date(2026, 11, 22))
    assert (past["start"], past["end"]) == ("2026-11-29", "2026-12-01")  # a week from today, 3 days long


@pytest.fixture
def shop(store):
    with store.transaction() as tx:
        tx["products"].upsert_many([{"id": "MM-A", "sku": "MM-A"}, {"id": "MM-B", "sku": "MM-B"}])
    return store


def test_create_edit_move_on_and_cancel_with_history(shop) -> None:
    made = records.create(shop, record(), "ana")
    assert made["history"][0]["what"] == "created as idea" and made["history"][0]["by"] == "ana"
    edited = records.update(shop, made["id"], {"discount_pct": 15.0}, "ben", expect_rev=made["_rev"])
    assert edited["discount_pct"] == 15.0 and edited["history"][-1]["what"] == "edited"
    moved = records.advance(shop, made["id"], "ana", expect_rev=edited["_rev"])
    assert moved["status"] == "submitted" and moved["history"][-1]["what"] == "now submitted"
    cancelled = records.cancel(shop, made["id"], "ana", "stock too low", expect_rev=moved["_rev"])
    assert cancelled["status"] == "cancelled" and cancelled["notes"] == "Cancelled: stock too low"
    assert cancelled["history"][-1]["what"] == "cancelled: stock too low"
    with pytest.raises(records.PromotionError, match="cancelled already"):
        records.cancel(shop, made["id"], "ana")
    with pytest.raises(records.PromotionError, match="does not move on"):
        records.advance(shop, made["id"], "ana")


def test_a_teammates_edit_in_between_is_a_conflict_not_overwritten(shop) -> None:
    made = records.create(shop, record(), "ana")
    records.update(shop, made["id"], {"notes": "ben was here"}, "ben", expect_rev=made["_rev"])
    with pytest.raises(Conflict):
        records.update(shop, made["id"], {"discount_pct": 30.0}, "ana", expect_rev=made["_rev"])
    assert shop["promotions"].get(made["id"])["discount_pct"] == 10.0


def test_the_store_refuses_invalid_edits_too(shop) -> None:
    made = records.create(shop, record(), "ana")
    with pytest.raises(records.PromotionError, match="on or after the start"):
        records.update(shop, made["id"], {"end": "2026-11-01"}, "ana")
    with pytest.raises(records.PromotionError, match="unknown SKU"):
        records.create(shop, record(skus=["GONE"]), "ana")
